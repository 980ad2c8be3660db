package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/entente-nlp/entente/extract"
	"github.com/entente-nlp/entente/extract/nermodel"
	"github.com/entente-nlp/entente/extract/nlp"
	"github.com/entente-nlp/entente/gazetteer"
	"github.com/entente-nlp/entente/internal/app/outfile"
	"github.com/entente-nlp/entente/internal/measure/eval"
	"github.com/entente-nlp/entente/pipeline"
)

func newTrainCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "train",
		Short: "Train entente's statistical models",
		Example: `  # Reproduce the shipped entity tagger from CoNLL-2003 eng.train
  entente train ner --conll ../shared/corpora/conll2003/eng.train \
      -o extract/nermodel/data/conll2003-eng-train.nermodel.gz
  # Reproduce the shipped dependency parser from UD English EWT
  entente train parser --train en_ewt-ud-train.conllu --dev en_ewt-ud-dev.conllu \
      -o extract/depparse/data/en_ewt-ud-train.depparse.gz`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newTrainNERCmd())
	cmd.AddCommand(newTrainParserCmd())
	return cmd
}

// trainNEROptions are the flags of `entente train ner`.
type trainNEROptions struct {
	conll, out, name string
	epochs           int
	seed             uint64
	logBuckets       uint
	noGazetteer      bool
}

func newTrainNERCmd() *cobra.Command {
	var o trainNEROptions
	cmd := &cobra.Command{
		Use:   "ner --conll FILE -o MODEL",
		Short: "Train the statistical entity tagger (extract/nermodel) on CoNLL-2003 data",
		Long: `Train the averaged-perceptron entity tagger on CoNLL-2003-format data
(word ... tag per line, IOB1 or BIO tags over PER, LOC, ORG, MISC). The text
goes through the nlp stage exactly as at run time, so features see prose's
tokens and part-of-speech tags. Training is deterministic: the same data and
flags give the same model file, byte for byte. The shipped model is the
output of the example below, on eng.train only.`,
		Example: `  entente train ner --conll ../shared/corpora/conll2003/eng.train \
      -o extract/nermodel/data/conll2003-eng-train.nermodel.gz`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return trainNER(cmd.Context(), o, cmd.ErrOrStderr())
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.conll, "conll", "", "CoNLL-2003-format training file (required)")
	f.StringVarP(&o.out, "output", "o", "", "model file to write (required)")
	f.StringVar(&o.name, "name", "", `training data name recorded in the model (default "CoNLL-2003 <file name>")`)
	f.IntVar(&o.epochs, "epochs", 15, "passes over the training data")
	f.Uint64Var(&o.seed, "seed", 1, "seed of the sentence order")
	f.UintVar(&o.logBuckets, "log-buckets", 20, "log2 of the number of hashed feature rows (10..24)")
	f.BoolVar(&o.noGazetteer, "no-gazetteer", false, "train without the lexicon features read from the embedded gazetteer")
	_ = cmd.MarkFlagRequired("conll")
	_ = cmd.MarkFlagRequired("output")
	return cmd
}

func trainNER(ctx context.Context, o trainNEROptions, log io.Writer) error {
	if ctx == nil {
		ctx = context.Background()
	}
	start := time.Now()
	docs, err := eval.ReadConllFile(o.conll)
	if err != nil {
		return err
	}
	analyzed, err := analyzeConll(ctx, docs)
	if err != nil {
		return err
	}
	exs := make([]nermodel.Example, len(docs))
	for i, d := range analyzed {
		exs[i] = nermodel.Example{Text: d.Text, Tokens: d.Tokens, Sentences: d.Sentences, Labels: docs[i].TokenLabels(d.Tokens)}
	}
	prepared := time.Since(start)
	name := o.name
	if name == "" {
		name = "CoNLL-2003 " + filepath.Base(o.conll)
	}
	topts := nermodel.TrainOptions{Epochs: o.epochs, Seed: o.seed, LogBuckets: o.logBuckets, TrainedOn: name}
	if !o.noGazetteer {
		g, err := gazetteer.Default()
		if err != nil {
			return err
		}
		lex := nermodel.GazetteerLexicon{G: g}
		topts.Lexicon, topts.LexiconName = lex, "embedded "+lex.Describe()
	}
	t0 := time.Now()
	m, err := nermodel.Train(ctx, exs, nermodel.TrainOptions{
		Epochs: topts.Epochs, Seed: topts.Seed, LogBuckets: topts.LogBuckets, TrainedOn: topts.TrainedOn,
		Lexicon: topts.Lexicon, LexiconName: topts.LexiconName,
		Progress: func(epoch, mistakes, tokens int) {
			fmt.Fprintf(log, "train ner: epoch %d: %d of %d tokens wrong (%.2f%%)\n", epoch, mistakes, tokens, 100*float64(mistakes)/float64(tokens))
		},
	})
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	trained := time.Since(t0)
	size, err := writeModelFile(o.out, "train ner", m)
	if err != nil {
		return err
	}
	meta := m.Meta()
	fmt.Fprintf(log, "train ner: %d documents, %d sentences, %d tokens from %s\n", meta.Documents, meta.Sentences, meta.Tokens, o.conll)
	if meta.Lexicon != "" {
		fmt.Fprintf(log, "train ner: lexicon features from the %s\n", meta.Lexicon)
	}
	fmt.Fprintf(log, "train ner: nlp preparation %s, training %s, total %s\n", prepared.Round(time.Millisecond), trained.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
	fmt.Fprintf(log, "train ner: wrote %s (%d bytes, %d non-zero weight rows)\n", o.out, size, m.Rows())
	return nil
}

// writeModelFile writes m to path through internal/app/outfile, so that a
// failed write never leaves half a model behind, a symbolic link is
// followed and a device is written as it is. what names the command in
// errors.
func writeModelFile(path, what string, m interface{ Write(io.Writer) error }) (int64, error) {
	f, err := outfile.Create(path)
	if err != nil {
		return 0, fmt.Errorf("%s: output %w", what, err)
	}
	defer f.Abort()
	cw := &countingWriter{w: f}
	if err := m.Write(cw); err != nil {
		return 0, fmt.Errorf("%s: writing %s: %w", what, path, err)
	}
	if err := f.Commit(); err != nil {
		return 0, fmt.Errorf("%s: writing output %w", what, err)
	}
	return cw.n, nil
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// analyzeConll runs the nlp stage (prose tokens, sentences and tags, no
// prose NER) over each CoNLL document's text.
func analyzeConll(ctx context.Context, docs []eval.ConllDoc) ([]*pipeline.Document, error) {
	models, err := nlp.SharedModels()
	if err != nil {
		return nil, err
	}
	stages, err := extract.BuildStagesGiven(extract.Env{Models: models}, conllGiven, []string{nlp.Name}, nil)
	if err != nil {
		return nil, err
	}
	out := make([]*pipeline.Document, len(docs))
	for i := range docs {
		d := docs[i].Document(fmt.Sprintf("conll-%d", i+1))
		if err := runConllStages(ctx, stages, d); err != nil {
			return nil, fmt.Errorf("conll document %d (line %d): %w", i+1, docs[i].Line, err)
		}
		out[i] = d
	}
	return out, nil
}
