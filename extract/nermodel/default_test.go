package nermodel_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/entente-nlp/entente/extract/nermodel"
	"github.com/entente-nlp/entente/extract/nlp"
	"github.com/entente-nlp/entente/internal/measure/eval"
	"github.com/entente-nlp/entente/internal/testkit/testutil"
	"github.com/entente-nlp/entente/pipeline"
)

// analyze runs the nlp stage over text.
func analyze(t testing.TB, text string) *pipeline.Document {
	t.Helper()
	models, err := nlp.SharedModels()
	if err != nil {
		t.Fatal(err)
	}
	st, err := nlp.New(models, nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := &pipeline.Document{Text: text}
	if err := st.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

func found(d *pipeline.Document, cs []nermodel.Candidate) string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Type+":"+d.Slice(c.Span))
	}
	return strings.Join(out, ", ")
}

func TestDefaultModel(t *testing.T) {
	m, err := nermodel.Default()
	if err != nil {
		t.Fatal(err)
	}
	meta := m.Meta()
	if meta.TrainedOn != "CoNLL-2003 eng.train" || meta.FeatureVersion != nermodel.FeatureVersion || meta.Lexicon == "" {
		t.Errorf("embedded model meta = %+v", meta)
	}
	d := analyze(t, "Russian Foreign Minister Sergey Lavrov met his Turkish counterpart Mevlut Cavusoglu in Moscow on Tuesday, the Foreign Ministry said. Aleppo had been retaken from the militants.")
	got := found(d, m.TagDocument(d))
	for _, want := range []string{"PERSON:Sergey Lavrov", "PERSON:Mevlut Cavusoglu", "LOCATION:Moscow", "LOCATION:Aleppo"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in %s", want, got)
		}
	}
}

func TestDefaultConcurrent(t *testing.T) {
	m, err := nermodel.Default()
	if err != nil {
		t.Fatal(err)
	}
	d := analyze(t, "Iran, Russia and Turkey met in Moscow with NATO watching.")
	want := found(d, m.TagDocument(d))
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := found(d, m.TagDocument(d)); got != want {
				t.Errorf("concurrent TagDocument = %s, want %s", got, want)
			}
		}()
	}
	wg.Wait()
}

// TestConllTestaFloor scores the embedded model alone on CoNLL-2003
// eng.testa (never used for training), so its quality cannot silently fall.
// With -short it scores the first 40 documents.
func TestConllTestaFloor(t *testing.T) {
	path := testutil.Shared(t, "corpora/conll2003/eng.testa")
	docs, err := eval.ReadConllFile(path)
	if err != nil {
		t.Fatal(err)
	}
	floor := 0.86
	if testing.Short() {
		docs, floor = docs[:40], 0.80
	}
	m, err := nermodel.Default()
	if err != nil {
		t.Fatal(err)
	}
	sc := eval.NewConllScorer()
	for i := range docs {
		_, starts, ends := docs[i].Text()
		d := analyze(t, docs[i].Document(fmt.Sprint(i)).Text)
		var spans []eval.TypedSpan
		for _, c := range m.TagDocument(d) {
			spans = append(spans, eval.TypedSpan{Type: eval.ConllType(c.Type), Start: c.Start, End: c.Span.End})
		}
		sc.Add(docs[i].Gold(), eval.AlignSpans(starts, ends, spans), len(starts))
	}
	var b strings.Builder
	sc.WriteTable(&b)
	t.Logf("model alone on eng.testa (%d documents):\n%s", len(docs), b.String())
	if f1 := sc.Micro().F1(); f1 < floor {
		t.Errorf("micro F1 %.3f below the floor %.2f", f1, floor)
	}
}

func BenchmarkTagDocument(b *testing.B) {
	m, err := nermodel.Default()
	if err != nil {
		b.Fatal(err)
	}
	text, err := os.ReadFile(testutil.Testdata(b, "moscow-declaration.md"))
	if err != nil {
		b.Fatal(err)
	}
	d := analyze(b, string(text))
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		m.TagDocument(d)
	}
	b.ReportMetric(float64(len(d.Tokens)*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func ExampleModel_Tag() {
	m, err := nermodel.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	models, _ := nlp.SharedModels()
	stage, _ := nlp.New(models, nlp.Options{})
	d := &pipeline.Document{Text: "Vladimir Putin spoke to reporters in Moscow."}
	if err := stage.Process(context.Background(), d); err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range m.Tag(d.Text, d.Tokens, d.Sentences) {
		fmt.Println(c.Type, d.Slice(c.Span))
	}
	// Output:
	// PERSON Vladimir Putin
	// LOCATION Moscow
}

func TestGazetteerLexiconDescribe(t *testing.T) {
	lex, err := nermodel.DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	g := lex.(nermodel.GazetteerLexicon)
	a, b := g.Describe(), g.Describe()
	if a != b || !strings.HasPrefix(a, "gazetteer: ") || !strings.Contains(a, " entries, fingerprint ") {
		t.Errorf("Describe = %q then %q", a, b)
	}
	m, err := nermodel.Default()
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Meta().Lexicon; got != "embedded "+a {
		// Not an error: the gazetteer's data moved on since the shipped
		// model was trained. Retraining (entente train ner) realigns them.
		t.Logf("the embedded model was trained with the %s; the gazetteer is now %s", strings.TrimPrefix(got, "embedded "), a)
	}
}

// FuzzTagDocument checks that any text the nlp stage can tokenize gives
// well-formed candidates: spans on token boundaries, in order, not
// overlapping, with a known type.
func FuzzTagDocument(f *testing.F) {
	f.Add("Vladimir Putin met Recep Tayyip Erdogan in Moscow.")
	f.Add("SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .\nAl-Ain , United Arab Emirates 1996-12-06")
	f.Add("«make all of us» — Çavuşoğlu\x00\xff said")
	m, err := nermodel.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d := analyze(t, text)
		last := 0
		for _, c := range m.TagDocument(d) {
			if c.TokenStart < 0 || c.TokenEnd > len(d.Tokens) || c.TokenStart >= c.TokenEnd {
				t.Fatalf("bad token range %+v", c)
			}
			if c.Start != d.Tokens[c.TokenStart].Start || c.Span.End != d.Tokens[c.TokenEnd-1].End || c.Start < last {
				t.Fatalf("span %+v off its tokens or out of order", c)
			}
			if nermodel.TypeOf["PER"] != c.Type && nermodel.TypeOf["LOC"] != c.Type && nermodel.TypeOf["ORG"] != c.Type {
				t.Fatalf("type %q", c.Type)
			}
			if c.Confidence < 0 || c.Confidence > 1 || c.Margin < 0 {
				t.Fatalf("confidence %v margin %v", c.Confidence, c.Margin)
			}
			last = c.Span.End
		}
	})
}
