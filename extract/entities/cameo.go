package entities

import (
	"github.com/entente-nlp/entente/entity"
	"github.com/entente-nlp/entente/pipeline"
)

// actorCoder is implemented by gazetteers that keep CAMEO actor codes
// (imported Phoenix actor dictionaries).
type actorCoder interface {
	// CodeOn returns the CAMEO code of entry id valid on date
	// (YYYY-MM-DD, "" unknown), "" when it has none.
	CodeOn(id, date string) string
}

// setActorCode gives a linked entity the CAMEO code its gazetteer entry
// holds on the document's publication date (attrs.cameo).
func (s *Stage) setActorCode(d *pipeline.Document, e *pipeline.Entity) {
	c, ok := s.gaz.(actorCoder)
	if !ok || !e.Linked {
		return
	}
	date := d.Published
	if len(date) > 10 {
		date = date[:10]
	}
	if code := c.CodeOn(e.ID, date); code != "" {
		setAttr(e, entity.AttrCAMEO, code)
	}
}

// CodeOn returns the CAMEO actor code of entry id on date.
func (a *gazAdapter) CodeOn(id, date string) string {
	e, ok := a.g.Get(id)
	if !ok {
		return ""
	}
	return e.CodeOn(date)
}
