package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/entente-nlp/entente/internal/measure/eval"
	"github.com/entente-nlp/entente/pipeline"
	"github.com/spf13/cobra"
)

// goldEvalOptions are the flags of `entente eval --gold`.
type goldEvalOptions struct {
	file string
	json bool
}

const goldEvalHelp = `--gold FILE.gold.json [input] runs the configured pipeline over one article
and scores it against its hand-made answer key (format and rules in
testdata/gold/README.md): entities per type and overall, the set of normalized
dates, events (same date and at least half the participants; kind agreement
reported apart) and relations, each with precision, recall, F1 and the
missed and spurious items, plus the answer key's not_entities found. The
input defaults to the key's "document", resolved against the folder above
the key's own. --json prints the report as JSON.`

func addGoldEvalFlags(cmd *cobra.Command, o *goldEvalOptions) {
	f := cmd.Flags()
	f.StringVar(&o.file, "gold", "", "score one article against a hand-made answer key FILE.gold.json")
	f.BoolVar(&o.json, "json", false, "with --gold: print the report as JSON")
}

// goldInput returns the article to score: the argument when given, else
// the answer key's document, relative to the folder above the key's.
func goldInput(keyPath string, g *eval.Gold, args []string) (string, error) {
	if len(args) > 1 {
		return "", fmt.Errorf("eval: --gold scores one article, got %d inputs", len(args))
	}
	if len(args) == 1 {
		return args[0], nil
	}
	if g.Document == "" {
		return "", fmt.Errorf("eval: answer key %s names no document; give the article as an argument", keyPath)
	}
	p := filepath.Join(filepath.Dir(keyPath), "..", filepath.FromSlash(g.Document))
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("eval: answer key %s names document %s, not found at %s; give the article as an argument", keyPath, g.Document, p)
	}
	return p, nil
}

// runGoldEval runs the configured pipeline over the article and prints the
// score.
func runGoldEval(cmd *cobra.Command, o goldEvalOptions, args []string) error {
	g, err := eval.ReadGold(o.file)
	if err != nil {
		return usage(err)
	}
	input, err := goldInput(o.file, g, args)
	if err != nil {
		return usage(err)
	}
	if st, err := os.Stat(input); err == nil && st.IsDir() {
		return usage(fmt.Errorf("eval: --gold scores one article; %s is a directory", input))
	}
	app, err := newApp(cmd)
	if err != nil {
		return err
	}
	var docs []*pipeline.Document
	sum, err := app.Run(cmd.Context(), []string{input}, func(d *pipeline.Document) error {
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		return err
	}
	switch {
	case len(docs) != 1:
		return fmt.Errorf("eval: --gold scores one article; %s holds %d documents", input, len(docs))
	case sum.Failed > 0 || docs[0].Failed():
		return errReported // app.Run logged why
	}
	r := eval.ScoreDocument(g, docs[0])
	if o.json {
		return r.WriteJSON(cmd.OutOrStdout())
	}
	return r.WriteText(cmd.OutOrStdout())
}
