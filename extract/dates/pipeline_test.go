package dates_test

import (
	"context"
	"os"
	"testing"

	"github.com/entente-nlp/entente/extract/clean"
	"github.com/entente-nlp/entente/extract/dates"
	"github.com/entente-nlp/entente/extract/ingest"
	"github.com/entente-nlp/entente/internal/testkit/testutil"
	"github.com/entente-nlp/entente/pipeline"
)

// TestReferencePipeline runs ingest, clean and dates on the reference
// article as the real pipeline does: the publication date comes from the
// article's metadata, spans are into the clean text, and the values are the
// gold ones plus the copyright year.
func TestReferencePipeline(t *testing.T) {
	b, err := os.ReadFile(testutil.Testdata(t, "moscow-declaration.md"))
	if err != nil {
		t.Fatal(err)
	}
	d := &pipeline.Document{ID: "moscow", Source: "moscow-declaration.md", Original: b}
	in, err := ingest.New(ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cl, err := clean.New(clean.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	ds, err := dates.New(dates.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range []pipeline.Stage{in, cl, ds} {
		if err := st.Process(context.Background(), d); err != nil {
			t.Fatalf("%s: %v", st.Name(), err)
		}
	}
	if d.Published != "2016-12-22" {
		t.Fatalf("ingest found publication date %q (from %q), want 2016-12-22", d.Published, d.PublishedFrom)
	}
	want := map[string]bool{"2016-12-22": true, "2016-12-21": true, "2016-12-20": true, "2016-12-17": true,
		"2016-11-01": true, "2016-07-15/2016-07-16": true, "2016-11": true, "2015-11": true, "2007": true, "2016": true}
	got := map[string]bool{}
	for _, te := range d.Dates {
		got[te.Value] = true
		if te.Start < 0 || te.End > len(d.Text) || te.Start >= te.End {
			t.Errorf("span %v out of range", te.Span)
		}
		if !want[te.Value] {
			t.Errorf("extra value %q for %q", te.Value, d.Slice(te.Span))
		}
	}
	for v := range want {
		if !got[v] {
			t.Errorf("missing value %s", v)
		}
	}
	for _, te := range d.Dates {
		t.Logf("%-22q %-22s %s", d.Slice(te.Span), te.Value, te.Note)
	}
}
