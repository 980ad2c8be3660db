package eval

import (
	"strings"
	"testing"

	"github.com/entente-nlp/entente/extract/depparse/conllu"
)

func sentences(t *testing.T, s string) []*conllu.Sentence {
	t.Helper()
	out, err := conllu.ReadAll(strings.NewReader(strings.ReplaceAll(s, " ", "\t")), "test")
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestScoreConlluLikeTheCoNLL2018Script(t *testing.T) {
	gold := sentences(t, "1 They _ PRON _ _ 2 nsubj:pass _ _\n2 left _ VERB _ _ 0 root _ _\n3 . _ PUNCT _ _ 2 punct _ _\n")
	// Subtype differs (LAS ignores it), UPOS wrong on "left", punctuation
	// attached to the wrong head (counted: every word counts).
	sys := sentences(t, "1 They _ PRON _ _ 2 nsubj _ _\n2 left _ NOUN _ _ 0 root _ _\n3 . _ PUNCT _ _ 1 punct _ _\n")
	sc, err := ScoreConllu(gold, sys)
	if err != nil {
		t.Fatal(err)
	}
	if sc.Words != 3 || sc.UPOS != 2 || sc.UAS != 2 || sc.LAS != 2 {
		t.Errorf("score %+v, want 3 words, UPOS 2, UAS 2, LAS 2", sc)
	}
	other := sentences(t, "1 They _ PRON _ _ 2 nsubj _ _\n2 went _ VERB _ _ 0 root _ _\n3 . _ PUNCT _ _ 2 punct _ _\n")
	if _, err := ScoreConllu(gold, other); err == nil || !strings.Contains(err.Error(), `word 2: gold "left", system "went"`) {
		t.Errorf("different words: %v", err)
	}
	if _, err := ScoreConllu(gold, nil); err == nil {
		t.Error("different sentence counts accepted")
	}
}
