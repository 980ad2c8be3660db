package pipeline

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/entente-nlp/entente/internal/textnorm"
)

// Word holds what the text of one token says on its own: its lower-case and
// folded forms, its shape and its case and character classes. The nlp stage
// fills it once per token (Document.AnalyzeTokens) and the stages after it
// read it instead of lower-casing and classifying every token again.
//
// Word is derived from Document.Text and the token's Span, so it is not
// serialized: AnalyzeTokens derives it again for tokens decoded from JSON
// or built by hand.
type Word struct {
	// Lower is the text lower-cased: strings.ToLower.
	Lower string
	// Fold is the text folded: textnorm.Fold, the rule every name
	// comparison uses (case and diacritics removed, dashes as spaces).
	Fold string
	// Shape maps upper-case letters to X, other letters to x, digits to d
	// and keeps every other rune, with runs of one class cut at four:
	// "Putin" → "Xxxxx", "1,500" → "d,ddd", "U.S." → "X.X.".
	Shape string
	// Flags are the token's case and character classes.
	Flags WordFlags
}

// WordFlags are facts about a token's text (Word.Flags).
type WordFlags uint16

const (
	// Analyzed marks a Word that AnalyzeWord filled; every other flag is
	// meaningful only with it.
	Analyzed WordFlags = 1 << iota
	// Capitalized: the first rune is an upper-case letter ("Putin", "NATO").
	Capitalized
	// LowerInitial: the first rune is a lower-case letter ("al-Assad").
	LowerInitial
	// AllCaps: at least two letters, all of them upper case ("NATO",
	// "U.S."; textnorm.IsUpperWord).
	AllCaps
	// HasLetter: at least one letter.
	HasLetter
	// HasLower: at least one lower-case letter.
	HasLower
	// HasDigit: at least one digit.
	HasDigit
	// Punct: neither a letter nor a digit anywhere (",", "—", "$", "...").
	Punct
)

// Has reports whether every flag of g is set in f.
func (f WordFlags) Has(g WordFlags) bool { return f&g == g }

// AnalyzeWord derives the Word of a token's text.
func AnalyzeWord(w string) Word {
	var a wordAnalyzer
	return a.word(w, "")
}

// AnalyzeTokens fills the Word of every token that lacks one (its Flags
// do not have Analyzed) from d.Text. The nlp stage calls it when it makes
// the tokens; a stage that reads Words calls it first, so that tokens
// decoded from JSON or built by hand read the same. When every token is
// filled it only checks their flags.
func (d *Document) AnalyzeTokens() {
	var a *wordAnalyzer
	for i := range d.Tokens {
		t := &d.Tokens[i]
		if t.Flags&Analyzed != 0 {
			continue
		}
		if a == nil {
			a = &wordAnalyzer{lowered: lowerASCII(d.Text)}
		}
		w, lw := "", ""
		if t.Start >= 0 && t.Start <= t.End && t.End <= len(d.Text) {
			w, lw = d.Text[t.Start:t.End], a.lowered[t.Start:t.End]
		}
		t.Word = a.word(w, lw)
	}
}

// wordAnalyzer derives Words, sharing memory between them: the lower-case
// forms of ASCII tokens are slices of one lower-cased copy of the text, and
// equal shapes are one string.
type wordAnalyzer struct {
	// lowered is the text with its ASCII letters lower-cased.
	lowered string
	// shapes caches recent shapes by a hash of their bytes.
	shapes [64]string
}

// word returns the Word of w; lw, when not empty, is w with its ASCII
// letters lower-cased.
func (a *wordAnalyzer) word(w, lw string) Word {
	var buf [32]byte
	shape := buf[:0]
	f := Analyzed
	ascii := true
	// Shape runs are counted by class byte; only ASCII runes are counted
	// here, and a word with any other rune is redone by slowWord.
	var last byte
	run := 0
	h := uint(0)     // hash of shape, for intern
	foldSame := true // folding changes nothing but case
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		k := c
		switch {
		case 'A' <= c && c <= 'Z':
			k = 'X'
			f |= HasLetter
			if i == 0 {
				f |= Capitalized
			}
		case 'a' <= c && c <= 'z':
			k = 'x'
			f |= HasLetter | HasLower
			if i == 0 {
				f |= LowerInitial
			}
		case '0' <= c && c <= '9':
			k = 'd'
			f |= HasDigit
		default:
			// textnorm.Fold keeps these and changes every other byte.
			if !(c == '.' || c == '\'' || c == '&' || c == '(' || c == ')' || c == ',' || c == '/' || c == '+') {
				foldSame = false
			}
		}
		if k == last {
			run++
		} else {
			run = 1
		}
		if run <= 4 {
			shape = append(shape, k)
			h = h*31 + uint(k)
		}
		last = k
	}
	if !ascii {
		return slowWord(w)
	}
	if f&HasLetter != 0 && f&HasLower == 0 && letters(w) >= 2 {
		f |= AllCaps
	}
	if f&(HasLetter|HasDigit) == 0 && len(w) > 0 {
		f |= Punct
	}
	if lw == "" {
		lw = lowerASCII(w)
	}
	fold := lw
	if !foldSame {
		fold = textnorm.Fold(w)
	}
	return Word{Lower: lw, Fold: fold, Shape: a.intern(shape, h), Flags: f}
}

// intern returns shape as a string, reusing the string of an equal shape
// met recently; h is a hash of shape.
func (a *wordAnalyzer) intern(shape []byte, h uint) string {
	c := &a.shapes[(h^h>>6)%uint(len(a.shapes))]
	if *c != string(shape) {
		*c = string(shape)
	}
	return *c
}

// letters counts the ASCII letters of w.
func letters(w string) int {
	n := 0
	for i := 0; i < len(w); i++ {
		if c := w[i] | 0x20; 'a' <= c && c <= 'z' {
			n++
		}
	}
	return n
}

// slowWord is the Word of any w, by the unicode package's classes.
func slowWord(w string) Word {
	f := Analyzed
	var shape strings.Builder
	var last rune
	run, nLetters, nUpper := 0, 0, 0
	first := true
	for _, r := range w {
		c := r
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case unicode.IsLetter(r):
			c = 'x'
		}
		if unicode.IsLetter(r) {
			f |= HasLetter
			nLetters++
			if unicode.IsUpper(r) {
				nUpper++
			}
		}
		if unicode.IsLower(r) {
			f |= HasLower
		}
		if unicode.IsDigit(r) {
			f |= HasDigit
		}
		if first {
			if unicode.IsUpper(r) {
				f |= Capitalized
			}
			if unicode.IsLower(r) {
				f |= LowerInitial
			}
			first = false
		}
		if c == last {
			run++
		} else {
			run = 1
		}
		if run <= 4 {
			shape.WriteRune(c)
		}
		last = c
	}
	if nLetters >= 2 && nUpper == nLetters {
		f |= AllCaps
	}
	if f&(HasLetter|HasDigit) == 0 && w != "" {
		f |= Punct
	}
	return Word{Lower: strings.ToLower(w), Fold: textnorm.Fold(w), Shape: shape.String(), Flags: f}
}

// lowerASCII returns s with its ASCII letters lower-cased and every other
// byte as it is, so that offsets into s and the result agree; s itself when
// it has no upper-case ASCII letter.
func lowerASCII(s string) string {
	i := 0
	for i < len(s) && !('A' <= s[i] && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if c := b[i]; 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
