package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync"

	"github.com/spf13/cobra"
)

// rootCmd is the entente command; subcommands attach with
// func init() { rootCmd.AddCommand(newXxxCmd()) }.
var rootCmd = &cobra.Command{
	Use:   "entente",
	Short: "Extract entities, dated events and relationships from news articles",
	Long: `entente reads news articles (text, Markdown, HTML or JSON Lines) and finds the
people, countries, organizations and places they mention, links them to a
gazetteer, dates the events against the publication date, and builds the
relationship graph between them.`,
	Example: `  entente extract testdata/moscow-declaration.md
  entente extract corpus/ --format jsonl -o corpus.jsonl
  entente config`,
	SilenceUsage:      true,
	SilenceErrors:     true,
	PersistentPreRunE: setupLogging,
}

// globals are the persistent flags every command shares.
var globals struct {
	config  string
	quiet   bool
	verbose bool
}

func init() {
	pf := rootCmd.PersistentFlags()
	pf.StringVar(&globals.config, "config", "", "configuration file (default: ./entente.yaml when present)")
	pf.BoolVarP(&globals.quiet, "quiet", "q", false, "print only errors on stderr")
	pf.BoolVarP(&globals.verbose, "verbose", "v", false, "print debugging detail on stderr")
	pf.Int("workers", 0, "concurrent workers per stage (config workers; 0 = one per CPU)")
	pf.StringSlice("pipeline", nil, "stages to run, in order (config pipeline)")
	pf.String("published", "", "publication date YYYY-MM-DD for every document, overriding the input's (config published)")
	pf.Bool("prose-ner", false, "use prose's entity model as an extra candidate source (config nlp.prose_ner)")
	pf.StringSlice("gazetteer", nil, "user gazetteer files, YAML or CSV, on top of the embedded data (config gazetteer.files)")
	rootCmd.MarkFlagsMutuallyExclusive("quiet", "verbose")
}

// errReported is returned by commands that already reported the problem
// (failed documents): main exits with status 1 without printing more.
var errReported = errors.New("failures reported above")

func main() {
	sig := watchSignals(os.Stderr, os.Exit)
	err := rootCmd.ExecuteContext(sig.ctx)
	// serve stops on a signal by design: that is success, not an interruption.
	interrupted := sig.signalled() != nil && !errors.Is(err, errStopped)
	if errors.Is(err, errStopped) {
		err = nil
	}
	sig.stop()
	switch {
	case interrupted:
		fmt.Fprintln(os.Stderr, "entente: interrupted")
		os.Exit(exitStatus(sig.signalled()))
	case errors.Is(err, errReported):
		os.Exit(1)
	case err != nil:
		// One problem per line (configuration errors come joined).
		for _, line := range strings.Split(err.Error(), "\n") {
			fmt.Fprintln(os.Stderr, "entente:", line)
		}
		os.Exit(1)
	}
}

// logOutput is where log lines go: stderr, or the progress display while
// one is shown (so log lines print above the bar).
var logOutput = &switchWriter{w: os.Stderr}

// setupLogging installs the slog logger on stderr at the level the flags
// ask for.
func setupLogging(cmd *cobra.Command, args []string) error {
	level := slog.LevelInfo
	switch {
	case globals.quiet:
		level = slog.LevelWarn
	case globals.verbose:
		level = slog.LevelDebug
	}
	slog.SetDefault(slog.New(slog.NewTextHandler(logOutput, &slog.HandlerOptions{
		Level: level,
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey && len(groups) == 0 && level > slog.LevelDebug {
				return slog.Attr{}
			}
			return a
		},
	})))
	return nil
}

// switchWriter is an io.Writer whose destination can change while in use.
type switchWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *switchWriter) Write(b []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(b)
}

// set changes the destination and returns the previous one.
func (s *switchWriter) set(w io.Writer) io.Writer {
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.w
	s.w = w
	return old
}
