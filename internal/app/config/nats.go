package config

import (
	"strings"
	"time"
)

// Nats configures entente's NATS JetStream workers (entente nats ...).
// The defaults work on the embedded server of `entente nats serve`.
type Nats struct {
	// URL is the NATS server (or comma-separated cluster seeds).
	URL string `mapstructure:"url" yaml:"url"`
	// DocsStream holds submitted documents on DocsSubject.
	DocsStream  string `mapstructure:"docs_stream" yaml:"docs_stream"`
	DocsSubject string `mapstructure:"docs_subject" yaml:"docs_subject"`
	// RecordsStream holds finished records on RecordsSubject.
	RecordsStream  string `mapstructure:"records_stream" yaml:"records_stream"`
	RecordsSubject string `mapstructure:"records_subject" yaml:"records_subject"`
	// DeadStream holds documents that could not be finished after
	// MaxDeliver deliveries, with the reason, on DeadSubject.
	DeadStream  string `mapstructure:"dead_stream" yaml:"dead_stream"`
	DeadSubject string `mapstructure:"dead_subject" yaml:"dead_subject"`
	// Durable names the workers' shared pull consumer.
	Durable string `mapstructure:"durable" yaml:"durable"`
	// AckWait is how long a delivered document may go without an
	// acknowledgement or progress signal before it is redelivered.
	AckWait Duration `mapstructure:"ack_wait" yaml:"ack_wait"`
	// MaxDeliver is how many times a document is delivered before it goes
	// to the dead-letter subject.
	MaxDeliver int `mapstructure:"max_deliver" yaml:"max_deliver"`
	// MaxAckPending bounds the documents in flight across all workers.
	MaxAckPending int `mapstructure:"max_ack_pending" yaml:"max_ack_pending"`
	// Replicas is the streams' replication factor (1 on one server, 3 on
	// a three-node cluster).
	Replicas int `mapstructure:"replicas" yaml:"replicas"`
	// DocTimeout bounds the processing of one document; past it the
	// delivery counts as failed and the document is redelivered.
	DocTimeout Duration `mapstructure:"doc_timeout" yaml:"doc_timeout"`
	// DuplicateWindow is how long the streams remember message ids for
	// deduplicating a resubmission.
	DuplicateWindow Duration `mapstructure:"duplicate_window" yaml:"duplicate_window"`
}

// natsDefaults are the nats.* defaults as viper keys.
func natsDefaults() map[string]any {
	return map[string]any{
		"nats.url":              "nats://127.0.0.1:4222",
		"nats.docs_stream":      "ENTENTE_DOCS",
		"nats.docs_subject":     "entente.docs",
		"nats.records_stream":   "ENTENTE_RECORDS",
		"nats.records_subject":  "entente.records",
		"nats.dead_stream":      "ENTENTE_DEAD",
		"nats.dead_subject":     "entente.dead",
		"nats.durable":          "entente-workers",
		"nats.ack_wait":         "30s",
		"nats.max_deliver":      5,
		"nats.max_ack_pending":  64,
		"nats.replicas":         1,
		"nats.doc_timeout":      "5m",
		"nats.duplicate_window": "24h",
	}
}

// validate reports the problems of the nats section through add.
func (n Nats) validate(add func(key, format string, args ...any)) {
	names := []struct{ key, val string }{
		{"nats.url", n.URL}, {"nats.docs_stream", n.DocsStream}, {"nats.docs_subject", n.DocsSubject},
		{"nats.records_stream", n.RecordsStream}, {"nats.records_subject", n.RecordsSubject},
		{"nats.dead_stream", n.DeadStream}, {"nats.dead_subject", n.DeadSubject}, {"nats.durable", n.Durable},
	}
	for _, kv := range names {
		if strings.TrimSpace(kv.val) == "" {
			add(kv.key, "%s is empty", kv.key)
		} else if !strings.HasSuffix(kv.key, "subject") && kv.key != "nats.url" && strings.ContainsAny(kv.val, " .*>\t") {
			add(kv.key, "%s %q may not contain spaces, dots, * or >", kv.key, kv.val)
		}
	}
	if time.Duration(n.AckWait) < time.Second {
		add("nats.ack_wait", "nats.ack_wait must be at least 1s, not %s", n.AckWait)
	}
	if n.MaxDeliver < 1 {
		add("nats.max_deliver", "nats.max_deliver must be at least 1, not %d", n.MaxDeliver)
	}
	if n.MaxAckPending < 1 {
		add("nats.max_ack_pending", "nats.max_ack_pending must be at least 1, not %d", n.MaxAckPending)
	}
	if n.Replicas < 1 || n.Replicas > 5 {
		add("nats.replicas", "nats.replicas must be 1 to 5, not %d", n.Replicas)
	}
	if time.Duration(n.DocTimeout) <= 0 {
		add("nats.doc_timeout", "nats.doc_timeout must be positive, not %s", n.DocTimeout)
	}
	if time.Duration(n.DuplicateWindow) <= 0 {
		add("nats.duplicate_window", "nats.duplicate_window must be positive, not %s", n.DuplicateWindow)
	}
}
