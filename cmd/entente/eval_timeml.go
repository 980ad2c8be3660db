package main

import (
	"fmt"

	"github.com/entente-nlp/entente/extract/dates"
	"github.com/entente-nlp/entente/internal/measure/eval"
	"github.com/spf13/cobra"
)

// timemlEvalOptions are the flags of `entente eval --timeml`.
type timemlEvalOptions struct {
	dir       string
	errors    string
	maxErrors int
}

const timemlEvalHelp = `--timeml DIR reads every .tml file under DIR (TempEval-3 TimeML) and scores the
dates finder on TIMEX3 expressions of type DATE, resolved against each
document's creation time (the DCT timex itself is not scored): detection
precision/recall/F1 with relaxed (overlapping) and strict (identical) spans,
and value accuracy on the relaxed matches. TimeML's vague references (now,
recently: PRESENT_REF, PAST_REF) count, so the finder runs with the dates
stage's "vague" option on. Predictions that only overlap a TIME, DURATION or
SET timex are set aside, neither right nor wrong. --timeml-errors lists the
disagreements.`

func addTimeMLEvalFlags(cmd *cobra.Command, o *timemlEvalOptions) {
	f := cmd.Flags()
	f.StringVar(&o.dir, "timeml", "", "score the dates finder on the TimeML (.tml) files under DIR")
	f.StringVar(&o.errors, "timeml-errors", "", "with --timeml: list disagreements: missed, spurious, value, span or all")
	f.IntVar(&o.maxErrors, "timeml-max-errors", 50, "with --timeml-errors: at most this many listed")
}

// runTimeMLEval scores the dates finder on TempEval-3 TimeML files. Files
// that cannot be read are reported and skipped; the command then fails
// after printing the scores of the others.
func runTimeMLEval(cmd *cobra.Command, o timemlEvalOptions) error {
	kind := o.errors
	switch kind {
	case "", "missed", "spurious", "value", "span":
	case "all":
		kind = ""
	default:
		return fmt.Errorf("eval: --timeml-errors %q: want missed, spurious, value, span or all", o.errors)
	}
	docs, errs, err := eval.ReadTimeMLDir(o.dir)
	if err != nil {
		return err
	}
	for _, e := range errs {
		fmt.Fprintln(cmd.ErrOrStderr(), "entente:", e)
	}
	w := cmd.OutOrStdout()
	score := eval.ScoreTimeML(docs, dates.NewFinder(dates.Options{Vague: true}).Find)
	if err := score.WriteTable(w); err != nil {
		return err
	}
	if o.errors != "" {
		fmt.Fprintln(w)
		if err := score.WriteErrors(w, kind, o.maxErrors); err != nil {
			return err
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("eval: %d of %d TimeML files could not be read: %w", len(errs), len(errs)+len(docs), errReported)
	}
	return nil
}
