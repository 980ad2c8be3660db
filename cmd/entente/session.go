package main

import (
	"context"
	"io"
	"log/slog"
	"time"

	"github.com/spf13/cobra"
)

// session is the state of one run of the entente command: the root's
// persistent flags and the logger. newRoot makes one per command tree and
// its PersistentPreRunE puts it in the command's context; commands reach it
// with sessionOf(cmd). Nothing of it is package-level, so commands run in
// parallel in tests.
type session struct {
	config  string
	quiet   bool
	verbose bool
	// started records that a command's own code began: errors before it
	// (flags, arguments) are usage errors (exit.go).
	started bool

	// logOut is where log lines go: stderr, or the progress display while
	// one is shown (so log lines print above the bar).
	logOut *switchWriter
	log    *slog.Logger
	// progressEvery is how often log-mode progress reports rate and ETA.
	progressEvery time.Duration
	// installDefault also makes the logger slog's default, for the
	// library packages that log (main sets it; tests do not).
	installDefault bool
}

func newSession() *session {
	s := &session{logOut: &switchWriter{w: io.Discard}, progressEvery: 10 * time.Second}
	s.log = slog.New(slog.NewTextHandler(s.logOut, nil))
	return s
}

// setupLogging sends log lines to stderr at the level the flags ask for:
// readable sentences on a terminal (humanlog.go), slog's key=value lines
// otherwise.
func (s *session) setupLogging(stderr io.Writer) {
	s.setupLoggingAs(stderr, isTerminalWriter(stderr))
}

// setupLoggingAs is setupLogging with the choice of readable lines made
// by the caller.
func (s *session) setupLoggingAs(stderr io.Writer, human bool) {
	level := slog.LevelInfo
	switch {
	case s.quiet:
		level = slog.LevelWarn
	case s.verbose:
		level = slog.LevelDebug
	}
	s.logOut.set(stderr)
	if human {
		s.log = slog.New(newHumanHandler(s.logOut, level))
		if s.installDefault {
			slog.SetDefault(s.log)
		}
		return
	}
	s.log = slog.New(slog.NewTextHandler(s.logOut, &slog.HandlerOptions{
		Level: level,
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey && len(groups) == 0 && level > slog.LevelDebug || a.Key == summaryKey {
				return slog.Attr{}
			}
			return a
		},
	}))
	if s.installDefault {
		slog.SetDefault(s.log)
	}
}

type sessionKey struct{}

func withSession(ctx context.Context, s *session) context.Context {
	if ctx == nil {
		ctx = context.Background()
	}
	return context.WithValue(ctx, sessionKey{}, s)
}

// sessionOf returns the session of the command tree cmd belongs to. A
// command run on its own, outside newRoot's tree (a test), gets a fresh
// session logging to its stderr.
func sessionOf(cmd *cobra.Command) *session {
	if ctx := cmd.Context(); ctx != nil {
		if s, ok := ctx.Value(sessionKey{}).(*session); ok {
			return s
		}
	}
	s := newSession()
	s.setupLogging(cmd.ErrOrStderr())
	cmd.SetContext(withSession(cmd.Context(), s))
	return s
}
