// Package output defines entente's output contract, the Record written for
// each finished document, and the writers for the json, jsonl, csv and
// table formats.
//
// A Record is built from a finished pipeline.Document. Its offsets point
// into the document's ORIGINAL bytes (the input exactly as read), so that
// Original[start:end] is the mention text; the contract is documented in
// docs/output.md and kept stable.
//
// It belongs to the faces of entente (internal/app: the CLI, the HTTP
// service, the queue workers); stages and the library packages below them
// do not import it.
package output
