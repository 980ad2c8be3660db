package parse

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/entente-nlp/entente/extract/depparse/conllu"
	"github.com/entente-nlp/entente/pipeline"
)

// Conllu returns d's sentences as CoNLL-U: one sentence per entry of
// d.Sentences that has tokens, with "# sent_id = <id>-<n>" and "# text"
// comments, FORM from the text, UPOS, XPOS (the Penn tag), HEAD and
// DEPREL from the parse ("_" for a sentence that was not parsed), and
// SpaceAfter=No where the next token follows without a space.
func Conllu(d *pipeline.Document) []*conllu.Sentence {
	var out []*conllu.Sentence
	for si := range d.Sentences {
		lo, hi := d.SentenceTokens(si)
		if lo == hi {
			continue
		}
		s := &conllu.Sentence{}
		text := strings.Join(strings.Fields(d.Text[d.Tokens[lo].Start:d.Tokens[hi-1].End]), " ")
		s.Lines = append(s.Lines,
			conllu.Line{Kind: conllu.Comment, Text: fmt.Sprintf("# sent_id = %s-%d", d.ID, len(out)+1)},
			conllu.Line{Kind: conllu.Comment, Text: "# text = " + text})
		for i := lo; i < hi; i++ {
			t := &d.Tokens[i]
			form := strings.Map(func(r rune) rune {
				if r == '\t' || r == '\n' || r == '\r' {
					return ' '
				}
				return r
			}, d.Text[t.Start:t.End])
			l := conllu.Line{Kind: conllu.Word}
			l.Cols = [conllu.NumCols]string{strconv.Itoa(i - lo + 1), form, "_", "_", orUnderscore(t.Tag), "_", "_", "_", "_", "_"}
			if t.Parsed() {
				l.Cols[conllu.UPOS] = t.UPOS
				l.Cols[conllu.Head] = "0"
				if t.Head >= lo && t.Head < hi {
					l.Cols[conllu.Head] = strconv.Itoa(t.Head - lo + 1)
				}
				l.Cols[conllu.Deprel] = t.Dep
			}
			if i+1 < hi && d.Tokens[i+1].Start == t.End {
				l.Cols[conllu.Misc] = "SpaceAfter=No"
			}
			s.Words = append(s.Words, len(s.Lines))
			s.Lines = append(s.Lines, l)
		}
		out = append(out, s)
	}
	return out
}

func orUnderscore(s string) string {
	if s == "" {
		return "_"
	}
	return s
}
