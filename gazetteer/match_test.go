package gazetteer

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func mustDefault(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// found renders matches as "text=id" for compact comparison.
func found(ms []Match) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Text+"="+m.IDs[0])
	}
	return out
}

func TestMatch(t *testing.T) {
	g := mustDefault(t)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"plain", "Russia and Iran", []string{"Russia=country:RU", "Iran=country:IR"}},
		{"possessive", "Syria's crisis and Russia’s role", []string{"Syria=country:SY", "Russia=country:RU"}},
		{"word boundary", "Iranians in Ira and Irani", []string{"Iranians=country:IR"}},
		{"no match inside words", "Omani Syrianness Chinatown", []string{"Omani=country:OM"}},
		{"short caps only upper", "Let us go; it is the US and the UN", []string{"US=country:US", "UN=org:un"}},
		{"IS upper only", "IS fighters said this is it", []string{"IS=org:islamic-state"}},
		{"dotted acronym", "the U.S.-led strikes", []string{"U.S.=country:US"}},
		{"lower case common word", "a turkey for dinner in china", nil},
		{"all caps text", "IN-DEPTH REPORT: SYRIA", []string{"SYRIA=country:SY"}},
		{"capitalized words must match", "the Turkish armed forces", []string{"Turkish=country:TR"}},
		{"longest wins", "the Shanghai Cooperation Organization met in Shanghai", []string{"Shanghai Cooperation Organization=org:sco", "Shanghai=city:shanghai"}},
		{"diacritics", "Mevlüt Çavuşoğlu and Cavusoglu", []string{"Mevlüt Çavuşoğlu=person:mevlut-cavusoglu", "Cavusoglu=person:mevlut-cavusoglu"}},
		{"line break inside name", "the Middle\nEast", []string{"Middle\nEast=region:middle-east"}},
		{"blank line ends a name", "the Middle\n \r\nEast", nil},
		{"hyphen variants", "Jabhat al‑Nusra and Nur-Sultan", []string{"Jabhat al‑Nusra=org:jabhat-al-nusra", "Nur-Sultan=city:astana"}},
		{"surname", "Lavrov met Zarif", []string{"Lavrov=person:sergey-lavrov", "Zarif=person:mohammad-javad-zarif"}},
		{"arabic article surname", "Assad and al-Assad", []string{"Assad=person:bashar-al-assad", "al-Assad=person:bashar-al-assad"}},
		{"metonym", "the Kremlin said", []string{"Kremlin=country:RU"}},
		{"short names need their case", "Pope Pius XI met Xi", []string{"Xi=person:xi-jinping"}},
		{"demonym of the sovereign country", "American and French and Dutch", []string{"American=country:US", "French=country:FR", "Dutch=country:NL"}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := found(g.Match(tt.text))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Match(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestMatchOffsets(t *testing.T) {
	g := mustDefault(t)
	text := "«Çavuşoğlu» told Erdoğan’s aides in İstanbul."
	for _, m := range g.Match(text) {
		if text[m.Start:m.End] != m.Text {
			t.Errorf("match %+v: text[%d:%d] = %q", m, m.Start, m.End, text[m.Start:m.End])
		}
	}
	got := found(g.Match(text))
	want := []string{"Çavuşoğlu=person:mevlut-cavusoglu", "Erdoğan=person:recep-tayyip-erdogan", "İstanbul=city:istanbul"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestMatchAmbiguous(t *testing.T) {
	g := mustDefault(t)
	ms := g.Match("Georgia")
	if len(ms) != 1 || len(ms[0].IDs) < 2 {
		t.Fatalf("Georgia: want one ambiguous match, got %+v", ms)
	}
	if ms[0].IDs[0] != "country:GE" || !slices.Contains(ms[0].IDs, "region:georgia-us") {
		t.Errorf("Georgia ids = %v", ms[0].IDs)
	}
	ms = g.Match("Washington")
	if len(ms) != 1 || !slices.Contains(ms[0].IDs, "city:washington") || !slices.Contains(ms[0].IDs, "country:US") {
		t.Errorf("Washington ids = %+v", ms)
	}
}

func TestDisambiguate(t *testing.T) {
	g := mustDefault(t)
	ids := []string{"country:GE", "region:georgia-us"}
	tests := []struct {
		name    string
		context []string
		want    string
		decided bool
	}{
		{"us context", []string{"city:atlanta", "country:US", "person:donald-trump"}, "region:georgia-us", true},
		{"caucasus context", []string{"city:tbilisi", "country:RU", "region:abkhazia"}, "country:GE", true},
		{"no context", nil, "country:GE", false},
	}
	for _, tt := range tests {
		got, ok := g.Disambiguate(ids, tt.context)
		if got != tt.want || ok != tt.decided {
			t.Errorf("%s: Disambiguate = %s, %v; want %s, %v", tt.name, got, ok, tt.want, tt.decided)
		}
	}
}

func TestDisambiguateAt(t *testing.T) {
	g := mustDefault(t)
	ms := g.Match("Clinton said")
	if len(ms) != 1 || !slices.Contains(ms[0].IDs, "person:bill-clinton") || !slices.Contains(ms[0].IDs, "person:hillary-clinton") {
		t.Fatalf("Clinton: %+v", ms)
	}
	if id, ok := g.DisambiguateAt(ms[0].IDs, nil, "1996-05-01"); id != "person:bill-clinton" || !ok {
		t.Errorf("Clinton in 1996 = %s, %v", id, ok)
	}
	if id, ok := g.DisambiguateAt(ms[0].IDs, nil, "2010-05-01"); id != "person:hillary-clinton" || !ok {
		t.Errorf("Clinton in 2010 = %s, %v", id, ok)
	}
	if id, ok := g.DisambiguateAt(ms[0].IDs, nil, "2030-01-01"); ok {
		t.Errorf("Clinton in 2030 decided %s", id)
	}
}

func FuzzMatch(f *testing.F) {
	g := mustDefault(f)
	for _, s := range []string{"Syria's Russia", "US us IS is", "Çavuşoğlu\xff\xfe", "C\u0327a", "Middle\n\nEast", "U.S.A.", "\x00\x01ISIS"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		// Rune boundaries as decoding sees them: an invalid byte is a rune.
		boundary := map[int]bool{len(text): true}
		for i := range text {
			boundary[i] = true
		}
		last := 0
		for _, m := range g.Match(text) {
			if m.Start < last || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("bad span %d-%d (previous end %d, len %d)", m.Start, m.End, last, len(text))
			}
			if !boundary[m.Start] || !boundary[m.End] || !utf8.ValidString(m.Text) && utf8.ValidString(text) {
				t.Fatalf("span %d-%d not on rune boundaries in %q", m.Start, m.End, text)
			}
			if m.Text != text[m.Start:m.End] || len(m.IDs) == 0 {
				t.Fatalf("bad match %+v", m)
			}
			last = m.End
		}
	})
}

func TestMatchHugeAndBinary(t *testing.T) {
	g := mustDefault(t)
	text := strings.Repeat("\x00\xff Russia ", 10000)
	if n := len(g.Match(text)); n != 10000 {
		t.Errorf("got %d matches, want 10000", n)
	}
}

func TestMatchConcurrent(t *testing.T) {
	g := mustDefault(t)
	text := "Lavrov met Çavuşoğlu and Zarif in Moscow; NATO and the US watched Syria's war."
	want := found(g.Match(text))
	done := make(chan []string)
	for i := 0; i < 8; i++ {
		go func() { done <- found(g.Match(text)) }()
	}
	for i := 0; i < 8; i++ {
		if got := <-done; !reflect.DeepEqual(got, want) {
			t.Errorf("concurrent Match = %q, want %q", got, want)
		}
	}
}
