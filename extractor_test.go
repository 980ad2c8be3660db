package entente_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/entente-nlp/entente"
	"github.com/entente-nlp/entente/internal/testkit/testutil"
	"github.com/spf13/viper"
)

var (
	shared     *entente.Extractor
	sharedOnce sync.Once
	sharedErr  error
)

// extractor returns one default Extractor for the tests.
func extractor(t *testing.T) *entente.Extractor {
	t.Helper()
	sharedOnce.Do(func() { shared, sharedErr = entente.New() })
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return shared
}

func reference(t *testing.T) entente.Input {
	t.Helper()
	p := testutil.Testdata(t, "moscow-declaration.md")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return entente.Input{ID: "moscow-declaration", Source: p, Text: string(b)}
}

func encode(t *testing.T, r *entente.Record) string {
	t.Helper()
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// The article's own problems come back in the record; only the end of the
// context is an error.
func TestExtractErrors(t *testing.T) {
	x := extractor(t)
	ctx := context.Background()
	for name, c := range map[string]struct {
		in    entente.Input
		fatal bool
		msg   string
	}{
		"empty":        {entente.Input{ID: "e"}, true, "ingest: e: empty input"},
		"binary":       {entente.Input{ID: "b", Source: "b.bin", Text: "a\x00b"}, true, "ingest: b.bin: binary data"},
		"utf8":         {entente.Input{ID: "u", Text: "caf\xe9"}, true, "invalid UTF-8"},
		"format":       {entente.Input{ID: "f", Text: "Putin spoke.", Format: "docx"}, false, `unknown format "docx"`},
		"published":    {entente.Input{ID: "p", Text: "Putin spoke.", Published: "yesterday"}, false, `publication date "yesterday" is not a date`},
		"good, no err": {entente.Input{ID: "g", Text: "Putin spoke in Moscow."}, false, ""},
	} {
		t.Run(name, func(t *testing.T) {
			r, err := x.Extract(ctx, c.in)
			if err != nil || r == nil {
				t.Fatalf("Extract: %v, %v; want a record and no error", r, err)
			}
			if r.Fatal() != c.fatal {
				t.Errorf("Fatal() = %v, want %v: %+v", r.Fatal(), c.fatal, r.Errors)
			}
			if c.msg == "" {
				if r.Failed() {
					t.Errorf("errors %+v", r.Errors)
				}
				return
			}
			if !r.Failed() || !strings.Contains(r.Errors[0].Message, c.msg) {
				t.Errorf("errors %+v, want one with %q", r.Errors, c.msg)
			}
			if c.fatal && (len(r.Entities) != 0 || r.Entities == nil) {
				t.Errorf("a fatal record has entities %v", r.Entities)
			}
		})
	}

	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if r, err := x.Extract(cancelled, reference(t)); r != nil || !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v, %v; want nil, context.Canceled", r, err)
	}
}

// Extract is safe for concurrent use and gives the same record as alone.
func TestExtractConcurrent(t *testing.T) {
	x := extractor(t)
	in := reference(t)
	r, err := x.Extract(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	want := encode(t, r)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Go(func() {
			r, err := x.Extract(context.Background(), in)
			if err != nil {
				t.Error(err)
				return
			}
			if got := encode(t, r); got != want {
				t.Errorf("concurrent Extract differs:\n%s\n%s", got, want)
			}
		})
	}
	wg.Wait()
}

// ExtractAll keeps input order, gives the records Extract gives, stops
// cleanly on break and reports the end of the context last.
func TestExtractAll(t *testing.T) {
	x := extractor(t)
	texts := []string{"Sergey Lavrov arrived in Ankara.", "", "NATO ministers met in Brussels.", "Iran and Turkey talked.", "Putin spoke."}
	var inputs []entente.Input
	for i := 0; i < 30; i++ {
		inputs = append(inputs, entente.Input{ID: fmt.Sprint(i), Text: texts[i%len(texts)]})
	}
	all := func(yield func(entente.Input) bool) {
		for _, in := range inputs {
			if !yield(in) {
				return
			}
		}
	}
	i := 0
	for r, err := range x.ExtractAll(context.Background(), all) {
		if err != nil {
			t.Fatal(err)
		}
		one, err := x.Extract(context.Background(), inputs[i])
		if err != nil {
			t.Fatal(err)
		}
		if got, want := encode(t, r), encode(t, one); got != want {
			t.Errorf("record %d: ExtractAll %s, Extract %s", i, got, want)
		}
		i++
	}
	if i != len(inputs) {
		t.Fatalf("%d records, want %d", i, len(inputs))
	}

	before := runtime.NumGoroutine()
	n := 0
	for range x.ExtractAll(context.Background(), all) {
		if n++; n == 3 {
			break
		}
	}
	waitGoroutines(t, before)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n = 0
	var last error
	endless := iter.Seq[entente.Input](func(yield func(entente.Input) bool) {
		for i := 0; ; i++ {
			if !yield(entente.Input{ID: fmt.Sprint(i), Text: "Putin spoke."}) {
				return
			}
		}
	})
	for r, err := range x.ExtractAll(ctx, endless) {
		if last != nil {
			t.Fatal("a value after the error")
		}
		if err != nil {
			last = err
			if r != nil {
				t.Error("a record with the error")
			}
			continue
		}
		if n++; n == 5 {
			cancel()
		}
	}
	if !errors.Is(last, context.Canceled) {
		t.Errorf("last error %v, want context.Canceled", last)
	}
	waitGoroutines(t, before)
}

// waitGoroutines waits for the goroutines started by a run to end.
func waitGoroutines(t *testing.T, want int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > want {
		if time.Now().After(deadline) {
			t.Fatalf("%d goroutines left running, %d before", runtime.NumGoroutine(), want)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestNewOptions(t *testing.T) {
	gaz := filepath.Join(t.TempDir(), "extra.yaml")
	if err := os.WriteFile(gaz, []byte("- id: org:acme-widgets\n  type: ORGANIZATION\n  name: Acme Widgets\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	v := viper.New()
	v.Set("pipeline", []string{"ingest", "clean", "nlp", "entities"})
	v.Set("published", "2016-12-22")
	x, err := entente.New(entente.WithConfig(v), entente.WithGazetteer(gaz))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(x.Pipeline(), ","); got != "ingest,clean,nlp,entities" {
		t.Errorf("pipeline %s", got)
	}
	r, err := x.Extract(context.Background(), entente.Input{ID: "a", Text: "Acme Widgets hired 20 people on Tuesday."})
	if err != nil {
		t.Fatal(err)
	}
	if r.Published != "2016-12-22" || len(r.Dates) != 0 || len(r.Entities) == 0 || r.Entities[0].ID != "org:acme-widgets" {
		t.Errorf("config and gazetteer not applied: %s", encode(t, r))
	}

	bad := viper.New()
	bad.Set("workerz", 2)
	for name, c := range map[string]struct {
		opts []entente.Option
		want string
	}{
		"unknown stage":    {[]entente.Option{entente.WithPipeline("ingest", "tokenise")}, "tokenise"},
		"no stage":         {[]entente.Option{entente.WithPipeline()}, "names no stage"},
		"workers":          {[]entente.Option{entente.WithWorkers(-1)}, "WithWorkers(-1)"},
		"stage option":     {[]entente.Option{entente.WithStageOptions("relations", map[string]any{"bogus": 1})}, "bogus"},
		"config key":       {[]entente.Option{entente.WithConfig(bad)}, "workerz"},
		"nil config":       {[]entente.Option{entente.WithConfig(nil)}, "WithConfig(nil)"},
		"missing gazetter": {[]entente.Option{entente.WithGazetteer(filepath.Join(t.TempDir(), "none.yaml"))}, "none.yaml"},
	} {
		if _, err := entente.New(c.opts...); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: New: %v, want an error naming %q", name, err, c.want)
		}
	}
}
