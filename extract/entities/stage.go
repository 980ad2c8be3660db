package entities

import (
	"context"
	"fmt"
	"strings"

	"github.com/entente-nlp/entente/internal/textnorm"
	"github.com/entente-nlp/entente/pipeline"
)

// Name is the stage name used in configuration.
const Name = "entities"

// Options configure the stage (config key stages.entities).
type Options struct {
	// ProseLabels uses prose's entity labels as candidates when the nlp
	// stage produced them (nlp prose_ner on). Default true: they cost
	// nothing here once computed.
	ProseLabels bool `mapstructure:"prose_labels"`
	// PageEntities keeps the mentions found in page furniture (blocks the
	// clean stage marked boilerplate: navigation, teasers, share bars).
	// Default false: only the article is a source of entities.
	PageEntities bool `mapstructure:"page_entities"`
	// Thresholds on a case-aware tagger's confidence (0..1), chosen by
	// cross-validation on CoNLL-2003 eng.train (docs/entities.md):
	// MinOverride to retype a gazetteer place as an organization on the
	// same span, to overrule the given-name cue and to take a span over a
	// place name whole; MinTableOverride the same on results and list
	// lines; MinCapsScore and MinTitleScore to take a label from an
	// all-caps line or a title-case headline; MinSpanOverride to take a
	// span whole over the shorter gazetteer and rule names inside it and
	// over chunks typed by the models' votes.
	MinOverride      float64 `mapstructure:"min_override"`
	MinTableOverride float64 `mapstructure:"min_table_override"`
	MinCapsScore     float64 `mapstructure:"min_caps_score"`
	MinTitleScore    float64 `mapstructure:"min_title_score"`
	MinSpanOverride  float64 `mapstructure:"min_span_override"`
}

// DefaultOptions returns the options used when the configuration sets none.
func DefaultOptions() Options {
	return Options{ProseLabels: true, MinOverride: 0.5, MinTableOverride: 0.5, MinCapsScore: 0.6, MinTitleScore: 0.9, MinSpanOverride: 0.9}
}

// Stage finds and links entity mentions; see the package documentation for
// the sources and the merge policy.
type Stage struct {
	gaz     Gazetteer
	sources []Source
	opts    Options
}

var _ pipeline.Stage = (*Stage)(nil)

// Spec registers the stage on g and sources (as for New): it requires the
// clean text, sentences and tokens, and provides the entities (mentions
// and entities). Its options (stages.entities) are Options.
func Spec(g Gazetteer, sources ...Source) pipeline.Spec {
	return pipeline.Spec{
		Name:     Name,
		Requires: []string{pipeline.ArtifactText, pipeline.ArtifactSentences, pipeline.ArtifactTokens},
		Provides: []string{pipeline.ArtifactEntities},
		New: func(m map[string]any) (pipeline.Stage, error) {
			o := DefaultOptions()
			if err := pipeline.DecodeOptions(Name, m, &o); err != nil {
				return nil, err
			}
			return New(g, o, sources...)
		},
	}
}

// New builds the stage. g may be nil (no gazetteer: rules and models only);
// sources are extra candidate sources such as a trained tagger.
func New(g Gazetteer, opts Options, sources ...Source) (*Stage, error) {
	for _, t := range []struct {
		name string
		v    float64
	}{{"min_override", opts.MinOverride}, {"min_table_override", opts.MinTableOverride}, {"min_caps_score", opts.MinCapsScore}, {"min_title_score", opts.MinTitleScore}, {"min_span_override", opts.MinSpanOverride}} {
		if t.v < 0 || t.v > 1 {
			return nil, fmt.Errorf("entities: option %s must be between 0 and 1, got %v", t.name, t.v)
		}
	}
	for i, s := range sources {
		if s == nil {
			return nil, fmt.Errorf("entities: candidate source %d is nil", i)
		}
	}
	return &Stage{gaz: g, sources: sources, opts: opts}, nil
}

// Name returns "entities".
func (s *Stage) Name() string { return Name }

// Process fills d.Mentions and d.Entities from d.Text and the nlp stage's
// tokens. A document with text but no tokens is an error (the nlp stage
// must run first).
func (s *Stage) Process(ctx context.Context, d *pipeline.Document) error {
	if len(d.Tokens) == 0 {
		if strings.TrimSpace(d.Text) != "" {
			return fmt.Errorf("entities: document %s has text but no tokens (the nlp stage must run first)", d.ID)
		}
		d.Mentions, d.Entities = nil, nil
		return nil
	}
	ws := words(d)
	var gms []GazMatch // matched once, read by gazCandidates and MatchSources
	if s.gaz != nil {
		gms = s.gaz.Match(d.Text)
	}
	// Each phase is linear in the document; a cancelled run (Ctrl-C) stops
	// between them rather than after the whole stage.
	if err := ctx.Err(); err != nil {
		return err
	}
	gaz, cover := s.gazCandidates(d, ws, gms)
	chs := chunks(ws)
	typed, untyped := s.ruleCandidates(d, ws, chs, cover)
	var models []cand
	if s.opts.ProseLabels {
		models = proseCandidates(ws)
	}
	models = append(models, s.extraCandidates(d, ws, gms)...)
	if err := ctx.Err(); err != nil {
		return err
	}
	models = filterModels(d, ws, models)
	overridePlaces(ws, gaz, caseAware(models), s.opts)
	overrideGivenNames(typed, caseAware(models), s.opts.MinOverride)
	typed = append(typed, promoteModelSpans(ws, chs, models, cover, s.opts.MinOverride)...)
	typed = append(typed, promoteConfident(ws, caseAware(models), gaz, typed, s.opts.MinSpanOverride)...)
	byModel := typeByModel(d, ws, untyped, models, cover)
	models = outsideChunks(models, byModel)
	all := make([]cand, 0, len(gaz)+len(typed)+len(models)+len(byModel))
	all = append(all, gaz...)
	all = append(all, typed...)
	all = append(all, models...)
	all = append(all, byModel...)
	trimFullStops(d, all)
	chosen := merge(len(d.Text), all)
	if !s.opts.PageEntities {
		chosen = inArticle(d, chosen)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	s.requireCountry(chosen)
	s.disambiguate(chosen)
	ms := s.corefer(d, ws, chosen, roleOnlyOf(typed))
	if err := ctx.Err(); err != nil {
		return err
	}
	s.reconcile(d, ms)
	if err := ctx.Err(); err != nil {
		return err
	}
	s.build(d, ws, ms)
	return nil
}

// inArticle drops the candidates that lie in page furniture.
func inArticle(d *pipeline.Document, cs []cand) []cand {
	out := cs[:0]
	for _, c := range cs {
		if !d.OutsideArticle(c.Span) {
			out = append(out, c)
		}
	}
	return out
}

// disambiguator is implemented by gazetteers that can choose among the
// entries an ambiguous name may refer to, given the document's other
// entities.
type disambiguator interface {
	Disambiguate(ids, context []string) (string, bool)
}

// disambiguate puts first, for each ambiguous mention, the entry the
// document's unambiguous entities point to. Undecided mentions keep the
// gazetteer's best guess and list the others in Entity.Ambiguous.
func (s *Stage) disambiguate(cs []cand) {
	dis, ok := s.gaz.(disambiguator)
	if !ok {
		return
	}
	var context []string
	seen := map[string]bool{}
	for _, c := range cs {
		if len(c.ids) == 1 && !seen[c.ids[0]] {
			seen[c.ids[0]] = true
			context = append(context, c.ids[0])
		}
	}
	for i := range cs {
		c := &cs[i]
		if len(c.ids) < 2 {
			continue
		}
		best, decided := dis.Disambiguate(c.ids, context)
		if !decided {
			continue
		}
		e, ok := s.gaz.Entry(best)
		if !ok || !scoredType[e.Type] {
			continue
		}
		c.ids = []string{best}
		c.typ = e.Type
		c.reason += ", disambiguated by context"
	}
}

// caseAware keeps the candidates of case-aware sources.
func caseAware(ms []cand) []cand {
	n := 0
	for i := range ms {
		if ms[i].caseAware {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]cand, 0, n)
	for _, c := range ms {
		if c.caseAware {
			out = append(out, c)
		}
	}
	return out
}

// reconciler is implemented by gazetteers that can link a name no match
// covered (misspellings, unlisted variants).
type reconciler interface {
	Reconcile(name, typ string, context []string, date string) (id string, score float64, reason string, linked bool)
}

// minReconcile is the least gazetteer score that links an unlinked entity:
// a fuzzy match needs a Jaro-Winkler similarity of about 0.94.
const minReconcile = 0.75

// reconcile tries to link each unlinked entity (its longest name) to the
// gazetteer, with the document's linked entities as context.
func (s *Stage) reconcile(d *pipeline.Document, ms []cand) {
	rc, ok := s.gaz.(reconciler)
	if !ok {
		return
	}
	var context []string
	names := map[string]string{}
	seen, blocked := map[string]bool{}, map[string]bool{}
	for i := range ms {
		c := &ms[i]
		if len(c.ids) > 0 {
			if !seen[c.ids[0]] {
				seen[c.ids[0]] = true
				context = append(context, c.ids[0])
			}
			continue
		}
		if c.keepUnlinked {
			blocked[c.key] = true
		}
		if n := textnorm.CollapseSpace(d.Slice(c.Span)); c.form == "name" && len(n) > len(names[c.key]) {
			names[c.key] = n
		}
	}
	for key := range blocked {
		delete(names, key)
	}
	links := map[string]string{}
	for key, name := range names {
		typ := key[:strings.IndexByte(key, '|')]
		id, score, reason, linked := rc.Reconcile(name, typ, context, d.Published)
		if !linked || score < minReconcile || strings.HasPrefix(reason, "acronym") {
			// Initials alone are too weak a link ("SDK" is not every
			// S. D. K. the gazetteer knows).
			continue
		}
		if e, ok := s.gaz.Entry(id); ok && (e.Type == typ || typ == pipeline.Location && e.Type == pipeline.Country) {
			links[key] = id
		}
	}
	for i := range ms {
		c := &ms[i]
		if id, ok := links[c.key]; ok && len(c.ids) == 0 {
			e, _ := s.gaz.Entry(id)
			c.ids, c.typ = []string{id}, e.Type
			c.reason += "; reconciled with the gazetteer"
		}
	}
}

func roleOnlyOf(cs []cand) []cand {
	var out []cand
	for _, c := range cs {
		if c.roleOnly {
			out = append(out, c)
		}
	}
	return out
}
