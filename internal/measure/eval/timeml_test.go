package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/entente-nlp/entente/pipeline"
)

const timemlSample = `<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="TIME" value="1998-08-07" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
<TEXT>
Bombs <EVENT eid="e1">exploded</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> &amp; for <TIMEX3 tid="t2" type="DURATION" value="P2D">two days</TIMEX3> between <TIMEX3 tid="t3" type="DATE" value="1994">1994</TIMEX3> and <TIMEX3 tid="t4" type="DATE" value="1997">1997</TIMEX3>; <TIMEX3 tid="t5" type="DATE" value="2000-W8">last week</TIMEX3> and <TIMEX3 tid="t6" type="DATE" value="1998">this year</TIMEX3>.
</TEXT>
</TimeML>`

func TestReadTimeML(t *testing.T) {
	d, err := ReadTimeML(strings.NewReader(timemlSample), "x.tml")
	if err != nil {
		t.Fatal(err)
	}
	if d.DCT != "1998-08-07" {
		t.Errorf("DCT = %q", d.DCT)
	}
	if len(d.Timexes) != 6 {
		t.Fatalf("got %d timexes: %+v", len(d.Timexes), d.Timexes)
	}
	for _, x := range d.Timexes {
		if x.TID == "t1" && d.Text[x.Start:x.End] != "Friday" {
			t.Errorf("t1 span %q", d.Text[x.Start:x.End])
		}
	}
	if !strings.Contains(d.Text, "Friday & for two days") {
		t.Errorf("entities not decoded or markup kept: %q", d.Text)
	}
	if _, err := ReadTimeML(strings.NewReader("<TimeML><DCT></DCT></TimeML>"), "empty.tml"); err == nil || !strings.Contains(err.Error(), "empty.tml") {
		t.Errorf("document without TEXT: err = %v", err)
	}
	if _, err := ReadTimeML(strings.NewReader("<TimeML><TEXT>a</TEX"), "broken.tml"); err == nil || !strings.Contains(err.Error(), "broken.tml") {
		t.Errorf("broken XML: err = %v", err)
	}
}

func TestScoreTimeML(t *testing.T) {
	d, err := ReadTimeML(strings.NewReader(timemlSample), "x.tml")
	if err != nil {
		t.Fatal(err)
	}
	at := func(sub string) pipeline.Span {
		i := strings.Index(d.Text, sub)
		return pipeline.Span{Start: i, End: i + len(sub)}
	}
	find := func(text string, dct time.Time, known bool) []pipeline.TimeExpr {
		if !known || dct.Day() != 7 {
			t.Errorf("finder called with %v %v", dct, known)
		}
		return []pipeline.TimeExpr{
			{Span: at("Bombs"), Value: "1998"},                 // spurious
			{Span: at("exploded Friday"), Value: "1998-08-07"}, // relaxed match, right value
			{Span: at("two days"), Value: "P2D"},               // DURATION: ignored
			{Span: at("1994 and 1997"), Value: "1994/1997"},    // a range matches two
			{Span: at("last week"), Value: "2000-W08"},         // strict, padded week
		}
	}
	s := ScoreTimeML([]*TimexDoc{d}, find)
	if s.Gold != 5 || s.Pred != 4 || s.Ignored != 1 {
		t.Errorf("gold %d pred %d ignored %d, want 5 4 1", s.Gold, s.Pred, s.Ignored)
	}
	if s.Relaxed != (Counts{TP: 4, FP: 1, FN: 1}) {
		t.Errorf("relaxed %+v", s.Relaxed)
	}
	if s.Strict.TP != 1 {
		t.Errorf("strict %+v", s.Strict)
	}
	if s.ValueCorrect != 4 || s.ValueAccuracy() != 1 {
		t.Errorf("values %d correct, accuracy %.2f", s.ValueCorrect, s.ValueAccuracy())
	}
	var b strings.Builder
	if err := s.WriteTable(&b); err != nil || !strings.Contains(b.String(), "relaxed") {
		t.Errorf("table %q, %v", b.String(), err)
	}
	b.Reset()
	s.WriteErrors(&b, "missed", 10)
	if !strings.Contains(b.String(), `"this year"`) {
		t.Errorf("missed list %q", b.String())
	}
}

func TestReadTimeMLDir(t *testing.T) {
	if _, _, err := ReadTimeMLDir(t.TempDir()); err == nil || !strings.Contains(err.Error(), "no .tml") {
		t.Errorf("empty dir: err = %v", err)
	}
	if _, _, err := ReadTimeMLDir("/does/not/exist"); err == nil {
		t.Error("missing dir: no error")
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.tml"), []byte(timemlSample), 0o644)
	os.WriteFile(filepath.Join(dir, "b.tml"), []byte("<TimeML><TEXT>a</TEX"), 0o644)
	docs, errs, err := ReadTimeMLDir(dir)
	if err != nil || len(docs) != 1 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "b.tml") {
		t.Errorf("one bad file: %d docs, errs %v, err %v", len(docs), errs, err)
	}
}
