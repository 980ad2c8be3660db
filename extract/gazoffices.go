package extract

import (
	"github.com/entente-nlp/entente/entity"
	"github.com/entente-nlp/entente/extract/relations"
	"github.com/entente-nlp/entente/gazetteer"
)

// gazOffices answers the relations stage's questions from the gazetteer:
// dated offices, a place's country, an organization's members.
type gazOffices struct{ g *gazetteer.Gazetteer }

var _ relations.Gazetteer = gazOffices{}

// Offices returns the offices personID held on date, or all of them when
// date is empty.
func (o gazOffices) Offices(personID, date string) []relations.Office {
	var roles []gazetteer.Role
	if date == "" {
		if e, ok := o.g.Get(personID); ok {
			roles = e.Roles
		}
	} else {
		roles = o.g.RoleOn(personID, date)
	}
	out := make([]relations.Office, 0, len(roles))
	for _, r := range roles {
		out = append(out, relations.Office{Role: r.Title, Of: r.Of})
	}
	return out
}

// CountryOf returns the country id of a place (or the id itself for a
// country), "" when unknown.
func (o gazOffices) CountryOf(placeID string) string {
	e, ok := o.g.Get(placeID)
	if !ok || e.Country == "" {
		return ""
	}
	return string(entity.CountryID(e.Country))
}

// IsMember reports whether the gazetteer lists memberID among orgID's
// members.
func (o gazOffices) IsMember(orgID, memberID string) bool {
	e, ok := o.g.Get(orgID)
	if !ok {
		return false
	}
	for _, m := range e.Members {
		if m == memberID {
			return true
		}
	}
	return false
}
