package pipeline

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/entente-nlp/entente/internal/textnorm"
)

// specWord is Word by its documented definition, rune by rune.
func specWord(w string) Word {
	var shape strings.Builder
	var last rune
	run := 0
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
	f := Analyzed
	r, _ := utf8.DecodeRuneInString(w)
	set := func(ok bool, g WordFlags) {
		if ok {
			f |= g
		}
	}
	set(textnorm.IsCapitalized(w), Capitalized)
	set(w != "" && unicode.IsLower(r), LowerInitial)
	set(textnorm.IsUpperWord(w), AllCaps)
	set(strings.ContainsFunc(w, unicode.IsLetter), HasLetter)
	set(strings.ContainsFunc(w, unicode.IsLower), HasLower)
	set(strings.ContainsFunc(w, unicode.IsDigit), HasDigit)
	set(w != "" && !strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }), Punct)
	return Word{Lower: strings.ToLower(w), Fold: textnorm.Fold(w), Shape: shape.String(), Flags: f}
}

func wordInputs(t testing.TB) []string {
	ins := []string{"", "Putin", "NATO", "U.S.", "al-Assad", "1,500", "Çavuşoğlu", "ÇAVUŞOĞLU", "İstanbul", "Москва",
		"«ready", "cooperate»", "’s", "'s", "--", "...", "$", "S-300", "mid-2016", "e-mail", "_x_", "a\xffb", "\xff",
		"ǅ", "ǅungla", "ª", "Ⅻ", "x²", "١٢٣", "AAAAAAaaaaaa111111", "O'Brien", "AT&T", "Yahoo!", "\"Quote\"", "A", "a", "B2B"}
	for c := 0; c < utf8.RuneSelf; c++ {
		ins = append(ins, string(rune(c)))
		for d := 0; d < utf8.RuneSelf; d += 5 {
			ins = append(ins, string(rune(c))+string(rune(d)), "A"+string(rune(c))+"b"+string(rune(d)))
		}
	}
	b, err := os.ReadFile("../testdata/moscow-declaration.md")
	if err != nil {
		t.Fatal(err)
	}
	ins = append(ins, strings.Fields(string(b))...)
	return ins
}

func TestAnalyzeWordMatchesDefinition(t *testing.T) {
	for _, w := range wordInputs(t) {
		if got, want := AnalyzeWord(w), specWord(w); got != want {
			t.Errorf("AnalyzeWord(%q) = %+v, want %+v", w, got, want)
		}
	}
}

func FuzzAnalyzeWord(f *testing.F) {
	for _, s := range []string{"Putin", "U.S.", "Çavuşoğlu", "a\xffb", "al-Assad", "1,500"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := AnalyzeWord(w), specWord(w); got != want {
			t.Errorf("AnalyzeWord(%q) = %+v, want %+v", w, got, want)
		}
	})
}

// analyzedDoc is a document whose tokens are the white-space separated
// words of text, analyzed.
func analyzedDoc(text string) *Document {
	d := &Document{ID: "x", Text: text, Sentences: []Sentence{{Span{0, len(text)}}}}
	start := -1
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == ' ' || text[i] == '\n' {
			if start >= 0 {
				d.Tokens = append(d.Tokens, Token{Span: Span{start, i}, Tag: "NN"})
			}
			start = -1
		} else if start < 0 {
			start = i
		}
	}
	d.Tokens = append(d.Tokens, Token{Span: Span{-1, 3}}, Token{Span: Span{2, len(text) + 1}}) // out of range
	d.AnalyzeTokens()
	return d
}

func TestAnalyzeTokens(t *testing.T) {
	d := analyzedDoc("Russia’s President Vladimir Putin met NATO and U.S. envoys in Moscow on 20 December; «ready» said Çavuşoğlu")
	for _, tk := range d.Tokens {
		if want := specWord(d.Slice(tk.Span)); tk.Word != want {
			t.Errorf("token %q: %+v, want %+v", d.Slice(tk.Span), tk.Word, want)
		}
	}
	// Filled tokens are left alone.
	d.Tokens[0].Lower = "kept"
	d.AnalyzeTokens()
	if d.Tokens[0].Lower != "kept" {
		t.Error("AnalyzeTokens redid an analyzed token")
	}
}

// TestTokenWordJSONRoundTrip: Words are not serialized, and AnalyzeTokens
// gives the decoded document the same tokens.
func TestTokenWordJSONRoundTrip(t *testing.T) {
	d := analyzedDoc("The SCO met in Astana. Lavrov, Zarif and Mevlüt Çavuşoğlu spoke.")
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "Lower") || strings.Contains(string(b), "Shape") {
		t.Errorf("Word serialized: %s", b)
	}
	var back Document
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.Tokens[0].Flags != 0 {
		t.Errorf("decoded token has flags %v before AnalyzeTokens", back.Tokens[0].Flags)
	}
	back.AnalyzeTokens()
	if !reflect.DeepEqual(d, &back) {
		t.Errorf("round trip differs:\n got %+v\nwant %+v", back.Tokens, d.Tokens)
	}
}

func BenchmarkAnalyzeTokens(b *testing.B) {
	src, err := os.ReadFile("../testdata/moscow-declaration.md")
	if err != nil {
		b.Fatal(err)
	}
	d := analyzedDoc(string(src))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		for i := range d.Tokens {
			d.Tokens[i].Word = Word{}
		}
		d.AnalyzeTokens()
	}
}
