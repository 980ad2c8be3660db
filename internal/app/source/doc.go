// Package source turns command line inputs (files, directories, "-" for
// standard input, JSON Lines files) into pipeline Documents, streamed in
// input order.
//
// A problem with one input (a missing file, a directory without matching
// files, a file over the size limit, a malformed JSON line) becomes a
// Document carrying one fatal error that names the input and the reason;
// the other inputs are still read. Checks of the content itself (empty,
// binary, invalid UTF-8) belong to the ingest stage.
//
// It belongs to the faces of entente (internal/app: the CLI, the HTTP
// service, the queue workers); stages and the library packages below them
// do not import it.
package source
