package nats

import (
	"context"
	"fmt"

	"github.com/nats-io/nats.go/jetstream"
)

// Setup creates the documents, records and dead-letter streams, or updates
// them to cfg. The records and dead-letter streams keep the latest message
// per document id; the documents stream keeps every submission until a
// worker acknowledges it (work-queue retention).
func Setup(ctx context.Context, js jetstream.JetStream, cfg Config) error {
	if err := cfg.validate(); err != nil {
		return err
	}
	streams := []jetstream.StreamConfig{{
		Name:        cfg.DocsStream,
		Description: "entente: documents submitted for extraction",
		Subjects:    []string{cfg.DocsSubject},
		Retention:   jetstream.WorkQueuePolicy,
		Storage:     jetstream.FileStorage,
		Replicas:    cfg.Replicas,
		Duplicates:  cfg.DuplicateWindow,
	}, {
		Name:              cfg.RecordsStream,
		Description:       "entente: one record per document id",
		Subjects:          []string{cfg.RecordsSubject + ".*"},
		Storage:           jetstream.FileStorage,
		Replicas:          cfg.Replicas,
		Duplicates:        cfg.DuplicateWindow,
		MaxMsgsPerSubject: 1,
	}, {
		Name:              cfg.DeadStream,
		Description:       "entente: documents not finished after max_deliver deliveries, with the reason",
		Subjects:          []string{cfg.DeadSubject + ".*"},
		Storage:           jetstream.FileStorage,
		Replicas:          cfg.Replicas,
		Duplicates:        cfg.DuplicateWindow,
		MaxMsgsPerSubject: 1,
	}}
	for _, sc := range streams {
		if _, err := js.CreateOrUpdateStream(ctx, sc); err != nil {
			return fmt.Errorf("nats: setting up stream %s: %w", sc.Name, err)
		}
	}
	return nil
}

// consumer creates or updates the workers' durable pull consumer. It gets
// one delivery more than MaxDeliver: a worker that receives a document for
// the (MaxDeliver+1)th time dead-letters it instead of processing it, so a
// document that kills its workers still ends somewhere.
func consumer(ctx context.Context, js jetstream.JetStream, cfg Config) (jetstream.Consumer, error) {
	c, err := js.CreateOrUpdateConsumer(ctx, cfg.DocsStream, jetstream.ConsumerConfig{
		Durable:       cfg.Durable,
		Description:   "entente workers",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       cfg.AckWait,
		MaxDeliver:    cfg.MaxDeliver + 1,
		MaxAckPending: cfg.MaxAckPending,
		FilterSubject: cfg.DocsSubject,
	})
	if err != nil {
		return nil, fmt.Errorf("nats: setting up consumer %s on %s: %w", cfg.Durable, cfg.DocsStream, err)
	}
	return c, nil
}
