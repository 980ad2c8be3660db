package bench

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/entente-nlp/entente/pipeline"
	"github.com/jdkato/prose/v3"
)

// Result is one measured run.
type Result struct {
	System  string
	Workers int
	Docs    int
	Failed  int
	Tokens  int64
	Bytes   int64
	Elapsed time.Duration
	// CPU is the process's CPU time (user plus system) during the run, 0
	// when unknown. Other processes' load does not inflate it, so tokens
	// per CPU second compares runs on a shared machine.
	CPU time.Duration
	// PeakRSS is the process's peak resident memory during the run, 0 when
	// unknown.
	PeakRSS int64
	// Stages holds entente's per-stage busy time (summed over workers).
	Stages []pipeline.StageStats
}

// DocsPerSec returns documents per second.
func (r Result) DocsPerSec() float64 { return float64(r.Docs) / r.Elapsed.Seconds() }

// TokensPerSec returns tokens per second.
func (r Result) TokensPerSec() float64 { return float64(r.Tokens) / r.Elapsed.Seconds() }

// TokensPerCPUSec returns tokens per CPU second, 0 when CPU time is
// unknown.
func (r Result) TokensPerCPUSec() float64 {
	if r.CPU <= 0 {
		return 0
	}
	return float64(r.Tokens) / r.CPU.Seconds()
}

// MBPerSec returns input megabytes (10^6 bytes) per second.
func (r Result) MBPerSec() float64 { return float64(r.Bytes) / 1e6 / r.Elapsed.Seconds() }

// Entente runs stages over the corpus with the given workers per stage and
// hands every finished document to write, in order, on the runner's sink
// (the CLI encodes it as its output record); write's time is part of the
// measure.
func Entente(ctx context.Context, stages []pipeline.Stage, c *Corpus, workers int, write pipeline.Sink) (Result, error) {
	res := Result{System: "entente", Workers: workers}
	src := func(ctx context.Context, emit func(*pipeline.Document) error) error {
		for i := 0; i < c.Len(); i++ {
			text, pub := c.Article(i)
			d := &pipeline.Document{
				Seq: i, ID: fmt.Sprintf("synthetic-%d", i), Source: fmt.Sprintf("bench:%d", i),
				Format: "text", Original: []byte(text), Published: pub, PublishedFrom: "bench",
			}
			if err := emit(d); err != nil {
				return err
			}
		}
		return nil
	}
	ResetPeakRSS()
	cpu0 := CPUTime()
	runner := pipeline.NewRunner(stages, pipeline.WithWorkers(workers))
	sum, err := runner.Run(ctx, src, func(d *pipeline.Document) error {
		res.Tokens += int64(len(d.Tokens))
		res.Bytes += int64(len(d.Original))
		return write(d)
	})
	if err != nil {
		return res, fmt.Errorf("bench: entente run: %w", err)
	}
	res.Docs, res.Failed, res.Elapsed, res.Stages = sum.Total(), sum.Failed, sum.Elapsed, sum.Stages
	res.CPU = CPUTime() - cpu0
	res.PeakRSS = PeakRSS()
	return res, nil
}

// Prose runs prose v3's full NewDocument (tokenize, segment, tag, NER) over
// the same texts with the given number of goroutines.
func Prose(ctx context.Context, c *Corpus, workers int) (Result, error) {
	if workers < 1 {
		workers = runtime.NumCPU()
	}
	res := Result{System: "prose v3", Workers: workers}
	ResetPeakRSS()
	cpu0 := CPUTime()
	start := time.Now()
	var next, tokens, bytes atomic.Int64
	var firstErr error
	var once sync.Once
	var wg sync.WaitGroup
	for g := 0; g < workers; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= c.Len() || ctx.Err() != nil {
					return
				}
				text, _ := c.Article(i)
				doc, err := prose.NewDocumentContext(ctx, text)
				if err != nil {
					once.Do(func() { firstErr = err })
					return
				}
				tokens.Add(int64(len(doc.Tokens())))
				bytes.Add(int64(len(text)))
			}
		}()
	}
	wg.Wait()
	res.Elapsed = time.Since(start)
	res.CPU = CPUTime() - cpu0
	if firstErr != nil {
		return res, fmt.Errorf("bench: prose run: %w", firstErr)
	}
	if err := ctx.Err(); err != nil {
		return res, err
	}
	res.Docs, res.Tokens, res.Bytes = c.Len(), tokens.Load(), bytes.Load()
	res.PeakRSS = PeakRSS()
	return res, nil
}
