package entente

import (
	"github.com/entente-nlp/entente/internal/textnorm"
	"slices"

	"github.com/entente-nlp/entente/pipeline"
)

// NewRecord makes the Record of a finished document, as `entente extract`
// writes it. Mention, date and trigger offsets are mapped from the clean
// text to the original bytes through d.Offsets; a span that does not map
// gets an empty Text.
func NewRecord(d *pipeline.Document) *Record {
	r := &Record{
		ID: d.ID, Source: d.Source, Title: d.Title, Authors: d.Authors, URL: d.URL, Published: d.Published,
		Entities: []Entity{}, Dates: []Date{}, Events: []Event{}, Relations: []Relation{}, Coreferences: []Coreference{}, Errors: []Error{},
	}
	byEntity := map[string][]Mention{}
	for _, m := range d.Mentions {
		byEntity[m.EntityID] = append(byEntity[m.EntityID], mention(d, m))
	}
	for _, e := range d.Entities {
		ms := byEntity[e.ID]
		if ms == nil {
			ms = []Mention{}
		}
		slices.SortStableFunc(ms, func(a, b Mention) int { return a.Start - b.Start })
		aliases := e.Aliases
		if aliases == nil {
			aliases = []string{}
		}
		count := e.Count
		if count == 0 {
			count = len(ms)
		}
		r.Entities = append(r.Entities, Entity{
			ID: e.ID, Type: e.Type, Name: e.Name, Aliases: aliases, Linked: e.Linked,
			Ambiguous: e.Ambiguous, Attrs: e.Attrs, Mentions: ms, Count: count, Salience: e.Salience,
		})
	}
	for _, t := range d.Dates {
		o := d.Offsets.SpanToOriginal(t.Span)
		r.Dates = append(r.Dates, Date{Start: o.Start, End: o.End, Text: original(d, o), Value: t.Value,
			Granularity: t.Granularity, Kind: t.Kind, Note: t.Note})
	}
	for _, ev := range d.Events {
		parts := make([]Participant, 0, len(ev.Participants))
		for _, p := range ev.Participants {
			parts = append(parts, Participant{ID: p.Entity, Role: p.Role})
		}
		trig := d.Offsets.SpanToOriginal(ev.Trigger)
		r.Events = append(r.Events, Event{
			ID: ev.ID, Kind: ev.Kind, CAMEO: ev.CAMEO, QuadClass: ev.QuadClass, Date: ev.Date, DateSource: ev.DateSource,
			Trigger: original(d, trig), TriggerStart: trig.Start, TriggerEnd: trig.End,
			Participants: parts, Source: ev.Source, Target: ev.Target, SourceCode: ev.SourceCode, TargetCode: ev.TargetCode,
			Location: ev.Location, Negated: ev.Negated, Modality: modality(ev.Modality),
			Evidence: evidence(d, ev.Evidence),
		})
	}
	for _, rel := range d.Relations {
		r.Relations = append(r.Relations, Relation{
			Source: rel.Source, Type: rel.Type, Target: rel.Target, Label: rel.Label,
			Evidence: evidence(d, rel.Evidence), Date: rel.Date, Confidence: rel.Confidence,
			Rule: rel.Rule, Events: rel.Events,
		})
	}
	for _, c := range d.Coreferences {
		o := d.Offsets.SpanToOriginal(c.Span)
		r.Coreferences = append(r.Coreferences, Coreference{Start: o.Start, End: o.End, Text: original(d, o),
			Sentence: d.SentenceAt(c.Start), Entity: c.Entity, Kind: c.Kind, Rule: c.Rule})
	}
	for _, e := range d.Errors {
		r.Errors = append(r.Errors, Error{Stage: e.Stage, Message: e.Message, Fatal: e.Fatal})
	}
	return r
}

// modality returns m, or "asserted" for an event that carries none (built
// by a stage that does not decide it).
func modality(m string) string {
	if m == "" {
		return "asserted"
	}
	return m
}

func mention(d *pipeline.Document, m pipeline.Mention) Mention {
	o := d.Offsets.SpanToOriginal(m.Span)
	return Mention{Start: o.Start, End: o.End, Text: original(d, o), Sentence: d.SentenceAt(m.Start),
		Source: m.Source, Form: m.Form}
}

// original returns Original[s.Start:s.End], or "" when out of range.
func original(d *pipeline.Document, s pipeline.Span) string {
	if s.Start < 0 || s.End > len(d.Original) || s.Start > s.End {
		return ""
	}
	return string(d.Original[s.Start:s.End])
}

// evidence returns the clean text under s with runs of white space
// collapsed, for reading.
func evidence(d *pipeline.Document, s pipeline.Span) string {
	return textnorm.CollapseSpace(d.Slice(s))
}
