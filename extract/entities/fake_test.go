package entities

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// fakeGaz is a tiny gazetteer for tests: exact, case-sensitive surface forms
// matched at word boundaries, leftmost-longest.
type fakeGaz struct {
	names   map[string][2]string // surface → {form, id}
	entries map[string]GazEntry
	given   map[string]bool
}

func newFakeGaz() *fakeGaz {
	g := &fakeGaz{names: map[string][2]string{}, entries: map[string]GazEntry{}, given: map[string]bool{}}
	country := func(iso, name string, aliases ...string) {
		id := "country:" + iso
		g.entries[id] = GazEntry{ID: id, Type: "COUNTRY", Name: name, Attrs: map[string]string{"iso": iso}}
		g.names[name] = [2]string{"name", id}
		for _, a := range aliases {
			form := "alias"
			if strings.HasSuffix(a, "n") || strings.HasSuffix(a, "sh") || strings.HasSuffix(a, "h") {
				form = "demonym"
			}
			g.names[a] = [2]string{form, id}
		}
	}
	country("RU", "Russia", "Russian")
	country("TR", "Turkey", "Turkish")
	country("IR", "Iran", "Iranian")
	country("SY", "Syria", "Syrian", "SYRIA")
	country("US", "United States", "US", "U.S.")
	country("KZ", "Kazakhstan", "Kazakh")
	city := func(id, name, cc, capital string) {
		g.entries[id] = GazEntry{ID: id, Type: "LOCATION", Name: name, Country: cc, CapitalOf: capital}
		g.names[name] = [2]string{"name", id}
	}
	city("city:moscow", "Moscow", "country:RU", "country:RU")
	city("city:ankara", "Ankara", "country:TR", "country:TR")
	city("city:tehran", "Tehran", "country:IR", "country:IR")
	city("city:aleppo", "Aleppo", "country:SY", "")
	org := func(id, name string, aliases ...string) {
		g.entries[id] = GazEntry{ID: id, Type: "ORGANIZATION", Name: name}
		g.names[name] = [2]string{"name", id}
		for _, a := range aliases {
			g.names[a] = [2]string{"alias", id}
		}
	}
	org("org:nato", "NATO")
	org("org:islamic-state", "Islamic State", "ISIS", "Daesh")
	org("org:un", "United Nations", "UN")
	org("org:global-research", "Centre for Research on Globalization", "Global Research")
	g.entries["person:vladimir-putin"] = GazEntry{ID: "person:vladimir-putin", Type: "PERSON", Name: "Vladimir Putin", Country: "country:RU"}
	g.names["Vladimir Putin"] = [2]string{"name", "person:vladimir-putin"}
	for _, n := range []string{"Andrei", "Dmitry", "Sergey", "Vladimir", "Mohammad", "John", "Nursultan"} {
		g.given[n] = true
	}
	return g
}

func (g *fakeGaz) Match(text string) []GazMatch {
	var out []GazMatch
	keys := make([]string, 0, len(g.names))
	for k := range g.names {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return len(keys[i]) > len(keys[j]) })
	taken := make([]bool, len(text))
	for _, k := range keys {
		for off := 0; ; {
			i := strings.Index(text[off:], k)
			if i < 0 {
				break
			}
			a, b := off+i, off+i+len(k)
			off = b
			if !boundary(text, a, b) {
				continue
			}
			free := true
			for x := a; x < b; x++ {
				free = free && !taken[x]
			}
			if !free {
				continue
			}
			for x := a; x < b; x++ {
				taken[x] = true
			}
			v := g.names[k]
			out = append(out, GazMatch{Start: a, End: b, Form: v[0], IDs: []string{v[1]}})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

func boundary(text string, a, b int) bool {
	if a > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:a])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if b < len(text) {
		r, _ := utf8.DecodeRuneInString(text[b:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func (g *fakeGaz) Entry(id string) (GazEntry, bool) { e, ok := g.entries[id]; return e, ok }
func (g *fakeGaz) IsGivenName(w string) bool        { return g.given[w] }
