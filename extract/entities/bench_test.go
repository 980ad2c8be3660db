package entities

import (
	"context"
	"os"
	"testing"

	"github.com/entente-nlp/entente/extract/nlp"
	"github.com/entente-nlp/entente/internal/testutil"
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

// BenchmarkStage measures the entities stage alone over the reference
// article, with and without prose's labels on the tokens.
func BenchmarkStage(b *testing.B) {
	for _, prose := range []bool{false, true} {
		name := "prose_labels=off"
		if prose {
			name = "prose_labels=on"
		}
		b.Run(name, func(b *testing.B) {
			d := benchDoc(b, prose)
			s, err := New(newFakeGaz(), Options{ProseLabels: prose})
			if err != nil {
				b.Fatal(err)
			}
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
// the nlp stage (with or without prose NER) plus the entities stage.
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
			s, _ := New(newFakeGaz(), Options{ProseLabels: prose})
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
