package coref_test

import (
	"context"
	"testing"

	"github.com/entente-nlp/entente/extract/coref"
	"github.com/entente-nlp/entente/internal/testkit/pipetest"
)

// BenchmarkCoref times the stage alone on the reference article, after the
// stages before it ran once.
func BenchmarkCoref(b *testing.B) {
	d := pipetest.Run(b, pipetest.Stages(b, []string{"ingest", "clean", "nlp", "parse", "entities"}, nil), pipetest.Reference(b))
	s, err := coref.New(coref.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(d.Text)))
	b.ReportAllocs()
	for b.Loop() {
		if err := s.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(d.Coreferences)), "links")
}
