package graph

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/pipeline"
)

// timeCorpus is a small dated story: Russia and Turkey cooperate in
// January and February 2016, fall out in March and oppose each other in
// April; one document has no date at all.
func timeCorpus(t *testing.T, opts Options) *Builder {
	t.Helper()
	type story struct {
		id, published, sentence, typ, date string
	}
	docs := []story{
		{"jan-a", "2016-01-05", "Russia and Turkey agreed to cooperate on energy.", pipeline.CooperatesWith, ""},
		{"jan-b", "2016-01-20", "Turkey and Russia signed a trade accord.", pipeline.CooperatesWith, ""},
		{"feb-a", "2016-02-11", "Russia praised its partnership with Turkey.", pipeline.CooperatesWith, "2016-02-10"},
		{"mar-a", "2016-03-02", "Russia and Turkey held talks.", pipeline.CooperatesWith, ""},
		{"mar-b", "2016-03-28", "Russia condemned Turkey over the border incident.", pipeline.Opposes, ""},
		{"apr-a", "2016-04-04", "Russia imposed sanctions on Turkey.", pipeline.Opposes, ""},
		{"apr-b", "2016-04-19", "Russia accused Turkey of aiding militants.", pipeline.Opposes, "2016-04"},
		{"undated", "", "Russia criticised Turkey.", pipeline.Opposes, ""},
	}
	b := NewBuilder(opts)
	for i, s := range docs {
		d := makeDoc(s.id, i, s.published, []string{s.sentence},
			[]ent{{ru, pipeline.Country, "Russia", 1, nil}, {tr, pipeline.Country, "Turkey", 1, nil}},
			[]rel{{ru, s.typ, tr, "", 0, s.date}})
		if err := b.Add(d); err != nil {
			t.Fatal(err)
		}
	}
	return b
}

func inTime(t *testing.T, g *Graph, f TimeFrame) *Graph {
	t.Helper()
	out, err := g.InTime(f)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestObservationsKeepEveryOccurrence(t *testing.T) {
	g := timeCorpus(t, Options{Observations: true, MaxEvidence: 2}).Graph()
	op := g.Between(ru, tr, pipeline.Opposes)
	if op.Weight != 4 || len(op.Observations) != 4 || len(op.Evidence) != 2 {
		t.Fatalf("opposes: weight %d, %d observations, %d evidence; want 4, 4, 2", op.Weight, len(op.Observations), len(op.Evidence))
	}
	o := op.Observations[2]
	if o.Doc != "apr-b" || o.Date != "2016-04" || o.Day != "2016-04-19" || o.Sentence != "Russia accused Turkey of aiding militants." || o.Rule != "test" {
		t.Errorf("observation %+v", o)
	}
	if u := op.Observations[3]; u.Day != "" || u.Date != "" {
		t.Errorf("undated observation %+v", u)
	}
	// Without the option nothing is kept.
	if g := timeCorpus(t, Options{}).Graph(); g.Between(ru, tr, pipeline.Opposes).Observations != nil {
		t.Error("observations kept without Options.Observations")
	}
	if _, err := timeCorpus(t, Options{}).Graph().InTime(TimeFrame{}); !errors.Is(err, ErrNoObservations) {
		t.Errorf("InTime without observations: %v", err)
	}
}

func TestInTimeCutsTiesAndNodes(t *testing.T) {
	g := timeCorpus(t, Options{Observations: true}).Graph()
	win, _ := ParseWindow("month")
	cut := inTime(t, g, TimeFrame{Since: "2016-03", Until: "2016-04-10", Window: win})
	co, op := cut.Between(ru, tr, pipeline.CooperatesWith), cut.Between(ru, tr, pipeline.Opposes)
	if co == nil || co.Weight != 1 || co.FirstSeen != "2016-03-02" || co.LastSeen != "2016-03-02" {
		t.Errorf("cooperates_with in March..April 10: %+v", co)
	}
	if op == nil || op.Weight != 2 || op.Docs != 2 || op.FirstSeen != "2016-03-28" || op.LastSeen != "2016-04-04" {
		t.Errorf("opposes in March..April 10: %+v", op)
	}
	if n := cut.Node(ru); n.Docs != 3 || n.Mentions != 3 {
		t.Errorf("Russia in March..April 10: %d docs, %d mentions; want 3, 3", n.Docs, n.Mentions)
	}
	if undated, outside := cut.UndatedLeftOut(); undated != 1 || outside != 4 {
		t.Errorf("left out: %d undated, %d outside; want 1, 4", undated, outside)
	}
	// The original is untouched.
	if g.Between(ru, tr, pipeline.Opposes).Weight != 4 || g.Node(ru).Docs != 8 {
		t.Error("InTime changed the graph it cut")
	}
	// Nothing in the frame: no ties, so Filter leaves no node.
	empty := inTime(t, g, TimeFrame{Since: "2017-01-01"})
	if f, err := empty.Filter(Filter{}); err != nil || f.Order() != 0 {
		t.Errorf("2017 on: %v, %d nodes", err, f.Order())
	}
	if _, err := g.InTime(TimeFrame{Since: "2016-05-01", Until: "2016-04-01"}); err == nil {
		t.Error("since after until accepted")
	}
	if _, err := g.InTime(TimeFrame{Since: "1 May"}); err == nil {
		t.Error("malformed since accepted")
	}
}

func TestTimelineShowsTheTieTurning(t *testing.T) {
	g := inTime(t, timeCorpus(t, Options{Observations: true}).Graph(), TimeFrame{Window: Window{Unit: UnitMonth}})
	var buf bytes.Buffer
	if err := WriteTimeline(&buf, g); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != strings.Join(TimelineHeader, ",") {
		t.Fatalf("header %v", rows[0])
	}
	got := map[string]string{}
	for _, r := range rows[1:] {
		got[r[4]+" "+r[6]] = r[9]
	}
	want := map[string]string{
		"cooperates_with 2016-01": "2", "cooperates_with 2016-02": "1", "cooperates_with 2016-03": "1",
		"opposes 2016-03": "1", "opposes 2016-04": "2",
	}
	if len(got) != len(want) {
		t.Errorf("timeline rows %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: weight %q, want %s (rows %v)", k, got[k], v, got)
		}
	}
	if err := WriteTimeline(&buf, timeCorpus(t, Options{Observations: true}).Graph()); err == nil {
		t.Error("timeline of a graph without a time frame")
	}
}

func TestWindows(t *testing.T) {
	cases := []struct {
		window, anchor, day, key, start, end string
	}{
		{"day", "", "2016-12-20", "2016-12-20", "2016-12-20", "2016-12-20"},
		{"week", "", "2016-12-20", "2016-W51", "2016-12-19", "2016-12-25"},
		{"week", "", "2017-01-01", "2016-W52", "2016-12-26", "2017-01-01"},
		{"month", "", "2016-02-29", "2016-02", "2016-02-01", "2016-02-29"},
		{"year", "", "2016-07-01", "2016", "2016-01-01", "2016-12-31"},
		{"30d", "2016-01-01", "2016-01-30", "2016-01-01", "2016-01-01", "2016-01-30"},
		{"30d", "2016-01-01", "2016-01-31", "2016-01-31", "2016-01-31", "2016-02-29"},
		{"2w", "2016-01-01", "2015-12-31", "2015-12-18", "2015-12-18", "2015-12-31"},
	}
	for _, c := range cases {
		w, err := ParseWindow(c.window)
		if err != nil {
			t.Fatal(err)
		}
		f := TimeFrame{Since: c.anchor, Window: w}
		if err := f.Validate(); err != nil {
			t.Fatal(err)
		}
		f.anchor = f.since
		p, ok := f.Period(c.day)
		if !ok || p.Key != c.key || p.Start != c.start || p.End != c.end {
			t.Errorf("%s from %s: %s in %+v, want %s %s..%s", c.window, c.anchor, c.day, p, c.key, c.start, c.end)
		}
	}
	for _, bad := range []string{"", "0d", "fortnight", "-3d", "3m"} {
		if _, err := ParseWindow(bad); err == nil {
			t.Errorf("window %q accepted", bad)
		}
	}
	for v, want := range map[string]string{"2016-12-20": "2016-12-20", "2016-12": "2016-12-22", "2016": "2016-12-22",
		"2015": "2015-01-01", "2016-11/2017-01": "2016-12-22", "x": ""} {
		if got := dayOf(v, "2016-12-22"); got != want {
			t.Errorf("dayOf(%s) = %q, want %q", v, got, want)
		}
	}
}

// timeOutputs renders the time-aware formats of the dated story.
func timeOutputs(t *testing.T) map[string][]byte {
	t.Helper()
	g := inTime(t, timeCorpus(t, Options{Observations: true}).Graph(), TimeFrame{Window: Window{Unit: UnitMonth}})
	out := map[string][]byte{}
	for name, f := range map[string]func(*bytes.Buffer) error{
		"time.gexf":         func(b *bytes.Buffer) error { return WriteGEXF(b, g) },
		"time.graphml":      func(b *bytes.Buffer) error { return WriteGraphML(b, g) },
		"time.json":         func(b *bytes.Buffer) error { return WriteJSON(b, g) },
		"time.timeline.csv": func(b *bytes.Buffer) error { return WriteTimeline(b, g) },
	} {
		var b bytes.Buffer
		if err := f(&b); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = b.Bytes()
	}
	return out
}

func TestTimeGolden(t *testing.T) {
	for name, got := range timeOutputs(t) {
		t.Run(name, func(t *testing.T) { checkGolden(t, name, got) })
	}
}

// needXmllint returns the path of xmllint or skips the test; under CI,
// where .ci/run installs libxml2-utils, a missing xmllint is a failure.
func needXmllint(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("xmllint not found under CI: .ci/run must install libxml2-utils")
		}
		t.Skip("xmllint not installed (Debian package libxml2-utils): GEXF 1.3 not validated against its schema here (CI installs it)")
	}
	return p
}

// TestGEXFDynamicValidates checks the GEXF over time against the GEXF 1.3
// XSD and RELAX NG schemas (testdata/graph/gexf-1.3, see SOURCE.md there),
// for the dated story and for the fixture corpus with events, filtered.
func TestGEXFDynamicValidates(t *testing.T) {
	xmllint := needXmllint(t)
	schemas := filepath.Join(goldenDir, "gexf-1.3")
	dir := t.TempDir()
	story := inTime(t, timeCorpus(t, Options{Observations: true}).Graph(), TimeFrame{Window: Window{Unit: UnitWeek}})
	seed := inTime(t, corpus(Options{Observations: true, Events: true}).Graph(), TimeFrame{Since: "2016-12-01", Window: Window{Unit: UnitDays, N: 7}})
	seed, err := seed.Filter(Filter{MinWeight: 1})
	if err != nil {
		t.Fatal(err)
	}
	for name, g := range map[string]*Graph{"story": story, "seed": seed} {
		var b bytes.Buffer
		if err := WriteGEXF(&b, g); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name+".gexf")
		if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, schema := range []string{"--schema", "--relaxng"} {
			ext := map[string]string{"--schema": "gexf.xsd", "--relaxng": "gexf.rng"}[schema]
			out, err := exec.Command(xmllint, "--noout", schema, filepath.Join(schemas, ext), p).CombinedOutput()
			if err != nil {
				t.Errorf("%s: GEXF 1.3 does not validate against %s: %v\n%s", name, ext, err, out)
			}
		}
		// Every edge has spells and a dynamic weight per period.
		var doc struct {
			Graph struct {
				Mode  string `xml:"mode,attr"`
				Edges []struct {
					Spells []struct{ Start, End string } `xml:"spells>spell"`
				} `xml:"edges>edge"`
			} `xml:"graph"`
		}
		if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Graph.Mode != "dynamic" || len(doc.Graph.Edges) != g.Ties() {
			t.Errorf("%s: mode %q, %d edges for %d ties", name, doc.Graph.Mode, len(doc.Graph.Edges), g.Ties())
		}
		for i, e := range doc.Graph.Edges {
			if len(e.Spells) == 0 {
				t.Errorf("%s: edge %d has no spell", name, i)
			}
		}
	}
}

func TestJSONOverTimeCarriesPeriods(t *testing.T) {
	var doc struct {
		Graph struct {
			Window  string   `json:"window"`
			Periods []Period `json:"periods"`
		} `json:"graph"`
		Links []struct {
			Key          string        `json:"key"`
			Weight       int           `json:"weight"`
			Periods      []PeriodCount `json:"periods"`
			Observations []Observation `json:"observations"`
		} `json:"links"`
	}
	if err := json.Unmarshal(timeOutputs(t)["time.json"], &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Graph.Window != "month" || len(doc.Graph.Periods) != 4 {
		t.Errorf("graph window %q periods %v", doc.Graph.Window, doc.Graph.Periods)
	}
	for _, l := range doc.Links {
		sum := 0
		for _, p := range l.Periods {
			sum += p.Weight
		}
		if sum != l.Weight || len(l.Observations) != l.Weight {
			t.Errorf("%s: weight %d, periods add to %d, %d observations", l.Key, l.Weight, sum, len(l.Observations))
		}
	}
}
