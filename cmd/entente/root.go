package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/spf13/cobra"
)

// newRootCmd returns the entente command with its subcommands and a fresh
// session: each call builds an independent tree (flags, logger), so tests
// can run commands in parallel.
func newRootCmd() *cobra.Command {
	root, _ := newRoot()
	return root
}

// newRoot returns the entente command and its session.
func newRoot() (*cobra.Command, *session) {
	s := newSession()
	root := &cobra.Command{
		Use:   "entente",
		Short: "Extract entities, dated events and relationships from news articles",
		Long: `entente reads news articles (text, Markdown, HTML or JSON Lines) and finds the
people, countries, organizations and places they mention, links them to a
gazetteer, dates the events against the publication date, and builds the
relationship graph between them.

Exit status: 0 when every document was processed (warnings included), 1
when a document failed or the run stopped on an error, 2 for a bad command
line or configuration (nothing processed), 130/143 when interrupted.`,
		Example: `  entente extract testdata/moscow-declaration.md
  entente extract corpus/ --format jsonl -o corpus.jsonl
  entente config`,
		Version:       version(),
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			s.setupLogging(cmd.ErrOrStderr())
			cmd.SetContext(withSession(cmd.Context(), s))
			return nil
		},
	}
	pf := root.PersistentFlags()
	pf.StringVar(&s.config, "config", "", "configuration file (default: ./entente.yaml when present)")
	pf.BoolVarP(&s.quiet, "quiet", "q", false, "print only errors on stderr")
	pf.BoolVarP(&s.verbose, "verbose", "v", false, "print debugging detail on stderr")
	pf.Int("workers", 0, "concurrent workers per stage (config workers; 0 = one per CPU)")
	pf.StringSlice("pipeline", nil, "stages to run, in order (config pipeline)")
	pf.String("published", "", "publication date YYYY-MM-DD for every document, overriding the input's (config published)")
	pf.Bool("prose-ner", false, "use prose's entity model as an extra candidate source (config nlp.prose_ner)")
	pf.StringSlice("gazetteer", nil, "user gazetteer files, YAML or CSV, on top of the embedded data (config gazetteer.files)")
	root.MarkFlagsMutuallyExclusive("quiet", "verbose")
	root.SetFlagErrorFunc(flagError)
	root.SetVersionTemplate("{{.Version}}\n")
	root.AddCommand(
		newExtractCmd(),
		newGraphCmd(),
		newParseCmd(),
		newConfigCmd(),
		newGazetteerCmd(),
		newLexiconCmd(),
		newEvalCmd(),
		newTrainCmd(),
		newBenchCmd(),
		newServeCmd(),
		newNatsCmd(),
	)
	markStarted(root, &s.started)
	return root, s
}

// errReported is returned by commands that already reported the problem
// (failed documents): main exits with status 1 (exitFailed) without
// printing more.
var errReported = errors.New("failures reported above")

func main() {
	sig := watchSignals(os.Stderr, os.Exit)
	root, s := newRoot()
	s.installDefault = true // library packages (serve, pipeline) log through slog's default
	err := root.ExecuteContext(sig.ctx)
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
		os.Exit(exitFailed)
	case err != nil:
		// One problem per line (configuration errors come joined).
		for _, line := range strings.Split(err.Error(), "\n") {
			fmt.Fprintln(os.Stderr, "entente:", line)
		}
		os.Exit(exitCode(err, s.started))
	}
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
