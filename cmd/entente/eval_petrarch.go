package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/entente-nlp/entente/extract/events"
	"github.com/entente-nlp/entente/gazetteer"
	"github.com/entente-nlp/entente/internal/app/config"
	"github.com/entente-nlp/entente/internal/measure/eval"
	"github.com/entente-nlp/entente/pipeline"
	"github.com/spf13/cobra"
	"gopkg.in/yaml.v3"
)

const petrarchEvalHelp = `--petrarch FILE reads records in PETRARCH's validation (unit-test) shape
(<Sentence date id category> with <EventCoding sourcecode targetcode eventcode> and
<Text>), imports the Phoenix dictionaries the file's <Environment> names (verbs,
actors, agents; beside the file) or those given with --verbs, --actors and --agents
(Phoenix text or already converted YAML), runs the configured pipeline over each
sentence dated by its record, and reports the share of expected (source code, target
code, event code) triples entente produces, overall and by record category.
--replace-lexicon codes with the imported verbs only; --misses N lists N misses.`

// petrarchEvalOptions are the flags of eval --petrarch.
type petrarchEvalOptions struct {
	file                  string
	verbs, actors, agents []string
	replace               bool
	misses                int
}

func addPetrarchEvalFlags(cmd *cobra.Command, o *petrarchEvalOptions) {
	fl := cmd.Flags()
	fl.StringVar(&o.file, "petrarch", "", "score event coding on PETRARCH validation records in FILE")
	fl.StringSliceVar(&o.verbs, "verbs", nil, "with --petrarch: verb dictionaries (Phoenix text or lexicon YAML; default: the file's <Environment>)")
	fl.StringSliceVar(&o.actors, "actors", nil, "with --petrarch: actor dictionaries (Phoenix text or gazetteer YAML)")
	fl.StringSliceVar(&o.agents, "agents", nil, "with --petrarch: agents dictionaries (Phoenix text or lexicon YAML)")
	fl.BoolVar(&o.replace, "replace-lexicon", false, "with --petrarch: code with the imported verbs only, without the built-in lexicon")
	fl.IntVar(&o.misses, "misses", 10, "with --petrarch: how many missed records to list")
}

func runPetrarchEval(cmd *cobra.Command, o petrarchEvalOptions) error {
	asJSON, _ := cmd.Flags().GetBool("json")
	cfg, err := loadConfig(cmd)
	if err != nil {
		return err
	}
	recs, cleanup, err := preparePetrarch(cfg, o, cmd.ErrOrStderr())
	if err != nil {
		return err
	}
	defer cleanup()
	app, err := sessionOf(cmd).buildApp(cfg)
	if err != nil {
		return err
	}
	rep, err := runPetrarch(cmd.Context(), app, recs)
	if err != nil {
		return err
	}
	return writePetrarch(cmd.OutOrStdout(), o.file, rep, asJSON, o.misses)
}

// preparePetrarch reads the records of o.file and sets cfg up to code them:
// the dictionaries (flags, else the file's <Environment>) converted into a
// gazetteer file and a lexicon file (in a temporary folder that cleanup
// removes) added to the configuration.
func preparePetrarch(cfg *config.Config, o petrarchEvalOptions, log io.Writer) ([]eval.PetrarchRecord, func(), error) {
	none := func() {}
	recs, env, err := readPetrarchFile(o.file)
	if err != nil {
		return nil, none, err
	}
	dir := filepath.Dir(o.file)
	pick := func(flag []string, fromEnv []string) []string {
		if len(flag) > 0 {
			return flag
		}
		var out []string
		for _, n := range fromEnv {
			p := n
			if !filepath.IsAbs(p) {
				p = filepath.Join(dir, n)
			}
			if _, err := os.Stat(p); err != nil {
				fmt.Fprintf(log, "eval: %s names %s, which is not there: coding without it\n", o.file, p)
				continue
			}
			out = append(out, p)
		}
		return out
	}
	verbs, actors, agents := pick(o.verbs, env.Verbs), pick(o.actors, env.Actors), pick(o.agents, env.Agents)
	tmp, err := os.MkdirTemp("", "entente-petrarch-")
	if err != nil {
		return nil, none, err
	}
	cleanup := func() { os.RemoveAll(tmp) }
	lexFiles, err := petrarchLexicon(log, tmp, append(append([]string(nil), verbs...), agents...))
	if err != nil {
		cleanup()
		return nil, none, err
	}
	gazFiles, err := petrarchActors(log, tmp, actors)
	if err != nil {
		cleanup()
		return nil, none, err
	}
	cfg.Gazetteer.Files = append(cfg.Gazetteer.Files, gazFiles...)
	if cfg.Stages == nil {
		cfg.Stages = map[string]map[string]any{}
	}
	ev := cfg.Stages[events.Name]
	if ev == nil {
		ev = map[string]any{}
		cfg.Stages[events.Name] = ev
	}
	if len(lexFiles) > 0 {
		var all []any
		switch v := ev["lexicon"].(type) {
		case string:
			all = append(all, v)
		case []any:
			all = append(all, v...)
		}
		for _, f := range lexFiles {
			all = append(all, f)
		}
		ev["lexicon"] = all
		if o.replace {
			ev["replace_lexicon"] = true
		}
	}
	return recs, cleanup, nil
}

func readPetrarchFile(path string) ([]eval.PetrarchRecord, eval.PetrarchEnv, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, eval.PetrarchEnv{}, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	recs, env, err := eval.ReadPetrarch(bufio.NewReader(f))
	if err != nil {
		return nil, env, fmt.Errorf("%s: %w", path, err)
	}
	return recs, env, nil
}

func isYAML(p string) bool {
	ext := strings.ToLower(filepath.Ext(p))
	return ext == ".yaml" || ext == ".yml"
}

// petrarchLexicon converts Phoenix verb and agents dictionaries into one
// lexicon file under tmp; YAML files pass through.
func petrarchLexicon(log io.Writer, tmp string, paths []string) ([]string, error) {
	var out []string
	merged := &events.LexiconFile{Kinds: map[string]events.KindSpec{}, Synsets: map[string][]string{}}
	n := 0
	for _, p := range paths {
		if isYAML(p) {
			out = append(out, p)
			continue
		}
		lf, st, err := importLexiconFile(p)
		if err != nil {
			return nil, fmt.Errorf("eval: %s: %w", p, err)
		}
		fmt.Fprintf(log, "%s: %d verb kinds, %d patterns, %d agents, %d junk lines skipped\n", p, st.Kinds, st.Patterns, st.Agents, st.Skipped)
		mergeLexiconFiles(merged, lf)
		n++
	}
	if n == 0 {
		return out, nil
	}
	merged.Imported = fmt.Sprint(paths)
	b, err := yaml.Marshal(merged)
	if err != nil {
		return nil, err
	}
	p := filepath.Join(tmp, "lexicon.yaml")
	if err := os.WriteFile(p, b, 0o600); err != nil {
		return nil, err
	}
	return append(out, p), nil
}

// petrarchActors converts Phoenix actor dictionaries into gazetteer files
// under tmp; YAML and CSV files pass through.
func petrarchActors(log io.Writer, tmp string, paths []string) ([]string, error) {
	var out []string
	var g *gazetteer.Gazetteer
	for i, p := range paths {
		if isYAML(p) || strings.EqualFold(filepath.Ext(p), ".csv") {
			out = append(out, p)
			continue
		}
		if g == nil {
			var err error
			if g, err = gazetteer.Default(); err != nil {
				return nil, err
			}
		}
		f, err := os.Open(p)
		if err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		entries, st, err := gazetteer.ReadPhoenix(bufio.NewReader(f), g, "")
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("eval: %s: %w", p, err)
		}
		fmt.Fprintf(log, "%s: %d actors (%d countries), %d dated roles\n", p, st.Actors, st.Countries, st.Dated)
		q := filepath.Join(tmp, fmt.Sprintf("actors-%d.yaml", i))
		w, err := os.Create(q)
		if err != nil {
			return nil, err
		}
		err = gazetteer.WriteYAML(w, "converted from "+p, entries)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	return out, nil
}

// runPetrarch codes every record's sentence and scores the triples.
func runPetrarch(ctx context.Context, app *App, recs []eval.PetrarchRecord) (eval.PetrarchReport, error) {
	src := func(ctx context.Context, emit func(*pipeline.Document) error) error {
		for i, r := range recs {
			d := &pipeline.Document{Seq: i, ID: r.ID, Source: r.ID, Format: "text", Original: []byte(r.Text),
				Published: r.Date, PublishedFrom: "flag"}
			if err := emit(d); err != nil {
				return err
			}
		}
		return nil
	}
	produced := map[string][]eval.PetrarchTriple{}
	_, err := app.RunSource(ctx, src, func(d *pipeline.Document) error {
		for _, e := range d.Events {
			produced[d.ID] = append(produced[d.ID], eval.PetrarchTriple{Source: e.SourceCode, Target: e.TargetCode, Code: e.CAMEO})
		}
		return nil
	})
	if err != nil {
		return eval.PetrarchReport{}, err
	}
	return eval.ScorePetrarch(recs, produced), nil
}

func writePetrarch(w io.Writer, file string, rep eval.PetrarchReport, asJSON bool, misses int) error {
	if misses >= 0 && len(rep.Misses) > misses {
		rep.Misses = rep.Misses[:misses]
	}
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	fmt.Fprintf(w, "petrarch %s: %d records\n", file, rep.Records)
	fmt.Fprintf(w, "  expected triples produced  %d/%d  share %.3f   (records marked sentence=\"false\" left out: %d/%d  %.3f)\n",
		rep.Found, rep.Expected, rep.Share, rep.EnabledFound, rep.EnabledExpected, rep.EnabledShare)
	fmt.Fprintf(w, "  triples coded with both actors  %d  precision %.3f\n", rep.Produced, rep.Precision)
	if rep.NoEventRecords > 0 {
		fmt.Fprintf(w, "  records expecting no event  %d, coded nothing %d\n", rep.NoEventRecords, rep.Quiet)
	}
	fmt.Fprintf(w, "  by category:\n")
	for _, c := range rep.ByCategory {
		fmt.Fprintf(w, "    %-12s %3d/%-3d  %.3f  (%d records)\n", c.Category, c.Found, c.Expected, c.Share, c.Records)
	}
	if len(rep.Misses) > 0 {
		fmt.Fprintf(w, "  misses:\n")
		for _, m := range rep.Misses {
			fmt.Fprintf(w, "    %s [%s] %s\n", m.ID, m.Category, m.Text)
			for _, t := range m.Missing {
				fmt.Fprintf(w, "      missing  %s\n", t)
			}
			for _, t := range m.Produced {
				fmt.Fprintf(w, "      produced %s\n", t)
			}
		}
	}
	return nil
}
