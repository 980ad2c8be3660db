package main

import (
	"context"
	"fmt"
	"io"
	"testing"

	"github.com/entente-nlp/entente/internal/measure/bench"
)

// BenchmarkPipeline runs every default stage end to end to JSON Lines over
// synthetic articles (the corpus of `entente bench`), with one and two
// workers per stage (GOMAXPROCS as set by -cpu). It reports tokens per CPU
// second, the figure to compare before and after a change on a machine
// shared with others, and the cores used. Profile it with
//
//	go test ./cmd/entente -run '^$' -bench Pipeline/workers=1 -cpuprofile cpu.out -memprofile mem.out
func BenchmarkPipeline(b *testing.B) {
	cfg, err := loadTestConfig(b)
	if err != nil {
		b.Fatal(err)
	}
	app, err := newSession().buildApp(cfg)
	if err != nil {
		b.Fatal(err)
	}
	const docs = 40
	corpus, err := bench.NewCorpus(bench.DefaultSentences(), docs, 25, 1)
	if err != nil {
		b.Fatal(err)
	}
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			var tokens, bytes int64
			cpu0 := bench.CPUTime()
			for b.Loop() {
				r, err := bench.Entente(context.Background(), app.Stages, corpus, workers, jsonlRecords(io.Discard))
				if err != nil {
					b.Fatal(err)
				}
				if r.Failed > 0 {
					b.Fatalf("%d documents failed", r.Failed)
				}
				tokens, bytes = r.Tokens, r.Bytes
			}
			cpu := bench.CPUTime() - cpu0
			b.SetBytes(bytes)
			b.ReportMetric(float64(docs)*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
			if cpu > 0 {
				b.ReportMetric(float64(tokens)*float64(b.N)/cpu.Seconds(), "tokens/cpu-s")
				b.ReportMetric(cpu.Seconds()/b.Elapsed().Seconds(), "cores")
			}
		})
	}
}
