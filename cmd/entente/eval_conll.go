package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/entente-nlp/entente/extract"
	"github.com/entente-nlp/entente/extract/entities"
	"github.com/entente-nlp/entente/extract/nlp"
	"github.com/entente-nlp/entente/internal/measure/bench"
	"github.com/entente-nlp/entente/internal/measure/eval"
	"github.com/entente-nlp/entente/pipeline"
	"github.com/jdkato/prose/v3/ner"
)

const conllEvalHelp = `--conll FILE scores named entities token by token on CoNLL-2003-format data
(PER, LOC, ORG; entente's COUNTRY and LOCATION count as LOC, and demonym
mentions such as "Russian" are left out as CoNLL calls them MISC): exact-span
precision, recall and F1 per type and micro-averaged, and tokens per second.
Each document (split at -DOCSTART-) becomes a text of its tokens joined by
single spaces, one sentence per line, and runs through the nlp and entities
stages as configured. --model-only scores the statistical tagger alone,
--prose prose's entity model alone, --compare all three; --errors N lists
missed and spurious entities.`

// conllEvalOptions are the flags of `entente eval --conll`.
type conllEvalOptions struct {
	file      string
	modelOnly bool
	prose     bool
	compare   bool
	errors    int
	folds     int
	tune      bool
}

func addConllEvalFlags(cmd *cobra.Command, o *conllEvalOptions) {
	f := cmd.Flags()
	f.StringVar(&o.file, "conll", "", "score entity recognition on a CoNLL-2003-format FILE")
	f.BoolVar(&o.modelOnly, "model-only", false, "with --conll: score the statistical tagger (extract/nermodel) alone")
	f.BoolVar(&o.prose, "prose", false, "with --conll: score prose's entity model alone")
	f.BoolVar(&o.compare, "compare", false, "with --conll: score prose alone, the tagger alone and the full system")
	f.IntVar(&o.errors, "errors", 0, "with --conll: list the first N missed and spurious entities of each system")
}

// conllSystem is one way of finding entities, scored by --conll.
type conllSystem struct {
	name string
	tag  eval.ConllTagger
}

func runConllEval(cmd *cobra.Command, o conllEvalOptions) error {
	ctx := cmd.Context()
	if ctx == nil {
		ctx = context.Background()
	}
	docs, err := eval.ReadConllFile(o.file)
	if err != nil {
		return err
	}
	// The full system is the configured one: same configuration, shared
	// resources and stage options as `entente extract`.
	cfg, err := loadConfig(cmd)
	if err != nil {
		return err
	}
	env, err := sessionOf(cmd).buildEnv(cfg)
	if err != nil {
		return err
	}
	var names []string
	switch {
	case o.compare:
		names = []string{"prose", "model", "full"}
	case o.modelOnly || o.prose:
		if o.prose {
			names = append(names, "prose")
		}
		if o.modelOnly {
			names = append(names, "model")
		}
	default:
		names = []string{"full"}
	}
	out := cmd.OutOrStdout()
	for i, n := range names {
		sys, err := newConllSystem(n, env, cfg.Stages)
		if err != nil {
			return err
		}
		s := eval.NewConllScorer()
		s.KeepErrors = o.errors > 0
		cpu0 := bench.CPUTime()
		if err := s.Run(ctx, docs, sys.tag); err != nil {
			return err
		}
		cpu := bench.CPUTime() - cpu0
		if i > 0 {
			fmt.Fprintln(out)
		}
		if err := writeConllReport(out, o.file, sys.name, s, cpu); err != nil {
			return err
		}
		if err := writeConllErrors(out, s.Errors, o.errors); err != nil {
			return err
		}
	}
	return nil
}

// writeConllReport prints the scores and the speed: wall-clock tokens per
// second and, when cpu > 0, tokens per CPU second (steadier on a busy
// machine).
func writeConllReport(w io.Writer, file, system string, s *eval.ConllScorer, cpu time.Duration) error {
	if _, err := fmt.Fprintf(w, "%s: %s (%d documents)\n", file, system, s.Docs); err != nil {
		return err
	}
	if err := s.WriteTable(w); err != nil {
		return err
	}
	perCPU := ""
	if cpu > 0 {
		perCPU = fmt.Sprintf(", %.0f tokens per CPU second", float64(s.Tokens)/cpu.Seconds())
	}
	_, err := fmt.Fprintf(w, "speed: %d tokens in %.2fs = %.0f tokens/s%s (one worker, nlp stage included)\n",
		s.Tokens, s.Elapsed.Seconds(), s.TokensPerSecond(), perCPU)
	return err
}

func writeConllErrors(w io.Writer, errs []eval.ConllError, n int) error {
	if n <= 0 || len(errs) == 0 {
		return nil
	}
	if _, err := fmt.Fprintf(w, "errors (first %d of %d):\n", min(n, len(errs)), len(errs)); err != nil {
		return err
	}
	for _, e := range errs[:min(n, len(errs))] {
		if _, err := fmt.Fprintf(w, "  %-8s %-3s %-40q doc %d (line %d)\n", e.Kind, e.Type, e.Text, e.Doc, e.Line); err != nil {
			return err
		}
	}
	return nil
}

// conllGiven are the artifacts of a CoNLL document before any stage: its
// text is made of the gold tokens (see eval.ConllDoc.Document).
var conllGiven = []string{pipeline.ArtifactDocument, pipeline.ArtifactText}

// newConllSystem builds one of the scored systems: "full" (the nlp and
// entities stages built from env and the stage options, as `entente
// extract` builds them), "model" (nlp stage, then env.NER alone) or "prose"
// (nlp stage with prose's entity model, its labels alone). Every system
// runs its stages through pipeline.ProcessDocument, as the Runner does.
func newConllSystem(name string, env extract.Env, stageOpts map[string]map[string]any) (conllSystem, error) {
	models := env.Models
	if models == nil {
		return conllSystem{}, fmt.Errorf("eval: no nlp models")
	}
	switch name {
	case "prose":
		penv := env
		penv.ProseNER = true
		stages, err := extract.BuildStagesGiven(penv, conllGiven, []string{nlp.Name}, nil)
		if err != nil {
			return conllSystem{}, err
		}
		x, err := models.NERModel()
		if err != nil {
			return conllSystem{}, err
		}
		return conllSystem{name: "prose v3 entity model alone", tag: func(ctx context.Context, d *pipeline.Document) ([]eval.TypedSpan, error) {
			if err := runConllStages(ctx, stages, d); err != nil {
				return nil, err
			}
			// Group labels with prose's own chunker, as prose's users get
			// them (it is kinder to prose than plain IOB grouping).
			toks := make([]ner.Token, len(d.Tokens))
			for i, t := range d.Tokens {
				toks[i] = ner.Token{Text: d.Slice(t.Span), Tag: t.Tag, Label: t.Label, Start: t.Start}
			}
			var out []eval.TypedSpan
			for _, e := range x.Chunk(d.Text, toks) {
				out = append(out, eval.TypedSpan{Type: eval.ConllType(e.Label), Start: e.Start, End: e.End()})
			}
			return out, nil
		}}, nil
	case "model":
		nenv := env
		nenv.ProseNER = false
		stages, err := extract.BuildStagesGiven(nenv, conllGiven, []string{nlp.Name}, nil)
		if err != nil {
			return conllSystem{}, err
		}
		m := env.NER
		if m == nil {
			return conllSystem{}, fmt.Errorf("eval: the statistical tagger is not configured")
		}
		return conllSystem{name: "statistical tagger alone (" + m.Meta().TrainedOn + ")", tag: func(ctx context.Context, d *pipeline.Document) ([]eval.TypedSpan, error) {
			if err := runConllStages(ctx, stages, d); err != nil {
				return nil, err
			}
			var out []eval.TypedSpan
			for _, c := range m.TagDocument(d) {
				out = append(out, eval.TypedSpan{Type: eval.ConllType(c.Type), Start: c.Start, End: c.Span.End})
			}
			return out, nil
		}}, nil
	case "full":
		stages, err := conllFullStages(env, stageOpts)
		if err != nil {
			return conllSystem{}, err
		}
		return conllSystem{name: "full system (stages nlp, entities)", tag: func(ctx context.Context, d *pipeline.Document) ([]eval.TypedSpan, error) {
			if err := runConllStages(ctx, stages, d); err != nil {
				return nil, err
			}
			var out []eval.TypedSpan
			for _, m := range d.Mentions {
				if m.Form == "demonym" {
					continue // "Russian": CoNLL calls it MISC, which is not scored
				}
				out = append(out, eval.TypedSpan{Type: eval.ConllType(m.Type), Start: m.Start, End: m.End})
			}
			return out, nil
		}}, nil
	}
	return conllSystem{}, fmt.Errorf("eval: unknown conll system %q", name)
}

// runConllStages runs stages over d; a stage error (recorded on d) stops
// the evaluation, as a score over half-processed documents would mislead.
func runConllStages(ctx context.Context, stages []pipeline.Stage, d *pipeline.Document) error {
	if err := pipeline.ProcessDocument(ctx, stages, d); err != nil {
		return err
	}
	if len(d.Errors) > 0 {
		e := d.Errors[0]
		return fmt.Errorf("stage %s: %s", e.Stage, e.Message)
	}
	return nil
}

// conllFullStages builds the nlp and entities stages from env and the
// configured stage options.
func conllFullStages(env extract.Env, stageOpts map[string]map[string]any) ([]pipeline.Stage, error) {
	names := []string{nlp.Name, entities.Name}
	opts := map[string]map[string]any{}
	for _, n := range names {
		if o, ok := stageOpts[n]; ok {
			opts[n] = o
		}
	}
	return extract.BuildStagesGiven(env, conllGiven, names, opts)
}
