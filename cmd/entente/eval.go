package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"
)

// evalOptions holds the flags of `entente eval`. Each scorer owns one group
// of flags (in its own eval_<scorer>.go) and one branch in runEval.
type evalOptions struct {
	gold     goldEvalOptions
	conll    conllEvalOptions
	timeml   timemlEvalOptions
	meantime meantimeEvalOptions
	conllu   conlluEvalOptions
	petrarch petrarchEvalOptions
}

func newEvalCmd() *cobra.Command {
	var o evalOptions
	cmd := &cobra.Command{
		Use:   "eval --gold FILE.gold.json [input]",
		Short: "Score entente against annotated data",
		Long: "Score entente against annotated data and print precision, recall and F1.\n\n" +
			goldEvalHelp + "\n\n" + conllEvalHelp + "\n\n" + conllCVHelp + "\n\n" + timemlEvalHelp + "\n\n" + meantimeEvalHelp + "\n\n" + conlluEvalHelp + "\n\n" + petrarchEvalHelp,
		Example: `  entente eval --gold testdata/gold/moscow-declaration.gold.json
  entente eval --gold key.gold.json article.md --json
  entente eval --conll ../shared/corpora/conll2003/eng.testa --compare
  entente eval --conll ../shared/corpora/conll2003/eng.testa --model-only --errors 20
  entente eval --conll ../shared/corpora/conll2003/eng.train --folds 5
  entente eval --timeml ../shared/corpora/tempeval3/Training/TBAQ-cleaned
  entente eval --meantime ../shared/corpora/meantime
  entente eval --conllu en_ewt-ud-test.conllu
  entente eval --petrarch testdata/petrarch/records.xml --misses 5`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runEval(cmd, o, args) },
	}
	addGoldEvalFlags(cmd, &o.gold)
	addConllEvalFlags(cmd, &o.conll)
	addConllCVFlags(cmd, &o.conll)
	addTimeMLEvalFlags(cmd, &o.timeml)
	addMeantimeEvalFlags(cmd, &o.meantime)
	addConlluEvalFlags(cmd, &o.conllu)
	addPetrarchEvalFlags(cmd, &o.petrarch)
	return cmd
}

func runEval(cmd *cobra.Command, o evalOptions, args []string) error {
	switch {
	case o.gold.file != "":
		return runGoldEval(cmd, o.gold, args)
	case o.conll.file != "":
		if len(args) > 0 {
			return usage(fmt.Errorf("eval: --conll takes no input arguments, got %d", len(args)))
		}
		if o.conll.folds != 0 {
			return runConllCV(cmd, o.conll)
		}
		if o.conll.tune {
			return usage(fmt.Errorf("eval: --tune needs --folds"))
		}
		return runConllEval(cmd, o.conll)
	case o.timeml.dir != "":
		if len(args) > 0 {
			return usage(fmt.Errorf("eval: --timeml takes no input arguments, got %d", len(args)))
		}
		return runTimeMLEval(cmd, o.timeml)
	case o.meantime.dir != "":
		if len(args) > 0 {
			return usage(fmt.Errorf("eval: --meantime takes no input arguments, got %d", len(args)))
		}
		return runMeantimeEval(cmd, o.meantime)
	case o.conllu.file != "":
		if len(args) > 0 {
			return usage(fmt.Errorf("eval: --conllu takes no input arguments, got %d", len(args)))
		}
		return runConlluEval(cmd, o.conllu)
	case o.petrarch.file != "":
		if len(args) > 0 {
			return usage(fmt.Errorf("eval: --petrarch takes no input arguments, got %d", len(args)))
		}
		return runPetrarchEval(cmd, o.petrarch)
	case len(args) > 0:
		return usage(fmt.Errorf("eval: an input (%s) is only read with --gold", args[0]))
	}
	return usage(errors.New("eval: nothing to score: give --gold FILE.gold.json, --conll FILE, --timeml DIR, --meantime DIR, --conllu FILE or --petrarch FILE"))
}
