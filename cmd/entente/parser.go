package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/jdkato/prose/v3/token"
	"github.com/spf13/cobra"

	"github.com/entente-nlp/entente/extract/depparse"
	"github.com/entente-nlp/entente/extract/depparse/conllu"
	"github.com/entente-nlp/entente/extract/nlp"
)

// trainParserOptions are the flags of `entente train parser`.
type trainParserOptions struct {
	train, dev, out, name string
	epochs, tagEpochs     int
	seed                  uint64
}

func newTrainParserCmd() *cobra.Command {
	var o trainParserOptions
	cmd := &cobra.Command{
		Use:   "parser --train FILE.conllu -o MODEL",
		Short: "Train the dependency parser and UPOS tagger (extract/depparse) on Universal Dependencies CoNLL-U",
		Long: `Train the part-of-speech tagger and the arc-hybrid dependency parser on a
CoNLL-U treebank (gold words, UPOS, HEAD and DEPREL). prose's tagger adds Penn
Treebank tags to the words exactly as at run time. Training is deterministic:
the same data and flags give the same model file, byte for byte. The shipped
model is the output of the example below on UD English EWT's training set;
--dev only reports scores on the development set after training.`,
		Example: `  entente train parser --train ../data/UD_English-EWT/en_ewt-ud-train.conllu \
      --dev ../data/UD_English-EWT/en_ewt-ud-dev.conllu \
      -o extract/depparse/data/en_ewt-ud-train.depparse.gz`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return trainParser(cmd.Context(), o, cmd.ErrOrStderr())
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.train, "train", "", "CoNLL-U training file (required)")
	f.StringVar(&o.dev, "dev", "", "CoNLL-U development file to score after training")
	f.StringVarP(&o.out, "output", "o", "", "model file to write (required)")
	f.StringVar(&o.name, "name", "", `training data name recorded in the model (default "UD <file name>")`)
	f.IntVar(&o.epochs, "epochs", 0, "passes of the parser over the training data (default 12)")
	f.IntVar(&o.tagEpochs, "tag-epochs", 0, "passes of the tagger over the training data (default 6)")
	f.Uint64Var(&o.seed, "seed", 1, "seed of the sentence order and of exploration")
	_ = cmd.MarkFlagRequired("train")
	_ = cmd.MarkFlagRequired("output")
	return cmd
}

func trainParser(ctx context.Context, o trainParserOptions, log io.Writer) error {
	if ctx == nil {
		ctx = context.Background()
	}
	start := time.Now()
	sents, err := readConlluFile(o.train)
	if err != nil {
		return fmt.Errorf("train parser: %w", err)
	}
	exs, err := parserExamples(o.train, sents)
	if err != nil {
		return fmt.Errorf("train parser: %w", err)
	}
	name := o.name
	if name == "" {
		name = "UD " + filepath.Base(o.train)
	}
	m, err := depparse.Train(ctx, exs, depparse.TrainOptions{
		Epochs: o.epochs, TagEpochs: o.tagEpochs, Seed: o.seed, TrainedOn: name,
		Progress: func(line string) { fmt.Fprintln(log, line) },
	})
	if err != nil {
		return fmt.Errorf("train parser: %w", err)
	}
	size, err := writeModelFile(o.out, "train parser", m)
	if err != nil {
		return err
	}
	tg, ac, lb := m.Features()
	fmt.Fprintf(log, "train parser: %d sentences, %d words from %s in %s\n", len(exs), m.Meta().Words, o.train, time.Since(start).Round(time.Millisecond))
	fmt.Fprintf(log, "train parser: wrote %s (%d bytes; weight rows: tagger %d, transitions %d, labels %d)\n", o.out, size, tg, ac, lb)
	if o.dev != "" {
		gold, err := readConlluFile(o.dev)
		if err != nil {
			return fmt.Errorf("train parser: %w", err)
		}
		sc, err := scoreParser(m, gold)
		if err != nil {
			return fmt.Errorf("train parser: %w", err)
		}
		fmt.Fprintf(log, "train parser: %s: UPOS %.2f  UAS %.2f  LAS %.2f (%d words)\n", o.dev, sc.Pct(sc.UPOS), sc.Pct(sc.UAS), sc.Pct(sc.LAS), sc.Words)
	}
	return nil
}

func readConlluFile(path string) ([]*conllu.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return conllu.ReadAll(f, path)
}

// parserExamples turns gold CoNLL-U sentences into training examples, with
// prose's Penn tags as at run time.
func parserExamples(name string, sents []*conllu.Sentence) ([]depparse.Example, error) {
	tg, err := nlp.SharedFastTagger()
	if err != nil {
		return nil, err
	}
	exs := make([]depparse.Example, 0, len(sents))
	for _, s := range sents {
		heads, ok := s.Heads()
		if !ok {
			return nil, fmt.Errorf("%s:%d: sentence without HEAD column", name, s.StartLine)
		}
		e := depparse.Example{Words: s.Forms(), Heads: heads, UPOS: make([]string, s.Len()), Deps: make([]string, s.Len())}
		for i := range e.Words {
			w := s.Word(i)
			e.UPOS[i], e.Deps[i] = w.Cols[conllu.UPOS], w.Cols[conllu.Deprel]
		}
		e.Penn = pennTags(tg, e.Words)
		exs = append(exs, e)
	}
	return exs, nil
}

// pennTags tags words with prose's tagger, as the nlp stage does.
func pennTags(tg *nlp.FastTagger, words []string) []string {
	toks := make([]token.Token, len(words))
	for i, w := range words {
		toks[i].Text = w
	}
	tg.TagTokens(toks)
	out := make([]string, len(words))
	for i := range toks {
		out[i] = toks[i].Tag
	}
	return out
}

// parseConllu replaces the UPOS, HEAD and DEPREL columns of every word of
// sents with m's predictions (the other columns are kept).
func parseConllu(m *depparse.Model, sents []*conllu.Sentence) error {
	tg, err := nlp.SharedFastTagger()
	if err != nil {
		return err
	}
	p := m.NewParser()
	for _, s := range sents {
		words := s.Forms()
		p.Parse(words, pennTags(tg, words))
		for i := range words {
			w := s.Word(i)
			w.Cols[conllu.UPOS] = p.UPOS(i)
			w.Cols[conllu.Head] = fmt.Sprint(p.Head(i) + 1)
			w.Cols[conllu.Deprel] = p.Dep(i)
		}
	}
	return nil
}
