package extract

import (
	"github.com/entente-nlp/entente/extract/entities"
	"github.com/entente-nlp/entente/gazetteer"
)

// GazetteerAdapter exposes a *gazetteer.Gazetteer as the entities stage's
// Gazetteer interface. Build it once (with the gazetteer) and share it.
type GazetteerAdapter struct{ G *gazetteer.Gazetteer }

var _ entities.Gazetteer = GazetteerAdapter{}

// NewGazetteerAdapter wraps g; a nil g gives a nil interface, so the
// entities stage runs without a gazetteer.
func NewGazetteerAdapter(g *gazetteer.Gazetteer) entities.Gazetteer {
	if g == nil {
		return nil
	}
	return GazetteerAdapter{G: g}
}

// Match returns the gazetteer's leftmost-longest matches in text.
func (a GazetteerAdapter) Match(text string) []entities.GazMatch {
	ms := a.G.Match(text)
	out := make([]entities.GazMatch, len(ms))
	for i, m := range ms {
		out[i] = entities.GazMatch{Start: m.Start, End: m.End, Form: m.Form, IDs: m.IDs}
	}
	return out
}

// Entry returns what the entities stage uses of entry id: type, canonical
// name, country id, the country a capital stands for, and attributes
// (kind, org_type, iso).
func (a GazetteerAdapter) Entry(id string) (entities.GazEntry, bool) {
	e, ok := a.G.Get(id)
	if !ok {
		return entities.GazEntry{}, false
	}
	ge := entities.GazEntry{ID: e.ID, Type: e.Type, Name: e.Name, CapitalOf: e.CapitalOf,
		Attrs: map[string]string{"kind": e.Kind}}
	if e.Country != "" {
		ge.Country = "country:" + e.Country
	}
	if e.OrgType != "" {
		ge.Attrs["org_type"] = e.OrgType
	}
	if e.Kind == gazetteer.KindCountry {
		ge.Attrs["iso"] = e.Country
	}
	return ge, true
}

// IsGivenName reports whether w is a common given name.
func (a GazetteerAdapter) IsGivenName(w string) bool { return a.G.IsGivenName(w) }
