package main

import (
	"bufio"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/entente-nlp/entente/extract/depparse"
	"github.com/entente-nlp/entente/extract/depparse/conllu"
	"github.com/entente-nlp/entente/internal/measure/bench"
	"github.com/entente-nlp/entente/internal/measure/eval"
)

const conlluEvalHelp = `--conllu GOLD.conllu scores the dependency parser and tagger on a
gold-tokenized Universal Dependencies file: it parses GOLD's words (ignoring
its UPOS, HEAD and DEPREL), or reads a parsed file given with --system, and
prints UPOS accuracy, UAS and LAS as the CoNLL 2018 shared task's script
does with gold tokens (every word counts, punctuation included; LAS compares
the relation without its subtype), and the parser's speed. --model FILE
scores a model file instead of the embedded one; --news-only keeps the
sentences whose sent_id starts with "n" (UD_English-PUD's news half).`

// conlluEvalOptions are the flags of `entente eval --conllu`.
type conlluEvalOptions struct {
	file, system, model string
	newsOnly            bool
}

func addConlluEvalFlags(cmd *cobra.Command, o *conlluEvalOptions) {
	f := cmd.Flags()
	f.StringVar(&o.file, "conllu", "", "score the dependency parser on a gold CoNLL-U FILE")
	f.StringVar(&o.system, "system", "", "with --conllu: score this parsed CoNLL-U file instead of parsing")
	f.StringVar(&o.model, "model", "", "with --conllu: parser model file (default: the embedded model)")
	f.BoolVar(&o.newsOnly, "news-only", false, `with --conllu: keep sentences whose sent_id starts with "n"`)
}

func runConlluEval(cmd *cobra.Command, o conlluEvalOptions) error {
	gold, err := readConlluFile(o.file)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	gold = newsOnly(gold, o.newsOnly)
	out := cmd.OutOrStdout()
	if o.system != "" {
		sys, err := readConlluFile(o.system)
		if err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		sc, err := eval.ScoreConllu(gold, newsOnly(sys, o.newsOnly))
		if err != nil {
			return err
		}
		printDepScore(out, o.system, sc)
		return nil
	}
	m, err := loadParserModel(o.model)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	cpu0 := bench.CPUTime()
	t0 := time.Now()
	sc, err := scoreParser(m, gold)
	if err != nil {
		return err
	}
	wall, cpu := time.Since(t0), bench.CPUTime()-cpu0
	printDepScore(out, o.file, sc)
	fmt.Fprintf(out, "speed: %d words in %.2f s wall, %.2f s CPU (tagging with prose and entente, parsing): %.0f words per CPU second\n",
		sc.Words, wall.Seconds(), cpu.Seconds(), float64(sc.Words)/cpu.Seconds())
	return nil
}

func printDepScore(w interface{ Write([]byte) (int, error) }, name string, sc eval.DepScore) {
	fmt.Fprintf(w, "%s: %d sentences, %d words\n", name, sc.Sentences, sc.Words)
	fmt.Fprintf(w, "UPOS  %6.2f\nUAS   %6.2f\nLAS   %6.2f\n", sc.Pct(sc.UPOS), sc.Pct(sc.UAS), sc.Pct(sc.LAS))
}

func newsOnly(sents []*conllu.Sentence, on bool) []*conllu.Sentence {
	if !on {
		return sents
	}
	var out []*conllu.Sentence
	for _, s := range sents {
		if id := s.Comment("sent_id"); len(id) > 0 && id[0] == 'n' {
			out = append(out, s)
		}
	}
	return out
}

// loadParserModel reads a model file, or returns the embedded model when
// path is empty.
func loadParserModel(path string) (*depparse.Model, error) {
	if path == "" {
		return depparse.Default()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := depparse.Read(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// scoreParser parses a copy of gold and scores it.
func scoreParser(m *depparse.Model, gold []*conllu.Sentence) (eval.DepScore, error) {
	sys := make([]*conllu.Sentence, len(gold))
	for i, s := range gold {
		c := *s
		c.Lines = append([]conllu.Line(nil), s.Lines...)
		sys[i] = &c
	}
	if err := parseConllu(m, sys); err != nil {
		return eval.DepScore{}, err
	}
	return eval.ScoreConllu(gold, sys)
}
