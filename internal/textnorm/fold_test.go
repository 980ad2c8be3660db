package textnorm

import "testing"

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
