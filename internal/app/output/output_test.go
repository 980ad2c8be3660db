package output

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente-nlp/entente"
	"github.com/entente-nlp/entente/pipeline"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// piece is part of a synthetic input: Markup appears only in Original,
// Text in both (one to one).
type piece struct{ Markup, Text string }

// synth builds Original, Text and the offset map from pieces.
func synth(d *pipeline.Document, pieces ...piece) {
	var orig, text strings.Builder
	for _, p := range pieces {
		orig.WriteString(p.Markup)
		if p.Text != "" {
			d.Offsets = append(d.Offsets, pipeline.Segment{Text: text.Len(), Orig: orig.Len(), Len: len(p.Text), OrigLen: len(p.Text)})
		}
		orig.WriteString(p.Text)
		text.WriteString(p.Text)
	}
	d.Original = []byte(orig.String())
	d.Text = text.String()
}

// span finds the n-th (0-based) occurrence of s in d.Text.
func span(t *testing.T, d *pipeline.Document, s string, n int) pipeline.Span {
	t.Helper()
	from := 0
	for i := 0; ; i++ {
		j := strings.Index(d.Text[from:], s)
		if j < 0 {
			t.Fatalf("%q occurrence %d not in text", s, n)
		}
		if i == n {
			return pipeline.Span{Start: from + j, End: from + j + len(s)}
		}
		from += j + len(s)
	}
}

// sampleDocs returns a finished markdown document and a failed one.
func sampleDocs(t *testing.T) []*pipeline.Document {
	d := &pipeline.Document{ID: "talks", Source: "talks.md", Format: "markdown", Title: "Talks in Moscow", Published: "2016-12-22", PublishedFrom: "dateline"}
	synth(d,
		piece{"# ", "Talks in "}, piece{"[", "Moscow"}, piece{"](http://example.org/moscow)", "\n\n"},
		piece{"", "Russian President Vladimir Putin met "}, piece{"**", "Erdogan"},
		piece{"**", " in Moscow on December 20. Putin praised Turkey."}, piece{"", "\n"})
	s1, s2 := span(t, d, "Russian", 0), span(t, d, "Putin praised", 0)
	d.Sentences = []pipeline.Sentence{{Span: span(t, d, "Talks in Moscow", 0)},
		{Span: pipeline.Span{Start: s1.Start, End: s2.Start - 1}},
		{Span: pipeline.Span{Start: s2.Start, End: len(d.Text) - 1}}}
	add := func(id, typ, text string, n int) {
		d.Mentions = append(d.Mentions, pipeline.Mention{Span: span(t, d, text, n), EntityID: id, Type: typ, Source: "gazetteer"})
	}
	add("city:moscow", pipeline.Location, "Moscow", 1)
	add("city:moscow", pipeline.Location, "Moscow", 0)
	add("person:vladimir-putin", pipeline.Person, "Vladimir Putin", 0)
	add("person:vladimir-putin", pipeline.Person, "Putin", 1)
	add("person:recep-tayyip-erdogan", pipeline.Person, "Erdogan", 0)
	add("country:RU", pipeline.Country, "Russian", 0)
	add("country:TR", pipeline.Country, "Turkey", 0)
	d.Entities = []pipeline.Entity{
		{ID: "person:vladimir-putin", Type: pipeline.Person, Name: "Vladimir Putin", Aliases: []string{"Putin"}, Count: 2, Salience: 1, Linked: true},
		{ID: "city:moscow", Type: pipeline.Location, Name: "Moscow", Count: 2, Salience: 0.8, Linked: true},
		{ID: "person:recep-tayyip-erdogan", Type: pipeline.Person, Name: "Recep Tayyip Erdoğan", Aliases: []string{"Erdogan"}, Count: 1, Salience: 0.6, Linked: true},
		{ID: "country:RU", Type: pipeline.Country, Name: "Russia", Aliases: []string{"Russian"}, Count: 1, Salience: 0.4, Linked: true},
		{ID: "country:TR", Type: pipeline.Country, Name: "Turkey", Count: 1, Salience: 0.3, Linked: true},
	}
	d.Dates = []pipeline.TimeExpr{{Span: span(t, d, "December 20", 0), Value: "2016-12-20", Granularity: "day", Kind: "partial"}}
	d.Events = []pipeline.Event{{ID: "talks/e1", Kind: "meeting", CAMEO: "043", Trigger: span(t, d, "met", 0),
		Participants: []pipeline.Participant{{Entity: "person:vladimir-putin", Role: "actor"}, {Entity: "person:recep-tayyip-erdogan", Role: "target"}},
		Location:     "city:moscow", Date: "2016-12-20", DateSource: "clause", Evidence: d.Sentences[1].Span}}
	d.Relations = []pipeline.Relation{
		{Source: "person:vladimir-putin", Type: pipeline.HoldsRole, Target: "country:RU", Label: "President", Evidence: d.Sentences[1].Span},
		{Source: "person:vladimir-putin", Type: pipeline.CooperatesWith, Target: "person:recep-tayyip-erdogan", Label: "met", Evidence: d.Sentences[1].Span},
	}
	d.AddError("dates", errorString("dates: one expression left unresolved"), false)

	bad := &pipeline.Document{ID: "missing", Source: "missing.md"}
	bad.AddError("source", errorString("source: missing.md: no such file or directory"), true)
	return []*pipeline.Document{d, bad}
}

type errorString string

func (e errorString) Error() string { return string(e) }

func TestMentionOffsetsSliceOriginal(t *testing.T) {
	d := sampleDocs(t)[0]
	r := entente.NewRecord(d)
	n := 0
	for _, e := range r.Entities {
		for _, m := range e.Mentions {
			n++
			if got := string(d.Original[m.Start:m.End]); got != m.Text || got == "" {
				t.Errorf("%s mention [%d,%d) slices %q, text %q", e.ID, m.Start, m.End, got, m.Text)
			}
			if m.Sentence < 0 {
				t.Errorf("%s mention %q has no sentence", e.ID, m.Text)
			}
		}
		if e.Count != len(e.Mentions) {
			t.Errorf("%s count %d, %d mentions", e.ID, e.Count, len(e.Mentions))
		}
	}
	if n != len(d.Mentions) {
		t.Errorf("%d mentions in output, %d in document", n, len(d.Mentions))
	}
	// The Markdown link puts "Moscow" at a different place in Original.
	moscow := r.Entities[1].Mentions[0]
	if moscow.Text != "Moscow" || moscow.Start != 12 {
		t.Errorf("first Moscow mention %+v, want original offset 12", moscow)
	}
	for _, dt := range r.Dates {
		if string(d.Original[dt.Start:dt.End]) != dt.Text || dt.Text != "December 20" {
			t.Errorf("date %+v", dt)
		}
	}
	if r.Events[0].Evidence != "Russian President Vladimir Putin met Erdogan in Moscow on December 20." {
		t.Errorf("event evidence %q", r.Events[0].Evidence)
	}
}

func TestEmptyListsAreArrays(t *testing.T) {
	b, err := json.Marshal(entente.NewRecord(sampleDocs(t)[1]))
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{`"entities":[]`, `"dates":[]`, `"events":[]`, `"relations":[]`, `"title":""`} {
		if !bytes.Contains(b, []byte(k)) {
			t.Errorf("%s missing from %s", k, b)
		}
	}
}

func TestWritersGolden(t *testing.T) {
	docs := sampleDocs(t)
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			w, err := NewWriter(format, &buf)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range docs {
				if err := w.Write(entente.NewRecord(d)); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata", "sample."+format), buf.Bytes())
			switch format {
			case "json":
				var recs []entente.Record
				if err := json.Unmarshal(buf.Bytes(), &recs); err != nil || len(recs) != 2 {
					t.Errorf("json output is not an array of 2 records: %v", err)
				}
			case "jsonl":
				for i, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
					var r entente.Record
					if err := json.Unmarshal([]byte(line), &r); err != nil {
						t.Errorf("line %d: %v", i+1, err)
					}
				}
			}
		})
	}
}

func TestEmptyOutputIsValid(t *testing.T) {
	for format, want := range map[string]string{"json": "[]\n", "jsonl": "", "csv": strings.Join(CSVHeader, ",") + "\n", "table": ""} {
		var buf bytes.Buffer
		w, _ := NewWriter(format, &buf)
		if err := w.Close(); err != nil || buf.String() != want {
			t.Errorf("%s: empty output %q, %v", format, buf.String(), err)
		}
	}
	if _, err := NewWriter("xml", nil); err == nil || !strings.Contains(err.Error(), `"xml"`) {
		t.Errorf("unknown format: %v", err)
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run go test -update if the change is intended):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestTableListsAtMostTableLimit(t *testing.T) {
	var r entente.Record
	for i := 0; i < TableLimit+7; i++ {
		r.Entities = append(r.Entities, entente.Entity{ID: fmt.Sprintf("loc:place-%d", i), Type: pipeline.Location, Name: fmt.Sprintf("Place %d", i), Count: 1})
	}
	var buf bytes.Buffer
	w, _ := NewWriter("table", &buf)
	if err := w.Write(&r); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if n := strings.Count(out, "loc:place-"); n != TableLimit {
		t.Errorf("%d entity rows, want %d", n, TableLimit)
	}
	if !strings.Contains(out, "… and 7 more (extract --limit 0 lists all)\n") {
		t.Errorf("no count of the rest:\n%s", out)
	}
	for limit, rows := range map[int]int{0: TableLimit + 7, 3: 3, 100: TableLimit + 7} {
		buf.Reset()
		if err := NewTable(&buf, limit).Write(&r); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if n := strings.Count(out, "loc:place-"); n != rows {
			t.Errorf("limit %d: %d entity rows, want %d", limit, n, rows)
		}
		if cut := rows < TableLimit+7; cut != strings.Contains(out, "more (extract --limit 0 lists all)") {
			t.Errorf("limit %d: the count of the rest is wrong:\n%s", limit, out)
		}
	}
	if !strings.Contains(out, "   32 entities · 0 dates · 0 events · 0 relations\n") {
		t.Errorf("counts:\n%s", out)
	}
	r.Entities = r.Entities[:1]
	buf.Reset()
	if err := NewTable(&buf, 0).Write(&r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "   1 entity · 0 dates") {
		t.Errorf("singular:\n%s", buf.String())
	}
}
