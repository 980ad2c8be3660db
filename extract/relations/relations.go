package relations

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/entente-nlp/entente/entity"
	"github.com/entente-nlp/entente/internal/spanindex"
	"github.com/entente-nlp/entente/pipeline"
)

// Name is the stage name used in configuration.
const Name = "relations"

// Office is a dated office known to the gazetteer: a normalized role held
// for a country or organization id.
type Office struct {
	Role string
	Of   string
}

// Gazetteer is what the stage asks of a gazetteer. It may be nil; the
// stage then relies on the text alone.
type Gazetteer interface {
	// Offices returns the offices personID held on date (YYYY, YYYY-MM or
	// YYYY-MM-DD; "" for any time).
	Offices(personID, date string) []Office
	// CountryOf returns the country id of a place id, or "".
	CountryOf(placeID string) string
	// IsMember reports whether the gazetteer lists memberID as a member of
	// orgID.
	IsMember(orgID, memberID string) bool
}

// Stage fills Document.Relations. It is safe for concurrent use.
type Stage struct {
	rules   *Rules
	gaz     Gazetteer
	types   map[string]bool // nil = all
	min     float64
	located string
}

var _ pipeline.Stage = (*Stage)(nil)

// Options configure the stage.
type Options struct {
	// Rules is a YAML file merged over the embedded rules.
	Rules string `mapstructure:"rules"`
	// Types keeps only these relation types (all when empty).
	Types []string `mapstructure:"types"`
	// MinConfidence drops relations below it.
	MinConfidence float64 `mapstructure:"min_confidence"`
	// LocatedIn says where located_in relations come from: "text" (the
	// default: a place and its country stated in the article, "the Kazakh
	// capital of Astana"), "gazetteer" (also every place whose country the
	// gazetteer or the entities stage knows) or "off".
	LocatedIn string `mapstructure:"located_in"`
}

// Spec registers the stage on gaz (may be nil): it requires the
// sentences, tokens and entities, uses the events when the pipeline finds
// them, and provides the relations. Its options (stages.relations) are
// Options.
func Spec(gaz Gazetteer) pipeline.Spec {
	return pipeline.Spec{
		Name:     Name,
		Requires: []string{pipeline.ArtifactSentences, pipeline.ArtifactTokens, pipeline.ArtifactEntities},
		Uses:     []string{pipeline.ArtifactEvents, pipeline.ArtifactCoref},
		Provides: []string{pipeline.ArtifactRelations},
		New: func(m map[string]any) (pipeline.Stage, error) {
			var o Options
			if err := pipeline.DecodeOptions(Name, m, &o); err != nil {
				return nil, err
			}
			return New(o, gaz)
		},
	}
}

// New builds the stage. gaz may be nil.
func New(opts Options, gaz Gazetteer) (*Stage, error) {
	var (
		r   *Rules
		err error
	)
	if opts.Rules != "" {
		r, err = LoadRules(opts.Rules)
	} else {
		r, err = DefaultRules()
	}
	if err != nil {
		return nil, err
	}
	var errs []error
	s := &Stage{rules: r, gaz: gaz, min: opts.MinConfidence, located: opts.LocatedIn}
	switch s.located {
	case "":
		s.located = "text"
	case "text", "gazetteer", "off":
	default:
		errs = append(errs, &pipeline.OptionError{Stage: Name, Key: "located_in", Msg: fmt.Sprintf("want text, gazetteer or off, got %q", s.located)})
	}
	if opts.MinConfidence < 0 || opts.MinConfidence > 1 {
		errs = append(errs, &pipeline.OptionError{Stage: Name, Key: "min_confidence", Msg: fmt.Sprintf("want a number from 0 to 1, got %v", opts.MinConfidence)})
	}
	if len(opts.Types) > 0 {
		s.types = map[string]bool{}
		for _, t := range opts.Types {
			if !relationTypes[t] {
				errs = append(errs, &pipeline.OptionError{Stage: Name, Key: "types", Msg: fmt.Sprintf("unknown relation type %q (known: %s)", t, strings.Join(slices.Sorted(maps.Keys(relationTypes)), ", "))})
			}
			s.types[t] = true
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return s, nil
}

// Name returns "relations".
func (s *Stage) Name() string { return Name }

// Process derives the relations of d from its mentions, events and text,
// replacing d.Relations.
func (s *Stage) Process(ctx context.Context, d *pipeline.Document) error {
	d.AnalyzeTokens() // a no-op after the nlp stage
	x := newView(d, s.rules, s.gaz)
	x.holdsRole()
	x.memberOf()
	x.memberLists()
	x.affiliations()
	if s.located == "gazetteer" {
		x.locatedIn()
	}
	x.fromEvents()
	x.fromStatements(s.located != "off")
	d.Relations = s.filter(d, x.result())
	return nil
}

// filter keeps the relations of the configured types and confidence whose
// two ends are entities the document mentions: an office known only from
// the gazetteer, for a country the article never names, is world knowledge,
// not something the article says, and would leave a dangling id in the
// output. The one exception is what the user asked for with located_in:
// gazetteer, every place's country (rule city-country).
func (s *Stage) filter(d *pipeline.Document, rs []pipeline.Relation) []pipeline.Relation {
	known := make(map[string]bool, len(d.Entities))
	for _, e := range d.Entities {
		known[e.ID] = true
	}
	for _, m := range d.Mentions {
		known[m.EntityID] = true
	}
	out := rs[:0]
	for _, r := range rs {
		if (!known[r.Source] || !known[r.Target]) && r.Rule != "city-country" {
			continue
		}
		if s.types != nil && !s.types[r.Type] {
			continue
		}
		if r.Confidence < s.min {
			continue
		}
		out = append(out, r)
	}
	return out
}

// view holds one document's indexes while rules run.
type view struct {
	d     *pipeline.Document
	r     *Rules
	gaz   Gazetteer
	ms    []pipeline.Mention // sorted, outside boilerplate
	found map[string]*pipeline.Relation
	order []string
	// evSeen holds relation key + "\x00" + event id for the events
	// already listed on a found relation.
	evSeen map[string]bool
	// ents indexes d.Entities by id; events indexes d.Events by evidence.
	ents   map[string]*pipeline.Entity
	events *spanindex.Index
	// roles found so far, in text order, for "counterpart"
	roles []roleSeen
}

type roleSeen struct {
	pos  int
	role string
}

func newView(d *pipeline.Document, r *Rules, gaz Gazetteer) *view {
	x := &view{d: d, r: r, gaz: gaz, found: map[string]*pipeline.Relation{}, evSeen: map[string]bool{},
		ents: make(map[string]*pipeline.Entity, len(d.Entities))}
	for i := range d.Entities {
		if _, dup := x.ents[d.Entities[i].ID]; !dup {
			x.ents[d.Entities[i].ID] = &d.Entities[i]
		}
	}
	x.events = spanindex.New(len(d.Events), func(i int) pipeline.Span { return d.Events[i].Evidence })
	for _, m := range d.Mentions {
		if m.EntityID == "" || !validSpan(d, m.Span) || d.InBoilerplate(m.Span) {
			continue
		}
		x.ms = append(x.ms, m)
	}
	x.ms = x.withCoreferences(x.ms)
	sort.SliceStable(x.ms, func(i, j int) bool { return x.ms[i].Start < x.ms[j].Start })
	return x
}

// withCoreferences adds to ms the descriptions and pronouns the coref stage
// resolved to a country or organization ("the alliance has 29 members,
// including ..."), where no mention is: the rules then read them as
// mentions of their entity. Persons are left out: a pronoun is never a
// title holder's name.
func (x *view) withCoreferences(ms []pipeline.Mention) []pipeline.Mention {
	if len(x.d.Coreferences) == 0 {
		return ms
	}
	taken := spanindex.New(len(ms), func(i int) pipeline.Span { return ms[i].Span })
	for _, c := range x.d.Coreferences {
		if c.Kind != pipeline.CorefDescription && c.Kind != pipeline.CorefPronoun || !validSpan(x.d, c.Span) || x.d.InBoilerplate(c.Span) {
			continue
		}
		t := x.typeOf(c.Entity)
		if t != pipeline.Country && t != pipeline.Organization || x.entity(c.Entity) == nil {
			continue
		}
		if len(taken.Overlapping(c.Span, nil)) > 0 {
			continue
		}
		ms = append(ms, pipeline.Mention{Span: c.Span, EntityID: c.Entity, Type: t, Source: "coref", Form: c.Kind})
	}
	return ms
}

// add records a relation, merging duplicates: cooperates_with is
// symmetric; the most confident occurrence keeps its rule, label and
// evidence, events are unioned.
func (x *view) add(r pipeline.Relation) {
	if r.Source == "" || r.Target == "" || r.Source == r.Target {
		return
	}
	if r.Type == pipeline.CooperatesWith && r.Target < r.Source {
		r.Source, r.Target = r.Target, r.Source
	}
	key := r.Type + "\x00" + r.Source + "\x00" + r.Target
	prev, ok := x.found[key]
	if !ok {
		c := r
		c.Events = append([]string(nil), r.Events...)
		for _, e := range c.Events {
			x.evSeen[key+"\x00"+e] = true
		}
		x.found[key] = &c
		x.order = append(x.order, key)
		return
	}
	events := prev.Events
	for _, e := range r.Events {
		if k := key + "\x00" + e; !x.evSeen[k] {
			x.evSeen[k] = true
			events = append(events, e)
		}
	}
	if r.Confidence > prev.Confidence {
		date := prev.Date
		*prev = r
		if prev.Date == "" {
			prev.Date = date
		}
	} else if prev.Date == "" {
		prev.Date = r.Date
	}
	prev.Events = events
}

func (x *view) result() []pipeline.Relation {
	out := make([]pipeline.Relation, 0, len(x.order))
	for _, k := range x.order {
		r := *x.found[k]
		sort.Strings(r.Events)
		if len(r.Events) == 0 {
			r.Events = nil
		}
		out = append(out, r)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Type != out[j].Type {
			return out[i].Type < out[j].Type
		}
		return out[i].Evidence.Start < out[j].Evidence.Start
	})
	return out
}

// sentence returns the span of the sentence holding off, or a span
// around it when sentences are unknown.
func (x *view) sentence(off int) pipeline.Span {
	if i := x.d.SentenceAt(off); i >= 0 {
		return x.d.Sentences[i].Span
	}
	return pipeline.Span{Start: off, End: off}
}

// typeOf returns the entity type of id, from the document or its prefix.
// entity returns the entity with the given id, or nil (d.Entity without
// its scan of every entity).
func (x *view) entity(id string) *pipeline.Entity { return x.ents[id] }

func (x *view) typeOf(id string) string {
	if e := x.entity(id); e != nil {
		return e.Type
	}
	switch t := entity.ID(id).Type(); t {
	case pipeline.Country, pipeline.Person, pipeline.Organization:
		return t
	}
	return pipeline.Location
}

// countryOf maps a place id to its country id: entity attributes first,
// then the gazetteer.
func (x *view) countryOf(id string) string {
	if e := x.entity(id); e != nil {
		if e.Type == pipeline.Country {
			return id
		}
		if c := e.Attrs[entity.AttrCountry]; c != "" {
			return string(entity.CountryRef(c))
		}
	}
	if entity.ID(id).IsCountry() {
		return id
	}
	if x.gaz != nil {
		return x.gaz.CountryOf(id)
	}
	return ""
}

// polity maps a mention used as the holder of an office (a country, its
// demonym, an organization, or a capital standing for its country) to the
// id of the country or organization.
func (x *view) polity(m pipeline.Mention) string {
	switch m.Type {
	case pipeline.Country, pipeline.Organization:
		return m.EntityID
	case pipeline.Location:
		return x.countryOf(m.EntityID)
	}
	return ""
}

// sentenceDate returns the value of the first resolved date expression
// of the sentence holding off, or "".
func (x *view) sentenceDate(off int) string {
	s := x.sentence(off)
	for _, t := range x.d.Dates {
		if v := t.Value; t.Start >= s.Start && t.End <= s.End && v != "" && v[0] >= '0' && v[0] <= '9' {
			return v
		}
	}
	return ""
}

// validSpan reports whether s is a non-empty span inside d.Text.
func validSpan(d *pipeline.Document, s pipeline.Span) bool {
	return s.Start >= 0 && s.Start < s.End && s.End <= len(d.Text)
}
