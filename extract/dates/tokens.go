package dates

import (
	"unicode"
	"unicode/utf8"
)

// tokKind classifies a token.
type tokKind uint8

const (
	tWord tokKind = iota + 1
	tNum
	tPunct
)

// token is one word, digit run or punctuation rune of the text.
type token struct {
	start, end int
	kind       tokKind
	// low is the lower-cased word, the digits, or the punctuation rune.
	low string
	// num is the value of a digit run of at most 9 digits, else -1.
	num int
	// upper is true when a word starts with an upper-case letter.
	upper bool
}

// tokenizeInto appends the tokens of text to toks. Letters and digits form
// separate runs ("15th" is 15 and "th"); every other non-space rune is a
// token of its own.
func tokenizeInto(toks []token, text string) []token {
	lower := lowerASCII(text) // one copy; words are slices of it
	i := 0
	for i < len(text) {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c >= '0' && c <= '9':
			j := i
			n := 0
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				if j-i < 9 {
					n = n*10 + int(text[j]-'0')
				}
				j++
			}
			if j-i > 9 {
				n = -1
			}
			toks = append(toks, token{start: i, end: j, kind: tNum, low: text[i:j], num: n})
			i = j
		case c < utf8.RuneSelf:
			if isASCIILetter(c) {
				j := i
				for j < len(text) && j-i < 64 && isASCIILetter(text[j]) {
					j++
				}
				if j < len(text) && text[j] >= utf8.RuneSelf {
					// A word with non-ASCII letters: not a date word; take
					// the whole run.
					j = wordEnd(text, j)
				}
				w := text[i:j]
				low := lower[i:j]
				if j > i && text[j-1] >= utf8.RuneSelf {
					low = w // non-ASCII letters keep their case
				}
				toks = append(toks, token{start: i, end: j, kind: tWord, low: low, num: -1, upper: c >= 'A' && c <= 'Z'})
				i = j
				continue
			}
			toks = append(toks, token{start: i, end: i + 1, kind: tPunct, low: text[i : i+1], num: -1})
			i++
		default:
			r, size := utf8.DecodeRuneInString(text[i:])
			switch {
			case unicode.IsLetter(r):
				j := wordEnd(text, i)
				toks = append(toks, token{start: i, end: j, kind: tWord, low: text[i:j], num: -1, upper: unicode.IsUpper(r)})
				i = j
			case unicode.IsSpace(r):
				i += size
			default:
				toks = append(toks, token{start: i, end: i + size, kind: tPunct, low: text[i : i+size], num: -1})
				i += size
			}
		}
	}
	return toks
}

// wordEnd returns the end of the letter run that contains offset i.
func wordEnd(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		if !unicode.IsLetter(r) {
			return i
		}
		i += size
	}
	return i
}

func isASCIILetter(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }

// lowerASCII lower-cases the ASCII letters of s, leaving every other byte
// as it is (so offsets into s and the result agree). It does not allocate
// when s has no upper-case ASCII letter.
func lowerASCII(s string) string {
	i := 0
	for i < len(s) && !(s[i] >= 'A' && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if b[i] >= 'A' && b[i] <= 'Z' {
			b[i] += 'a' - 'A'
		}
	}
	return string(b)
}
