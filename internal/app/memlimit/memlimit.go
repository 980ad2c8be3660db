package memlimit

import (
	"context"
	"fmt"
	"math"
	"runtime/debug"
	"sync"

	"github.com/entente-nlp/entente/pipeline"
	"golang.org/x/sync/semaphore"
)

const (
	// PerByte is the memory the default pipeline holds at its peak for
	// each byte of a plain-text document processed whole (tokens,
	// mentions, candidates, the record being written), measured in
	// docs/performance.md: about 100-115 bytes, rounded up.
	PerByte = 120
	// PerByteSectioned is the memory per byte of a document longer than
	// pipeline.DefaultSectionBytes, which the run processes in sections:
	// its text, results and record, and the collector's headroom over
	// them (docs/performance.md: 20-40 bytes measured on 1-30 MB of
	// news and of name-dense text), rounded up; its sections' working
	// memory is DefaultSectionBytes*PerByte on top.
	PerByteSectioned = 48
	// Base is the memory of the process before any document: models,
	// gazetteer and runtime (about 60 MB measured), rounded up.
	Base = 96 << 20
	// stage is the name failed documents' errors carry.
	stage = "memory"
	// LongGCPercent is the collector's GOGC while a document long enough
	// to run in sections is in flight: its results stay live until its
	// record is written, and at the default of 100 the heap grows to
	// twice them (docs/performance.md: a quarter less memory for a few
	// percent more CPU on that document). A lower GOGC is kept.
	LongGCPercent = 50
)

// Budget admits documents into a run within a memory limit. The zero
// limit admits everything. A Budget is safe for concurrent use.
type Budget struct {
	limit    int64
	capacity int64 // limit less Base: what documents may share
	sem      *semaphore.Weighted
	mu       sync.Mutex
	held     map[*pipeline.Document]int64
	// long counts the long documents in flight (LongGCPercent);
	// restoreGC is the GOGC to restore when none is left.
	long      int
	restoreGC int
}

// New returns a budget for limit bytes (0: no limit) and sets the Go
// runtime's soft memory limit to it, so that the garbage collector works
// harder instead of letting the heap grow past it. A limit already set by
// GOMEMLIMIT is kept when limit is 0.
func New(limit int64) *Budget {
	if limit <= 0 {
		if cur := debug.SetMemoryLimit(-1); cur != math.MaxInt64 {
			limit = cur // GOMEMLIMIT
		}
	}
	b := &Budget{limit: limit, held: map[*pipeline.Document]int64{}}
	if limit > 0 {
		debug.SetMemoryLimit(limit)
		b.capacity = max(limit-Base, 1)
		b.sem = semaphore.NewWeighted(b.capacity)
	}
	return b
}

// Limit returns the limit in bytes, 0 for none.
func (b *Budget) Limit() int64 { return b.limit }

// Cost returns the memory a document of n bytes is expected to need, as
// the command line runs it (in sections past pipeline.DefaultSectionBytes).
func Cost(n int) int64 {
	if n <= pipeline.DefaultSectionBytes {
		return int64(n) * PerByte
	}
	return int64(pipeline.DefaultSectionBytes)*PerByte + int64(n)*PerByteSectioned
}

// Wrap returns src with admission: each document waits, before it enters
// the pipeline, until its cost fits beside the documents in flight; one
// whose cost exceeds the whole budget enters already failed (the run goes
// on with the others). Call Done with every document the run finishes.
func (b *Budget) Wrap(src pipeline.Source) pipeline.Source {
	if b.sem == nil {
		return src
	}
	return func(ctx context.Context, emit func(*pipeline.Document) error) error {
		return src(ctx, func(d *pipeline.Document) error {
			if d.Failed() {
				return emit(d)
			}
			cost := Cost(len(d.Original))
			if cost > b.capacity {
				d.AddError(stage, fmt.Errorf("memlimit: %s is %s and needs about %s to process, more than the memory limit of %s allows; raise memory_limit (ENTENTE_MEMORY_LIMIT, --memory-limit) or split the document",
					d.Source, size(int64(len(d.Original))), size(cost+Base), size(b.limit)), true)
				return emit(d)
			}
			if err := b.sem.Acquire(ctx, cost); err != nil {
				return err
			}
			b.mu.Lock()
			b.held[d] = cost
			if long(d) {
				if b.long == 0 {
					b.restoreGC = debug.SetGCPercent(LongGCPercent)
					if b.restoreGC < LongGCPercent {
						debug.SetGCPercent(b.restoreGC) // GOGC lower already, or off
					}
				}
				b.long++
			}
			b.mu.Unlock()
			if err := emit(d); err != nil {
				b.Done(d)
				return err
			}
			return nil
		})
	}
}

// Done returns the memory held for d to the budget.
func (b *Budget) Done(d *pipeline.Document) {
	if b.sem == nil {
		return
	}
	b.mu.Lock()
	cost, ok := b.held[d]
	delete(b.held, d)
	if ok && long(d) {
		if b.long--; b.long == 0 {
			debug.SetGCPercent(b.restoreGC)
		}
	}
	b.mu.Unlock()
	if ok {
		b.sem.Release(cost)
	}
}

// long reports whether d is long enough to run in sections.
func long(d *pipeline.Document) bool { return len(d.Original) > pipeline.DefaultSectionBytes }

// size formats n bytes for people: "3.2 MiB".
func size(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
