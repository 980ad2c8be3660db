package entities

// Gazetteer is what the stage needs from a gazetteer: known names matched in
// text, facts about an entry, and a list of given names. Package gazetteer
// provides one through an adapter wired in extract.Register; tests use small
// fakes.
type Gazetteer interface {
	// Match returns the known names in text, leftmost-longest, with byte
	// offsets into text.
	Match(text string) []GazMatch
	// Entry returns the entry with the given id.
	Entry(id string) (GazEntry, bool)
	// IsGivenName reports whether w is a common given name.
	IsGivenName(w string) bool
}

// GazMatch is a gazetteer match: text[Start:End] names the entries IDs
// (several when ambiguous) in the given Form (name, alias, demonym,
// acronym).
type GazMatch struct {
	Start, End int
	Form       string
	IDs        []string
	// AllIDs, when set, are every entry the name matched, as the gazetteer
	// found them, before an adapter's own rules (FromGazetteer leaves a
	// capital's country out of IDs). A MatchSource reads them.
	AllIDs []string
}

// GazEntry is what the stage uses of a gazetteer entry.
type GazEntry struct {
	ID   string
	Type string // PERSON, COUNTRY, ORGANIZATION, LOCATION
	Name string
	// Country is the id of the entry's country, if any.
	Country string
	// CapitalOf is the country id when the entry is that country's
	// capital; a capital used as an actor stands for its country.
	CapitalOf string
	// Attrs are extra facts copied to the entity (org_type, iso, ...).
	Attrs map[string]string
}
