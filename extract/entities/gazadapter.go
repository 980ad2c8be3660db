package entities

import (
	"github.com/entente-nlp/entente/entity"
	"github.com/entente-nlp/entente/gazetteer"
	"github.com/entente-nlp/entente/internal/textnorm"
)

// FromGazetteer adapts package gazetteer's matcher to the stage. It works
// out once which cities are capitals that stand for their country (an
// entry's CapitalOf, or a country's metonym alias naming one of its cities),
// so that "Moscow" stays a city in "talks in Moscow" and becomes Russia in
// "Moscow's ambassador".
func FromGazetteer(g *gazetteer.Gazetteer) Gazetteer {
	a := &gazAdapter{g: g, capitalOf: map[string]string{}, attrs: map[string]map[string]string{}}
	entries := g.Entries()
	cities := map[string]string{} // folded name|country code → city id
	for _, e := range entries {
		if m := entryAttrs(e); m != nil {
			a.attrs[e.ID] = m
		}
		if e.Kind == gazetteer.KindCity {
			cities[textnorm.Fold(e.Name)+"|"+e.Country] = e.ID
			if e.CapitalOf != "" {
				a.capitalOf[e.ID] = e.CapitalOf
			}
		}
	}
	for _, e := range entries {
		if e.Kind != gazetteer.KindCountry {
			continue
		}
		for _, al := range e.Aliases {
			if al.Form == gazetteer.FormMetonym {
				if id, ok := cities[textnorm.Fold(al.Text)+"|"+e.Country]; ok {
					a.capitalOf[id] = e.ID
				}
			}
		}
	}
	return a
}

type gazAdapter struct {
	g         *gazetteer.Gazetteer
	capitalOf map[string]string
	// attrs holds each entry's GazEntry.Attrs (entryAttrs), made once and
	// shared read-only.
	attrs map[string]map[string]string
}

var _ Gazetteer = (*gazAdapter)(nil)

// Match returns the gazetteer's matches. A capital's country, proposed as
// a second reading of the capital's name, is left to the stage's metonymy
// rule.
func (a *gazAdapter) Match(text string) []GazMatch {
	ms := a.g.Match(text)
	out := make([]GazMatch, 0, len(ms))
	for _, m := range ms {
		ids := m.IDs
		if len(ids) > 1 {
			if c, ok := a.capitalOf[ids[0]]; ok {
				kept := make([]string, 0, len(ids))
				for _, id := range ids {
					if id != c {
						kept = append(kept, id)
					}
				}
				ids = kept
			}
		}
		out = append(out, GazMatch{Start: m.Start, End: m.End, Form: m.Form, IDs: ids, AllIDs: m.IDs})
	}
	return out
}

// Entry returns the entry's facts. Its Attrs are shared: callers copy
// them before changing them.
func (a *gazAdapter) Entry(id string) (GazEntry, bool) {
	e, ok := a.g.Get(id)
	if !ok {
		return GazEntry{}, false
	}
	ge := GazEntry{ID: e.ID, Type: e.Type, Name: e.Name, CapitalOf: a.capitalOf[e.ID]}
	if e.Country != "" && e.Kind != gazetteer.KindCountry {
		ge.Country = string(entity.CountryID(e.Country))
	}
	if e.Country != "" && e.Kind == gazetteer.KindCountry || e.OrgType != "" {
		ge.Attrs = a.attrs[e.ID]
		if ge.Attrs == nil { // an entry added after the adapter was made
			ge.Attrs = entryAttrs(e)
		}
	}
	return ge, true
}

// entryAttrs returns the Attrs of e's GazEntry: a country's ISO code and
// an organization's type; nil when it has none.
func entryAttrs(e *gazetteer.Entry) map[string]string {
	var m map[string]string
	if e.Country != "" && e.Kind == gazetteer.KindCountry {
		m = map[string]string{entity.AttrISO: e.Country}
	}
	if e.OrgType != "" {
		if m == nil {
			m = map[string]string{}
		}
		m[entity.AttrOrgType] = e.OrgType
	}
	return m
}

// IsGivenName reports whether w is a common given name.
func (a *gazAdapter) IsGivenName(w string) bool { return a.g.IsGivenName(w) }

// Disambiguate picks among ids using the document's other entity ids.
func (a *gazAdapter) Disambiguate(ids, context []string) (string, bool) {
	return a.g.Disambiguate(ids, context)
}

// Reconcile links a name that no gazetteer match covered (a chunk typed by
// a rule or a model): a misspelling, an unlisted variant, a title-prefixed
// form. It returns the entry id when linked.
func (a *gazAdapter) Reconcile(name, typ string, context []string, date string) (string, float64, string, bool) {
	l := a.g.Reconcile(name, typ, context, date)
	return l.ID, l.Score, l.Reason, l.Linked && !l.Ambiguous
}
