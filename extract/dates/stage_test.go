package dates

import (
	"context"
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/entente-nlp/entente/internal/measure/eval"
	"github.com/entente-nlp/entente/internal/testkit/testutil"
	"github.com/entente-nlp/entente/pipeline"
)

func TestSpecOptions(t *testing.T) {
	build := Spec().New
	if _, err := build(nil); err != nil {
		t.Fatalf("no options: %v", err)
	}
	if s, err := build(map[string]any{"Vague": true}); err != nil || !s.(*Stage).finder.opts.Vague {
		t.Fatalf("vague: true = %v, %v", s, err)
	}
	if _, err := build(map[string]any{"vauge": true}); err == nil || !strings.Contains(err.Error(), `"vauge"`) {
		t.Errorf("unknown key: err = %v, want one naming the key", err)
	}
	if _, err := build(map[string]any{"vague": "yes"}); err == nil || !strings.Contains(err.Error(), "stages.dates.vague") {
		t.Errorf("wrong type: err = %v", err)
	}
}

func TestStageProcess(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := &pipeline.Document{Published: "2016-12-22", Text: "They met on December 20 and in 2007."}
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if got := found(d.Text, d.Dates); strings.Join(got, "|") != "December 20=2016-12-20|2007=2007" {
		t.Errorf("Dates = %q", got)
	}

	bad := &pipeline.Document{Published: "soon", Text: "They met on December 20."}
	err = s.Process(context.Background(), bad)
	if err == nil || !strings.Contains(err.Error(), `"soon"`) {
		t.Errorf("unreadable publication date: err = %v", err)
	}
	if len(bad.Dates) != 1 || bad.Dates[0].Value != "" {
		t.Errorf("unreadable publication date resolved anyway: %+v", bad.Dates)
	}
}

// referenceValues runs the stage on the reference article as plain text
// and returns the distinct values found.
func referenceValues(t testing.TB) ([]pipeline.TimeExpr, map[string]bool) {
	b, err := os.ReadFile(testutil.Testdata(t, "moscow-declaration.md"))
	if err != nil {
		t.Fatal(err)
	}
	d := &pipeline.Document{Published: "2016-12-22", Text: string(b)}
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	vals := map[string]bool{}
	for _, te := range d.Dates {
		vals[te.Value] = true
	}
	return d.Dates, vals
}

func TestReferenceArticle(t *testing.T) {
	_, vals := referenceValues(t)
	want := []string{"2016-12-22", "2016-12-21", "2016-12-20", "2016-12-17", "2016-11-01",
		"2016-07-15/2016-07-16", "2016-11", "2015-11", "2007", "2016"}
	got := make([]string, 0, len(vals))
	for v := range vals {
		got = append(got, v)
	}
	sort.Strings(got)
	sort.Strings(want)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("values\n got %v\nwant %v", got, want)
	}
}

// TestReferenceGold scores the reference article against its answer key:
// every gold date found (value or an accepted reading), and no other value
// than the copyright year.
func TestReferenceGold(t *testing.T) {
	path := testutil.Shared(t, "gold/moscow-declaration.gold.json")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var gold struct {
		Dates []struct {
			Text   string   `json:"text"`
			Value  string   `json:"value"`
			Accept []string `json:"accept"`
		} `json:"dates"`
	}
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatal(err)
	}
	_, vals := referenceValues(t)
	known := map[string]bool{"2016": true} // the copyright year
	for _, g := range gold.Dates {
		ok := vals[g.Value]
		known[g.Value] = true
		for _, a := range g.Accept {
			ok = ok || vals[a]
			known[a] = true
		}
		if !ok {
			t.Errorf("gold date %q (%s) not found", g.Text, g.Value)
		}
	}
	for v := range vals {
		if !known[v] {
			t.Errorf("extra value %q", v)
		}
	}
}

func BenchmarkFindReference(b *testing.B) {
	data, err := os.ReadFile(testutil.Testdata(b, "moscow-declaration.md"))
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	f := NewFinder(Options{})
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	c0 := cpuTime()
	for b.Loop() {
		f.Find(text, pub, true)
	}
	reportCPU(b, c0, len(text))
}

// BenchmarkFindTimeML runs the finder over the 257 TempEval-3 texts (one
// op is the whole corpus, about 0.5 MB).
func BenchmarkFindTimeML(b *testing.B) {
	docs, _, err := eval.ReadTimeMLDir(testutil.Shared(b, "corpora/tempeval3/Training/TBAQ-cleaned"))
	if err != nil {
		b.Fatal(err)
	}
	f := NewFinder(Options{Vague: true})
	size := 0
	for _, d := range docs {
		size += len(d.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	c0 := cpuTime()
	for b.Loop() {
		for _, d := range docs {
			f.Find(d.Text, pub, true)
		}
	}
	reportCPU(b, c0, size)
}

// reportCPU adds CPU time per operation and CPU-time throughput: on a
// shared machine wall time also counts others' work. The CPU time is the
// whole process's, garbage collection included.
func reportCPU(b *testing.B, c0 time.Duration, bytes int) {
	d := cpuTime() - c0
	if d <= 0 || b.N == 0 {
		return
	}
	perOp := float64(d.Nanoseconds()) / float64(b.N)
	b.ReportMetric(perOp, "cpu-ns/op")
	b.ReportMetric(float64(bytes)/perOp*1e9/1e6, "cpu-MB/s")
}
