package output

import (
	"sort"
	"strings"

	"github.com/entente-nlp/entente/pipeline"
)

// Record is the output for one document.
type Record struct {
	ID        string     `json:"id"`
	Source    string     `json:"source"`
	Title     string     `json:"title"`
	Authors   []string   `json:"authors,omitempty"`
	URL       string     `json:"url,omitempty"`
	Published string     `json:"published"`
	Entities  []Entity   `json:"entities"`
	Dates     []Date     `json:"dates"`
	Events    []Event    `json:"events"`
	Relations []Relation `json:"relations"`
	Errors    []Error    `json:"errors"`
}

// Entity is one entity of a document with its mentions.
type Entity struct {
	// ID is stable across documents (country:RU, person:vladimir-putin).
	ID string `json:"id"`
	// Type is PERSON, COUNTRY, ORGANIZATION, LOCATION or another type.
	Type    string   `json:"type"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	// Linked is true when ID is a gazetteer entry.
	Linked bool `json:"linked"`
	// Ambiguous lists other gazetteer ids the name could refer to when the
	// document did not settle it.
	Ambiguous []string `json:"ambiguous,omitempty"`
	// Attrs holds typed facts such as country or org_type.
	Attrs    map[string]string `json:"attrs,omitempty"`
	Mentions []Mention         `json:"mentions"`
	Count    int               `json:"count"`
	Salience float64           `json:"salience"`
}

// Mention is one occurrence of an entity. Start and End are byte offsets
// into the original input; Text is exactly those bytes.
type Mention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Sentence is the index of the sentence holding the mention, -1 when
	// unknown.
	Sentence int `json:"sentence"`
	// Source names what found the mention (gazetteer, rule, nermodel, coref,
	// ...); Form says how it names the entity (name, alias, demonym,
	// metonym, acronym, surname, ...).
	Source string `json:"source,omitempty"`
	Form   string `json:"form,omitempty"`
}

// Date is a temporal expression. Start and End are original byte offsets.
type Date struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Value is YYYY, YYYY-MM, YYYY-MM-DD or START/END; empty when
	// unresolved.
	Value string `json:"value"`
	// Granularity is day, week, month, quarter, season, year, decade,
	// century or vague.
	Granularity string `json:"granularity,omitempty"`
	// Kind is absolute, partial, relative or range.
	Kind string `json:"kind,omitempty"`
	// Note explains the resolution, or why there is none.
	Note string `json:"note,omitempty"`
}

// Event is something that happened.
type Event struct {
	ID    string `json:"id"`
	Kind  string `json:"kind"`
	CAMEO string `json:"cameo"`
	// QuadClass is GDELT's 1 verbal cooperation, 2 material cooperation,
	// 3 verbal conflict, 4 material conflict; 0 when the kind has none.
	QuadClass int    `json:"quad_class"`
	Date      string `json:"date"`
	// DateSource says how Date was attached: clause, sentence or none.
	DateSource string `json:"date_source"`
	// Trigger is the word or phrase that evokes the event (its first
	// mention), with original byte offsets.
	Trigger      string `json:"trigger"`
	TriggerStart int    `json:"trigger_start"`
	TriggerEnd   int    `json:"trigger_end"`
	// Participants are entity ids; Roles gives each one's role (actor,
	// target, other) in the same order.
	Participants []string `json:"participants"`
	Roles        []string `json:"roles"`
	// Location is an entity id, empty when unknown.
	Location string `json:"location"`
	// Evidence is the text of the sentence the event was found in.
	Evidence string `json:"evidence"`
}

// Relation is a typed link between two entities (ids).
type Relation struct {
	Source   string `json:"source"`
	Type     string `json:"type"`
	Target   string `json:"target"`
	Label    string `json:"label"`
	Evidence string `json:"evidence"`
	// Date is the date the relation holds or was observed, when known.
	Date       string  `json:"date,omitempty"`
	Confidence float64 `json:"confidence"`
	// Rule names the pattern that produced the relation.
	Rule string `json:"rule"`
	// Events are the ids of the events the relation was derived from.
	Events []string `json:"events,omitempty"`
}

// Error is a per-document failure.
type Error struct {
	Stage   string `json:"stage"`
	Message string `json:"message"`
	Fatal   bool   `json:"fatal"`
}

// Build makes the Record of a finished document. Mention and date offsets
// are mapped from clean text to original bytes through d.Offsets.
func Build(d *pipeline.Document) Record {
	r := Record{
		ID: d.ID, Source: d.Source, Title: d.Title, Authors: d.Authors, URL: d.URL, Published: d.Published,
		Entities: []Entity{}, Dates: []Date{}, Events: []Event{}, Relations: []Relation{}, Errors: []Error{},
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
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
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
		parts := make([]string, 0, len(ev.Participants))
		roles := make([]string, 0, len(ev.Participants))
		for _, p := range ev.Participants {
			parts = append(parts, p.Entity)
			roles = append(roles, p.Role)
		}
		trig := d.Offsets.SpanToOriginal(ev.Trigger)
		r.Events = append(r.Events, Event{
			ID: ev.ID, Kind: ev.Kind, CAMEO: ev.CAMEO, QuadClass: ev.QuadClass, Date: ev.Date, DateSource: ev.DateSource,
			Trigger: original(d, trig), TriggerStart: trig.Start, TriggerEnd: trig.End,
			Participants: parts, Roles: roles, Location: ev.Location, Evidence: evidence(d, ev.Evidence),
		})
	}
	for _, rel := range d.Relations {
		r.Relations = append(r.Relations, Relation{
			Source: rel.Source, Type: rel.Type, Target: rel.Target, Label: rel.Label,
			Evidence: evidence(d, rel.Evidence), Date: rel.Date, Confidence: rel.Confidence,
			Rule: rel.Rule, Events: rel.Events,
		})
	}
	for _, e := range d.Errors {
		r.Errors = append(r.Errors, Error{Stage: e.Stage, Message: e.Message, Fatal: e.Fatal})
	}
	return r
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
	return strings.Join(strings.Fields(d.Slice(s)), " ")
}

// Failed reports whether the record carries any error.
func (r Record) Failed() bool { return len(r.Errors) > 0 }
