package coref_test

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/extract/coref"
	"github.com/entente-nlp/entente/internal/testkit/pipetest"
	"github.com/entente-nlp/entente/pipeline"
)

// corefCase is one line of testdata/cases.txt.
type corefCase struct {
	line   int
	text   string
	span   pipeline.Span // the bracketed anaphor, in text
	expect string        // a fragment of the entity's name, "" for none
}

func readCases(t *testing.T, name string) []corefCase {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []corefCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		text, want, ok := strings.Cut(line, "==>")
		a, b := strings.IndexByte(text, '['), strings.IndexByte(text, ']')
		if !ok || a < 0 || b < a {
			t.Fatalf("%s:%d: want TEXT with [anaphor] ==> NAME", name, n)
		}
		c := corefCase{line: n, span: pipeline.Span{Start: a, End: b - 1}}
		c.text = strings.TrimSpace(text[:a] + text[a+1:b] + text[b+1:])
		if w := strings.TrimSpace(want); w != "-" {
			c.expect = w
		}
		out = append(out, c)
	}
	return out
}

// linked returns the name of the entity the span is linked to, or "".
func linked(d *pipeline.Document, s pipeline.Span) string {
	var names []string
	for _, c := range d.Coreferences {
		if c.Span == s {
			if e := d.Entity(c.Entity); e != nil {
				names = append(names, e.Name)
			}
		}
	}
	return strings.Join(names, " + ")
}

// TestCases scores the stage on testdata/cases.txt (with and without the
// parse) and testdata/heldout.txt: precision (links that
// are right among the links made, a link where none is expected counting
// as wrong) and recall (expected links found), with floors.
func TestCases(t *testing.T) {
	for _, run := range []struct {
		file   string
		parsed bool
		p, r   float64 // floors
	}{
		{"cases.txt", true, 0.90, 0.80},
		{"cases.txt", false, 0.85, 0.75},
		{"heldout.txt", true, 0.80, 0.65},
	} {
		parsed := run.parsed
		names := []string{"ingest", "clean", "nlp", "parse", "entities", "coref"}
		if !parsed {
			names = []string{"ingest", "clean", "nlp", "entities", "coref"}
		}
		stages := pipetest.Stages(t, names, nil)
		var made, right, expected, found int
		var report strings.Builder
		for _, c := range readCases(t, run.file) {
			d := pipetest.Run(t, stages, &pipeline.Document{ID: fmt.Sprint(c.line), Source: "cases.txt", Format: "text", Original: []byte(c.text)})
			got := linked(d, c.span)
			ok := got == "" && c.expect == "" || got != "" && c.expect != "" && strings.Contains(got, c.expect)
			if got != "" {
				made++
				if ok {
					right++
				}
			}
			if c.expect != "" {
				expected++
				if ok {
					found++
				}
			}
			if !ok {
				fmt.Fprintf(&report, "  %s:%d %q: got %q, want %q\n", run.file, c.line, c.text[c.span.Start:c.span.End], got, c.expect)
			}
		}
		p, r := float64(right)/float64(max(made, 1)), float64(found)/float64(max(expected, 1))
		t.Logf("%s parsed=%v: precision %.3f (%d/%d), recall %.3f (%d/%d)\n%s", run.file, parsed, p, right, made, r, found, expected, report.String())
		if p < run.p || r < run.r {
			t.Errorf("%s parsed=%v: precision %.3f (floor %.2f), recall %.3f (floor %.2f)", run.file, parsed, p, run.p, r, run.r)
		}
	}
}

func TestOptions(t *testing.T) {
	for _, o := range []coref.Options{{Window: -1}, {Window: 11}, {Kinds: []string{"zero"}}} {
		if _, err := coref.New(o); err == nil {
			t.Errorf("New(%+v) accepted", o)
		}
	}
	s, err := coref.New(coref.Options{Kinds: []string{"description"}})
	if err != nil {
		t.Fatal(err)
	}
	d := &pipeline.Document{ID: "k", Source: "k", Format: "text", Original: []byte("Apple said it would sue. The company said so.")}
	stages := append(pipetest.Stages(t, []string{"ingest", "clean", "nlp", "parse", "entities"}, nil), s)
	pipetest.Run(t, stages, d)
	for _, c := range d.Coreferences {
		if c.Kind != pipeline.CorefDescription {
			t.Errorf("kinds [description] gave %+v", c)
		}
	}
	if len(d.Coreferences) == 0 {
		t.Errorf("no description linked in %q", d.Text)
	}
}
