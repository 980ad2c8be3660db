package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/entente-nlp/entente/internal/measure/eval"
	"github.com/entente-nlp/entente/pipeline"
	"github.com/spf13/cobra"
)

const meantimeEvalHelp = `--meantime DIR reads the NewsReader MEANTIME corpus (Wikinews articles in its
XML layout, CC BY 4.0), runs the configured pipeline over each article dated by its
creation time, and reports how many gold events that have a date anchor and
participants entente recovers: a predicted event must overlap the gold trigger, carry
the gold date value and share a participant mention. Misses are counted by cause.
With --json the report is printed as JSON.`

// meantimeEvalOptions are the flags of eval --meantime.
type meantimeEvalOptions struct {
	dir string
}

func addMeantimeEvalFlags(cmd *cobra.Command, o *meantimeEvalOptions) {
	cmd.Flags().StringVar(&o.dir, "meantime", "", "score events on the MEANTIME corpus in DIR (add --json for JSON)")
}

func runMeantimeEval(cmd *cobra.Command, o meantimeEvalOptions) error {
	asJSON, _ := cmd.Flags().GetBool("json")
	app, err := newApp(cmd)
	if err != nil {
		return err
	}
	return runMeantime(cmd.Context(), app, o.dir, asJSON, cmd.OutOrStdout())
}

// runMeantime scores the events stage on the MEANTIME corpus under dir:
// each article is rebuilt from its tokens, dated by its creation time,
// run through the configured pipeline, and its events compared with the
// gold events that have a date anchor and participants (see
// internal/measure/eval/meantime.go for the matching rules).
func runMeantime(ctx context.Context, app *App, dir string, asJSON bool, w io.Writer) error {
	docs, bad, err := eval.ReadMeantimeDir(dir)
	if err != nil {
		return err
	}
	for _, e := range bad {
		app.session().log.Warn(e.Error())
	}
	src := func(ctx context.Context, emit func(*pipeline.Document) error) error {
		for i, m := range docs {
			if err := emit(m.Document(i)); err != nil {
				return err
			}
		}
		return nil
	}
	done := map[string]*pipeline.Document{}
	sum, err := app.RunSource(ctx, src, func(d *pipeline.Document) error {
		done[d.ID] = d
		return nil
	})
	if err != nil {
		return err
	}
	rep := eval.ScoreMeantime(docs, done)
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else if err := writeMeantime(w, dir, rep); err != nil {
		return err
	}
	if sum.Failed > 0 || len(bad) > 0 {
		return errReported
	}
	return nil
}

func writeMeantime(w io.Writer, dir string, r *eval.MeantimeReport) error {
	var b strings.Builder
	fmt.Fprintf(&b, "MEANTIME %s: %d documents\n", dir, r.Documents)
	fmt.Fprintf(&b, "  gold events with a date anchor and participants: %d (another %d anchored only to the creation time, never dated by entente)\n", r.Gold, r.DCTOnly)
	fmt.Fprintf(&b, "  recovered (trigger overlap + same date value + a shared participant): %d  recall %.3f\n", r.Recovered, r.Recall)
	fmt.Fprintf(&b, "  with a compatible date (coarser or finer value):                     %d  recall %.3f\n", r.Compatible, r.CompatibleRecall)
	fmt.Fprintf(&b, "  predicted events: %d\n", r.Predicted)
	fmt.Fprintf(&b, "  misses: no event on the trigger %d, no date %d, wrong date %d, no shared participant %d\n",
		r.Misses.NoTrigger, r.Misses.NoDate, r.Misses.WrongDate, r.Misses.NoParticipant)
	if len(r.MissedTriggers) > 0 {
		fmt.Fprintf(&b, "  most missed predicates: %s\n", strings.Join(r.MissedTriggers, ", "))
	}
	for _, s := range r.WrongDates {
		fmt.Fprintf(&b, "  wrong date: %s\n", s)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
