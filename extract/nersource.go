package extract

import (
	"github.com/entente-nlp/entente/extract/entities"
	"github.com/entente-nlp/entente/extract/nermodel"
	"github.com/entente-nlp/entente/pipeline"
)

// nerSource offers the statistical tagger's entities to the entities stage
// as candidates (Source "nermodel", Score its calibrated confidence).
type nerSource struct{ m *nermodel.Model }

var (
	_ entities.Source    = nerSource{}
	_ entities.CaseAware = nerSource{}
)

// CaseAware reports true: the tagger was trained on CoNLL-2003, whose
// headlines and tables are in capitals.
func (nerSource) CaseAware() bool { return true }

// Candidates tags the document's tokens.
func (s nerSource) Candidates(d *pipeline.Document) []entities.Candidate {
	cs := s.m.TagDocument(d)
	out := make([]entities.Candidate, 0, len(cs))
	for _, c := range cs {
		out = append(out, entities.Candidate{Span: c.Span, Type: c.Type, Source: "nermodel", Score: c.Confidence})
	}
	return out
}
