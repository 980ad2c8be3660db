package extract_test

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/entente-nlp/entente/internal/testkit/pipetest"
	"github.com/entente-nlp/entente/internal/testkit/testutil"
	"github.com/entente-nlp/entente/pipeline"
)

// defaultStages are the stages of the default pipeline, in order.
var defaultStages = []string{"ingest", "clean", "nlp", "entities", "dates", "events", "relations"}

// buildDefaultStages builds the default pipeline on the default shared
// resources (prose models, nermodel, embedded gazetteer).
func buildDefaultStages(b *testing.B) []pipeline.Stage {
	b.Helper()
	return pipetest.Stages(b, defaultStages, nil)
}

// BenchmarkReferenceStage measures each default stage alone on the
// reference article, given the output of the stages before it, and the
// whole pipeline (sub-benchmark "all"). MB/s counts the article's bytes.
func BenchmarkReferenceStage(b *testing.B) {
	src, err := os.ReadFile(testutil.Testdata(b, "moscow-declaration.md"))
	if err != nil {
		b.Fatal(err)
	}
	stages := buildDefaultStages(b)
	ctx := context.Background()
	fresh := func() *pipeline.Document {
		return &pipeline.Document{ID: "moscow-declaration", Source: "moscow-declaration.md", Original: src, Published: "2016-12-20"}
	}
	// before[i] is the document as stage i receives it, as JSON (the
	// contract between stages), so every iteration starts from the same
	// state.
	before := make([][]byte, len(stages))
	d := fresh()
	for i, st := range stages {
		if before[i], err = json.Marshal(d); err != nil {
			b.Fatal(err)
		}
		if err := st.Process(ctx, d); err != nil {
			b.Fatalf("%s: %v", st.Name(), err)
		}
	}
	for i, st := range stages {
		b.Run(st.Name(), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				var d pipeline.Document
				if err := json.Unmarshal(before[i], &d); err != nil {
					b.Fatal(err)
				}
				// The tokens' word attributes are not serialized; in a
				// pipeline the stage receives them from nlp.
				d.AnalyzeTokens()
				b.StartTimer()
				if err := st.Process(ctx, &d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("all", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		for b.Loop() {
			d := fresh()
			for _, st := range stages {
				if err := st.Process(ctx, d); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
