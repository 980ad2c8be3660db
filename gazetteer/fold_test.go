package gazetteer

import (
	"strings"
	"testing"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Çavuşoğlu", "cavusoglu"},
		{"Mevlüt ÇAVUŞOĞLU", "mevlut cavusoglu"},
		{"Işık", "isik"},
		{"İstanbul", "istanbul"},
		{"Erdoğan", "erdogan"},
		{"Türkiye", "turkiye"},
		{"Straße", "strasse"},
		{"Nur-Sultan", "nur sultan"},
		{"  Middle \n\t East  ", "middle east"},
		{"Russia’s", "russia's"},
		{"U.S.", "u.s."},
		{"São Paulo", "sao paulo"},
		{"Łódź", "lodz"},
		{"C\u0327avus\u0327og\u0306lu", "cavusoglu"}, // decomposed input
		{"Москва", "москва"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Bashar al-Assad", "bashar-al-assad"},
		{"Mevlüt Çavuşoğlu", "mevlut-cavusoglu"},
		{"People's Protection Units", "peoples-protection-units"},
		{"  U.S.  ", "u-s"},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestJaroWinkler(t *testing.T) {
	if jw := JaroWinkler("martha", "marhta"); jw < 0.96 || jw > 0.97 {
		t.Errorf("JaroWinkler(martha, marhta) = %.4f, want 0.9611", jw)
	}
	if jw := JaroWinkler("abc", "xyz"); jw != 0 {
		t.Errorf("JaroWinkler(abc, xyz) = %v, want 0", jw)
	}
	if jw := JaroWinkler("lavrov", "lavrov"); jw != 1 {
		t.Errorf("identical strings: %v", jw)
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Çavuşoğlu", "Işık", "ß", "  a\n\tb ", "\xff\xfe", "C\u0327"} {
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
	})
}
