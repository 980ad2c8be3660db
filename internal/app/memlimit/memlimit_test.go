package memlimit

import (
	"context"
	"math"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/entente-nlp/entente/pipeline"
)

func restoreLimit(t *testing.T) {
	old := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(old) })
}

// A document too large for the limit enters failed, with an error naming
// it and the limit; the others pass; the runtime's limit is set.
func TestBudgetRefusesWhatCannotFit(t *testing.T) {
	restoreLimit(t)
	limit := int64(Base + 10*PerByte*1000) // room for a 10 kB document
	b := New(limit)
	if got := debug.SetMemoryLimit(-1); got != limit {
		t.Errorf("runtime memory limit %d, want %d", got, limit)
	}
	docs := []*pipeline.Document{
		{ID: "small", Source: "small.txt", Original: make([]byte, 1000)},
		{ID: "huge", Source: "huge.txt", Original: make([]byte, 20000)},
	}
	var got []*pipeline.Document
	src := b.Wrap(func(ctx context.Context, emit func(*pipeline.Document) error) error {
		for _, d := range docs {
			if err := emit(d); err != nil {
				return err
			}
		}
		return nil
	})
	if err := src(context.Background(), func(d *pipeline.Document) error { got = append(got, d); b.Done(d); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Failed() || !got[1].Failed() {
		t.Fatalf("admitted %v", got)
	}
	if msg := got[1].Errors[0].Message; !strings.Contains(msg, "huge.txt") || !strings.Contains(msg, "memory_limit") {
		t.Errorf("error %q", msg)
	}
}

// Documents wait until the ones in flight are done: never more in flight
// than the budget holds.
func TestBudgetAdmitsWithinLimit(t *testing.T) {
	restoreLimit(t)
	b := New(Base + 3*PerByte*1000) // three 1 kB documents at a time
	var inFlight, most atomic.Int64
	src := b.Wrap(func(ctx context.Context, emit func(*pipeline.Document) error) error {
		for i := 0; i < 20; i++ {
			if err := emit(&pipeline.Document{ID: "d", Original: make([]byte, 1000)}); err != nil {
				return err
			}
		}
		return nil
	})
	var wg sync.WaitGroup
	err := src(context.Background(), func(d *pipeline.Document) error {
		n := inFlight.Add(1)
		for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(time.Millisecond)
			inFlight.Add(-1)
			b.Done(d)
		}()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	if most.Load() > 3 {
		t.Errorf("%d documents in flight, budget for 3", most.Load())
	}
}

// Without a limit, nothing is held back and the runtime's limit is left.
func TestNoLimit(t *testing.T) {
	restoreLimit(t)
	debug.SetMemoryLimit(math.MaxInt64)
	b := New(0)
	if b.Limit() != 0 || debug.SetMemoryLimit(-1) != math.MaxInt64 {
		t.Errorf("limit %d", b.Limit())
	}
}

// A long document lowers GOGC to LongGCPercent while it is in flight,
// never raising a lower one, and Done restores it.
func TestBudgetLongDocumentsGC(t *testing.T) {
	restoreLimit(t)
	old := debug.SetGCPercent(100)
	t.Cleanup(func() { debug.SetGCPercent(old) })
	for _, start := range []int{100, 20, -1} {
		debug.SetGCPercent(start)
		b := New(1 << 30)
		long := &pipeline.Document{ID: "long", Original: make([]byte, pipeline.DefaultSectionBytes+1)}
		short := &pipeline.Document{ID: "short", Original: make([]byte, 1000)}
		var during []int
		src := b.Wrap(func(ctx context.Context, emit func(*pipeline.Document) error) error {
			for _, d := range []*pipeline.Document{short, long} {
				if err := emit(d); err != nil {
					return err
				}
			}
			return nil
		})
		if err := src(context.Background(), func(d *pipeline.Document) error {
			cur := debug.SetGCPercent(-1)
			debug.SetGCPercent(cur)
			during = append(during, cur)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		want := min(start, LongGCPercent)
		if start < 0 {
			want = start
		}
		if during[0] != start || during[1] != want {
			t.Errorf("GOGC %d: %v while the short and the long document were in flight, want [%d %d]", start, during, start, want)
		}
		b.Done(short)
		b.Done(long)
		cur := debug.SetGCPercent(-1)
		debug.SetGCPercent(cur)
		if cur != start {
			t.Errorf("GOGC %d: %d after the long document, want it restored", start, cur)
		}
	}
}
