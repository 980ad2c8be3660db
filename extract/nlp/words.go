package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/token"
)

// proseTokens appends to out the tokens prose v3's default tokenizer
// (tokenize.New()) makes of text, with offsets shifted by base. It gives
// the same tokens as prose's, several times faster: prose tests each
// word against a regular expression and scans it for every contraction
// ending at each step; proseTokens tests the same rules by hand and looks
// for contractions only in words with an apostrophe.
//
// prose's rules, applied to each run of non-space runes: a word that is an
// emoticon or an abbreviation ("U.S.", "Mr.") is one token; otherwise a
// leading prefix mark is split off, then the word is cut before its
// earliest contraction ending ("do|n't", "they|'ll"), then a trailing
// suffix mark is split off, again and again until none applies.
func proseTokens(text string, base int, out []token.Token) []token.Token {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				i++
				continue
			}
		} else if r, n := utf8.DecodeRuneInString(text[i:]); unicode.IsSpace(r) {
			i += n
			continue
		}
		j := i + 1
		for j < len(text) {
			c := text[j]
			if c < utf8.RuneSelf {
				if asciiSpace[c] {
					break
				}
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		out = splitWord(text[i:j], base+i, out)
		i = j
	}
	return out
}

// asciiSpace marks the ASCII bytes unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// splitWord appends the tokens of one word (a non-empty run of non-space
// runes starting at byte base), by prose's rules (see proseTokens).
func splitWord(w string, base int, out []token.Token) []token.Token {
	// Suffixes come off the end, so they are kept in reverse and appended
	// after the rest of the word.
	var sufArr [8]token.Token
	suffixes := sufArr[:0]
	for w != "" {
		if keepWhole(w) {
			out = append(out, token.Token{Text: w, Start: base})
			break
		}
		if p := prefixLen(w); p > 0 {
			out = append(out, token.Token{Text: w[:p], Start: base})
			w, base = w[p:], base+p
			continue
		}
		if i := contraction(w); i > 0 {
			out = append(out, token.Token{Text: w[:i], Start: base})
			w, base = w[i:], base+i
			continue
		}
		if s := suffixLen(w); s > 0 {
			cut := len(w) - s
			suffixes = append(suffixes, token.Token{Text: w[cut:], Start: base + cut})
			w = w[:cut]
			continue
		}
		out = append(out, token.Token{Text: w, Start: base})
		break
	}
	for i := len(suffixes) - 1; i >= 0; i-- {
		out = append(out, suffixes[i])
	}
	return out
}

// maxEmoticon is the length in bytes of the longest emoticon.
var maxEmoticon = func() int {
	n := 0
	for e := range emoticons {
		n = max(n, len(e))
	}
	return n
}()

// keepWhole reports whether prose keeps w as one token: an emoticon, or an
// abbreviation matching ^(?:[A-Za-z]\.){2,}$ or ^[A-Z][a-z]{1,2}\.$.
func keepWhole(w string) bool {
	if len(w) <= maxEmoticon && emoticons[w] {
		return true
	}
	if len(w) < 3 || w[len(w)-1] != '.' {
		return false
	}
	if n := len(w); (n == 3 || n == 4) && 'A' <= w[0] && w[0] <= 'Z' && isLowerASCII(w[1]) && isLowerASCII(w[n-2]) {
		return true
	}
	if len(w)%2 != 0 || len(w) < 4 {
		return false
	}
	for i := 0; i < len(w); i += 2 {
		if c := w[i] | 0x20; c < 'a' || c > 'z' || w[i+1] != '.' {
			return false
		}
	}
	return true
}

func isLowerASCII(c byte) bool { return 'a' <= c && c <= 'z' }

// prefixLen returns the length of the mark prose splits off the front of w
// ($ ( " [ “ ‘), or 0; a word that is only the mark keeps it.
func prefixLen(w string) int {
	n := 0
	switch w[0] {
	case '$', '(', '"', '[':
		n = 1
	case 0xE2:
		if strings.HasPrefix(w, "“") || strings.HasPrefix(w, "‘") {
			n = 3
		}
	}
	if len(w) > n {
		return n
	}
	return 0
}

// suffixLen returns the length of the mark prose splits off the end of w
// (, ) " ] ! ; . ? : ' ” ’), or 0; a word that is only the mark keeps it.
func suffixLen(w string) int {
	n := 0
	switch w[len(w)-1] {
	case ',', ')', '"', ']', '!', ';', '.', '?', ':', '\'':
		n = 1
	case 0x9D, 0x99:
		if strings.HasSuffix(w, "”") || strings.HasSuffix(w, "’") {
			n = 3
		}
	}
	if len(w) > n {
		return n
	}
	return 0
}

// contractionEndings are prose's split cases, in its order.
var contractionEndings = [...]string{
	"'ll", "'s", "'re", "'m", "n't",
	"’ll", "’s", "’re", "’m", "n’t",
}

// contraction returns where prose cuts w before a contraction ending: the
// least of the first positions of each ending (ASCII case ignored) that
// are not at the start of w; -1 when there is none.
func contraction(w string) int {
	if strings.IndexByte(w, '\'') < 0 && !strings.Contains(w, "’") {
		return -1 // every ending has an apostrophe
	}
	best := -1
	for _, e := range contractionEndings {
		if i := indexFoldASCII(w, e); i > 0 && (best < 0 || i < best) {
			best = i
		}
	}
	return best
}

// indexFoldASCII returns the first position of e in w, ASCII letters
// compared without case, or -1.
func indexFoldASCII(w, e string) int {
	for i := 0; i+len(e) <= len(w); i++ {
		if equalFoldASCII(w[i:i+len(e)], e) {
			return i
		}
	}
	return -1
}

// equalFoldASCII reports whether a and b, of equal length, are equal with
// ASCII letters compared without case.
func equalFoldASCII(a, b string) bool {
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
