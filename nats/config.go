package nats

import (
	"errors"
	"time"
)

// Config names the streams and sets the delivery limits. The zero value is
// not usable; start from DefaultConfig.
type Config struct {
	DocsStream, DocsSubject       string
	RecordsStream, RecordsSubject string
	DeadStream, DeadSubject       string
	// Durable names the workers' shared pull consumer.
	Durable string
	// AckWait is how long a delivery may go without an acknowledgement or
	// progress signal before the document is redelivered.
	AckWait time.Duration
	// MaxDeliver is how many deliveries a document gets before it goes to
	// the dead-letter stream.
	MaxDeliver int
	// MaxAckPending bounds the documents in flight across all workers.
	MaxAckPending int
	// Replicas is the streams' replication factor.
	Replicas int
	// DocTimeout bounds the processing of one document.
	DocTimeout time.Duration
	// DuplicateWindow is how long message ids are remembered.
	DuplicateWindow time.Duration
}

// DefaultConfig returns the configuration that `entente config` shows under
// nats: when nothing is set.
func DefaultConfig() Config {
	return Config{
		DocsStream: "ENTENTE_DOCS", DocsSubject: "entente.docs",
		RecordsStream: "ENTENTE_RECORDS", RecordsSubject: "entente.records",
		DeadStream: "ENTENTE_DEAD", DeadSubject: "entente.dead",
		Durable:         "entente-workers",
		AckWait:         30 * time.Second,
		MaxDeliver:      5,
		MaxAckPending:   64,
		Replicas:        1,
		DocTimeout:      5 * time.Minute,
		DuplicateWindow: 24 * time.Hour,
	}
}

func (c Config) validate() error {
	switch {
	case c.DocsStream == "" || c.DocsSubject == "" || c.RecordsStream == "" || c.RecordsSubject == "" ||
		c.DeadStream == "" || c.DeadSubject == "" || c.Durable == "":
		return errors.New("nats: stream, subject and consumer names must all be set")
	case c.AckWait < time.Second:
		return errors.New("nats: ack wait must be at least 1s")
	case c.MaxDeliver < 1:
		return errors.New("nats: max deliver must be at least 1")
	case c.MaxAckPending < 1:
		return errors.New("nats: max ack pending must be at least 1")
	case c.Replicas < 1:
		return errors.New("nats: replicas must be at least 1")
	case c.DocTimeout <= 0:
		return errors.New("nats: document timeout must be positive")
	}
	return nil
}
