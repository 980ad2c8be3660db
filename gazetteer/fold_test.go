package gazetteer

import "testing"

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
