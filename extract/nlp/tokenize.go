package nlp

import (
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/token"
)

// prose's tokenizer peels punctuation off a word one character at a time
// and tests the whole remaining word (a regular expression, a scan for
// contractions) at each step, so a word with a run of thousands of
// punctuation marks ("......", "[[[[[[") takes time quadratic in the run:
// 10,000 dots take seconds. tokenizeText hands such words to it in pieces.

const (
	// longRun is the shortest run of punctuation split out of a long
	// word: no word of ordinary prose has eight of them in a row.
	longRun = 8
	// shortWord is the longest word always given to prose whole: its
	// quadratic cost is then bounded.
	shortWord = 64
	// runPiece is the largest piece of a long run given to prose at once.
	runPiece = 16
)

// tokenizeText tokenizes text as prose's tokenizer does (proseTokens), except that a word
// longer than shortWord bytes is cut around each run of longRun or more
// punctuation marks (those prose splits off words), and the runs into
// pieces of at most runPiece bytes, each tokenized alone. Offsets stay
// those of text. Text without such a word (all ordinary prose) gets
// exactly prose's tokens; the cost of a word is linear in its length.
func tokenizeText(text string) []token.Token {
	return appendTokens(make([]token.Token, 0, len(text)/4+2), text)
}

// appendTokens appends the tokens of text (tokenizeText) to out.
func appendTokens(out []token.Token, text string) []token.Token {
	if !hasLongWordRun(text) {
		return proseTokens(text, 0, out)
	}
	add := func(a, b int) { out = proseTokens(text[a:b], a, out) }
	for a := 0; a < len(text); {
		r, n := utf8.DecodeRuneInString(text[a:])
		if unicode.IsSpace(r) {
			a += n
			continue
		}
		b := wordEnd(text, a)
		if b-a <= shortWord {
			add(a, b)
		} else {
			cutRuns(text, a, b, add)
		}
		a = b
	}
	return out
}

// wordEnd returns the end of the word (run of non-space runes) at a.
func wordEnd(text string, a int) int {
	for a < len(text) {
		r, n := utf8.DecodeRuneInString(text[a:])
		if unicode.IsSpace(r) {
			break
		}
		a += n
	}
	return a
}

// cutRuns calls add for the pieces of the word text[a:b]: the stretches
// between long runs of punctuation, and each long run in pieces of at most
// runPiece bytes.
func cutRuns(text string, a, b int, add func(a, b int)) {
	from := a // start of the stretch not yet added
	for i := a; i < b; {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !affix(r) {
			i += n
			continue
		}
		j, count := i, 0
		for j < b {
			r, n := utf8.DecodeRuneInString(text[j:])
			if !affix(r) {
				break
			}
			j += n
			count++
		}
		if count < longRun {
			i = j
			continue
		}
		if from < i {
			add(from, i)
		}
		for p := i; p < j; {
			q := p
			for q < j && q-p < runPiece {
				_, n := utf8.DecodeRuneInString(text[q:])
				q += n
			}
			add(p, q)
			p = q
		}
		from, i = j, j
	}
	if from < b {
		add(from, b)
	}
}

// hasLongWordRun reports whether text holds a word longer than shortWord
// bytes with a run of longRun punctuation marks: the words tokenizeText
// cuts.
func hasLongWordRun(text string) bool {
	run, start, found := 0, 0, false
	for i, r := range text {
		if unicode.IsSpace(r) {
			if found && i-start > shortWord {
				return true
			}
			run, start, found = 0, i+utf8.RuneLen(r), false
			continue
		}
		if affix(r) {
			if run++; run >= longRun {
				found = true
			}
		} else {
			run = 0
		}
	}
	return found && len(text)-start > shortWord
}

// affix reports whether prose's tokenizer splits r off the front or the
// end of a word (its default prefixes and suffixes).
func affix(r rune) bool {
	switch r {
	case '$', '(', '"', '[', ',', ')', ']', '!', ';', '.', '?', ':', '\'',
		'“', '‘', '”', '’':
		return true
	}
	return false
}
