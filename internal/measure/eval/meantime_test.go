package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/pipeline"
)

func TestParseMeantime(t *testing.T) {
	m, err := ReadMeantime(filepath.Join("testdata", "meantime", "tiny.xml"))
	if err != nil {
		t.Fatal(err)
	}
	wantText := "Putin visits Iran\n\nDecember 22, 2016\n\nVladimir Putin visited Iran on December 20.\n\nHe spoke today."
	if m.Text != wantText {
		t.Fatalf("text %q, want %q", m.Text, wantText)
	}
	if m.Name != "tiny_visit" || m.DCT != "2016-12-22" {
		t.Errorf("name %q dct %q", m.Name, m.DCT)
	}
	// "visited" is anchored to December 20 with two participants; "spoke"
	// only to the creation time; the headline "visits" has no anchor.
	if len(m.Events) != 1 || m.DCTOnly != 1 {
		t.Fatalf("events %+v, dct-only %d", m.Events, m.DCTOnly)
	}
	e := m.Events[0]
	if m.Text[e.Trigger.Start:e.Trigger.End] != "visited" || e.Date != "2016-12-20" || len(e.Participants) != 2 {
		t.Errorf("event %+v", e)
	}
	if got := m.Text[e.Participants[0].Start:e.Participants[0].End]; got != "Vladimir Putin" {
		t.Errorf("participant %q", got)
	}
	d := m.Document(3)
	if d.Seq != 3 || d.Published != "2016-12-22" || string(d.Original) != m.Text || d.ID != "tiny_visit" {
		t.Errorf("document %+v", d)
	}
}

func TestParseMeantimeErrors(t *testing.T) {
	for name, body := range map[string]string{"not xml": "<<<", "no tokens": "<Document></Document>"} {
		if _, err := ParseMeantime([]byte(body), name); err == nil {
			t.Errorf("%s accepted", name)
		}
	}
	if _, err := ReadMeantime("testdata/meantime/missing.xml"); err == nil || !strings.Contains(err.Error(), "missing.xml") {
		t.Errorf("missing file error %v", err)
	}
	dir := t.TempDir()
	if _, _, err := ReadMeantimeDir(dir); err == nil {
		t.Error("empty directory accepted")
	}
	os.WriteFile(filepath.Join(dir, "bad.xml"), []byte("<<<"), 0o644)
	b, _ := os.ReadFile(filepath.Join("testdata", "meantime", "tiny.xml"))
	os.WriteFile(filepath.Join(dir, "good.xml"), b, 0o644)
	docs, errs, err := ReadMeantimeDir(dir)
	if err != nil || len(docs) != 1 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "bad.xml") {
		t.Errorf("docs %d errs %v err %v", len(docs), errs, err)
	}
}

func TestScoreMeantime(t *testing.T) {
	m, err := ReadMeantime(filepath.Join("testdata", "meantime", "tiny.xml"))
	if err != nil {
		t.Fatal(err)
	}
	at := func(s string) pipeline.Span {
		i := strings.Index(m.Text, s)
		return pipeline.Span{Start: i, End: i + len(s)}
	}
	doc := func(date, entity string, trigger pipeline.Span) *pipeline.Document {
		d := m.Document(0)
		d.Text = m.Text
		d.Mentions = []pipeline.Mention{{Span: at("Vladimir Putin"), EntityID: "person:vladimir-putin"}, {Span: at("Iran on"), EntityID: "country:IR"}}
		d.Mentions[1].End = d.Mentions[1].Start + 4
		d.Events = []pipeline.Event{{ID: "e1", Kind: "visit", Trigger: trigger, Date: date,
			Participants: []pipeline.Participant{{Entity: entity, Role: "actor"}}}}
		return d
	}
	cases := []struct {
		name string
		d    *pipeline.Document
		rec  int
		miss MeantimeMisses
	}{
		{"recovered", doc("2016-12-20", "person:vladimir-putin", at("visited")), 1, MeantimeMisses{}},
		{"no trigger", doc("2016-12-20", "person:vladimir-putin", at("spoke")), 0, MeantimeMisses{NoTrigger: 1}},
		{"no date", doc("", "person:vladimir-putin", at("visited")), 0, MeantimeMisses{NoDate: 1}},
		{"wrong date", doc("2016-11", "person:vladimir-putin", at("visited")), 0, MeantimeMisses{WrongDate: 1}},
		{"no participant", doc("2016-12-20", "person:someone", at("visited")), 0, MeantimeMisses{NoParticipant: 1}},
		{"no document", nil, 0, MeantimeMisses{NoTrigger: 1}},
	}
	for _, c := range cases {
		done := map[string]*pipeline.Document{}
		if c.d != nil {
			done[m.Name] = c.d
		}
		r := ScoreMeantime([]*MeantimeDoc{m}, done)
		if r.Gold != 1 || r.Recovered != c.rec || r.Misses != c.miss {
			t.Errorf("%s: %+v", c.name, r)
		}
	}
	r := ScoreMeantime([]*MeantimeDoc{m}, map[string]*pipeline.Document{m.Name: doc("2016-12", "country:IR", at("visited"))})
	if r.Recovered != 0 || r.Compatible != 1 {
		t.Errorf("a coarser date is compatible, not exact: %+v", r)
	}
}

func FuzzParseMeantime(f *testing.F) {
	b, _ := os.ReadFile(filepath.Join("testdata", "meantime", "tiny.xml"))
	f.Add(b)
	f.Add([]byte("<Document><token t_id=\"1\" sentence=\"0\">x</token></Document>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := ParseMeantime(data, "fuzz")
		if err != nil {
			return
		}
		for _, e := range m.Events {
			if e.Trigger.Start < 0 || e.Trigger.End > len(m.Text) || e.Trigger.Start > e.Trigger.End {
				t.Fatalf("trigger %v outside text of %d bytes", e.Trigger, len(m.Text))
			}
		}
	})
}
