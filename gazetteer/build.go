package gazetteer

import (
	"github.com/entente-nlp/entente/internal/textnorm"
	"strings"
)

// stopSurnames are family names that are also common words, months or
// first names; they are not matched alone in text (Lookup still knows the
// full names). A data file can force one with an explicit surname alias.
var stopSurnames = map[string]bool{
	"may": true, "brown": true, "rice": true, "bush": true, "kim": true, "lee": true, "li": true,
	"wang": true, "park": true, "moon": true, "march": true, "young": true, "king": true, "hill": true,
	"major": true, "power": true, "green": true, "white": true, "black": true, "long": true, "little": true,
	"rich": true, "hope": true, "love": true, "price": true, "gates": true, "sharif": true, "khan": true,
	"ali": true, "hassan": true, "ahmed": true, "mohammed": true, "singh": true, "zhang": true, "liu": true,
	"chen": true, "yang": true, "wu": true, "xu": true, "sun": true, "ma": true, "hu": true, "lin": true,
	"fox": true, "hunt": true, "bishop": true, "cohen": true, "gallant": true, "borne": true, "salam": true,
	"al": true, "bin": true, "ibn": true, "de": true, "van": true, "von": true, "jr": true, "ii": true,
}

// surnamesOf derives the family names of a person's canonical name: the
// last word, and for an Arabic article prefix ("al-Assad") also the bare
// name ("Assad").
func surnamesOf(name string) []string {
	words := strings.Fields(name)
	if len(words) < 2 {
		return nil
	}
	last := strings.TrimSuffix(words[len(words)-1], ".")
	out := []string{last}
	low := strings.ToLower(last)
	for _, p := range []string{"al-", "el-", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-"} {
		if strings.HasPrefix(low, p) && len(last) > len(p)+2 {
			out = append(out, last[len(p):])
		}
	}
	return out
}

// build freezes the set into a Gazetteer: derived surnames, the matcher and
// the lookup indexes.
func (s *entrySet) build() (*Gazetteer, error) {
	g := &Gazetteer{
		entries: s.entries,
		byID:    make(map[string]*Entry, len(s.entries)),
		index:   make(map[string]int32, len(s.entries)),
		names:   make(map[string][]nameRef, len(s.entries)*4),
		acros:   map[string][]int32{},
		given:   make(map[string]bool, len(s.given)+len(s.entries)),
		holders: map[string][]int32{},
	}
	for _, n := range s.given {
		g.given[textnorm.Fold(n)] = true
	}
	for i, e := range s.entries {
		if err := e.validate(); err != nil {
			return nil, err
		}
		g.byID[e.ID] = e
		g.index[e.ID] = int32(i)
		for _, r := range e.Roles {
			k := textnorm.Fold(r.Title) + "|" + r.Of
			if l := g.holders[k]; len(l) == 0 || l[len(l)-1] != int32(i) {
				g.holders[k] = append(l, int32(i))
			}
		}
		if e.Kind == KindPerson && !familyNameFirst(e) {
			if w := strings.Fields(e.Name); len(w) > 1 {
				g.given[textnorm.Fold(w[0])] = true
			}
		}
	}
	// Derived surnames, after the given names are known.
	for _, e := range s.entries {
		if e.Kind != KindPerson {
			continue
		}
		explicit := false
		for _, a := range e.Aliases {
			explicit = explicit || a.Form == FormSurname
		}
		if explicit {
			continue
		}
		for _, sn := range surnamesOf(e.Name) {
			f := textnorm.Fold(sn)
			if len(f) < 3 || stopSurnames[f] || g.given[f] || hasAlias(e, sn) {
				continue
			}
			e.Aliases = append(e.Aliases, Alias{Text: sn, Form: FormSurname})
		}
	}
	tb := newTrieBuilder()
	for i, e := range s.entries {
		seen := map[string]int{}
		for _, a := range e.AllNames() {
			key := textnorm.Fold(a.Text)
			if key == "" {
				continue
			}
			if _, dup := seen[key+"\x00"+a.Form]; !dup {
				g.names[key] = append(g.names[key], nameRef{entry: int32(i), text: a.Text, form: a.Form})
			}
			if _, dup := seen[key]; dup || a.Form == FormCode || !isWordByte(key[0]) {
				seen[key+"\x00"+a.Form] = 1
				continue
			}
			seen[key] = 1
			seen[key+"\x00"+a.Form] = 1
			exact, caps := aliasCase(a.Text, a.Form)
			tb.add(key, payload{entry: int32(i), form: a.Form, exactCase: exact, caps: caps, text: a.Text})
			g.aliases++
		}
		if e.Kind == KindOrg || e.Kind == KindRegion || e.Kind == KindCountry {
			if ac := acronymOf(e.Name); ac != "" {
				g.acros[ac] = append(g.acros[ac], int32(i))
			}
			for _, a := range e.Aliases {
				if a.Form == FormAlias {
					if ac := acronymOf(a.Text); ac != "" && ac != acronymOf(e.Name) {
						g.acros[ac] = append(g.acros[ac], int32(i))
					}
				}
			}
		}
	}
	g.fuzzy = newFuzzyIndex(g.names)
	g.nodes = len(tb.edges)
	g.m = tb.build(func(a, b payload) bool {
		if ra, rb := formRank[a.form], formRank[b.form]; ra != rb {
			return ra < rb
		}
		ka, kb := kindRank[s.entries[a.entry].Kind], kindRank[s.entries[b.entry].Kind]
		if ka != kb {
			return ka < kb
		}
		return a.entry < b.entry
	}, g.idOf)
	return g, nil
}

// acronymWords are skipped when forming an acronym.
var acronymWords = map[string]bool{"of": true, "the": true, "and": true, "for": true, "on": true, "in": true, "de": true, "la": true, "&": true}

// acronymOf returns the folded initials of a multi-word name ("International
// Syria Support Group" → "issg"), or "" for names of fewer than 3 words.
func acronymOf(name string) string {
	words := strings.Fields(textnorm.Fold(name))
	var b strings.Builder
	for _, w := range words {
		if acronymWords[w] || !isWordByte(w[0]) {
			continue
		}
		b.WriteByte(w[0])
	}
	if b.Len() < 3 {
		return ""
	}
	return b.String()
}

// familyNameFirstCountries write the family name first (Xi Jinping, Kim
// Jong-un).
var familyNameFirstCountries = map[string]bool{"CN": true, "TW": true, "KR": true, "KP": true, "VN": true}

// familyNameFirst reports whether a person's name starts with the family
// name: from such a country, or with an explicit surname that is the first
// word or the whole name.
func familyNameFirst(e *Entry) bool {
	if familyNameFirstCountries[e.Country] {
		return true
	}
	words := strings.Fields(textnorm.Fold(e.Name))
	for _, a := range e.Aliases {
		if a.Form == FormSurname {
			if f := textnorm.Fold(a.Text); len(words) > 0 && (f == words[0] || f == textnorm.Fold(e.Name)) {
				return true
			}
		}
	}
	return false
}
