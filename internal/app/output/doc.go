// Package output writes entente's output records (entente.Record, the
// contract documented in docs/output.md) in the json, jsonl, csv and table
// formats of `entente extract`.
//
// It belongs to the faces of entente (internal/app: the CLI, the HTTP
// service, the queue workers); stages and the library packages below them
// do not import it.
package output
