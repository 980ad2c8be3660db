package charset

import (
	"testing"
	"unicode/utf8"
)

func TestDecode(t *testing.T) {
	cases := []struct {
		name, src, want, charset string
		html, ok                 bool
	}{
		{"utf-8", "Çavuşoğlu", "Çavuşoğlu", "", false, true},
		{"windows-1252 declared", "<meta charset=\"windows-1252\"><p>Caf\xe9 \x93quoted\x94</p>", "<meta charset=\"windows-1252\"><p>Café “quoted”</p>", "windows-1252", true, true},
		{"latin-1 via content-type", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>Mu\xf1oz</p>", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>Muñoz</p>", "windows-1252", true, true},
		{"shift_jis", "<meta charset=\"shift_jis\"><p>\x93\xfa\x96\x7b</p>", "<meta charset=\"shift_jis\"><p>日本</p>", "shift_jis", true, true},
		{"gb2312", "<meta charset=\"gb2312\"><p>\xd6\xd0\xb9\xfa</p>", "<meta charset=\"gb2312\"><p>中国</p>", "gbk", true, true},
		{"utf-16le bom", "\xff\xfeh\x00i\x00", "hi", "utf-16le", false, true},
		{"utf-16be bom", "\xfe\xff\x00h\x00i", "hi", "utf-16be", false, true},
		{"html declaring nothing", "<p>Caf\xe9</p>", "<p>Café</p>", "windows-1252", true, true},
		{"text declaring nothing", "Caf\xe9", "Caf\xe9", "", false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, ok := Decode([]byte(c.src), c.html)
			if ok != c.ok || string(d.Text) != c.want || d.Charset != c.charset {
				t.Fatalf("Decode = %q %q %v, want %q %q %v", d.Text, d.Charset, ok, c.want, c.charset, c.ok)
			}
			if d.Pos == nil {
				return
			}
			if len(d.Pos) != len(d.Text)+1 || d.Pos[len(d.Text)] != len(c.src) {
				t.Fatalf("Pos has %d entries ending %d, want %d ending %d", len(d.Pos), d.Pos[len(d.Pos)-1], len(d.Text)+1, len(c.src))
			}
			for i := 1; i < len(d.Pos); i++ {
				if d.Pos[i] < d.Pos[i-1] {
					t.Fatalf("Pos not monotonic at %d", i)
				}
			}
			// Every ASCII byte maps to the same ASCII byte in the original
			// (UTF-16 aside, where it is one of two).
			for i := 0; i < len(d.Text); i++ {
				if d.Text[i] < utf8.RuneSelf && d.Charset[:3] != "utf" && c.src[d.Pos[i]] != d.Text[i] {
					t.Fatalf("byte %d %q maps to %q", i, d.Text[i], c.src[d.Pos[i]])
				}
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("<meta charset=\"shift_jis\"><p>\x93\xfa\x96\x7b</p>"))
	f.Add([]byte("\xff\xfeh\x00i\x00"))
	f.Fuzz(func(t *testing.T, src []byte) {
		d, _ := Decode(src, true)
		if d.Pos != nil && (len(d.Pos) != len(d.Text)+1 || d.Pos[len(d.Text)] != len(src)) {
			t.Fatalf("bad Pos")
		}
		if d.Charset != "" && !utf8.Valid(d.Text) {
			t.Fatalf("decoded text is not UTF-8")
		}
	})
}
