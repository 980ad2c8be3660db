package extract

import (
	"github.com/entente-nlp/entente/extract/entities"
	"github.com/entente-nlp/entente/extract/nermodel"
	"github.com/entente-nlp/entente/pipeline"
)

// nerSource offers the statistical tagger's entities to the entities stage
// as candidates (Source "nermodel", Score its calibrated confidence).
// sharedMatches says that the stage's gazetteer matches are those of the
// tagger's lexicon, so the tagger can take them instead of matching again.
type nerSource struct {
	m             *nermodel.Model
	sharedMatches bool
}

// newNERSource wraps env.NER. The tagger reuses the entities stage's
// gazetteer matches when its lexicon is the very gazetteer the stage
// matches with (the default: no user gazetteer files).
func newNERSource(env Env) nerSource {
	lex, ok := env.NER.Lexicon().(nermodel.GazetteerLexicon)
	return nerSource{m: env.NER, sharedMatches: ok && env.Gazetteer != nil && lex.G == env.Gazetteer}
}

var (
	_ entities.Source      = nerSource{}
	_ entities.MatchSource = nerSource{}
	_ entities.CaseAware   = nerSource{}
)

// CaseAware reports true: the tagger was trained on CoNLL-2003, whose
// headlines and tables are in capitals.
func (nerSource) CaseAware() bool { return true }

// Candidates tags the document's tokens.
func (s nerSource) Candidates(d *pipeline.Document) []entities.Candidate {
	return s.offer(s.m.TagDocument(d))
}

// CandidatesMatched tags the document's tokens with the stage's gazetteer
// matches as the tagger's lexicon matches (their AllIDs: the entries before
// the stage adapter's capital rule), when they are the same gazetteer.
func (s nerSource) CandidatesMatched(d *pipeline.Document, ms []entities.GazMatch) []entities.Candidate {
	if !s.sharedMatches {
		return s.Candidates(d)
	}
	lms := make([]nermodel.LexiconMatch, len(ms))
	for i, m := range ms {
		lms[i] = nermodel.LexiconMatch{Start: m.Start, End: m.End, Form: m.Form, Kinds: nermodel.KindsOf(m.AllIDs)}
	}
	return s.offer(s.m.TagMatched(d.Text, d.Tokens, d.Sentences, lms))
}

func (s nerSource) offer(cs []nermodel.Candidate) []entities.Candidate {
	out := make([]entities.Candidate, 0, len(cs))
	for _, c := range cs {
		out = append(out, entities.Candidate{Span: c.Span, Type: c.Type, Source: "nermodel", Score: c.Confidence})
	}
	return out
}
