package textnorm

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Mevlüt Çavuşoğlu":   "mevlut cavusoglu",
		"Fikri Işık":         "fikri isik",
		"  Recep \n Tayyip ": "recep tayyip",
		"Russia’s":           "russia's",
		"NATO":               "nato",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
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

// TestFoldASCIIMatchesUnicode checks the ASCII fast path against the
// general one on every byte sequence it takes: all single bytes and pairs,
// and the words and lines of the reference article.
func TestFoldASCIIMatchesUnicode(t *testing.T) {
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
	n := 0
	for _, in := range ins {
		got, ok := foldASCII(in)
		if !ok {
			continue
		}
		n++
		if want := foldUnicode(in); got != want {
			t.Errorf("foldASCII(%q) = %q, foldUnicode = %q", in, got, want)
		}
	}
	if n < 10000 {
		t.Errorf("only %d ASCII inputs checked", n)
	}
}

func FuzzFoldASCIIMatchesUnicode(f *testing.F) {
	for _, s := range []string{"Vladimir  Putin ", "\tNATO\n", "a\vb\fc", "Moscow's"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, ok := foldASCII(s); ok {
			if want := foldUnicode(s); got != want {
				t.Errorf("foldASCII(%q) = %q, foldUnicode = %q", s, got, want)
			}
		}
	})
}
