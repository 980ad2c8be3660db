package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/entente-nlp/entente/extract"
	"github.com/entente-nlp/entente/extract/depparse"
	"github.com/entente-nlp/entente/extract/depparse/conllu"
	"github.com/entente-nlp/entente/extract/parse"
	"github.com/entente-nlp/entente/internal/app/outfile"
	"github.com/entente-nlp/entente/pipeline"
)

// parseOptions are the flags of `entente parse`.
type parseOptions struct {
	format, out, model string
}

func newParseCmd() *cobra.Command {
	var o parseOptions
	cmd := &cobra.Command{
		Use:   "parse FILE...",
		Short: "Tag and parse text or CoNLL-U into Universal Dependencies trees (CoNLL-U)",
		Long: `parse writes CoNLL-U with the dependency parser's predictions.

A .conllu input keeps its sentences, words and other columns; its UPOS,
HEAD and DEPREL (columns 4, 7 and 8) are replaced by the tagger's and
parser's. Any other input (text, Markdown, HTML, JSON Lines) goes through
entente's own reading, cleaning, sentence splitting and tokenization (the
ingest, clean and nlp stages) and then the parse stage (every sentence, unless the configuration sets the
stage's max_sentences); each sentence is
written with its text, prose's Penn tag as XPOS, and SpaceAfter=No where
no space follows a token. The parser is the embedded model (trained on UD
English EWT) unless --model names another.`,
		Example: `  entente parse en_ewt-ud-test.conllu -o predicted.conllu
  entente eval --conllu en_ewt-ud-test.conllu --system predicted.conllu
  entente parse testdata/moscow-declaration.md`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return errors.New("parse: no inputs: give .conllu files, or text, Markdown or HTML files")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error { return runParse(cmd, o, args) },
	}
	f := cmd.Flags()
	f.StringVarP(&o.format, "format", "f", "conllu", "output format (conllu)")
	f.StringVarP(&o.out, "output", "o", "", "write to this file instead of standard output")
	f.StringVar(&o.model, "model", "", "parser model file (default: the embedded model)")
	return cmd
}

func runParse(cmd *cobra.Command, o parseOptions, inputs []string) (err error) {
	if !strings.EqualFold(o.format, "conllu") {
		return usage(fmt.Errorf("parse: unknown format %q (known: conllu)", o.format))
	}
	nConllu := 0
	for _, in := range inputs {
		if strings.EqualFold(filepath.Ext(in), ".conllu") {
			nConllu++
		}
	}
	if nConllu > 0 && nConllu < len(inputs) {
		return usage(errors.New("parse: give either .conllu files or other inputs, not both"))
	}
	m, err := loadParserModel(o.model)
	if err != nil {
		return fmt.Errorf("parse: %w", err)
	}
	dst := cmd.OutOrStdout()
	var out *outfile.File
	if o.out != "" {
		if out, err = outfile.Create(o.out); err != nil {
			return fmt.Errorf("parse: output %w", err)
		}
		defer out.Abort()
		dst = out
	}
	w := bufio.NewWriter(dst)
	if nConllu > 0 {
		err = parseConlluFiles(w, m, inputs)
	} else {
		err = parseDocuments(cmd, w, m, inputs)
	}
	if ferr := w.Flush(); err == nil && ferr != nil {
		err = fmt.Errorf("parse: writing output: %w", ferr)
	}
	if err != nil {
		return err
	}
	if out != nil {
		if err := out.Commit(); err != nil {
			return fmt.Errorf("parse: writing output %w", err)
		}
	}
	return nil
}

func parseConlluFiles(w *bufio.Writer, m *depparse.Model, inputs []string) error {
	for _, in := range inputs {
		sents, err := readConlluFile(in)
		if err != nil {
			return fmt.Errorf("parse: %w", err)
		}
		if err := parseConllu(m, sents); err != nil {
			return fmt.Errorf("parse: %w", err)
		}
		for _, s := range sents {
			if err := conllu.Write(w, s); err != nil {
				return err
			}
		}
	}
	return nil
}

// parseDocuments runs ingest, clean, nlp and parse over inputs and writes
// their sentences.
func parseDocuments(cmd *cobra.Command, w io.Writer, m *depparse.Model, inputs []string) error {
	cfg, err := loadConfig(cmd)
	if err != nil {
		return err
	}
	cfg.Pipeline = []string{"ingest", "clean", "nlp", parse.Name}
	// Every sentence, unless the configuration bounds them.
	if cfg.Stages == nil {
		cfg.Stages = map[string]map[string]any{}
	}
	if cfg.Stages[parse.Name] == nil {
		cfg.Stages[parse.Name] = map[string]any{}
	}
	if _, set := cfg.Stages[parse.Name]["max_sentences"]; !set {
		cfg.Stages[parse.Name]["max_sentences"] = -1
	}
	sess := sessionOf(cmd)
	env, err := sess.buildEnv(cfg)
	if err != nil {
		return err
	}
	env.Parser = m
	stages, err := extract.BuildStages(env, cfg.Pipeline, cfg.Stages)
	if err != nil {
		return err
	}
	app := &App{Config: cfg, Env: env, Stages: stages, StreamsToStdout: true, s: sess}
	ctx := cmd.Context()
	if ctx == nil {
		ctx = context.Background()
	}
	sum, err := app.Run(ctx, inputs, func(d *pipeline.Document) error {
		for _, s := range parse.Conllu(d) {
			if err := conllu.Write(w, s); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		return errReported
	}
	return nil
}
