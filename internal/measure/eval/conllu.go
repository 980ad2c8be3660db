package eval

import (
	"fmt"
	"strings"

	"github.com/entente-nlp/entente/extract/depparse/conllu"
)

// DepScore counts what a parser got right on gold-tokenized CoNLL-U, as the
// CoNLL 2018 shared task's evaluation script (conll18_ud_eval.py) scores
// UPOS, UAS and LAS when system and gold words are the same: every word
// counts, punctuation included, and LAS compares the universal part of
// DEPREL (the part before ':').
type DepScore struct {
	Sentences, Words int
	UPOS, UAS, LAS   int
}

// Pct returns 100*n/Words.
func (s DepScore) Pct(n int) float64 {
	if s.Words == 0 {
		return 0
	}
	return 100 * float64(n) / float64(s.Words)
}

// Add adds o's counts to s.
func (s *DepScore) Add(o DepScore) {
	s.Sentences += o.Sentences
	s.Words += o.Words
	s.UPOS += o.UPOS
	s.UAS += o.UAS
	s.LAS += o.LAS
}

// ScoreConllu scores sys against gold, sentence by sentence. Both must
// have the same sentences and words (the parser keeps gold tokenization);
// anything else is an error naming the first sentence that differs.
func ScoreConllu(gold, sys []*conllu.Sentence) (DepScore, error) {
	var sc DepScore
	if len(gold) != len(sys) {
		return sc, fmt.Errorf("eval: gold has %d sentences, system %d", len(gold), len(sys))
	}
	for i, g := range gold {
		s := sys[i]
		if g.Len() != s.Len() {
			return sc, fmt.Errorf("eval: sentence %d (gold line %d): gold has %d words, system %d", i+1, g.StartLine, g.Len(), s.Len())
		}
		sc.Sentences++
		for j := 0; j < g.Len(); j++ {
			gw, sw := g.Word(j), s.Word(j)
			if gw.Cols[conllu.Form] != sw.Cols[conllu.Form] {
				return sc, fmt.Errorf("eval: sentence %d (gold line %d) word %d: gold %q, system %q", i+1, g.StartLine, j+1, gw.Cols[conllu.Form], sw.Cols[conllu.Form])
			}
			sc.Words++
			if gw.Cols[conllu.UPOS] == sw.Cols[conllu.UPOS] {
				sc.UPOS++
			}
			if gw.Cols[conllu.Head] == sw.Cols[conllu.Head] {
				sc.UAS++
				if universal(gw.Cols[conllu.Deprel]) == universal(sw.Cols[conllu.Deprel]) {
					sc.LAS++
				}
			}
		}
	}
	return sc, nil
}

func universal(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		return rel[:i]
	}
	return rel
}
