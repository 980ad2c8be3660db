package main

// lexicon.go: the "entente lexicon" commands (import).

import (
	"fmt"
	"os"
	"strings"

	"github.com/entente-nlp/entente/extract/events"
	"github.com/entente-nlp/entente/internal/app/outfile"
	"github.com/spf13/cobra"
	"gopkg.in/yaml.v3"
)

func newLexiconCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "lexicon",
		Short: "Convert event-coding dictionaries into the events stage's lexicon format",
		Long: `The events stage finds event triggers with a lexicon (embedded; users add
files with the stage option stages.events.lexicon, see docs/events.md).
lexicon import converts PETRARCH/Phoenix verb and agents dictionaries into it.`,
		Example: `  entente lexicon import --format phoenix CAMEO.2.0.txt -o verbs.yaml
  entente lexicon import --format phoenix CAMEO.2.0.txt Phoenix.agents.txt -o phoenix.yaml`,
	}
	cmd.AddCommand(newLexiconImportCmd())
	return cmd
}

func newLexiconImportCmd() *cobra.Command {
	var format, out string
	var quiet bool
	cmd := &cobra.Command{
		Use:   "import --format phoenix FILE... [-o OUT.yaml]",
		Short: "Convert PETRARCH/Phoenix verb and agents dictionaries into a lexicon file",
		Long: `import reads PETRARCH/Phoenix dictionaries: verb dictionaries (synonym sets
&NAME, "--- NAME [CODE] ---" verb blocks with their verb forms and "- ... * ..."
patterns, [A:B] two-way codes, the transformations section) and agents
dictionaries ("PRIME_MINISTER [~GOV]"), and writes one lexicon YAML file for
the events stage option lexicon (stages.events.lexicon). Several files merge
into one output, later ones winning. Comment and blank lines are counted, junk
lines are skipped with a warning naming the line; the result is compiled over
the embedded lexicon before it is written, so a file that would not load is
never written.`,
		Example: `  entente lexicon import --format phoenix CAMEO.2.0.txt -o verbs.yaml
  entente lexicon import --format phoenix CAMEO.2.0.txt Phoenix.agents.txt -o phoenix.yaml
  entente extract --config events-phoenix.yaml article.md   # stages.events.lexicon: phoenix.yaml`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !strings.EqualFold(format, "phoenix") {
				return usage(fmt.Errorf("lexicon import: unknown --format %q (supported: phoenix)", format))
			}
			merged := &events.LexiconFile{Kinds: map[string]events.KindSpec{}, Synsets: map[string][]string{}}
			for _, path := range args {
				lf, st, err := importLexiconFile(path)
				if !quiet || err != nil {
					fmt.Fprintf(cmd.ErrOrStderr(), "%s: %d lines, %d comment or blank, %d verb kinds, %d verbs, %d patterns, %d synonym sets, %d agents, %d transformations, %d duplicates, %d junk lines skipped\n",
						path, st.Lines, st.Comments, st.Kinds, st.Verbs, st.Patterns, st.Synsets, st.Agents, st.Transformations, st.Duplicates, st.Skipped)
					for _, w := range st.Warnings {
						fmt.Fprintf(cmd.ErrOrStderr(), "%s: warning: %s\n", path, w)
					}
					if st.Skipped > len(st.Warnings) {
						fmt.Fprintf(cmd.ErrOrStderr(), "%s: warning: %d more junk lines not shown\n", path, st.Skipped-len(st.Warnings))
					}
				}
				if err != nil {
					return fmt.Errorf("lexicon import: %s: %w", path, err)
				}
				mergeLexiconFiles(merged, lf)
			}
			merged.Imported = fmt.Sprint(args)
			base, err := events.DefaultLexiconFile()
			if err != nil {
				return err
			}
			if _, err := events.CompileLexicon(true, base, merged); err != nil {
				return fmt.Errorf("lexicon import: the converted lexicon does not load: %w", err)
			}
			b, err := yaml.Marshal(merged)
			if err != nil {
				return fmt.Errorf("lexicon import: %w", err)
			}
			header := fmt.Sprintf("# Converted by entente lexicon import --format phoenix from %v.\n# Use it with the events stage option lexicon (stages.events.lexicon); see docs/events.md.\n", args)
			if out == "" || out == "-" {
				_, err := fmt.Fprint(cmd.OutOrStdout(), header+string(b))
				return err
			}
			f, err := outfile.Create(out)
			if err != nil {
				return fmt.Errorf("lexicon import: %w", err)
			}
			if _, err := f.Write([]byte(header + string(b))); err != nil {
				f.Abort()
				return fmt.Errorf("lexicon import: %s: %w", out, err)
			}
			return f.Commit()
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&format, "format", "phoenix", "input format (phoenix)")
	fl.StringVarP(&out, "output", "o", "", "output file (default: stdout)")
	fl.BoolVar(&quiet, "quiet-stats", false, "do not print the per-file counts and warnings")
	return cmd
}

// importLexiconFile imports one Phoenix dictionary.
func importLexiconFile(path string) (*events.LexiconFile, events.ImportStats, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, events.ImportStats{}, err
	}
	defer f.Close()
	return events.ImportPhoenix(f)
}

// mergeLexiconFiles adds src to dst, src winning.
func mergeLexiconFiles(dst, src *events.LexiconFile) {
	for k, v := range src.Kinds {
		dst.Kinds[k] = v
	}
	for k, v := range src.Synsets {
		dst.Synsets[k] = v
	}
	dst.Agents = append(dst.Agents, src.Agents...)
	dst.Transformations = append(dst.Transformations, src.Transformations...)
	if len(dst.Synsets) == 0 {
		dst.Synsets = nil
	}
}
