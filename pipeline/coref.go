package pipeline

// Coreference links a phrase that names no entity by itself (a pronoun, a
// definite description such as "the minister", a bare surname) to the
// entity it refers to, from the coref stage. Span is in Text; Entity is an
// id of Document.Entities.
type Coreference struct {
	Span
	Entity string `json:"entity"`
	// Kind is pronoun, description or surname.
	Kind string `json:"kind"`
	// Rule names the rule that chose the antecedent (nearest-subject,
	// nearest, role, single, ...).
	Rule string `json:"rule,omitempty"`
}

// Coreference kinds.
const (
	CorefPronoun     = "pronoun"
	CorefDescription = "description"
	CorefSurname     = "surname"
)

// CoreferenceAt returns the coreference whose span covers token span s
// (the first, in text order), or nil. Coreferences are sorted by Start,
// so the lookup is a binary search.
func (d *Document) CoreferenceAt(s Span) *Coreference {
	cs := d.Coreferences
	lo, hi := 0, len(cs)
	for lo < hi {
		m := (lo + hi) / 2
		if cs[m].End <= s.Start {
			lo = m + 1
		} else {
			hi = m
		}
	}
	for i := lo; i < len(cs) && cs[i].Start < s.End; i++ {
		if cs[i].Contains(s) || s.Contains(cs[i].Span) {
			return &cs[i]
		}
	}
	return nil
}
