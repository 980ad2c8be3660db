package pipeline

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// genSource emits n documents whose Text is their index.
func genSource(n int) Source {
	return func(ctx context.Context, emit func(*Document) error) error {
		for i := 0; i < n; i++ {
			if err := emit(&Document{ID: fmt.Sprint(i), Text: fmt.Sprint(i)}); err != nil {
				return err
			}
		}
		return nil
	}
}

// appendStage appends its name to Text after a random short pause, so that
// workers finish out of order.
func appendStage(name string) Stage {
	return StageFunc{StageName: name, Fn: func(ctx context.Context, d *Document) error {
		if rand.IntN(4) == 0 {
			time.Sleep(time.Duration(rand.IntN(200)) * time.Microsecond)
		}
		d.Text += "|" + name
		return nil
	}}
}

func TestRunKeepsOrder(t *testing.T) {
	const n = 1000
	stages := []Stage{appendStage("a"), appendStage("b"), appendStage("c"), appendStage("d")}
	r := NewRunner(stages, WithWorkers(4))
	var got []*Document
	sum, err := r.Run(context.Background(), genSource(n), func(d *Document) error {
		got = append(got, d)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != n || sum.OK != n || sum.Failed != 0 {
		t.Fatalf("got %d documents, summary %+v; want %d ok", len(got), sum, n)
	}
	for i, d := range got {
		if d.Seq != i || d.ID != fmt.Sprint(i) {
			t.Fatalf("position %d holds seq %d id %s", i, d.Seq, d.ID)
		}
		if want := fmt.Sprintf("%d|a|b|c|d", i); d.Text != want {
			t.Fatalf("document %d text %q, want %q", i, d.Text, want)
		}
	}
	if len(sum.Stages) != 4 || sum.Stages[2].Name != "c" || sum.Stages[2].Docs != n {
		t.Errorf("stage stats %+v", sum.Stages)
	}
}

func TestRunBoundsInFlight(t *testing.T) {
	const window = 5
	var inFlight, maxInFlight atomic.Int64
	src := func(ctx context.Context, emit func(*Document) error) error {
		for i := 0; i < 200; i++ {
			if err := emit(&Document{}); err != nil {
				return err
			}
			v := inFlight.Add(1)
			for {
				m := maxInFlight.Load()
				if v <= m || maxInFlight.CompareAndSwap(m, v) {
					break
				}
			}
		}
		return nil
	}
	r := NewRunner([]Stage{appendStage("a"), appendStage("b")}, WithWorkers(3), WithWindow(window))
	_, err := r.Run(context.Background(), src, func(d *Document) error {
		inFlight.Add(-1)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// emit returns after the document is queued; the counter lags by at most
	// the one document being emitted.
	if m := maxInFlight.Load(); m > window+1 {
		t.Errorf("max in flight %d exceeds window %d", m, window)
	}
}

func TestRunStageErrorAndPanicStayWithTheirDocument(t *testing.T) {
	const n = 50
	failing := StageFunc{StageName: "failing", Fn: func(ctx context.Context, d *Document) error {
		switch d.ID {
		case "7":
			return errors.New("no luck with 7")
		case "9":
			return Fatal(errors.New("7 ate 9"))
		case "11":
			counts(d)["boom"]++ // panics: assignment to entry in nil map
		}
		return nil
	}}
	checker := StageFunc{StageName: "after", Fn: func(ctx context.Context, d *Document) error {
		if d.Failed() {
			return nil
		}
		d.Text += "|after"
		return nil
	}}
	r := NewRunner([]Stage{appendStage("a"), failing, checker}, WithWorkers(3))
	var got []*Document
	sum, err := r.Run(context.Background(), genSource(n), func(d *Document) error {
		got = append(got, d)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// 7 has a warning (a non-fatal error), 9 and 11 failed.
	if len(got) != n || sum.OK != n-3 || sum.Warned != 1 || sum.Failed != 2 || sum.Total() != n {
		t.Fatalf("got %d documents, summary ok=%d warned=%d failed=%d", len(got), sum.OK, sum.Warned, sum.Failed)
	}
	for i, d := range got {
		switch i {
		case 7:
			if len(d.Errors) != 1 || d.Errors[0].Stage != "failing" || d.Errors[0].Fatal || d.Errors[0].Message != "no luck with 7" {
				t.Errorf("doc 7 errors %+v", d.Errors)
			}
			if !strings.HasSuffix(d.Text, "|after") {
				t.Errorf("doc 7 with a non-fatal error skipped later stages: %q", d.Text)
			}
		case 9:
			if len(d.Errors) != 1 || !d.Errors[0].Fatal || !d.Failed() {
				t.Errorf("doc 9 errors %+v", d.Errors)
			}
			if strings.HasSuffix(d.Text, "|after") {
				t.Errorf("doc 9 failed but a later stage processed it")
			}
		case 11:
			if len(d.Errors) != 1 || !d.Errors[0].Fatal || !strings.Contains(d.Errors[0].Message, "stage failing panicked") ||
				!strings.Contains(d.Errors[0].Message, "nil map") {
				t.Errorf("doc 11 errors %+v", d.Errors)
			}
		default:
			if len(d.Errors) != 0 || d.Text != fmt.Sprintf("%d|a|after", i) {
				t.Errorf("doc %d disturbed: text %q errors %+v", i, d.Text, d.Errors)
			}
		}
	}
	if sum.Stages[1].Errors != 3 {
		t.Errorf("failing stage errors = %d, want 3", sum.Stages[1].Errors)
	}
}

func TestRunCancelDeliversOnlyWholeDocuments(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var processed atomic.Int64
	// slow honours cancellation mid-document, as a real stage must.
	slow := StageFunc{StageName: "slow", Fn: func(ctx context.Context, d *Document) error {
		if processed.Add(1) == 40 {
			cancel()
		}
		select {
		case <-time.After(time.Duration(rand.IntN(500)) * time.Microsecond):
		case <-ctx.Done():
			return ctx.Err()
		}
		d.Text += "|slow"
		return nil
	}}
	r := NewRunner([]Stage{appendStage("a"), slow, appendStage("z")}, WithWorkers(4))
	var got []*Document
	_, err := r.Run(ctx, genSource(10000), func(d *Document) error {
		got = append(got, d)
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Run returned %v, want context.Canceled", err)
	}
	if len(got) == 0 || len(got) >= 10000 {
		t.Fatalf("delivered %d documents; want a prefix", len(got))
	}
	for i, d := range got {
		if d.Seq != i {
			t.Fatalf("position %d holds seq %d: not a prefix in order", i, d.Seq)
		}
		if want := fmt.Sprintf("%d|a|slow|z", i); d.Text != want || len(d.Errors) != 0 {
			t.Fatalf("document %d is not whole: text %q errors %+v", i, d.Text, d.Errors)
		}
	}
}

func TestRunSinkErrorStops(t *testing.T) {
	r := NewRunner([]Stage{appendStage("a")}, WithWorkers(2))
	boom := errors.New("disk full")
	n := 0
	_, err := r.Run(context.Background(), genSource(1000), func(d *Document) error {
		n++
		if n == 10 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Run returned %v, want the sink error", err)
	}
	if n != 10 {
		t.Errorf("sink called %d times after failing", n)
	}
}

func TestRunEmptySource(t *testing.T) {
	r := NewRunner([]Stage{appendStage("a")})
	sum, err := r.Run(context.Background(), genSource(0), func(d *Document) error {
		t.Error("sink called for no input")
		return nil
	})
	if err != nil || sum.Total() != 0 {
		t.Fatalf("sum %+v err %v", sum, err)
	}
}

// BenchmarkRun measures the runner's own cost: 1,000 documents through
// three stages that do almost nothing.
func BenchmarkRun(b *testing.B) {
	nop := func(name string) Stage {
		return StageFunc{StageName: name, Fn: func(ctx context.Context, d *Document) error { d.Seq++; d.Seq--; return nil }}
	}
	r := NewRunner([]Stage{nop("a"), nop("b"), nop("c")})
	for b.Loop() {
		if _, err := r.Run(context.Background(), genSource(1000), func(*Document) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*1000), "ns/doc")
}

func TestRunSourceErrorStopsWithIt(t *testing.T) {
	boom := errors.New("disk gone")
	src := func(ctx context.Context, emit func(*Document) error) error {
		for i := 0; i < 5; i++ {
			if err := emit(&Document{ID: fmt.Sprint(i)}); err != nil {
				return err
			}
		}
		return boom
	}
	_, err := NewRunner([]Stage{appendStage("a")}, WithWorkers(2)).Run(context.Background(), src, func(*Document) error { return nil })
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "pipeline: source") {
		t.Fatalf("Run returned %v", err)
	}
}

func TestWorkersDefault(t *testing.T) {
	if got := NewRunner(nil, WithWorkers(0)).Workers(); got < 1 {
		t.Errorf("default workers %d", got)
	}
	if got := NewRunner(nil, WithWorkers(3)).Workers(); got != 3 {
		t.Errorf("workers %d, want 3", got)
	}
}

// A document that fails before the first stage (in the source) and one
// that fails in a stage skip every remaining stage; stages never see a
// failed document.
func TestRunSkipsFailedDocuments(t *testing.T) {
	var seen sync.Map
	watch := func(name string) Stage {
		return StageFunc{StageName: name, Fn: func(ctx context.Context, d *Document) error {
			if d.Failed() {
				t.Errorf("stage %s saw failed document %s", name, d.ID)
			}
			seen.Store(name+"/"+d.ID, true)
			if name == "a" && d.ID == "fatal-in-a" {
				return Fatal(errors.New("unreadable"))
			}
			return nil
		}}
	}
	src := func(ctx context.Context, emit func(*Document) error) error {
		for _, id := range []string{"ok", "fatal-in-source", "fatal-in-a"} {
			d := &Document{ID: id}
			if id == "fatal-in-source" {
				d.AddError("source", errors.New("missing"), true)
			}
			if err := emit(d); err != nil {
				return err
			}
		}
		return nil
	}
	sum, err := NewRunner([]Stage{watch("a"), watch("b")}, WithWorkers(2)).Run(context.Background(), src, func(*Document) error { return nil })
	if err != nil || sum.OK != 1 || sum.Failed != 2 {
		t.Fatalf("summary %+v, %v", sum, err)
	}
	for key, want := range map[string]bool{"a/ok": true, "b/ok": true, "a/fatal-in-source": false, "b/fatal-in-source": false, "a/fatal-in-a": true, "b/fatal-in-a": false} {
		if _, ok := seen.Load(key); ok != want {
			t.Errorf("%s ran: %v, want %v", key, ok, want)
		}
	}
	if sum.Stages[0].Docs != 2 || sum.Stages[1].Docs != 1 {
		t.Errorf("stage counts %+v: failed documents are not counted as processed", sum.Stages)
	}
}

// counts returns a nil map: writing to it panics, as a buggy stage would.
func counts(*Document) map[string]int { return nil }
