package main

import (
	"context"
	"log/slog"
	"os"

	"github.com/entente-nlp/entente/internal/source"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
)

// progress is the terminal progress display; a nil *progress shows
// nothing.
type progress struct {
	p   *mpb.Progress
	bar *mpb.Bar
}

// newProgress returns a progress display on stderr when stderr is a
// terminal, output is not quiet, and inputs hold more than one document;
// otherwise nil.
func newProgress(ctx context.Context, src source.Options, inputs []string) *progress {
	if globals.quiet || !isTerminal(os.Stderr) {
		return nil
	}
	total, err := src.Count(ctx, inputs)
	if err != nil || total < 2 {
		return nil
	}
	// Not bound to ctx: finish closes it, so log lines written after a
	// cancellation still reach stderr.
	p := mpb.New(mpb.WithOutput(os.Stderr), mpb.WithWidth(40))
	bar := p.AddBar(int64(total),
		mpb.PrependDecorators(decor.Name("documents "), decor.CountersNoUnit("%d/%d")),
		mpb.AppendDecorators(
			decor.AverageSpeed(nil, " %.1f docs/s"),
			decor.Name(" ETA "), decor.AverageETA(decor.ET_STYLE_GO),
		),
	)
	logOutput.set(p)
	return &progress{p: p, bar: bar}
}

func (g *progress) increment() {
	if g != nil {
		g.bar.Increment()
	}
}

// finish completes (or aborts) the bar and gives stderr back to the log.
func (g *progress) finish(aborted bool) {
	if g == nil {
		return
	}
	if aborted {
		g.bar.Abort(false)
	} else {
		g.bar.SetTotal(-1, true)
	}
	g.p.Wait()
	logOutput.set(os.Stderr)
	slog.Debug("progress display closed")
}

// isTerminal reports whether f is a character device (a terminal).
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
