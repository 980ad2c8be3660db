package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"time"

	"github.com/entente-nlp/entente"
	"github.com/entente-nlp/entente/internal/app/outfile"
	"github.com/entente-nlp/entente/internal/measure/bench"
	"github.com/entente-nlp/entente/pipeline"
	"github.com/spf13/cobra"
)

func newBenchCmd() *cobra.Command {
	var (
		docs, perDoc, maxWorkers int
		sentenceFiles            []string
		skipProse                bool
		outFile                  string
	)
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Measure throughput end to end, side by side with prose v3",
		Long: `bench builds a corpus of synthetic articles stitched from sentences (the
embedded benchmark sentences, or those of --sentences files), runs the
configured pipeline over it to JSON Lines for 1..N workers per stage, and
runs prose v3's full NewDocument (tokenize, segment, tag, NER) over the same
texts with the same number of goroutines. Each row runs with GOMAXPROCS set
to its number of workers, so that "2 workers" means two cores for both
(entente's stages would otherwise run side by side on every core even with
one worker each). It prints documents/s, tokens/s,
MB/s, peak resident memory, the ratio to prose, and entente's time per
stage, plus the start-up time (configuration, models, gazetteer and one
short document).`,
		Example: `  entente bench
  entente bench --docs 2000 --max-workers 2
  entente bench --docs 100000 --skip-prose        # memory stays flat when streaming
  entente bench --sentences article1.txt --sentences article2.txt`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			start := time.Now()
			app, err := newApp(cmd)
			if err != nil {
				return err
			}
			sentences := bench.DefaultSentences()
			if len(sentenceFiles) > 0 {
				sentences = nil
				for _, f := range sentenceFiles {
					b, err := os.ReadFile(f)
					if err != nil {
						return fmt.Errorf("bench: reading sentences: %w", err)
					}
					got := bench.SplitSentences(string(b))
					if len(got) == 0 {
						return fmt.Errorf("bench: %s: no sentences of 40 bytes or more found", f)
					}
					sentences = append(sentences, got...)
				}
			}
			warm, _ := bench.NewCorpus(sentences, 1, 3, 0)
			if _, err := bench.Entente(cmd.Context(), app.Stages, warm, 1, jsonlRecords(io.Discard)); err != nil {
				return err
			}
			startup := time.Since(start)

			corpus, err := bench.NewCorpus(sentences, docs, perDoc, 1)
			if err != nil {
				return err
			}
			var out io.Writer = io.Discard
			var of *outfile.File
			if outFile != "" {
				of, err = outfile.Create(outFile)
				if err != nil {
					return fmt.Errorf("bench: output %w", err)
				}
				defer of.Abort()
				out = of
			}
			if maxWorkers < 1 {
				maxWorkers = runtime.NumCPU()
			}
			var results []bench.Result
			// Row w runs with GOMAXPROCS=w: with one worker per stage the
			// stages already run in parallel with each other, so only
			// limiting the processors makes "w workers" mean w cores, for
			// entente and prose alike.
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
			for w := 1; w <= maxWorkers; w++ {
				runtime.GOMAXPROCS(w)
				r, err := bench.Entente(cmd.Context(), app.Stages, corpus, w, jsonlRecords(out))
				if err != nil {
					return err
				}
				if of != nil && out != io.Discard {
					if err := of.Commit(); err != nil {
						return fmt.Errorf("bench: writing output %w", err)
					}
				}
				out = io.Discard // write the JSONL once
				results = append(results, r)
				if !skipProse {
					p, err := bench.Prose(cmd.Context(), corpus, w)
					if err != nil {
						return err
					}
					results = append(results, p)
				}
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "entente bench: %d synthetic documents of ~%d sentences from %d sentences; stages %v; %s %s/%s, %d CPUs\n",
				docs, perDoc, len(sentences), stageNames(app.Stages), runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU())
			fmt.Fprintf(w, "start-up (config, models, gazetteer, one short document): %d ms\n\n", startup.Milliseconds())
			if err := bench.WriteTable(w, results); err != nil {
				return err
			}
			if len(results) > 0 {
				one, last := results[0], results[len(results)-1]
				if !skipProse {
					last = results[len(results)-2]
				}
				if last.Workers > one.Workers {
					fmt.Fprintf(w, "scaling: %d workers = %.2f× one worker\n", last.Workers, last.TokensPerSec()/one.TokensPerSec())
				}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.IntVar(&docs, "docs", 500, "number of synthetic documents")
	f.IntVar(&perDoc, "per-doc", 25, "average sentences per document")
	f.IntVar(&maxWorkers, "max-workers", 0, "measure 1..N workers per stage (0 = one per CPU)")
	f.StringArrayVar(&sentenceFiles, "sentences", nil, "text file to draw sentences from (repeatable; default: embedded sentences)")
	f.BoolVar(&skipProse, "skip-prose", false, "do not run prose v3 for comparison")
	f.StringVarP(&outFile, "output", "o", "", "write the first run's JSON Lines here (default: discard)")
	return cmd
}

func stageNames(stages []pipeline.Stage) []string {
	out := make([]string, len(stages))
	for i, s := range stages {
		out[i] = s.Name()
	}
	return out
}

// jsonlRecords returns a sink that writes each document's output record to
// w as JSON Lines, as `entente extract --format jsonl` does (the format
// needs no closing).
func jsonlRecords(w io.Writer) pipeline.Sink {
	enc := json.NewEncoder(w)
	return func(d *pipeline.Document) error { return enc.Encode(entente.NewRecord(d)) }
}
