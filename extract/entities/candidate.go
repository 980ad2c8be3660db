package entities

import "github.com/entente-nlp/entente/pipeline"

// Candidate is a typed span of Document.Text proposed by one source. Extra
// sources (a trained tagger, say) return Candidates; they enter the merge as
// bare model labels.
type Candidate struct {
	pipeline.Span
	// Type is PERSON, COUNTRY, ORGANIZATION or LOCATION.
	Type string
	// Source names the source ("prose", "nermodel", ...).
	Source string
	// Score is the source's confidence, 0..1.
	Score float64
}

// Source proposes entity candidates for a document. It must be safe for
// concurrent use and must not modify the document.
type Source interface {
	Candidates(d *pipeline.Document) []Candidate
}

// MatchSource is a Source that also reads the gazetteer's matches in the
// document's text. The stage hands it the matches it has already found
// (every one, in text order) instead of Candidates, so that the text is not
// matched twice; it must return what Candidates would.
type MatchSource interface {
	Source
	CandidatesMatched(d *pipeline.Document, ms []GazMatch) []Candidate
}

// CaseAware is implemented by sources trained on text with headlines and
// all-caps lines (as CoNLL-2003 is). Their confident candidates are taken
// from headline lines too, where the other sources are not trusted.
type CaseAware interface {
	CaseAware() bool
}

// tier orders candidate kinds in the merge: higher beats lower.
type tier int

const (
	tierModel      tier = 1 // bare model label
	tierModelChunk tier = 2 // proper-noun chunk typed by model labels
	tierBlock      tier = 3 // not an entity: blocks model labels, never output
	tierRule       tier = 4 // typed by a chunk rule or a cue
	tierGazetteer  tier = 5 // known name
)

// cand is a candidate inside the stage, with what the merge and the linker
// need.
type cand struct {
	pipeline.Span
	typ    string
	source string
	form   string
	// ids are gazetteer ids (several when the name is ambiguous).
	ids      []string
	score    float64
	tier     tier
	reason   string
	evidence map[string]string
	// caseAware: proposed by a CaseAware source.
	caseAware bool
	// roleOnly: a title without a name ("Russian President"), resolved
	// to the holder named elsewhere in the document.
	roleOnly bool
	// givenName: typed PERSON only because its first word is in the
	// given-name list, a weak cue ("Royal Air Force").
	givenName bool
	// key is a normalized name that links unlinked mentions together.
	key string
	// keepUnlinked: the context ruled out the gazetteer's reading; the
	// reconciler must not link it back.
	keepUnlinked bool
}

func (c *cand) len() int { return c.End - c.Start }
