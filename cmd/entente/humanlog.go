package main

// humanlog.go: on a terminal, log lines read as sentences ("entente:
// warning: …"), not as level=WARN msg=… records; piped or redirected,
// stderr keeps slog's key=value lines for tools.

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"time"
)

// summaryKey marks the end-of-run summary: a human handler writes it
// without a level word, as a plain line.
const summaryKey = "summary"

// humanHandler is a slog.Handler writing one readable line per record:
// "entente: warning: MESSAGE (doc a, stage ingest)".
type humanHandler struct {
	mu    *sync.Mutex
	w     io.Writer
	level slog.Leveler
	attrs []slog.Attr
}

func newHumanHandler(w io.Writer, level slog.Leveler) *humanHandler {
	return &humanHandler{mu: &sync.Mutex{}, w: w, level: level}
}

func (h *humanHandler) Enabled(_ context.Context, l slog.Level) bool {
	return l >= h.level.Level()
}

func (h *humanHandler) Handle(_ context.Context, r slog.Record) error {
	var b strings.Builder
	b.WriteString("entente: ")
	summary := false
	var attrs []string
	add := func(a slog.Attr) bool {
		if a.Key == summaryKey {
			summary = true
			return true
		}
		attrs = append(attrs, a.Key+" "+humanValue(a.Value))
		return true
	}
	for _, a := range h.attrs {
		add(a)
	}
	r.Attrs(add)
	if !summary {
		switch {
		case r.Level >= slog.LevelError:
			b.WriteString("error: ")
		case r.Level >= slog.LevelWarn:
			b.WriteString("warning: ")
		case r.Level < slog.LevelInfo:
			b.WriteString("debug: ")
		}
	}
	b.WriteString(r.Message)
	if len(attrs) > 0 {
		b.WriteString(" (" + strings.Join(attrs, ", ") + ")")
	}
	b.WriteString("\n")
	h.mu.Lock()
	defer h.mu.Unlock()
	_, err := io.WriteString(h.w, b.String())
	return err
}

func (h *humanHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	c := *h
	c.attrs = append(append([]slog.Attr(nil), h.attrs...), attrs...)
	return &c
}

// WithGroup is not used by entente's logging; groups are flattened.
func (h *humanHandler) WithGroup(string) slog.Handler { return h }

// humanValue formats a value for reading: durations rounded, lists
// joined.
func humanValue(v slog.Value) string {
	v = v.Resolve()
	switch v.Kind() {
	case slog.KindDuration:
		d := v.Duration()
		switch {
		case d >= time.Second:
			d = d.Round(100 * time.Millisecond)
		case d >= time.Millisecond:
			d = d.Round(time.Millisecond)
		}
		return d.String()
	case slog.KindAny:
		if ss, ok := v.Any().([]string); ok {
			return strings.Join(ss, ", ")
		}
	}
	return fmt.Sprint(v.Any())
}
