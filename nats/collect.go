package nats

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// CollectStats counts what Collect read.
type CollectStats struct {
	// Records is the number of documents with a record.
	Records int
	// Dead is the number of documents with a dead letter and no record.
	Dead int
	// Replaced counts records that arrived for a document already
	// collected (a resubmission with changed content); the first is kept.
	Replaced int
}

// Collector reads records and dead letters back, once per document id.
type Collector struct {
	JS  jetstream.JetStream
	Cfg Config
	// Expect stops the collection once this many documents have a record
	// or a dead letter; 0 stops on Idle alone.
	Expect int
	// Idle stops the collection when nothing new arrived for this long;
	// 0 means 10s when Expect is 0, and never otherwise.
	Idle time.Duration
	// OnRecord receives each record (one JSON object, as extract's
	// jsonl writes it) with its document id, once per document id.
	OnRecord func(id string, record []byte) error
	// OnDead receives each dead letter of a document that has no record.
	OnDead func(DeadLetter) error
	// OnProgress is told the number of documents collected so far.
	OnProgress func(done int)
}

type collected struct {
	dead bool
	id   string
	data []byte
	err  error
}

// Collect reads until Expect documents are collected, nothing arrived for
// Idle, or ctx is cancelled (then it returns ctx.Err() with what it had).
// Dead letters are reported after the records, for the documents that
// never got one.
func (c *Collector) Collect(ctx context.Context) (CollectStats, error) {
	var st CollectStats
	if err := Setup(ctx, c.JS, c.Cfg); err != nil {
		return st, err
	}
	idle := c.Idle
	if idle == 0 && c.Expect == 0 {
		idle = 10 * time.Second
	}
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	in := make(chan collected, 64)
	for _, s := range []struct {
		stream string
		dead   bool
	}{{c.Cfg.RecordsStream, false}, {c.Cfg.DeadStream, true}} {
		cons, err := c.JS.OrderedConsumer(rctx, s.stream, jetstream.OrderedConsumerConfig{})
		if err != nil {
			return st, fmt.Errorf("nats: collect: reading %s: %w", s.stream, err)
		}
		it, err := cons.Messages()
		if err != nil {
			return st, fmt.Errorf("nats: collect: reading %s: %w", s.stream, err)
		}
		context.AfterFunc(rctx, it.Stop)
		go func(it jetstream.MessagesContext, dead bool) {
			for {
				msg, err := it.Next()
				if err != nil {
					if !errors.Is(err, jetstream.ErrMsgIteratorClosed) {
						select {
						case in <- collected{err: err}:
						case <-rctx.Done():
						}
					}
					return
				}
				item := collected{dead: dead, data: msg.Data(), id: msg.Headers().Get("Entente-Doc-Id")}
				if item.id == "" {
					item.id = msg.Subject()[strings.LastIndexByte(msg.Subject(), '.')+1:]
				}
				select {
				case in <- item:
				case <-rctx.Done():
					return
				}
			}
		}(it, s.dead)
	}

	records := map[string]bool{}
	dead := map[string]DeadLetter{}
	done := func() int {
		n := len(records)
		for id := range dead {
			if !records[id] {
				n++
			}
		}
		return n
	}
	var timer <-chan time.Time
	var t *time.Timer
	if idle > 0 {
		t = time.NewTimer(idle)
		defer t.Stop()
		timer = t.C
	}
	var err error
loop:
	for c.Expect == 0 || done() < c.Expect {
		select {
		case <-ctx.Done():
			err = ctx.Err()
			break loop
		case <-timer:
			break loop
		case item := <-in:
			if item.err != nil {
				err = fmt.Errorf("nats: collect: %w", item.err)
				break loop
			}
			if t != nil {
				t.Reset(idle)
			}
			if item.dead {
				var dl DeadLetter
				if json.Unmarshal(item.data, &dl) != nil {
					dl = DeadLetter{ID: item.id, Reason: "unreadable dead letter"}
				}
				dead[item.id] = dl
			} else if records[item.id] {
				st.Replaced++
				continue
			} else {
				records[item.id] = true
				if c.OnRecord != nil {
					if werr := c.OnRecord(item.id, item.data); werr != nil {
						err = werr
						break loop
					}
				}
			}
			if c.OnProgress != nil {
				c.OnProgress(done())
			}
		}
	}
	cancel()
	st.Records = len(records)
	for _, id := range slices.Sorted(maps.Keys(dead)) {
		if records[id] {
			continue
		}
		st.Dead++
		if c.OnDead != nil && err == nil {
			err = c.OnDead(dead[id])
		}
	}
	return st, err
}
