package nats

import (
	"context"
	"errors"
	"fmt"

	natsgo "github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/entente-nlp/entente/pipeline"
)

// SubmitStats counts what Submit did.
type SubmitStats struct {
	// Submitted is the number of documents stored in the stream.
	Submitted int
	// Duplicates were already in the stream (same id and content) and
	// were not stored again.
	Duplicates int
	// Rejected could not be submitted (too large for the server, or the
	// server refused them); each was reported through OnReject.
	Rejected int
	// Bytes is the size of the messages sent.
	Bytes int64
}

// Submitter publishes documents to the documents stream.
type Submitter struct {
	JS  jetstream.JetStream
	Cfg Config
	// MaxPayload is the largest message the server accepts (the
	// connection's MaxPayload); larger documents are rejected before
	// sending. 0 means no check.
	MaxPayload int64
	// OnReject is told about each document that could not be submitted;
	// nil ignores them (they are still counted).
	OnReject func(d *pipeline.Document, err error)
	// OnSubmit is told about each document the server stored or
	// recognised as a duplicate, for progress display; may be nil.
	OnSubmit func(d *pipeline.Document, duplicate bool)
	// Window bounds the publications awaiting the server's
	// acknowledgement; 0 means 256.
	Window int
}

// pending is one publication awaiting its acknowledgement.
type pending struct {
	doc *pipeline.Document
	fut jetstream.PubAckFuture
	n   int
}

// Submit publishes every document of src to the documents stream, each
// with a Nats-Msg-Id from MsgID, and waits for the server to store them.
// Documents that carry an input error (a missing file, a malformed JSON
// line) are submitted too: their record reports the error, as entente
// extract's does. It stops early only when ctx is cancelled or the server
// is unreachable.
func (s *Submitter) Submit(ctx context.Context, src pipeline.Source) (SubmitStats, error) {
	var st SubmitStats
	window := s.Window
	if window <= 0 {
		window = 256
	}
	var queue []pending
	settle := func(p pending) error {
		select {
		case ack := <-p.fut.Ok():
			st.Bytes += int64(p.n)
			if ack.Duplicate {
				st.Duplicates++
			} else {
				st.Submitted++
			}
			if s.OnSubmit != nil {
				s.OnSubmit(p.doc, ack.Duplicate)
			}
			return nil
		case err := <-p.fut.Err():
			if errors.Is(err, natsgo.ErrConnectionClosed) || errors.Is(err, context.Canceled) {
				return fmt.Errorf("nats: submitting %s: %w", p.doc.ID, err)
			}
			s.reject(&st, p.doc, fmt.Errorf("nats: the server did not store %s: %w", p.doc.ID, err))
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	err := src(ctx, func(d *pipeline.Document) error {
		data, err := encodeDoc(d)
		if err != nil {
			s.reject(&st, d, err)
			return nil
		}
		if s.MaxPayload > 0 && int64(len(data)) > s.MaxPayload {
			s.reject(&st, d, fmt.Errorf("nats: %s is %d bytes as a message, over the server's max_payload of %d bytes (raise max_payload on the server, or lower input.max_bytes)", d.Source, len(data), s.MaxPayload))
			return nil
		}
		id, err := MsgID(d)
		if err != nil {
			s.reject(&st, d, err)
			return nil
		}
		msg := natsgo.NewMsg(s.Cfg.DocsSubject)
		msg.Data = data
		msg.Header.Set(jetstream.MsgIDHeader, id)
		fut, err := s.JS.PublishMsgAsync(msg)
		if err != nil {
			return fmt.Errorf("nats: submitting %s: %w", d.ID, err)
		}
		queue = append(queue, pending{doc: d, fut: fut, n: len(data)})
		for len(queue) >= window {
			if err := settle(queue[0]); err != nil {
				return err
			}
			queue = queue[1:]
		}
		return nil
	})
	for _, p := range queue {
		if err != nil {
			break
		}
		err = settle(p)
	}
	return st, err
}

func (s *Submitter) reject(st *SubmitStats, d *pipeline.Document, err error) {
	st.Rejected++
	if s.OnReject != nil {
		s.OnReject(d, err)
	}
}
