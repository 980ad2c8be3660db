package eval

import (
	"bytes"
	"context"
	"errors"
	"math"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/internal/testkit/testutil"
	"github.com/entente-nlp/entente/pipeline"
)

const conllSample = `-DOCSTART- -X- O O

EU NNP I-NP I-ORG
rejects VBZ I-VP O
German JJ I-NP I-MISC
call NN I-NP O
. . O O

Peter NNP I-NP I-PER
Blackburn NNP I-NP I-PER

-DOCSTART- -X- O O

BRUSSELS NNP I-NP I-LOC
1996-08-22 CD I-NP O
`

func TestReadConll(t *testing.T) {
	docs, err := ReadConll(strings.NewReader(conllSample), "sample")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || len(docs[0].Sentences) != 2 || len(docs[1].Sentences) != 1 {
		t.Fatalf("docs = %+v", docs)
	}
	if tok := docs[0].Sentences[0][0]; tok != (ConllToken{Word: "EU", POS: "NNP", Chunk: "I-NP", Tag: "I-ORG"}) {
		t.Errorf("first token = %+v", tok)
	}
	text, starts, ends := docs[0].Text()
	if text != "EU rejects German call .\nPeter Blackburn" {
		t.Errorf("text = %q", text)
	}
	for i, tok := range docs[0].Tokens() {
		if text[starts[i]:ends[i]] != tok.Word {
			t.Errorf("token %d maps to %q, want %q", i, text[starts[i]:ends[i]], tok.Word)
		}
	}
	want := []ConllEntity{{"ORG", 0, 1}, {"MISC", 2, 3}, {"PER", 5, 7}}
	if got := docs[0].Gold(); !reflect.DeepEqual(got, want) {
		t.Errorf("gold = %v, want %v", got, want)
	}
	if docs[1].Line != 12 {
		t.Errorf("second document starts at line %d, want 12", docs[1].Line)
	}
}

func TestReadConllErrors(t *testing.T) {
	cases := map[string]string{
		"empty":       "",
		"only blanks": "\n\n-DOCSTART- -X- O O\n\n",
		"one column":  "EU NNP I-NP I-ORG\nrejects\n",
		"bad tag":     "EU NNP I-NP ORG\n",
	}
	for name, in := range cases {
		_, err := ReadConll(strings.NewReader(in), "bad.conll")
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		if !strings.Contains(err.Error(), "bad.conll") {
			t.Errorf("%s: error %q does not name the file", name, err)
		}
	}
	_, err := ReadConll(strings.NewReader("EU NNP I-NP I-ORG\nrejects\n"), "bad.conll")
	if !strings.Contains(err.Error(), "bad.conll:2") {
		t.Errorf("error %q does not name the line", err)
	}
}

func TestEntitiesFromTags(t *testing.T) {
	cases := []struct {
		name string
		tags []string
		want []ConllEntity
	}{
		{"none", []string{"O", "O"}, nil},
		{"iob1 run", []string{"I-PER", "I-PER", "O"}, []ConllEntity{{"PER", 0, 2}}},
		{"iob1 adjacent same type", []string{"I-LOC", "B-LOC", "I-LOC"}, []ConllEntity{{"LOC", 0, 1}, {"LOC", 1, 3}}},
		{"bio", []string{"B-ORG", "I-ORG", "B-PER"}, []ConllEntity{{"ORG", 0, 2}, {"PER", 2, 3}}},
		{"type change", []string{"I-ORG", "I-LOC"}, []ConllEntity{{"ORG", 0, 1}, {"LOC", 1, 2}}},
		{"at end", []string{"O", "B-MISC"}, []ConllEntity{{"MISC", 1, 2}}},
	}
	for _, c := range cases {
		if got := EntitiesFromTags(c.tags); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}

func TestAlignSpans(t *testing.T) {
	// "EU rejects German call" — tokens at 0-2, 3-10, 11-17, 18-22.
	starts, ends := []int{0, 3, 11, 18}, []int{2, 10, 17, 22}
	got := AlignSpans(starts, ends, []TypedSpan{
		{"ORG", 0, 2},   // exact
		{"ORG", 0, 2},   // duplicate: dropped
		{"PER", 3, 17},  // two tokens
		{"LOC", 4, 10},  // starts inside a token
		{"LOC", 11, 20}, // ends inside a token
	})
	want := []ConllEntity{{"ORG", 0, 1}, {"PER", 1, 3}, {"LOC", -1, -1}, {"LOC", -1, -1}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestConllScorer(t *testing.T) {
	cases := []struct {
		name       string
		gold, pred []ConllEntity
		want       map[string]Counts
	}{
		{"perfect", []ConllEntity{{"PER", 0, 2}, {"LOC", 3, 4}}, []ConllEntity{{"LOC", 3, 4}, {"PER", 0, 2}},
			map[string]Counts{"PER": {1, 0, 0}, "LOC": {1, 0, 0}}},
		{"boundary error is a miss and a false alarm", []ConllEntity{{"PER", 0, 2}}, []ConllEntity{{"PER", 1, 2}},
			map[string]Counts{"PER": {0, 1, 1}}},
		{"type error", []ConllEntity{{"ORG", 0, 1}}, []ConllEntity{{"LOC", 0, 1}},
			map[string]Counts{"ORG": {0, 0, 1}, "LOC": {0, 1, 0}}},
		{"misc ignored both sides", []ConllEntity{{"MISC", 0, 1}}, []ConllEntity{{"MISC", 2, 3}}, map[string]Counts{}},
		{"duplicates count once", []ConllEntity{{"ORG", 0, 1}}, []ConllEntity{{"ORG", 0, 1}, {"ORG", 0, 1}},
			map[string]Counts{"ORG": {1, 0, 0}}},
		{"unaligned predictions are false alarms", nil, []ConllEntity{{"PER", -1, -1}, {"PER", -1, -1}},
			map[string]Counts{"PER": {0, 2, 0}}},
	}
	for _, c := range cases {
		s := NewConllScorer()
		s.Add(c.gold, c.pred, 5)
		for _, typ := range s.Types() {
			if got := s.Type(typ); got != c.want[typ] {
				t.Errorf("%s: %s = %+v, want %+v", c.name, typ, got, c.want[typ])
			}
		}
		if s.Tokens != 5 || s.Docs != 1 {
			t.Errorf("%s: tokens %d docs %d", c.name, s.Tokens, s.Docs)
		}
	}
}

func TestCountsRatios(t *testing.T) {
	c := Counts{TP: 3, FP: 1, FN: 3}
	if c.Precision() != 0.75 || c.Recall() != 0.5 || math.Abs(c.F1()-0.6) > 1e-12 {
		t.Errorf("P %v R %v F1 %v", c.Precision(), c.Recall(), c.F1())
	}
	if z := (Counts{}); z.Precision() != 0 || z.Recall() != 0 || z.F1() != 0 {
		t.Error("empty counts are not all zero")
	}
}

func TestWriteTable(t *testing.T) {
	s := NewConllScorer()
	s.Add([]ConllEntity{{"PER", 0, 1}, {"ORG", 2, 3}}, []ConllEntity{{"PER", 0, 1}, {"LOC", 4, 5}}, 6)
	var b bytes.Buffer
	if err := s.WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	want := `type        P      R     F1     tp     fp     fn
LOC     0.000  0.000  0.000      0      1      0
ORG     0.000  0.000  0.000      0      0      1
PER     1.000  1.000  1.000      1      0      0
micro   0.500  0.500  0.500      1      1      1
`
	if b.String() != want {
		t.Errorf("table:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestConllType(t *testing.T) {
	for in, want := range map[string]string{
		pipeline.Person: "PER", pipeline.Country: "LOC", pipeline.Location: "LOC",
		pipeline.Organization: "ORG", "GPE": "LOC", "MISC": "", "DATE": "",
	} {
		if got := ConllType(in); got != want {
			t.Errorf("ConllType(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTokenLabels(t *testing.T) {
	docs, err := ReadConll(strings.NewReader("U.S. NNP I-NP I-LOC\nofficials NNS I-NP O\nsaw VBD I-VP O\nBill NNP I-NP I-PER\nClinton's NNP I-NP I-PER\n"), "x")
	if err != nil {
		t.Fatal(err)
	}
	d := docs[0].Document("x")
	// A tokenizer that splits "Clinton's" into "Clinton" and "'s".
	spans := [][2]int{{0, 4}, {5, 14}, {15, 18}, {19, 23}, {24, 31}, {31, 33}}
	var toks []pipeline.Token
	for _, s := range spans {
		toks = append(toks, pipeline.Token{Span: pipeline.Span{Start: s[0], End: s[1]}})
	}
	got := docs[0].TokenLabels(toks)
	want := []string{"B-LOC", "O", "O", "B-PER", "I-PER", "I-PER"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("labels = %v, want %v (text %q)", got, want, d.Text)
	}
}

// TestReadConllTesta reads the real development set, when present.
func TestReadConllTesta(t *testing.T) {
	path := testutil.Shared(t, "corpora/conll2003/eng.testa")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := ReadConll(f, path)
	if err != nil {
		t.Fatal(err)
	}
	s := NewConllScorer()
	for _, d := range docs {
		g := d.Gold()
		s.Add(g, g, len(d.Tokens()))
	}
	// eng.testa: 216 documents, 51362 tokens, 5942 entities of which
	// 5003 PER, LOC or ORG.
	if len(docs) != 216 || s.Tokens != 51362 || s.Micro().TP != 5003 || s.Micro().F1() != 1 {
		t.Errorf("docs %d tokens %d entities %d", len(docs), s.Tokens, s.Micro().TP)
	}
}

func FuzzReadConll(f *testing.F) {
	f.Add(conllSample)
	f.Add("a B-X\n\nb I-Y\n")
	f.Fuzz(func(t *testing.T, in string) {
		docs, err := ReadConll(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		for _, d := range docs {
			text, starts, ends := d.Text()
			toks := d.Tokens()
			if len(starts) != len(toks) {
				t.Fatalf("%d starts for %d tokens", len(starts), len(toks))
			}
			for i, tok := range toks {
				if text[starts[i]:ends[i]] != tok.Word {
					t.Fatalf("token %d maps to %q, want %q", i, text[starts[i]:ends[i]], tok.Word)
				}
			}
			for _, e := range d.Gold() {
				if e.Start < 0 || e.End > len(toks) || e.Start >= e.End {
					t.Fatalf("bad gold entity %+v", e)
				}
			}
		}
	})
}

func TestSpansFromLabels(t *testing.T) {
	toks := []pipeline.Token{{Span: pipeline.Span{Start: 0, End: 8}}, {Span: pipeline.Span{Start: 9, End: 14}}, {Span: pipeline.Span{Start: 15, End: 21}}, {Span: pipeline.Span{Start: 22, End: 26}}}
	got := SpansFromLabels(toks, []string{"B-PERSON", "I-PERSON", "B-GPE", ""})
	want := []TypedSpan{{"PER", 0, 14}, {"LOC", 15, 21}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if got := SpansFromLabels(toks, []string{"B-DATE", "O", "I-MISC", "O"}); len(got) != 0 {
		t.Errorf("unscored types gave %v", got)
	}
}

func TestScoreConll(t *testing.T) {
	docs, err := ReadConll(strings.NewReader(conllSample), "sample")
	if err != nil {
		t.Fatal(err)
	}
	// A system that finds "Peter Blackburn" and calls BRUSSELS a person.
	tag := func(_ context.Context, d *pipeline.Document) ([]TypedSpan, error) {
		var out []TypedSpan
		if i := strings.Index(d.Text, "Peter Blackburn"); i >= 0 {
			out = append(out, TypedSpan{"PER", i, i + len("Peter Blackburn")})
		}
		if i := strings.Index(d.Text, "BRUSSELS"); i >= 0 {
			out = append(out, TypedSpan{"PER", i, i + len("BRUSSELS")})
		}
		return out, nil
	}
	s, err := ScoreConll(context.Background(), docs, tag)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Micro(); got != (Counts{TP: 1, FP: 1, FN: 2}) {
		t.Errorf("micro = %+v", got)
	}
	if s.Tokens != 9 || s.Docs != 2 {
		t.Errorf("tokens %d docs %d", s.Tokens, s.Docs)
	}
	boom := errors.New("boom")
	_, err = ScoreConll(context.Background(), docs, func(context.Context, *pipeline.Document) ([]TypedSpan, error) { return nil, boom })
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("tagger error = %v", err)
	}
}

func TestScoreConllKeepsErrors(t *testing.T) {
	docs, err := ReadConll(strings.NewReader(conllSample), "sample")
	if err != nil {
		t.Fatal(err)
	}
	tag := func(_ context.Context, d *pipeline.Document) ([]TypedSpan, error) {
		var out []TypedSpan
		if i := strings.Index(d.Text, "Blackburn"); i >= 0 {
			out = append(out, TypedSpan{"PER", i, i + len("Blackburn")}, TypedSpan{"ORG", i, i + 4})
		}
		return out, nil
	}
	s := NewConllScorer()
	s.KeepErrors = true
	if err := s.Run(context.Background(), docs, tag); err != nil {
		t.Fatal(err)
	}
	want := []ConllError{
		{Kind: "spurious", ConllEntity: ConllEntity{"PER", 6, 7}, Doc: 1, Line: 1, Text: "Blackburn"},
		{Kind: "spurious", ConllEntity: ConllEntity{"ORG", -1, -1}, Doc: 1, Line: 1, Text: "Blac (not on token boundaries)"},
		{Kind: "missed", ConllEntity: ConllEntity{"ORG", 0, 1}, Doc: 1, Line: 1, Text: "EU"},
		{Kind: "missed", ConllEntity: ConllEntity{"PER", 5, 7}, Doc: 1, Line: 1, Text: "Peter Blackburn"},
		{Kind: "missed", ConllEntity: ConllEntity{"LOC", 0, 1}, Doc: 2, Line: 12, Text: "BRUSSELS"},
	}
	if !reflect.DeepEqual(s.Errors, want) {
		t.Errorf("errors:\n got %+v\nwant %+v", s.Errors, want)
	}
}
