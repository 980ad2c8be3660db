package textnorm

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// special maps letters that do not decompose into a base letter and a mark.
var special = map[rune]string{
	'ı': "i", 'İ': "i", 'ø': "o", 'Ø': "o", 'ß': "ss", 'đ': "d", 'Đ': "d", 'ł': "l", 'Ł': "l",
	'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'þ': "th", 'ð': "d",
	'’': "'", '‘': "'", '‐': "-", '‑': "-", '–': "-", '—': "-",
}

// Fold returns s lower-cased, with diacritics removed, typographic quotes
// and dashes made plain, and runs of white space collapsed to one space.
// "Mevlüt Çavuşoğlu" folds to "mevlut cavusoglu".
func Fold(s string) string {
	if f, ok := foldASCII(s); ok {
		return f
	}
	return foldUnicode(s)
}

// foldASCII is Fold for pure ASCII s (ok false otherwise), where
// decomposition, marks and the special letters play no part; it returns s
// itself when s is already folded.
func foldASCII(s string) (string, bool) {
	folded := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return "", false
		case 'A' <= c && c <= 'Z':
			folded = false
		case asciiSpace(c):
			if c != ' ' || i == 0 || i == len(s)-1 || asciiSpace(s[i+1]) {
				folded = false
			}
		}
	}
	if folded {
		return s, true
	}
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if asciiSpace(c) {
			space = len(b) > 0
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return string(b), true
}

// asciiSpace is unicode.IsSpace for an ASCII byte.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// foldUnicode is Fold for any s.
func foldUnicode(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if rep, ok := special[r]; ok {
			b.WriteString(rep)
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
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
// trimmed.
func CollapseSpace(s string) string {
	if !strings.ContainsFunc(s, unicode.IsSpace) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
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
