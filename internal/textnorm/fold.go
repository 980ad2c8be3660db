package textnorm

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Sep is the folded form of a character that is neither part of a word,
// nor white space, nor one of the punctuation marks that folding keeps
// (quotes, colons, brackets other than parentheses, symbols, invalid bytes).
// No name contains it, so it breaks a match wherever it stands.
const Sep = 0x01

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
// diacritics for letters, a space for spaces, dashes and underscores, the
// rune itself for the kept punctuation, and Sep for anything else.
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
		return string(rune(Sep))
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
	return string(rune(Sep))
}

// foldRune returns the folded form of r.
func foldRune(r rune) string {
	if r >= 0 && r < foldTableSize {
		return foldTable[r]
	}
	return foldRuneSlow(r)
}

// Fold returns s folded for comparing and matching names, the one folding
// rule of entente (the gazetteer's matcher folds text and aliases with it
// too, through FoldMap):
//
//   - letters lose case and diacritics: "Çavuşoğlu" → "cavusoglu", dotless
//     ı and İ → i, ß → ss, æ → ae, ø → o, ł → l, þ → th, …;
//   - white space, dashes of every kind (- – — and the rest of Unicode's
//     Pd) and underscores are word breaks: a run of them becomes one space,
//     and leading and trailing ones are dropped ("al-Nusra" → "al nusra");
//     a run holding a blank line becomes Sep instead, which no name
//     crosses;
//   - typographic apostrophes become "'" ("Russia’s" → "russia's"), and
//     the punctuation . ' & ( ) , / + is kept;
//   - every other character (quotes, colons, symbols, invalid bytes)
//     becomes Sep; soft hyphens and combining marks disappear.
//
// Two names that Fold to the same string are the same name.
func Fold(s string) string {
	if folded(s) {
		return s
	}
	var buf [64]byte // names are short: fold them without a heap buffer
	b, _ := FoldMap(s, buf[:0], nil, false)
	return strings.TrimSpace(string(b))
}

// folded reports whether s is ASCII and already folded: every byte folds
// to itself and spaces are single and inside.
func folded(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || asciiFold[c] != c {
			return false
		}
		if c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ') {
			return false
		}
	}
	return true
}

// Breakpoint maps a folded text back to its source: folded byte Folded came
// from source byte Orig, and the folded bytes after it, up to the next
// breakpoint, come one to one from the source bytes after Orig.
type Breakpoint struct{ Folded, Orig int32 }

// FoldMap folds s by the rule of Fold into dst (reusing its storage) and
// returns it, without the final trim: a single trailing space may remain.
// When withOffsets is true it also records in bps (reused likewise) the
// breakpoints mapping every folded byte back to the start of the source
// rune that produced it. The gazetteer's matcher folds text with it.
func FoldMap(s string, dst []byte, bps []Breakpoint, withOffsets bool) ([]byte, []Breakpoint) {
	text := dst[:0]
	bps = bps[:0]
	if cap(text) < len(s) {
		text = make([]byte, 0, len(s)+len(s)/8)
	}
	// next is the source offset that the next folded byte would map to
	// without a new breakpoint.
	next := -1
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
						text[len(text)-1] = Sep
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
				bps = append(bps, Breakpoint{Folded: int32(len(text)), Orig: int32(i)})
			}
			text = append(text, fc)
			next = i + 1
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		var t string
		if r == utf8.RuneError && size == 1 {
			t = string(rune(Sep))
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
			// every byte of an expansion maps to the rune start
			if withOffsets && i != next {
				bps = append(bps, Breakpoint{Folded: int32(len(text)), Orig: int32(i)})
			}
			text = append(text, fc)
			next = i + 1
		}
		i += size
	}
	return text, bps
}

// Slug returns the folded form of s with every run of characters other than
// letters and digits replaced by one hyphen: "Jabhat al-Nusra" →
// "jabhat-al-nusra". Entity ids of unlinked entities use it.
func Slug(s string) string {
	f := Fold(s)
	var b strings.Builder
	dash := false
	for _, r := range f {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}

// CollapseSpace returns s with runs of white space replaced by one space and
// trimmed: strings.Join(strings.Fields(s), " "), in one pass, and s itself
// when nothing changes.
func CollapseSpace(s string) string {
	if collapsedSpace(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	space := false // a space is due before the next field
	for i := 0; i < len(s); {
		c := s[i]
		size, isSpace := 1, false
		if c < utf8.RuneSelf {
			isSpace = asciiSpace(c)
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			isSpace = unicode.IsSpace(r)
		}
		if isSpace {
			space = len(b) > 0
		} else {
			if space {
				b = append(b, ' ')
				space = false
			}
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return string(b)
}

// collapsedSpace reports whether CollapseSpace leaves s as it is: its only
// white space is single ' ' between other characters.
func collapsedSpace(s string) bool {
	prevSpace := true // at the start a space is a leading one
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' {
				if prevSpace {
					return false
				}
				prevSpace = true
			} else if asciiSpace(c) {
				return false
			} else {
				prevSpace = false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return false
		}
		prevSpace = false
		i += size
	}
	return !prevSpace || s == ""
}

// asciiSpace is unicode.IsSpace for an ASCII byte.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// IsUpperWord reports whether w has at least two letters and all of them
// are upper case ("NATO", "U.S.").
func IsUpperWord(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// IsCapitalized reports whether w starts with an upper-case letter.
func IsCapitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
