package nats

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	natsgo "github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/entente-nlp/entente/pipeline"
)

// Processor turns one submitted document into its record, encoded as one
// line (without the newline) of what `entente extract --format jsonl`
// writes. A document's own problems belong in the record's errors; an
// error from Process means no record could be made, and the document is
// delivered again. Process must return promptly once ctx is done.
type Processor interface {
	Process(ctx context.Context, d *pipeline.Document) ([]byte, error)
}

// ProcessorFunc adapts a function to Processor.
type ProcessorFunc func(ctx context.Context, d *pipeline.Document) ([]byte, error)

// Process calls f.
func (f ProcessorFunc) Process(ctx context.Context, d *pipeline.Document) ([]byte, error) {
	return f(ctx, d)
}

// WorkStats counts what a Worker did.
type WorkStats struct {
	// Records were published (documents finished, with or without
	// errors of their own).
	Records int
	// Retried deliveries were handed back for another try (timeout,
	// processing error, shutdown).
	Retried int
	// DeadLettered documents went to the dead-letter stream.
	DeadLettered int
}

// Worker pulls documents from the durable consumer, processes them and
// publishes their records, Workers at a time.
type Worker struct {
	JS   jetstream.JetStream
	Cfg  Config
	Proc Processor
	// Workers is the number of documents processed at once; 0 means 1.
	Workers int
	// Grace is how long documents in flight may take to finish once Run's
	// context is cancelled; those still running then are handed back to
	// the server for another worker. 0 means 10s.
	Grace time.Duration
	// Log receives one line per retry and dead letter; nil discards.
	Log *slog.Logger
	// OnRecord is told about each record published, for progress; may be
	// nil. It is called from several goroutines.
	OnRecord func(id string)

	mu    sync.Mutex
	stats WorkStats
}

// Run works until ctx is cancelled, then lets the documents in flight
// finish (or hands them back after Grace) and returns. It returns an
// error only when it cannot work at all (the stream or consumer is
// missing, the connection is closed).
func (w *Worker) Run(ctx context.Context) (WorkStats, error) {
	if w.Proc == nil {
		return WorkStats{}, errors.New("nats: worker has no processor")
	}
	if err := Setup(ctx, w.JS, w.Cfg); err != nil {
		if ctx.Err() != nil {
			return WorkStats{}, nil // told to stop before it started: nothing to do
		}
		return WorkStats{}, err
	}
	cons, err := consumer(ctx, w.JS, w.Cfg)
	if err != nil {
		if ctx.Err() != nil {
			return WorkStats{}, nil
		}
		return WorkStats{}, err
	}
	n := max(w.Workers, 1)
	grace := w.Grace
	if grace <= 0 {
		grace = 10 * time.Second
	}
	// Processing outlives ctx by the grace period.
	procCtx, cancelProc := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelProc()
	stopTimer := context.AfterFunc(ctx, func() { time.AfterFunc(grace, cancelProc) })
	defer stopTimer()

	errc := make(chan error, n)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errc <- w.loop(ctx, procCtx, cons)
		}()
	}
	wg.Wait()
	close(errc)
	var first error
	for err := range errc {
		if err != nil && first == nil {
			first = err
		}
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.stats, first
}

func (w *Worker) loop(ctx, procCtx context.Context, cons jetstream.Consumer) error {
	for ctx.Err() == nil {
		msg, err := cons.Next(jetstream.FetchMaxWait(time.Second))
		if err != nil {
			if errors.Is(err, natsgo.ErrConnectionClosed) || errors.Is(err, jetstream.ErrConsumerNotFound) || errors.Is(err, jetstream.ErrStreamNotFound) {
				return fmt.Errorf("nats: worker: %w", err)
			}
			continue // no message within the wait, or a passing fault
		}
		if ctx.Err() != nil {
			_ = msg.Nak() // arrived as we stopped: another worker takes it
			return nil
		}
		w.handle(procCtx, msg)
	}
	return nil
}

func (w *Worker) count(f func(*WorkStats)) {
	w.mu.Lock()
	f(&w.stats)
	w.mu.Unlock()
}

func (w *Worker) log(msg string, args ...any) {
	if w.Log != nil {
		w.Log.Warn(msg, args...)
	}
}

// handle processes one delivery.
func (w *Worker) handle(procCtx context.Context, msg jetstream.Msg) {
	md, err := msg.Metadata()
	if err != nil {
		_ = msg.Term() // not a JetStream delivery: nothing to redeliver
		return
	}
	data := msg.Data()
	if md.NumDelivered > uint64(w.Cfg.MaxDeliver) {
		w.dead(msg, md, nil, data, fmt.Sprintf("not finished after %d deliveries: each time the worker processing it stopped (crashed, was killed or shut down) or did not answer within the ack wait", md.NumDelivered-1))
		return
	}
	d, err := decodeDoc(data)
	if err != nil {
		w.dead(msg, md, nil, data, err.Error())
		return
	}
	id := msg.Headers().Get(jetstream.MsgIDHeader)
	if id == "" {
		if id, err = MsgID(d); err != nil {
			w.dead(msg, md, d, data, err.Error())
			return
		}
	}

	// Tell the server the document is still being worked on, so a long
	// document is not redelivered while it is processed.
	hbCtx, stopHB := context.WithCancel(procCtx)
	defer stopHB()
	go func() {
		t := time.NewTicker(max(w.Cfg.AckWait/3, 200*time.Millisecond))
		defer t.Stop()
		for {
			select {
			case <-hbCtx.Done():
				return
			case <-t.C:
				_ = msg.InProgress()
			}
		}
	}()

	dctx, cancel := context.WithTimeout(procCtx, w.Cfg.DocTimeout)
	defer cancel()
	type result struct {
		rec []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		rec, err := w.Proc.Process(dctx, d)
		done <- result{rec, err}
	}()
	var r result
	finished := false
	select {
	case r = <-done:
		finished = r.err == nil
	case <-dctx.Done():
	}
	stopHB()
	switch {
	case finished:
		// A complete record, even if the deadline passed just after.
	case errors.Is(dctx.Err(), context.DeadlineExceeded):
		w.retry(msg, md, d, data, fmt.Sprintf("timed out after %s (nats.doc_timeout)", w.Cfg.DocTimeout))
		return
	case dctx.Err() != nil:
		// Shut down before it finished: another worker takes it now.
		_ = msg.Nak()
		w.count(func(s *WorkStats) { s.Retried++ })
		return
	case r.err != nil:
		w.retry(msg, md, d, data, r.err.Error())
		return
	}

	rm := natsgo.NewMsg(w.Cfg.RecordsSubject + "." + idToken(d.ID))
	rm.Data = r.rec
	rm.Header.Set(jetstream.MsgIDHeader, id)
	rm.Header.Set("Entente-Doc-Id", d.ID)
	pctx, pcancel := context.WithTimeout(context.WithoutCancel(procCtx), 30*time.Second)
	defer pcancel()
	if _, err := w.JS.PublishMsg(pctx, rm); err != nil {
		// No record stored: leave the document to be redelivered.
		_ = msg.Nak()
		w.count(func(s *WorkStats) { s.Retried++ })
		w.log("nats: worker could not store the record; the document will be redelivered", "doc", d.ID, "error", err)
		return
	}
	// Acknowledge only once the record is stored. If this
	// acknowledgement is lost, the redelivered document's record is
	// deduplicated by its message id.
	_ = msg.DoubleAck(pctx)
	w.count(func(s *WorkStats) { s.Records++ })
	if w.OnRecord != nil {
		w.OnRecord(d.ID)
	}
}

// retry hands the document back for a later delivery, or dead-letters it
// when this was the last one.
func (w *Worker) retry(msg jetstream.Msg, md *jetstream.MsgMetadata, d *pipeline.Document, data []byte, reason string) {
	if md.NumDelivered >= uint64(w.Cfg.MaxDeliver) {
		w.dead(msg, md, d, data, fmt.Sprintf("%s on delivery %d of %d", reason, md.NumDelivered, w.Cfg.MaxDeliver))
		return
	}
	w.log("nats: document will be delivered again", "doc", d.ID, "delivery", md.NumDelivered, "reason", reason)
	w.count(func(s *WorkStats) { s.Retried++ })
	_ = msg.NakWithDelay(time.Duration(md.NumDelivered) * time.Second)
}

// dead publishes a dead letter for the delivery and acknowledges it.
func (w *Worker) dead(msg jetstream.Msg, md *jetstream.MsgMetadata, d *pipeline.Document, data []byte, reason string) {
	dl := DeadLetter{MsgID: msg.Headers().Get(jetstream.MsgIDHeader), Deliveries: md.NumDelivered, Reason: reason}
	if json.Valid(data) {
		dl.Document = data
	}
	if d != nil {
		dl.ID, dl.Source = d.ID, d.Source
	} else {
		var head struct {
			ID     string `json:"id"`
			Source string `json:"source"`
		}
		_ = json.Unmarshal(data, &head)
		dl.ID, dl.Source = head.ID, head.Source
	}
	if dl.ID == "" {
		dl.ID = fmt.Sprintf("%s#%d", w.Cfg.DocsStream, md.Sequence.Stream)
	}
	b, err := json.Marshal(dl)
	if err != nil {
		_ = msg.Nak()
		return
	}
	m := natsgo.NewMsg(w.Cfg.DeadSubject + "." + idToken(dl.ID))
	m.Data = b
	if dl.MsgID != "" {
		m.Header.Set(jetstream.MsgIDHeader, dl.MsgID+"-dead")
	}
	m.Header.Set("Entente-Doc-Id", dl.ID)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := w.JS.PublishMsg(ctx, m); err != nil {
		_ = msg.Nak()
		w.log("nats: worker could not store a dead letter; the document will be redelivered", "doc", dl.ID, "error", err)
		return
	}
	_ = msg.DoubleAck(ctx)
	w.count(func(s *WorkStats) { s.DeadLettered++ })
	w.log("nats: document dead-lettered", "doc", dl.ID, "deliveries", md.NumDelivered, "reason", reason)
}
