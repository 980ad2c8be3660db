package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// sepByte stands for a rune that is neither part of a word nor one of the
// punctuation marks kept by folding (quotes, brackets, symbols, invalid
// bytes). It never occurs in a folded alias, so it always breaks a match.
const sepByte = 0x01

// foldTableSize bounds the runes folded through the precomputed table; runes
// above it are folded on the fly.
const foldTableSize = 0x0530

// foldTable holds the folded form of every rune below foldTableSize.
var foldTable = buildFoldTable()

// asciiFold is the one-byte folded form of every ASCII byte.
var asciiFold = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		t[c] = foldTable[c][0]
	}
	return t
}()

// special maps runes whose folded form is not their NFD base letter.
var special = map[rune]string{
	'ı': "i", 'İ': "i", 'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe",
	'ø': "o", 'Ø': "o", 'đ': "d", 'Đ': "d", 'ł': "l", 'Ł': "l", 'þ': "th", 'Þ': "th",
	'ð': "d", 'Ð': "d", 'ħ': "h", 'Ħ': "h", 'ŧ': "t", 'Ŧ': "t", 'ŀ': "l", 'Ŀ': "l",
	'ĸ': "k", 'ŉ': "n", 'ſ': "s", 'ƒ': "f",
	'\u00a0': " ", '\u00ad': "", // no-break space; soft hyphen
	'\u2018': "'", '\u2019': "'", '\u02bc': "'", '\u02bf': "'", '\u02be': "'", '`': "'", '\u00b4': "'",
}

func buildFoldTable() []string {
	t := make([]string, foldTableSize)
	for r := rune(0); r < foldTableSize; r++ {
		t[r] = foldRuneSlow(r)
	}
	return t
}

// foldRuneSlow computes the folded form of one rune: lower case without
// diacritics for letters, a space for spaces and dashes, and sepByte for
// anything else that is not kept punctuation.
func foldRuneSlow(r rune) string {
	if s, ok := special[r]; ok {
		return s
	}
	switch {
	case r < utf8.RuneSelf:
		c := byte(r)
		switch {
		case 'A' <= c && c <= 'Z':
			return string(c + 'a' - 'A')
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			return string(c)
		case c == ' ', c == '\t', c == '\n', c == '\r', c == '\f', c == '\v', c == '-', c == '_':
			return " "
		case c == '.', c == '\'', c == '&', c == '(', c == ')', c == ',', c == '/', c == '+':
			return string(c)
		}
		return string(rune(sepByte))
	case unicode.IsSpace(r), unicode.Is(unicode.Pd, r):
		return " "
	case unicode.Is(unicode.Mn, r):
		return ""
	case unicode.IsLetter(r), unicode.IsDigit(r):
		var b strings.Builder
		for _, d := range norm.NFD.String(string(unicode.ToLower(r))) {
			if unicode.Is(unicode.Mn, d) {
				continue
			}
			if s, ok := special[d]; ok {
				b.WriteString(s)
				continue
			}
			b.WriteRune(unicode.ToLower(d))
		}
		return b.String()
	}
	return string(rune(sepByte))
}

// foldRune returns the folded form of r.
func foldRune(r rune) string {
	if r >= 0 && r < foldTableSize {
		return foldTable[r]
	}
	return foldRuneSlow(r)
}

// Fold returns s folded for matching: lower case, diacritics removed
// (Çavuşoğlu → cavusoglu, dotless ı → i, ß → ss), dashes, underscores and
// runs of white space collapsed to one space (a run holding a blank line
// becomes a separator that no name crosses), typographic apostrophes made
// ASCII, and leading and trailing space trimmed. Two names that Fold to the
// same string are the same name for the gazetteer.
func Fold(s string) string {
	b, _ := foldBytes(s, nil, false)
	return strings.TrimSpace(string(b))
}

// folded is a folded text with a sparse map back to the original: each
// breakpoint says that folded byte f came from original byte o, and the
// folded bytes after it, up to the next breakpoint, map one to one.
type folded struct {
	text []byte
	bps  []breakpoint
}

type breakpoint struct{ f, o int32 }

// origAt returns the original byte offset of the rune that produced folded
// byte k.
func (f *folded) origAt(k int) int {
	lo, hi := 0, len(f.bps)
	for lo < hi {
		mid := (lo + hi) / 2
		if int(f.bps[mid].f) <= k {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	b := f.bps[lo-1]
	return int(b.o) + k - int(b.f)
}

// foldBytes folds s into f (reusing its buffers). When withOffsets is true
// it also records the breakpoints mapping folded bytes back to s. Runs of
// spaces collapse to one and leading spaces are dropped.
func foldBytes(s string, f *folded, withOffsets bool) ([]byte, []breakpoint) {
	if f == nil {
		f = new(folded)
	}
	text, bps := f.text[:0], f.bps[:0]
	if cap(text) < len(s) {
		text = make([]byte, 0, len(s)+len(s)/8)
	}
	// next is the original offset that the next folded byte would map to
	// without a new breakpoint.
	next := -1
	emit := func(c byte, o int) {
		if withOffsets && o != next {
			bps = append(bps, breakpoint{f: int32(len(text)), o: int32(o)})
		}
		text = append(text, c)
		next = o + 1
	}
	space := true // suppress leading spaces and collapse runs
	newlines := 0 // newlines in the current run of spaces
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			fc := asciiFold[c]
			if fc == ' ' {
				// A blank line (two newlines in one run of spaces) ends
				// any name: the run's space becomes a separator.
				if c == '\n' {
					if newlines++; newlines == 2 && space && len(text) > 0 && text[len(text)-1] == ' ' {
						text[len(text)-1] = sepByte
					}
				}
				if space {
					i++
					continue
				}
				space = true
			} else {
				space = false
				newlines = 0
			}
			if withOffsets && i != next {
				bps = append(bps, breakpoint{f: int32(len(text)), o: int32(i)})
			}
			text = append(text, fc)
			next = i + 1
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		var t string
		if r == utf8.RuneError && size == 1 {
			t = string(rune(sepByte))
		} else {
			t = foldRune(r)
		}
		for j := 0; j < len(t); j++ {
			fc := t[j]
			if fc == ' ' {
				if space {
					continue
				}
				space = true
			} else {
				space = false
				newlines = 0
			}
			emit(fc, i) // every byte of an expansion maps to the rune start
		}
		i += size
	}
	f.text, f.bps = text, bps
	return text, bps
}

// isWordByte reports whether a folded byte belongs to a word: ASCII letters
// and digits, and any byte of a non-ASCII letter that folding kept.
func isWordByte(c byte) bool {
	return ('a' <= c && c <= 'z') || ('0' <= c && c <= '9') || c >= utf8.RuneSelf
}
