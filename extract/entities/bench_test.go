package entities

import (
	"context"
	"os"
	"testing"

	"github.com/entente-nlp/entente/extract/nermodel"
	"github.com/entente-nlp/entente/extract/nlp"
	"github.com/entente-nlp/entente/gazetteer"
	"github.com/entente-nlp/entente/internal/testkit/testutil"
	"github.com/entente-nlp/entente/pipeline"
)

// benchDoc returns the reference article, cleaned crudely (the clean stage
// is not under test here) and analyzed by the nlp stage.
func benchDoc(b *testing.B, prose bool) *pipeline.Document {
	b.Helper()
	src, err := os.ReadFile(testutil.Testdata(b, "moscow-declaration.md"))
	if err != nil {
		b.Fatal(err)
	}
	m, err := nlp.SharedModels()
	if err != nil {
		b.Fatal(err)
	}
	n, err := nlp.New(m, nlp.Options{ProseNER: prose})
	if err != nil {
		b.Fatal(err)
	}
	d := &pipeline.Document{ID: "bench", Text: string(src)}
	if err := n.Process(context.Background(), d); err != nil {
		b.Fatal(err)
	}
	return d
}

// nerSource offers the tagger's candidates (extract wires the same).
type nerSource struct{ m *nermodel.Model }

func (s nerSource) Candidates(d *pipeline.Document) []Candidate {
	var out []Candidate
	for _, c := range s.m.TagDocument(d) {
		out = append(out, Candidate{Span: c.Span, Type: c.Type, Source: "nermodel", Score: c.Confidence})
	}
	return out
}

func (nerSource) CaseAware() bool { return true }

// benchStage builds the stage as entente runs it: the embedded gazetteer
// and, when tagger is true, the statistical tagger.
func benchStage(b *testing.B, prose, tagger bool) *Stage {
	b.Helper()
	g, err := gazetteer.Default()
	if err != nil {
		b.Fatal(err)
	}
	var srcs []Source
	if tagger {
		m, err := nermodel.Default()
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, nerSource{m})
	}
	s, err := New(FromGazetteer(g), Options{ProseLabels: prose}, srcs...)
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkStage measures the entities stage alone over the reference
// article: with and without prose's labels on the tokens, with and without
// the statistical tagger (which the stage runs).
func BenchmarkStage(b *testing.B) {
	for _, c := range []struct {
		name          string
		prose, tagger bool
	}{{"rules+gazetteer", false, false}, {"rules+gazetteer+prose_labels", true, false}, {"rules+gazetteer+tagger", false, true}, {"all", true, true}} {
		b.Run(c.name, func(b *testing.B) {
			d := benchDoc(b, c.prose)
			s := benchStage(b, c.prose, c.tagger)
			b.SetBytes(int64(len(d.Text)))
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := s.Process(context.Background(), d); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(d.Tokens)*b.N)/b.Elapsed().Seconds(), "tokens/s")
		})
	}
}

// BenchmarkNLPAndStage measures what choosing prose's entity model costs:
// the nlp stage (with or without prose NER) plus the entities stage with
// the gazetteer and the tagger, as entente runs them.
func BenchmarkNLPAndStage(b *testing.B) {
	for _, prose := range []bool{false, true} {
		name := "prose_ner=off"
		if prose {
			name = "prose_ner=on"
		}
		b.Run(name, func(b *testing.B) {
			d0 := benchDoc(b, false)
			m, _ := nlp.SharedModels()
			n, err := nlp.New(m, nlp.Options{ProseNER: prose})
			if err != nil {
				b.Fatal(err)
			}
			s := benchStage(b, prose, true)
			b.SetBytes(int64(len(d0.Text)))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				d := &pipeline.Document{ID: "bench", Text: d0.Text}
				if err := n.Process(context.Background(), d); err != nil {
					b.Fatal(err)
				}
				if err := s.Process(context.Background(), d); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(d0.Tokens)*b.N)/b.Elapsed().Seconds(), "tokens/s")
		})
	}
}
