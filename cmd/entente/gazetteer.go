package main

// gazetteer.go: the "entente gazetteer" commands (lookup, stats, import).

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/entente-nlp/entente/gazetteer"
	"github.com/entente-nlp/entente/internal/app/outfile"
	"github.com/spf13/cobra"
)

func newGazetteerCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "gazetteer",
		Short: "Inspect the gazetteer and convert actor dictionaries into it",
		Long: `The gazetteer links names to known countries, organizations, people, cities
and regions. It is embedded in entente; user files (config gazetteer.files or
--gazetteer FILE, YAML or CSV, see docs/gazetteer.md) add or override entries.`,
		Example: `  entente gazetteer lookup "Cavusoglu"
  entente gazetteer stats --gazetteer my-actors.yaml
  entente gazetteer import --format phoenix Phoenix.Countries.actors.txt -o actors.yaml
  entente gazetteer export --kind person -o people.yaml`,
	}
	cmd.AddCommand(newGazetteerLookupCmd(), newGazetteerStatsCmd(), newGazetteerImportCmd(), newGazetteerExportCmd())
	return cmd
}

// loadGazetteer builds the gazetteer with the configured user files.
func loadGazetteer(cmd *cobra.Command) (*gazetteer.Gazetteer, error) {
	cfg, err := loadConfig(cmd)
	if err != nil {
		return nil, err
	}
	g, err := gazetteer.Load(cfg.Gazetteer.Files...)
	return g, usage(err)
}

func newGazetteerLookupCmd() *cobra.Command {
	var date string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "lookup NAME...",
		Short: "Show what a name resolves to, and why",
		Long: `lookup prints the entries a name may refer to, best first, with a score and
the reason (exact alias, folded alias, surname of a known person, acronym,
fuzzy Jaro-Winkler), and for people the offices held on --date.`,
		Example: `  entente gazetteer lookup Lavrov
  entente gazetteer lookup "Mevlüt Çavuşoğlu" ISSG --date 2016-12-20
  entente gazetteer lookup "Putn"
  entente gazetteer lookup Georgia --json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			g, err := loadGazetteer(cmd)
			if err != nil {
				return err
			}
			if asJSON {
				return lookupJSON(cmd.OutOrStdout(), g, args, date)
			}
			w := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			for _, name := range args {
				cands := g.Lookup(name)
				if len(cands) == 0 {
					fmt.Fprintf(w, "%s\tnot found\n", name)
					continue
				}
				for _, c := range cands {
					e := c.Entry
					fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%.2f\t%s\n", name, e.ID, e.Type, e.Name, c.Score, c.Reason)
					if date != "" {
						for _, r := range g.RoleOn(e.ID, date) {
							fmt.Fprintf(w, "\t\t\t%s\t\t\n", roleText(g, r))
						}
					}
				}
			}
			return w.Flush()
		},
	}
	cmd.Flags().StringVar(&date, "date", "", "also show the offices people held on this date (YYYY-MM-DD)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON: for each name its candidates with entry, score, reason (and roles on --date)")
	return cmd
}

func newGazetteerStatsCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "stats",
		Short:   "Count the gazetteer's entries per kind, names and roles",
		Example: `  entente gazetteer stats`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			g, err := loadGazetteer(cmd)
			if err != nil {
				return err
			}
			s := g.Stats()
			keys := make([]string, 0, len(s))
			for k := range s {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			w := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', tabwriter.AlignRight)
			for _, k := range keys {
				fmt.Fprintf(w, "%s\t%d\t\n", k, s[k])
			}
			return w.Flush()
		},
	}
	return cmd
}

func newGazetteerImportCmd() *cobra.Command {
	var format, out, kind string
	cmd := &cobra.Command{
		Use:   "import --format phoenix FILE",
		Short: "Convert an actor dictionary into a gazetteer YAML file",
		Long: `import converts a PETRARCH/Phoenix (TABARI) actor dictionary into the
gazetteer's YAML user-file format, keeping synonyms as aliases and dated
[CODE date] lines as roles. Countries merge into the embedded country entries.
Use the result with --gazetteer FILE or the gazetteer.files configuration key.`,
		Example: `  entente gazetteer import --format phoenix Phoenix.Countries.actors.txt -o actors.yaml
  entente gazetteer import --format phoenix --kind org Phoenix.MilNonState.actors.txt > groups.yaml`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !strings.EqualFold(format, "phoenix") {
				return usage(fmt.Errorf("gazetteer import: unknown --format %q (supported: phoenix)", format))
			}
			g, err := gazetteer.Default()
			if err != nil {
				return err
			}
			f, err := os.Open(args[0])
			if err != nil {
				return usage(fmt.Errorf("gazetteer import: %s: %w", args[0], plainPathError(err)))
			}
			defer f.Close()
			entries, st, err := gazetteer.ReadPhoenix(bufio.NewReader(f), g, kind)
			if err != nil {
				return fmt.Errorf("gazetteer import: %s: %w", args[0], err)
			}
			if st.Actors == 0 {
				return fmt.Errorf("gazetteer import: %s: no actors found (is it a Phoenix actor dictionary?)", args[0])
			}
			var w io.Writer = cmd.OutOrStdout()
			var of *outfile.File
			if out != "" && out != "-" {
				if of, err = outfile.Create(out); err != nil {
					return fmt.Errorf("gazetteer import: output %w", err)
				}
				defer of.Abort()
				w = of
			}
			header := "Converted by entente gazetteer import from " + args[0] + " (Phoenix actor dictionary)."
			if err := gazetteer.WriteYAML(w, header, entries); err != nil {
				return err
			}
			if of != nil {
				if err := of.Commit(); err != nil {
					return fmt.Errorf("gazetteer import: writing output %w", err)
				}
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "%s: %d lines, %d actors (%d countries), %d aliases, %d roles (%d dated, %d unreadable dates) in %v\n",
				args[0], st.Lines, st.Actors, st.Countries, st.Aliases, st.Roles, st.Dated, st.BadDates, st.Elapsed.Round(1e6))
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&format, "format", "phoenix", "input format (phoenix)")
	fl.StringVarP(&out, "output", "o", "", "output file (default: stdout)")
	fl.StringVar(&kind, "kind", "", "force the kind of non-country actors: person or org (default: guessed per actor)")
	return cmd
}

// roleText writes an office for reading, the entry it is held for by
// name: "President of Turkey since 2014-08-28", "Foreign Minister of
// Turkey 2015-11-24 to 2023-06-03".
func roleText(g *gazetteer.Gazetteer, r gazetteer.Role) string {
	s := r.Title
	if r.Of != "" {
		of := r.Of
		if e, ok := g.Get(r.Of); ok {
			of = e.Name
		}
		s += " of " + of
	}
	switch {
	case r.From != "" && r.To != "":
		s += " " + r.From + " to " + r.To
	case r.From != "":
		s += " since " + r.From
	case r.To != "":
		s += " until " + r.To
	}
	return s
}

// lookupResult is one name's candidates in lookup --json output.
type lookupResult struct {
	Name       string            `json:"name"`
	Candidates []lookupCandidate `json:"candidates"`
}

type lookupCandidate struct {
	gazetteer.Candidate
	RolesOn []gazetteer.Role `json:"roles_on,omitempty"`
}

// lookupJSON writes the candidates of every name as a JSON array.
func lookupJSON(w io.Writer, g *gazetteer.Gazetteer, names []string, date string) error {
	out := make([]lookupResult, 0, len(names))
	for _, name := range names {
		r := lookupResult{Name: name, Candidates: []lookupCandidate{}}
		for _, c := range g.Lookup(name) {
			lc := lookupCandidate{Candidate: c}
			if date != "" {
				lc.RolesOn = g.RoleOn(c.Entry.ID, date)
			}
			r.Candidates = append(r.Candidates, lc)
		}
		out = append(out, r)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func newGazetteerExportCmd() *cobra.Command {
	var kinds []string
	var out string
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the gazetteer's entries (embedded plus user files) as YAML",
		Long: `export writes the entries, sorted by id, in the YAML user-file format
(docs/gazetteer.md): a starting point for a file of corrections, or a way to
see exactly what the gazetteer knows.`,
		Example: `  entente gazetteer export --kind person -o people.yaml
  entente gazetteer export --kind org,region | less`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			g, err := loadGazetteer(cmd)
			if err != nil {
				return err
			}
			want := map[string]bool{}
			for _, k := range kinds {
				k = strings.ToLower(strings.TrimSpace(k))
				switch k {
				case gazetteer.KindCountry, gazetteer.KindOrg, gazetteer.KindPerson, gazetteer.KindCity, gazetteer.KindRegion:
					want[k] = true
				default:
					return usage(fmt.Errorf("gazetteer export: unknown --kind %q (want country, org, person, city or region)", k))
				}
			}
			var entries []*gazetteer.Entry
			for _, e := range g.Entries() {
				if len(want) == 0 || want[e.Kind] {
					entries = append(entries, e)
				}
			}
			header := fmt.Sprintf("%d gazetteer entries exported by entente gazetteer export.", len(entries))
			if out == "" || out == "-" {
				return gazetteer.WriteYAML(cmd.OutOrStdout(), header, entries)
			}
			f, err := outfile.Create(out)
			if err != nil {
				return fmt.Errorf("gazetteer export: output %w", err)
			}
			defer f.Abort()
			if err := gazetteer.WriteYAML(f, header, entries); err != nil {
				return err
			}
			if err := f.Commit(); err != nil {
				return fmt.Errorf("gazetteer export: writing output %w", err)
			}
			return nil
		},
	}
	cmd.Flags().StringSliceVar(&kinds, "kind", nil, "only these kinds: country, org, person, city, region (default: all)")
	cmd.Flags().StringVarP(&out, "output", "o", "", "output file (default: stdout)")
	return cmd
}
