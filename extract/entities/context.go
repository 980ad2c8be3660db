package entities

import (
	"github.com/entente-nlp/entente/pipeline"
)

// formGeneric is the gazetteer form of a common phrase that names an entry
// only in its own country's news ("Senate", "Blue House").
const formGeneric = "generic"

// requireCountry unlinks the generic mentions ("Senate", "Blue House")
// whose entry belongs to a country the document does not name while it
// names others: "the Senate" of an Australian article is not the US Senate,
// Mugabe's "Blue House" in Harare is not South Korea's. A document that
// names no country at all keeps the link. An unlinked generic mention of a
// country's seat is a place (LOCATION), otherwise it keeps its type.
func (s *Stage) requireCountry(cs []cand) {
	if s.gaz == nil {
		return
	}
	named := map[string]bool{}
	generic := false
	for i := range cs {
		c := &cs[i]
		if c.form == formGeneric {
			generic = true
			continue
		}
		if len(c.ids) == 0 {
			continue
		}
		if cc := s.countryOf(c.ids[0]); cc != "" {
			named[cc] = true
		}
	}
	if !generic || len(named) == 0 {
		return
	}
	for i := range cs {
		c := &cs[i]
		if c.form != formGeneric || len(c.ids) == 0 {
			continue
		}
		if cc := s.countryOf(c.ids[0]); cc == "" || named[cc] {
			continue
		}
		c.ids, c.form, c.keepUnlinked = nil, "name", true
		if c.typ == pipeline.Country {
			c.typ = pipeline.Location
		}
		c.reason += "; unlinked: the document does not name its country"
	}
}

// countryOf returns the id of the country an entry belongs to: a country
// itself, or the country of an organization, person, city or region.
func (s *Stage) countryOf(id string) string {
	e, ok := s.gaz.Entry(id)
	if !ok {
		return ""
	}
	if e.Type == pipeline.Country {
		return e.ID
	}
	return e.Country
}
