package nermodel

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/entente-nlp/entente/pipeline"
)

// toy builds an example from "word/LABEL word ..." with whitespace tokens
// and no part-of-speech tags.
func toy(t testing.TB, s string) Example {
	t.Helper()
	var ex Example
	var b strings.Builder
	for i, f := range strings.Fields(s) {
		word, label, ok := strings.Cut(f, "/")
		if !ok {
			label = "O"
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(word)
		ex.Tokens = append(ex.Tokens, pipeline.Token{Span: pipeline.Span{Start: start, End: b.Len()}})
		ex.Labels = append(ex.Labels, label)
	}
	ex.Text = b.String()
	return ex
}

var toyData = []string{
	"Anna/B-PER Berg/I-PER visited Oslo/B-LOC with Acme/B-ORG Corp/I-ORG staff .",
	"Acme/B-ORG Corp/I-ORG opened an office in Lima/B-LOC .",
	"Anna/B-PER Berg/I-PER said the Euro/B-MISC deal was good .",
	"Tom/B-PER Lind/I-PER flew from Lima/B-LOC to Oslo/B-LOC .",
	"Police said Tom/B-PER Lind/I-PER joined Globex/B-ORG Group/I-ORG .",
}

func trainToy(t testing.TB) *Model {
	t.Helper()
	var exs []Example
	for _, s := range toyData {
		exs = append(exs, toy(t, s))
	}
	m, err := Train(context.Background(), exs, TrainOptions{Epochs: 8, LogBuckets: 14, TrainedOn: "toy"})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func spansOf(text string, cs []Candidate) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Type+":"+text[c.Start:c.Span.End])
	}
	return out
}

func TestTrainLearnsTrainingData(t *testing.T) {
	m := trainToy(t)
	for _, s := range toyData {
		ex := toy(t, s)
		labels, _ := m.Labels(ex.Text, ex.Tokens, nil)
		if strings.Join(labels, " ") != strings.Join(ex.Labels, " ") {
			t.Errorf("%s\n got %v\nwant %v", ex.Text, labels, ex.Labels)
		}
	}
	ex := toy(t, toyData[2])
	got := strings.Join(spansOf(ex.Text, m.Tag(ex.Text, ex.Tokens, nil)), ", ")
	if want := "PERSON:Anna Berg"; got != want {
		t.Errorf("Tag = %q, want %q (MISC is never reported)", got, want)
	}
}

func TestCandidates(t *testing.T) {
	toks := make([]pipeline.Token, 7)
	for i := range toks {
		toks[i].Span = pipeline.Span{Start: 2 * i, End: 2*i + 1}
	}
	cases := []struct {
		labels []string
		want   []Candidate
	}{
		{[]string{"O", "O", "O", "O", "O", "O", "O"}, nil},
		{[]string{"B-PER", "I-PER", "B-PER", "O", "B-MISC", "I-MISC", "I-LOC"}, []Candidate{
			{Span: pipeline.Span{Start: 0, End: 3}, Type: pipeline.Person, TokenStart: 0, TokenEnd: 2},
			{Span: pipeline.Span{Start: 4, End: 5}, Type: pipeline.Person, TokenStart: 2, TokenEnd: 3},
			{Span: pipeline.Span{Start: 12, End: 13}, Type: pipeline.Location, TokenStart: 6, TokenEnd: 7},
		}},
		{[]string{"I-ORG", "I-ORG", "I-LOC", "O", "B-ORG", "O", "O"}, []Candidate{
			{Span: pipeline.Span{Start: 0, End: 3}, Type: pipeline.Organization, TokenStart: 0, TokenEnd: 2},
			{Span: pipeline.Span{Start: 4, End: 5}, Type: pipeline.Location, TokenStart: 2, TokenEnd: 3},
			{Span: pipeline.Span{Start: 8, End: 9}, Type: pipeline.Organization, TokenStart: 4, TokenEnd: 5},
		}},
	}
	for _, c := range cases {
		got := candidates(toks, c.labels, make([]float64, len(toks)))
		for i := range c.want {
			c.want[i].Confidence = confidence(0)
		}
		if len(got) != len(c.want) {
			t.Errorf("%v: got %+v, want %+v", c.labels, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%v: candidate %d = %+v, want %+v", c.labels, i, got[i], c.want[i])
			}
		}
	}
}

func TestSegments(t *testing.T) {
	text := "RUSSIA WINS\nPutin spoke. Then left."
	// tokens: RUSSIA WINS | Putin spoke . | Then left .
	spans := [][2]int{{0, 6}, {7, 11}, {12, 17}, {18, 23}, {23, 24}, {25, 29}, {30, 34}, {34, 35}}
	var toks []pipeline.Token
	for _, s := range spans {
		toks = append(toks, pipeline.Token{Span: pipeline.Span{Start: s[0], End: s[1]}})
	}
	sents := []pipeline.Sentence{{Span: pipeline.Span{Start: 0, End: 24}}, {Span: pipeline.Span{Start: 25, End: 35}}}
	got := segmentsOf(text, toks, sents)
	want := []segment{{0, 2}, {2, 5}, {5, 8}}
	if len(got) != len(want) {
		t.Fatalf("segments = %v, want %v", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("segments = %v, want %v", got, want)
		}
	}
	if got := segmentsOf(text, toks, nil); len(got) != 2 {
		t.Errorf("without sentences, segments = %v, want a split at the line break only", got)
	}
}

func TestShapesAndNormalize(t *testing.T) {
	cases := []struct{ in, shape, short, norm string }{
		{"Putin", "Xxxxx", "Xx", "putin"},
		{"Çavuşoğlu", "Xxxxx", "Xx", "çavuşoğlu"},
		{"1996-08-22", "dddd-dd-dd", "d-d-d", "0000-00-00"},
		{"U.S.", "X.X.", "X.X.", "u.s."},
		{"NATO", "XXXX", "X", "nato"},
	}
	for _, c := range cases {
		sh := pipeline.AnalyzeWord(c.in).Shape
		short := shortShape(sh)
		if sh != c.shape || short != c.short || normalize(c.in) != c.norm {
			t.Errorf("%q: shape %q short %q norm %q, want %q %q %q", c.in, sh, short, normalize(c.in), c.shape, c.short, c.norm)
		}
	}
}

// refShapes is the word shape and short shape computed from the word
// itself, as the tagger did before it read pipeline.Word.
func refShapes(w string) (shape, short string) {
	var s, sh strings.Builder
	var last rune
	run := 0
	for _, r := range w {
		c := r
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case unicode.IsLetter(r):
			c = 'x'
		}
		if c == last {
			run++
		} else {
			run = 1
		}
		if run <= 4 {
			s.WriteRune(c)
		}
		if run == 1 {
			sh.WriteRune(c)
		}
		last = c
	}
	return s.String(), sh.String()
}

// TestShortShapeFromWord: the short shape derived from pipeline.Word's
// shape is the one derived from the word.
func TestShortShapeFromWord(t *testing.T) {
	ws := []string{"", "a", "aa", "Xx", "--", "a--b", "NATO-led", "1,500,000", "\xff\xfe", "ǅǅ", "x²²", "A.B.C.", "Çavuşoğlu"}
	for c := 0; c < 128; c++ {
		for d := 0; d < 128; d += 7 {
			ws = append(ws, string(rune(c))+string(rune(d))+string(rune(d))+string(rune(c)))
		}
	}
	for _, w := range ws {
		shape, short := refShapes(w)
		got := pipeline.AnalyzeWord(w).Shape
		if got != shape || shortShape(got) != short {
			t.Errorf("%q: shape %q short %q, want %q %q", w, got, shortShape(got), shape, short)
		}
	}
}

func TestWriteReadRoundTrip(t *testing.T) {
	m := trainToy(t)
	var a, b bytes.Buffer
	if err := m.Write(&a); err != nil {
		t.Fatal(err)
	}
	if err := m.Write(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("Write is not deterministic")
	}
	back, err := Read(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if back.scale != m.scale || back.logBuckets != m.logBuckets || back.meta != m.meta {
		t.Errorf("header changed: %+v %v vs %+v %v", back.meta, back.scale, m.meta, m.scale)
	}
	bs := m.w.buckets()
	if got := back.w.buckets(); len(got) != len(bs) {
		t.Fatalf("%d rows read back, want %d", len(got), len(bs))
	}
	for _, b := range bs {
		want, got := m.w.row(b), back.w.row(b)
		for k := range want {
			if got == nil || got[k] != want[k] {
				t.Fatalf("bucket %d = %v, want %v", b, got, want)
			}
		}
	}
}

func TestTrainIsDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if err := trainToy(t).Write(&a); err != nil {
		t.Fatal(err)
	}
	if err := trainToy(t).Write(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two trainings on the same data gave different models")
	}
}

func TestTrainRejectsBadExamples(t *testing.T) {
	ex := toy(t, "Anna/B-PER went/O")
	ex.Labels = ex.Labels[:1]
	if _, err := Train(context.Background(), []Example{ex}, TrainOptions{}); err == nil || !strings.Contains(err.Error(), "labels") {
		t.Errorf("label count mismatch: err = %v", err)
	}
	ex = toy(t, "Anna/B-PERSON went/O")
	if _, err := Train(context.Background(), []Example{ex}, TrainOptions{}); err == nil || !strings.Contains(err.Error(), "B-PERSON") {
		t.Errorf("unknown label: err = %v", err)
	}
	if _, err := Train(context.Background(), nil, TrainOptions{}); err == nil {
		t.Error("no data: no error")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Train(ctx, []Example{toy(t, toyData[0])}, TrainOptions{LogBuckets: 12}); err != context.Canceled {
		t.Errorf("cancelled: err = %v", err)
	}
}

func TestReadRejectsBadData(t *testing.T) {
	var good bytes.Buffer
	if err := trainToy(t).Write(&good); err != nil {
		t.Fatal(err)
	}
	cases := map[string][]byte{
		"empty":     nil,
		"not gzip":  []byte("hello"),
		"truncated": good.Bytes()[:good.Len()/2],
	}
	for name, b := range cases {
		if _, err := Read(bytes.NewReader(b)); err == nil {
			t.Errorf("%s: no error", name)
		} else if !strings.HasPrefix(err.Error(), "nermodel: ") {
			t.Errorf("%s: error %q does not name the component", name, err)
		}
	}
	m := trainToy(t)
	m.meta.FeatureVersion = "old"
	var old bytes.Buffer
	if err := m.Write(&old); err != nil {
		t.Fatal(err)
	}
	if _, err := Read(&old); err == nil || !strings.Contains(err.Error(), "retrain") {
		t.Errorf("feature version mismatch: err = %v", err)
	}
}

func FuzzRead(f *testing.F) {
	var good bytes.Buffer
	if err := trainToy(f).Write(&good); err != nil {
		f.Fatal(err)
	}
	f.Add(good.Bytes())
	f.Add([]byte{0x1f, 0x8b})
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Read(bytes.NewReader(b))
		if err != nil {
			return
		}
		ex := toy(t, toyData[0])
		m.Tag(ex.Text, ex.Tokens, nil) // must not panic
	})
}

func TestTagToleratesOddTokens(t *testing.T) {
	m := trainToy(t)
	text := "Anna Berg"
	toks := []pipeline.Token{{Span: pipeline.Span{Start: 0, End: 4}}, {Span: pipeline.Span{Start: 5, End: 99}}, {Span: pipeline.Span{Start: -3, End: 2}}}
	m.Tag(text, toks, nil)
	if got := m.Tag("", nil, nil); len(got) != 0 {
		t.Errorf("no tokens gave %v", got)
	}
}

func TestConcurrentTag(t *testing.T) {
	m := trainToy(t)
	ex := toy(t, toyData[0])
	want := spansOf(ex.Text, m.Tag(ex.Text, ex.Tokens, nil))
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 20; j++ {
				got := spansOf(ex.Text, m.Tag(ex.Text, ex.Tokens, nil))
				if strings.Join(got, "|") != strings.Join(want, "|") {
					t.Errorf("concurrent Tag = %v, want %v", got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestConfidenceIsMonotone(t *testing.T) {
	prev := 0.0
	for m := 0.0; m <= 200; m += 5 {
		c := confidence(m)
		if c <= prev && c < 1 || c < 0 || c > 1 {
			t.Fatalf("confidence(%v) = %v after %v", m, c, prev)
		}
		prev = c
	}
}

func TestTableGrows(t *testing.T) {
	tb := newTable(0)
	row := make([]int16, numLabels)
	for b := uint32(0); b < 1000; b++ {
		row[0] = int16(b + 1)
		tb.put(b*7919, row)
	}
	for b := uint32(0); b < 1000; b++ {
		if r := tb.row(b * 7919); r == nil || r[0] != int16(b+1) {
			t.Fatalf("bucket %d: row %v", b*7919, r)
		}
	}
	if tb.row(3) != nil || len(tb.buckets()) != 1000 {
		t.Error("absent bucket found, or wrong count")
	}
}

// fakeLexicon knows a few names by exact text.
type fakeLexicon map[string]string

func (f fakeLexicon) Match(text string) []LexiconMatch {
	var out []LexiconMatch
	for name, kind := range f {
		for off := 0; ; {
			i := strings.Index(text[off:], name)
			if i < 0 {
				break
			}
			out = append(out, LexiconMatch{Start: off + i, End: off + i + len(name), Kinds: []string{kind}, Form: "name"})
			off += i + len(name)
		}
	}
	return out
}

func (f fakeLexicon) IsGivenName(w string) bool { return w == "Anna" || w == "Tom" || w == "Ugo" }

func TestLexiconViews(t *testing.T) {
	ex := toy(t, "Anna Berg flew to New South Wales and Lima .")
	lex := fakeLexicon{"New South Wales": "region", "Lima": "city"}
	d := featurize(ex.Text, ex.Tokens, nil, lex, 12, false)
	var got []string
	for _, v := range d.views {
		s := v.word + ":"
		if v.gazPos != 0 {
			s += string(v.gazPos) + "/" + strings.Join(v.gazKinds, ",")
		}
		if v.given {
			s += "+given"
		}
		got = append(got, s)
	}
	want := "Anna:+given Berg: flew: to: New:B/region South:I/region Wales:L/region and: Lima:U/city .:"
	if strings.Join(got, " ") != want {
		t.Errorf("views = %s\nwant    %s", strings.Join(got, " "), want)
	}
}

func TestLexiconFeaturesGeneralize(t *testing.T) {
	// Places the tagger has never seen are places because the lexicon
	// says so; the same context with an unknown word stays O.
	data := []string{
		"Anna/B-PER Berg/I-PER flew to Oslo/B-LOC .",
		"Tom/B-PER Lind/I-PER flew to Lima/B-LOC .",
		"Anna/B-PER Berg/I-PER flew to work .",
		"Tom/B-PER Lind/I-PER flew to Paris/B-LOC .",
		"Tom/B-PER Lind/I-PER flew to Bogus today .",
	}
	lex := fakeLexicon{"Oslo": "city", "Lima": "city", "Paris": "city", "Quito": "city"}
	var exs []Example
	for _, s := range data {
		exs = append(exs, toy(t, s))
	}
	m, err := Train(context.Background(), exs, TrainOptions{Epochs: 10, LogBuckets: 14, Lexicon: lex, LexiconName: "fake"})
	if err != nil {
		t.Fatal(err)
	}
	if m.Meta().Lexicon != "fake" {
		t.Errorf("meta lexicon = %q", m.Meta().Lexicon)
	}
	ex := toy(t, "Ugo Sala flew to Quito .")
	got := strings.Join(spansOf(ex.Text, m.Tag(ex.Text, ex.Tokens, nil)), ", ")
	if !strings.Contains(got, "LOCATION:Quito") {
		t.Errorf("with the lexicon: %s", got)
	}
}

func TestLazyFeaturesMatchPrecomputed(t *testing.T) {
	ex := toy(t, "ANNA BERG WINS\nAnna Berg flew to Lima . Berg said Lima was warm .")
	lex := fakeLexicon{"Lima": "city"}
	pre := featurize(ex.Text, ex.Tokens, nil, lex, 14, true)
	lazy := featurize(ex.Text, ex.Tokens, nil, lex, 14, false)
	var a, b [][]uint32
	collect := func(out *[][]uint32, labels []int) func(sg segment, feats []uint32, off []int) {
		return func(sg segment, feats []uint32, off []int) {
			for j := 0; j < sg.end-sg.start; j++ {
				*out = append(*out, append([]uint32(nil), feats[off[j]:off[j+1]]...))
				labels[sg.start+j] = labelOf(2, posU) // history features see LOC
			}
		}
	}
	la, lb := make([]int, len(ex.Tokens)), make([]int, len(ex.Tokens))
	pre.decode(14, la, collect(&a, la))
	lazy.decode(14, lb, collect(&b, lb))
	if len(a) != len(ex.Tokens) || len(a) != len(b) {
		t.Fatalf("decoded %d and %d tokens of %d", len(a), len(b), len(ex.Tokens))
	}
	for i := range a {
		if fmt.Sprint(a[i]) != fmt.Sprint(b[i]) {
			t.Fatalf("token %d: precomputed %v, lazy %v", i, a[i], b[i])
		}
	}
}
