// Package nats runs entente's pipeline as workers on NATS JetStream, so a
// corpus too large for one process is spread over many, with nothing lost.
//
// Documents are submitted to a stream (Submit), pulled by any number of
// workers through one durable consumer (Worker), and their records are
// published to a second stream that Collect reads back as the JSON Lines
// that `entente extract` writes. Every message carries a Nats-Msg-Id
// derived from the document's id and content, so a resubmission is
// deduplicated; the records stream keeps one record per document id.
//
// Guarantees: a worker acknowledges a document only after its record is
// stored, so a worker that crashes or is killed mid-document leaves it to
// be redelivered after the ack wait; a document that is not finished after
// max_deliver deliveries (it crashed its workers or timed out each time)
// is published to the dead-letter stream with the reason. Order is not
// kept across workers.
//
// Serve starts an embedded NATS server with JetStream for one machine and
// tests. The package is a face of entente like the CLI and the HTTP
// service: it reaches the pipeline through a Processor that the program
// supplies, and nothing below it imports it.
package nats
