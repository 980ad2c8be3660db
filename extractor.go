package entente

import (
	"context"
	"iter"
	"slices"

	"github.com/entente-nlp/entente/extract"
	"github.com/entente-nlp/entente/internal/app/config"
	"github.com/entente-nlp/entente/pipeline"
)

// Extractor runs entente's pipeline over articles. Build one with New and
// share it: it holds the loaded models, gazetteer and stages read-only and
// is safe for concurrent use by any number of goroutines.
type Extractor struct {
	names     []string
	stages    []pipeline.Stage
	runner    *pipeline.Runner
	published string
}

// New loads the models and the gazetteer (the embedded data plus
// gazetteer files) once and builds the pipeline's stages. Without options
// it runs the default pipeline with default stage options, as
// `entente extract` does without a configuration file. It fails on a bad
// option, an unknown stage or stage option, or a gazetteer file that
// cannot be read.
func New(opts ...Option) (*Extractor, error) {
	var s settings
	for _, o := range opts {
		if o.apply == nil {
			continue // the zero Option
		}
		if err := o.apply(&s); err != nil {
			return nil, err
		}
	}
	reg := extract.NewRegistry(extract.Env{}) // names and default pipeline
	cfg, err := config.FromSettings(s.config, "WithConfig", config.Options{DefaultPipeline: reg.Default(), Stages: reg.Names()})
	if err != nil {
		return nil, err
	}
	if s.pipeline != nil {
		cfg.Pipeline = s.pipeline
	}
	if s.workers != nil {
		cfg.Workers = *s.workers
	}
	cfg.Gazetteer.Files = append(cfg.Gazetteer.Files, s.gazetteer...)
	for name, o := range s.stages {
		cfg.Stages[name] = o
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	env, err := extract.LoadEnv(cfg.NLP.ProseNER, cfg.Gazetteer.Files...)
	if err != nil {
		return nil, err
	}
	stages, err := extract.BuildStages(env, cfg.Pipeline, cfg.Stages)
	if err != nil {
		return nil, err
	}
	return &Extractor{
		names:     slices.Clone(cfg.Pipeline),
		stages:    stages,
		runner:    pipeline.NewRunner(stages, pipeline.WithWorkers(cfg.Workers)),
		published: cfg.Published,
	}, nil
}

// Pipeline returns the names of the stages the Extractor runs, in order.
func (x *Extractor) Pipeline() []string { return slices.Clone(x.names) }

// Extract runs the pipeline over one article on the calling goroutine and
// returns its Record, the record `entente extract` writes for the same
// text.
//
// The article's own problems are data, not errors: empty, binary or
// invalid UTF-8 text, an unknown Format or a Published that is not a date
// come back in Record.Errors (fatal ones with empty lists, see
// Record.Fatal), as a stage that fails or panics on this document does.
// The error is non-nil only when ctx ends before the record is complete;
// it is then ctx.Err() and the record is nil.
func (x *Extractor) Extract(ctx context.Context, in Input) (*Record, error) {
	d := x.document(in, 0)
	if err := pipeline.ProcessDocument(ctx, x.stages, d); err != nil {
		return nil, err
	}
	return NewRecord(d), nil
}

// ExtractDocument is Extract for an article already read into a
// pipeline.Document: by a program's own reader, from a queue message, or
// by the CLI's input sources, whose documents carry more than Input says
// (authors, meta tags, the reason an input could not be read). The
// pipeline runs over d in place and d's Record is returned; a document
// that already has a fatal error goes through no stage and its record
// reports the error, as `entente extract` reports a missing file. The
// configuration's published date is not applied: the reader applies it,
// as the CLI's sources do. Errors are as for Extract.
func (x *Extractor) ExtractDocument(ctx context.Context, d *pipeline.Document) (*Record, error) {
	if err := pipeline.ProcessDocument(ctx, x.stages, d); err != nil {
		return nil, err
	}
	return NewRecord(d), nil
}

// ExtractAll runs the pipeline over a stream of articles on the staged
// runner (WithWorkers workers per stage) and yields their records in
// input order, each with a nil error; per-article problems are in
// Record.Errors, as for Extract. inputs is read from another goroutine,
// ahead of the records yielded, with a bounded number of articles in
// flight.
//
// When ctx ends the stream stops with one final (nil, ctx.Err()); records
// finished before are yielded first. Stopping the loop early (break)
// cancels the articles still in flight.
func (x *Extractor) ExtractAll(ctx context.Context, inputs iter.Seq[Input]) iter.Seq2[*Record, error] {
	return func(yield func(*Record, error) bool) {
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		records := make(chan *Record)
		done := make(chan error, 1)
		go func() {
			defer close(records)
			src := func(ctx context.Context, emit func(*pipeline.Document) error) error {
				seq := 0
				for in := range inputs {
					if err := emit(x.document(in, seq)); err != nil {
						return err
					}
					seq++
				}
				return nil
			}
			_, err := x.runner.Run(ctx, src, func(d *pipeline.Document) error {
				select {
				case records <- NewRecord(d):
					return nil
				case <-ctx.Done():
					return ctx.Err()
				}
			})
			done <- err
		}()
		for r := range records {
			if !yield(r, nil) {
				cancel()
				for range records {
				}
				return
			}
		}
		if err := <-done; err != nil {
			yield(nil, err)
		}
	}
}
