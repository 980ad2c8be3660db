package nlp

import (
	"context"
	"os"
	"testing"

	"github.com/entente-nlp/entente/extract/clean"
	"github.com/entente-nlp/entente/internal/testkit/testutil"
	"github.com/entente-nlp/entente/pipeline"
)

// BenchmarkProcessReference segments, tokenizes and tags the clean text of
// the reference article, without and with prose's entity model.
func BenchmarkProcessReference(b *testing.B) {
	src, err := os.ReadFile(testutil.Testdata(b, "moscow-declaration.md"))
	if err != nil {
		b.Fatal(err)
	}
	text := clean.Clean(src, clean.Markdown).Text
	m, err := SharedModels()
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		opts Options
	}{{"tagger", Options{}}, {"tagger+prose-ner", Options{ProseNER: true}}} {
		b.Run(c.name, func(b *testing.B) {
			s, err := New(m, c.opts)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			tokens := 0
			for b.Loop() {
				d := &pipeline.Document{Text: text}
				if err := s.Process(context.Background(), d); err != nil {
					b.Fatal(err)
				}
				tokens = len(d.Tokens)
			}
			b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
		})
	}
}

// BenchmarkAnalyzeTokens derives the word attributes of the reference
// article's tokens (pipeline.Document.AnalyzeTokens), the share of the
// stage that fills pipeline.Word.
func BenchmarkAnalyzeTokens(b *testing.B) {
	src, err := os.ReadFile(testutil.Testdata(b, "moscow-declaration.md"))
	if err != nil {
		b.Fatal(err)
	}
	m, err := SharedModels()
	if err != nil {
		b.Fatal(err)
	}
	s, err := New(m, Options{})
	if err != nil {
		b.Fatal(err)
	}
	d := &pipeline.Document{Text: clean.Clean(src, clean.Markdown).Text}
	if err := s.Process(context.Background(), d); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(d.Text)))
	b.ReportAllocs()
	for b.Loop() {
		for i := range d.Tokens {
			d.Tokens[i].Word = pipeline.Word{}
		}
		d.AnalyzeTokens()
	}
	b.ReportMetric(float64(len(d.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
