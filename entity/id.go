package entity

import "strings"

// ID identifies an entity across documents: its kind, a colon and a key
// ("country:RU", "person:sergey-lavrov", "org:nato"). Gazetteer entries
// have ids; entities the gazetteer does not know get kind:slug of their
// normalized name. Documents and records hold ids as plain strings:
// ID(s) reads one.
type ID string

// Kinds: the part of an ID before the colon.
const (
	KindCountry = "country"
	KindPerson  = "person"
	KindOrg     = "org"
	KindCity    = "city"
	KindRegion  = "region"
	// KindGroup is a nationality, ethnic or religious group or movement
	// that no single country stands for (Kurds, Yazidis, Shiites).
	KindGroup = "group"
	// KindLoc is the kind of places the gazetteer does not know.
	KindLoc = "loc"
	// KindEvent is the kind of event nodes in a graph
	// ("event:DOC/e1").
	KindEvent = "event"
)

// Entity types, as documents, records and gold files use them. Others are
// allowed.
const (
	Person       = "PERSON"
	Country      = "COUNTRY"
	Organization = "ORGANIZATION"
	Location     = "LOCATION"
	// NORP is a nationality or a religious or political group no single
	// country stands for (Kurds, Yazidis, Shiites), as in OntoNotes.
	NORP = "NORP"
	// Index is a stock market index (FTSE 100, the Dow), an entry of kind
	// org that is not an organization.
	Index = "INDEX"
	Event = "EVENT"
)

// New returns the ID kind:key.
func New(kind, key string) ID { return ID(kind + ":" + key) }

// CountryID returns the ID of the country with an ISO 3166 alpha-2 code:
// "ru" → "country:RU"; "" for an empty code.
func CountryID(code string) ID {
	if code == "" {
		return ""
	}
	return New(KindCountry, strings.ToUpper(code))
}

// CountryRef reads a reference to a country written either as an ID
// ("country:RU", or any other id, kept as it is) or as a bare code ("RU",
// "ru"), as gazetteer files and attributes allow.
func CountryRef(s string) ID {
	if s == "" || strings.Contains(s, ":") {
		return ID(s)
	}
	return CountryID(s)
}

// Kind returns the part before the colon ("country" for "country:RU"), ""
// when there is no colon.
func (id ID) Kind() string {
	k, _, ok := strings.Cut(string(id), ":")
	if !ok {
		return ""
	}
	return k
}

// Key returns the part after the first colon ("RU" for "country:RU"), the
// whole ID when there is no colon.
func (id ID) Key() string {
	if _, k, ok := strings.Cut(string(id), ":"); ok {
		return k
	}
	return string(id)
}

// IsCountry reports whether id is a country's.
func (id ID) IsCountry() bool { return id.Kind() == KindCountry }

// Type returns the entity type id's kind implies: PERSON for person,
// COUNTRY for country, ORGANIZATION for org, LOCATION for city, region,
// loc and place, NORP for group, EVENT for event; "" for other kinds, whose type only the
// entity itself knows.
func (id ID) Type() string {
	switch id.Kind() {
	case KindCountry:
		return Country
	case KindPerson:
		return Person
	case KindOrg:
		return Organization
	case KindCity, KindRegion, KindLoc, "place":
		return Location
	case KindGroup:
		return NORP
	case KindEvent:
		return Event
	}
	return ""
}

// String returns the id as written.
func (id ID) String() string { return string(id) }
