package main

import (
	"context"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/entente-nlp/entente/extract/entities"
	"github.com/entente-nlp/entente/extract/nermodel"
	"github.com/entente-nlp/entente/gazetteer"
	"github.com/entente-nlp/entente/internal/measure/eval"
)

const conllCVHelp = `--conll FILE --folds N cross-validates on FILE (a training set such as
eng.train): its documents are dealt into N folds (document i into fold i mod
N); for each fold a tagger is trained on the other folds (as entente train
ner trains, same defaults) and the tagger alone and the full system are
scored on the fold held out; the report sums the N folds (--errors N lists
each system's first N errors over the held-out folds). --tune also scores
the full system over a grid of the entities stage's thresholds
(min_override, min_table_override, min_caps_score, min_title_score,
min_span_override) on the
same folds, to choose them without looking at test data.`

// addConllCVFlags adds the cross-validation flags of `entente eval --conll`.
func addConllCVFlags(cmd *cobra.Command, o *conllEvalOptions) {
	f := cmd.Flags()
	f.IntVar(&o.folds, "folds", 0, "with --conll: N-fold cross-validation on FILE (train on N-1 folds, score the held-out one)")
	f.BoolVar(&o.tune, "tune", false, "with --folds: also score the full system over a grid of the entities stage's thresholds")
}

// cvSetting is one set of entities stage options scored by --tune.
type cvSetting struct {
	name string
	opts map[string]any
}

// tuneGrid varies one threshold at a time from the configured values (the
// defaults unless the configuration sets them): one step of a coordinate
// search.
func tuneGrid() []cvSetting {
	var out []cvSetting
	for _, k := range []string{"min_override", "min_table_override", "min_caps_score", "min_title_score", "min_span_override"} {
		for _, v := range []float64{0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9} {
			out = append(out, cvSetting{name: fmt.Sprintf("%s=%.2f", k, v), opts: map[string]any{k: v}})
		}
	}
	return out
}

func runConllCV(cmd *cobra.Command, o conllEvalOptions) error {
	ctx := cmd.Context()
	if ctx == nil {
		ctx = context.Background()
	}
	if o.folds < 2 {
		return fmt.Errorf("eval: --folds must be at least 2, got %d", o.folds)
	}
	docs, err := eval.ReadConllFile(o.file)
	if err != nil {
		return err
	}
	if len(docs) < o.folds {
		return fmt.Errorf("eval: %s has %d documents, fewer than %d folds", o.file, len(docs), o.folds)
	}
	cfg, err := loadConfig(cmd)
	if err != nil {
		return err
	}
	env, err := sessionOf(cmd).buildEnv(cfg)
	if err != nil {
		return err
	}
	analyzed, err := analyzeConll(ctx, docs)
	if err != nil {
		return err
	}
	g, err := gazetteer.Default()
	if err != nil {
		return err
	}
	lex := nermodel.GazetteerLexicon{G: g}
	settings := []cvSetting{{name: "full system (stages nlp, entities)"}}
	if o.tune {
		settings = append(settings, tuneGrid()...)
	}
	model := eval.NewConllScorer()
	model.KeepErrors = o.errors > 0
	full := make([]*eval.ConllScorer, len(settings))
	for i := range full {
		full[i] = eval.NewConllScorer()
	}
	full[0].KeepErrors = o.errors > 0
	log := cmd.ErrOrStderr()
	for f := 0; f < o.folds; f++ {
		var train []nermodel.Example
		var held []eval.ConllDoc
		for i, d := range analyzed {
			if i%o.folds == f {
				held = append(held, docs[i])
				continue
			}
			train = append(train, nermodel.Example{Text: d.Text, Tokens: d.Tokens, Sentences: d.Sentences, Labels: docs[i].TokenLabels(d.Tokens)})
		}
		m, err := nermodel.Train(ctx, train, nermodel.TrainOptions{
			Epochs: 15, Seed: 1, LogBuckets: 20, Lexicon: lex, LexiconName: "embedded " + lex.Describe(),
			TrainedOn: fmt.Sprintf("CoNLL-2003 %s without fold %d of %d", filepath.Base(o.file), f+1, o.folds),
		})
		if err != nil {
			return fmt.Errorf("eval: fold %d: %w", f+1, err)
		}
		fmt.Fprintf(log, "eval: fold %d of %d: trained on %d documents, scoring %d\n", f+1, o.folds, len(train), len(held))
		fenv := env
		fenv.NER = m
		sys, err := newConllSystem("model", fenv, cfg.Stages)
		if err != nil {
			return err
		}
		if err := model.Run(ctx, held, sys.tag); err != nil {
			return err
		}
		for i, st := range settings {
			stageOpts := maps.Clone(cfg.Stages)
			if stageOpts == nil {
				stageOpts = map[string]map[string]any{}
			}
			eo := maps.Clone(stageOpts[entities.Name])
			if eo == nil {
				eo = map[string]any{}
			}
			maps.Copy(eo, st.opts)
			stageOpts[entities.Name] = eo
			sys, err := newConllSystem("full", fenv, stageOpts)
			if err != nil {
				return err
			}
			if err := full[i].Run(ctx, held, sys.tag); err != nil {
				return err
			}
		}
	}
	out := cmd.OutOrStdout()
	what := fmt.Sprintf("%s, %d-fold cross-validation (held-out folds summed)", o.file, o.folds)
	if err := writeConllReport(out, what, "statistical tagger alone", model, 0); err != nil {
		return err
	}
	if err := writeConllErrors(out, model.Errors, o.errors); err != nil {
		return err
	}
	fmt.Fprintln(out)
	if err := writeConllReport(out, what, settings[0].name, full[0], 0); err != nil {
		return err
	}
	if err := writeConllErrors(out, full[0].Errors, o.errors); err != nil {
		return err
	}
	if o.tune {
		return writeTuneTable(out, settings, full)
	}
	return nil
}

// writeTuneTable prints the micro F1 of every threshold setting, best
// first.
func writeTuneTable(w io.Writer, settings []cvSetting, scores []*eval.ConllScorer) error {
	order := make([]int, len(settings))
	for i := range order {
		order[i] = i
	}
	f1 := func(i int) float64 { return scores[i].Micro().F1() }
	sort.SliceStable(order, func(a, b int) bool { return f1(order[a]) > f1(order[b]) })
	var b strings.Builder
	fmt.Fprintf(&b, "\nthresholds (full system, micro F1 over the held-out folds):\n")
	for _, i := range order {
		fmt.Fprintf(&b, "  %-40s %.4f\n", settings[i].name, f1(i))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
