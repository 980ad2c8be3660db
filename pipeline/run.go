package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

// Source produces the documents of a run, in input order, by calling emit
// once per document. It must stop and return emit's error when emit fails
// (the run was cancelled or the sink failed).
type Source func(ctx context.Context, emit func(*Document) error) error

// Sink receives each finished document, in input order, from a single
// goroutine. Documents with errors are delivered too, so they can be
// reported. A sink error stops the run.
type Sink func(*Document) error

// Runner carries documents from a Source through an ordered list of stages
// to a Sink. Each stage runs on its own bounded pool of workers; stages are
// connected by small buffered channels, so a slow stage holds back the
// ones before it instead of letting documents pile up in memory.
//
// A Runner holds no per-run state and may be reused.
type Runner struct {
	stages  []Stage
	workers int
	buffer  int
	window  int
	// sections is the section size of long documents (WithSections); 0
	// processes every document whole.
	sections int
}

// Option configures a Runner.
type Option func(*Runner)

// WithWorkers sets the number of concurrent workers per stage. n <= 0 means
// runtime.NumCPU().
func WithWorkers(n int) Option {
	return func(r *Runner) {
		if n > 0 {
			r.workers = n
		}
	}
}

// WithWindow bounds the number of documents in flight (read from the
// source but not yet handed to the sink). It is also the largest number of
// finished documents held back to restore input order. n <= 0 keeps the
// default, which is proportional to the number of stages and workers.
func WithWindow(n int) Option {
	return func(r *Runner) {
		if n > 0 {
			r.window = n
		}
	}
}

// NewRunner returns a Runner for stages, in order.
func NewRunner(stages []Stage, opts ...Option) *Runner {
	r := &Runner{stages: stages, workers: runtime.NumCPU(), buffer: 2}
	for _, o := range opts {
		o(r)
	}
	if r.window == 0 {
		r.window = (len(stages)+1)*(r.workers+r.buffer) + 8
	}
	return r
}

// Workers returns the number of workers per stage.
func (r *Runner) Workers() int { return r.workers }

// Summary reports what a run did.
type Summary struct {
	// OK counts documents delivered without any error; Warned those
	// delivered with warnings only (non-fatal errors: the document was
	// processed); Failed those with a fatal error (Document.Failed).
	OK, Warned, Failed int
	// Stages holds per-stage statistics, in pipeline order.
	Stages []StageStats
	// Elapsed is the wall time of the run.
	Elapsed time.Duration
}

// Total returns the number of documents delivered to the sink.
func (s Summary) Total() int { return s.OK + s.Warned + s.Failed }

// StageStats are one stage's statistics for a run.
type StageStats struct {
	Name string
	// Docs counts documents the stage processed (documents that failed
	// before it are not counted); Errors those for which it reported an
	// error (panics included).
	Docs, Errors int
	// Busy is the summed processing time of all the stage's workers.
	Busy time.Duration
}

// FatalError marks a stage error after which the document has no usable
// content; the runner records it with Fatal set, so later stages skip the
// document.
type FatalError struct{ Err error }

func (e *FatalError) Error() string { return e.Err.Error() }
func (e *FatalError) Unwrap() error { return e.Err }

// Fatal wraps err so that the runner records it as fatal. Fatal(nil) is nil.
func Fatal(err error) error {
	if err == nil {
		return nil
	}
	return &FatalError{Err: err}
}

// IsFatal reports whether err was wrapped by Fatal.
func IsFatal(err error) bool {
	var f *FatalError
	return errors.As(err, &f)
}

// Run reads documents from src, passes each through every stage and hands
// it to sink in input order. Run numbers documents 0, 1, 2, ... in the
// order src emits them, overwriting Document.Seq.
//
// A stage error is attached to the document (Document.AddError, fatal when
// wrapped by Fatal) and the document moves on; a panic in a stage becomes a
// fatal error of that document. A document with a fatal error (from a stage
// or from the source) skips the remaining stages and goes to the sink as it
// is, so stages never see failed documents. Only a sink error or
// cancellation stops the run. When ctx is cancelled, only documents that went through every stage
// reach the sink (the finished prefix in input order), and Run returns
// ctx.Err().
func (r *Runner) Run(ctx context.Context, src Source, sink Sink) (Summary, error) {
	start := time.Now()
	sum := Summary{Stages: make([]StageStats, len(r.stages))}
	for i, s := range r.stages {
		sum.Stages[i].Name = s.Name()
	}
	var statsMu sync.Mutex

	g, gctx := errgroup.WithContext(ctx)
	window := make(chan struct{}, r.window) // one token per document in flight

	// Source: number documents and feed the first stage.
	in := make(chan *Document, r.buffer)
	g.Go(func() error {
		defer close(in)
		seq := 0
		err := src(gctx, func(d *Document) error {
			select {
			case window <- struct{}{}:
			case <-gctx.Done():
				return gctx.Err()
			}
			d.Seq = seq
			seq++
			select {
			case in <- d:
				return nil
			case <-gctx.Done():
				return gctx.Err()
			}
		})
		if err != nil && gctx.Err() != nil {
			return nil // cancellation is reported below
		}
		if err != nil {
			return fmt.Errorf("pipeline: source: %w", err)
		}
		return nil
	})

	// Stages: each a pool of workers; the last worker to finish closes out.
	prev := (<-chan *Document)(in)
	for i, st := range r.stages {
		stageIn, out := prev, make(chan *Document, r.buffer)
		var wg sync.WaitGroup
		for w := 0; w < r.workers; w++ {
			wg.Add(1)
			g.Go(func() error {
				defer wg.Done()
				var stats StageStats
				defer func() {
					statsMu.Lock()
					sum.Stages[i].Docs += stats.Docs
					sum.Stages[i].Errors += stats.Errors
					sum.Stages[i].Busy += stats.Busy
					statsMu.Unlock()
				}()
				for d := range stageIn {
					if gctx.Err() != nil {
						continue // cancelled: drain without working
					}
					if d.Failed() || d.inSections {
						// A fatal error: the remaining stages skip the
						// document. In sections: an earlier stage ran
						// this one on each section.
						select {
						case out <- d:
						case <-gctx.Done():
						}
						continue
					}
					t0 := time.Now()
					var err error
					if sectioned(d, r.sections) {
						err = processSections(gctx, r.stages[i:], d, r.sections)
					} else {
						err = process(gctx, st, d)
					}
					stats.Busy += time.Since(t0)
					stats.Docs++
					if err != nil {
						if gctx.Err() != nil {
							// Interrupted: the document is not whole; drop it.
							continue
						}
						stats.Errors++
						d.AddError(st.Name(), err, IsFatal(err))
					}
					select {
					case out <- d:
					case <-gctx.Done():
					}
				}
				return nil
			})
		}
		g.Go(func() error {
			wg.Wait()
			close(out)
			return nil
		})
		prev = out
	}

	// Sink: restore input order with a buffer bounded by the window.
	g.Go(func() error {
		pending := make(map[int]*Document)
		next := 0
		for d := range prev {
			pending[d.Seq] = d
			for {
				nd, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				if err := sink(nd); err != nil {
					return fmt.Errorf("pipeline: sink: %w", err)
				}
				switch {
				case nd.Failed():
					sum.Failed++
				case len(nd.Errors) > 0:
					sum.Warned++
				default:
					sum.OK++
				}
				<-window
			}
		}
		return nil
	})

	err := g.Wait()
	sum.Elapsed = time.Since(start)
	if ctx.Err() != nil {
		return sum, ctx.Err()
	}
	return sum, err
}

// process runs one stage on one document, turning a panic into a fatal
// error of that document.
func process(ctx context.Context, st Stage, d *Document) (err error) {
	defer func() {
		if p := recover(); p != nil {
			slog.Debug("pipeline: stage panicked", "stage", st.Name(), "doc", d.ID, "panic", p, "stack", string(debug.Stack()))
			err = Fatal(fmt.Errorf("stage %s panicked: %v", st.Name(), p))
		}
	}()
	return st.Process(ctx, d)
}
