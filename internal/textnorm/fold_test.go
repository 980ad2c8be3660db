package textnorm

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Mevlüt Çavuşoğlu", "mevlut cavusoglu"},
		{"Mevlüt ÇAVUŞOĞLU", "mevlut cavusoglu"},
		{"Fikri Işık", "fikri isik"},
		{"İstanbul", "istanbul"},
		{"Straße", "strasse"},
		{"Łódź", "lodz"},
		{"São Paulo", "sao paulo"},
		{"C\u0327avus\u0327og\u0306lu", "cavusoglu"}, // decomposed input
		{"Москва", "москва"},
		{"  Recep \n Tayyip ", "recep tayyip"},
		{"  Middle \n\t East  ", "middle east"},
		{"Russia’s", "russia's"},
		{"NATO", "nato"},
		{"U.S.", "u.s."},
		// Dashes and underscores are word breaks.
		{"Nur-Sultan", "nur sultan"},
		{"Jabhat al-Nusra", "jabhat al nusra"},
		{"US–Russia talks", "us russia talks"},
		{"snake_case", "snake case"},
		{"a - b", "a b"},
		// Other punctuation breaks names; a blank line too.
		{"Yahoo!", "yahoo\x01"},
		{"«Putin»", "\x01putin\x01"},
		{"Moscow\n\nTehran", "moscow\x01tehran"},
		{"AT&T (U.K.), 1/2+", "at&t (u.k.), 1/2+"},
		{"soft\u00adhyphen", "softhyphen"},
		{"\xff", "\x01"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Jabhat al-Nusra":                      "jabhat-al-nusra",
		"Centre for Research on Globalization": "centre-for-research-on-globalization",
		"  U.S. ":                              "u-s",
		"Erdoğan":                              "erdogan",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWordShape(t *testing.T) {
	if !IsUpperWord("U.S.") || IsUpperWord("A") || IsUpperWord("Nato") {
		t.Error("IsUpperWord")
	}
	if !IsCapitalized("Çavuşoğlu") || IsCapitalized("al-Assad") {
		t.Error("IsCapitalized")
	}
}

// TestFoldFastPath checks that Fold returns its argument unchanged exactly
// when folding leaves it unchanged: on all single bytes and pairs, and the
// words and lines of the reference article.
func TestFoldFastPath(t *testing.T) {
	var ins []string
	for c := 0; c < utf8.RuneSelf; c++ {
		ins = append(ins, string(rune(c)))
		for d := 0; d < utf8.RuneSelf; d += 3 {
			ins = append(ins, string(rune(c))+string(rune(d)), " "+string(rune(c))+"\t"+string(rune(d))+" ")
		}
	}
	ins = append(ins, "", " ", "  ", "a b", "a  b", " a", "a ", "Vladimir  Putin", "U.S.\n", "x\r\ny", "al-Nusra")
	b, err := os.ReadFile("../../testdata/moscow-declaration.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		ins = append(ins, line, line+"\n")
		ins = append(ins, strings.Fields(line)...)
	}
	fast := 0
	for _, in := range ins {
		if folded(in) {
			fast++
		}
		if got, want := folded(in), slowFold(in) == in; got != want {
			t.Errorf("folded(%q) = %v, but the general path gives %q", in, got, slowFold(in))
		}
	}
	if fast < 1000 {
		t.Errorf("only %d inputs took the fast path", fast)
	}
}

// slowFold is Fold without the fast path.
func slowFold(s string) string {
	b, _ := FoldMap(s, nil, nil, false)
	return strings.TrimSpace(string(b))
}

// TestFoldMapOffsets checks that the breakpoints map every folded byte to
// the start of the source rune it came from.
func TestFoldMapOffsets(t *testing.T) {
	s := "  Mevlüt Çavuşoğlu — the ß-man,\n\n«İstanbul»\u00ad x"
	text, bps := FoldMap(s, nil, nil, true)
	if got := strings.TrimSpace(string(text)); got != Fold(s) {
		t.Fatalf("FoldMap text %q, Fold %q", got, Fold(s))
	}
	for k := range text {
		lo := 0
		for lo < len(bps) && int(bps[lo].Folded) <= k {
			lo++
		}
		b := bps[lo-1]
		o := int(b.Orig) + k - int(b.Folded)
		if !utf8.RuneStart(s[o]) {
			t.Fatalf("folded byte %d maps to %d, inside a rune", k, o)
		}
		r, _ := utf8.DecodeRuneInString(s[o:])
		if f := foldRune(r); !strings.Contains(f, string(text[k])) && text[k] != Sep {
			t.Errorf("folded byte %d %q maps to %q", k, text[k], r)
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Çavuşoğlu", "Işık", "ß", "  a\n\tb ", "\xff\xfe", "C\u0327", "Vladimir  Putin ", "\tNATO\n", "a\vb\fc", "Moscow's", "a\n\nb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once := Fold(s)
		if twice := Fold(once); twice != once {
			t.Fatalf("Fold not idempotent: %q → %q → %q", s, once, twice)
		}
		if strings.Contains(once, "  ") {
			t.Fatalf("Fold(%q) = %q keeps a double space", s, once)
		}
		if slow := slowFold(s); slow != once {
			t.Fatalf("Fold(%q) = %q, general path %q", s, once, slow)
		}
	})
}

func collapseInputs() []string {
	ins := []string{"", " ", "a", " a", "a ", "a  b", "a\tb", "a\u00a0b", "a\u0085b", "\u2003x\u2003", "a\xffb  \xfe", "x\u3000y", "Vladimir Putin", " Russia\n\n Turkey "}
	for c := 0; c < utf8.RuneSelf; c++ {
		for d := 0; d < utf8.RuneSelf; d += 9 {
			ins = append(ins, string(rune(c))+string(rune(d)), "a"+string(rune(c))+string(rune(d))+"b", string(rune(d))+"a"+string(rune(c)))
		}
	}
	return ins
}

func TestCollapseSpace(t *testing.T) {
	for _, s := range collapseInputs() {
		if got, want := CollapseSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("CollapseSpace(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzCollapseSpace(f *testing.F) {
	for _, s := range collapseInputs()[:14] {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := CollapseSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("CollapseSpace(%q) = %q, want %q", s, got, want)
		}
	})
}
