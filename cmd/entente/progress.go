package main

import (
	"context"
	"io"
	"os"
	"time"

	"github.com/entente-nlp/entente/internal/app/source"
	"github.com/entente-nlp/entente/pipeline"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
)

// progress reports how a run advances: a bar (mpb) on a terminal, else
// a rate/ETA line every progressEvery, and with --verbose one line per
// document.
type progress struct {
	s *session
	// bar mode
	p       *mpb.Progress
	bar     *mpb.Bar
	restore io.Writer // the log's destination before the bar
	// log mode
	total    int // 0 when unknown
	done     int
	start    time.Time
	lastNote time.Time
}

// newProgress chooses the display. The bar is used when bar is allowed,
// stderr is a terminal, output is not quiet, and inputs hold more than one
// document.
func (s *session) newProgress(ctx context.Context, src source.Options, inputs []string, bar bool) *progress {
	now := time.Now()
	g := &progress{s: s, start: now, lastNote: now}
	if s.quiet {
		return g // errors and the summary only
	}
	total, err := src.Count(ctx, inputs)
	if err == nil {
		g.total = total
	}
	if !bar || !isTerminal(os.Stderr) || total < 2 {
		return g
	}
	// Not bound to ctx: finish closes it, so log lines written after a
	// cancellation still reach stderr.
	g.p = mpb.New(mpb.WithOutput(os.Stderr), mpb.WithWidth(40))
	g.bar = g.p.AddBar(int64(total),
		mpb.PrependDecorators(decor.Name("documents "), decor.CountersNoUnit("%d/%d")),
		mpb.AppendDecorators(
			decor.AverageSpeed(nil, " %.1f docs/s"),
			decor.Name(" ETA "), decor.AverageETA(decor.ET_STYLE_GO),
		),
	)
	g.restore = s.logOut.set(g.p)
	return g
}

// document records a finished document: it moves the bar, or logs a line.
func (g *progress) document(d *pipeline.Document) {
	g.done++
	if g.bar != nil {
		g.bar.Increment()
		return
	}
	if d.Failed() {
		return // its errors were logged
	}
	if g.total >= g.done {
		g.logDocument(d, "done", g.done, "of", g.total)
	} else {
		g.logDocument(d)
	}
	if now := time.Now(); now.Sub(g.lastNote) >= g.s.progressEvery {
		g.lastNote = now
		elapsed := now.Sub(g.start)
		rate := float64(g.done) / elapsed.Seconds()
		attrs := []any{"done", g.done, "rate", float64(int(rate*10)) / 10}
		if g.total > g.done && rate > 0 {
			attrs = append(attrs, "of", g.total, "eta", time.Duration(float64(g.total-g.done)/rate*float64(time.Second)).Round(time.Second))
		}
		g.s.log.Info("progress", attrs...)
	}
}

// logDocument logs one line for a finished document, shown with
// --verbose.
func (g *progress) logDocument(d *pipeline.Document, extra ...any) {
	attrs := append([]any{"id", d.ID, "source", d.Source, "entities", len(d.Entities), "dates", len(d.Dates),
		"events", len(d.Events), "relations", len(d.Relations)}, extra...)
	g.s.log.Debug("document", attrs...)
}

// finish completes (or aborts) the bar and gives stderr back to the log.
func (g *progress) finish(aborted bool) {
	if g.bar == nil {
		return
	}
	if aborted {
		g.bar.Abort(false)
	} else {
		g.bar.SetTotal(-1, true)
	}
	g.p.Wait()
	g.s.logOut.set(g.restore)
}

// isTerminalWriter reports whether w is a terminal.
func isTerminalWriter(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && isTerminal(f)
}

// isTerminal reports whether f is a character device (a terminal).
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
