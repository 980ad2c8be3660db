package events

import (
	"context"
	"fmt"
	"sort"

	"github.com/entente-nlp/entente/extract/depparse"
	"github.com/entente-nlp/entente/extract/parse"
	"github.com/entente-nlp/entente/pipeline"
)

// Name is the stage name used in configuration.
const Name = "events"

// Stage fills Document.Events. It is safe for concurrent use: the lexicon
// is read-only.
type Stage struct {
	lx *Lexicon
	// parser parses sentences with triggers on demand, at most parseMax
	// (-1: all) per document; nil reads only existing trees.
	parser   *depparse.Model
	parseMax int
}

var _ pipeline.Stage = (*Stage)(nil)

// Options configure the stage.
type Options struct {
	// Lexicon is one YAML lexicon file or a list of them (such as those
	// written by `entente lexicon import`), merged in order over the
	// embedded trigger lexicon: kinds replace kinds of the same name,
	// verb, noun and agent forms win over earlier ones, lists are added.
	Lexicon []string `mapstructure:"lexicon"`
	// ReplaceLexicon drops the embedded lexicon: only the Lexicon files
	// are used.
	ReplaceLexicon bool `mapstructure:"replace_lexicon"`
	// Parse says where the stage reads a dependency parse for the dyads
	// (who did what to whom): ParseExisting (the default) reads only the
	// parse stage's trees; ParseTriggers also parses, on demand, sentences
	// with a trigger and two entities that the parse stage left unparsed
	// (better dyads on long articles, about 5% of the pipeline's time).
	// Sentences without a tree fall back to word order.
	Parse string `mapstructure:"parse"`
	// ParseMax bounds the sentences parsed on demand per document (the
	// first ones in text order, where news puts its facts), on top of
	// those the parse stage parsed: 0 means the default, 4; -1 means no
	// bound. Each costs about what the parse stage spends on one of its
	// sentences (docs/events.md, "Dyads").
	ParseMax int `mapstructure:"parse_max"`
	// Parser is the model on-demand parsing uses; nil means
	// depparse.Default(). It is set by the registration, not by
	// configuration.
	Parser *depparse.Model `mapstructure:"-"`
}

// Values of Options.Parse.
const (
	ParseTriggers = "triggers"
	ParseExisting = "existing"
)

// Spec registers the stage: it requires the sentences, tokens and
// entities, uses the dates, the parse and the coreferences when the
// pipeline finds them, and provides the events. Its options
// (stages.events) are Options; parser is the model for on-demand parsing
// (nil: depparse.Default()).
func Spec(parser *depparse.Model) pipeline.Spec {
	return pipeline.Spec{
		Name:     Name,
		Requires: []string{pipeline.ArtifactSentences, pipeline.ArtifactTokens, pipeline.ArtifactEntities},
		Uses:     []string{pipeline.ArtifactDates, pipeline.ArtifactParse, pipeline.ArtifactCoref},
		Provides: []string{pipeline.ArtifactEvents},
		New: func(m map[string]any) (pipeline.Stage, error) {
			var o Options
			if err := pipeline.DecodeOptions(Name, m, &o); err != nil {
				return nil, err
			}
			o.Parser = parser
			return New(o)
		},
	}
}

// New builds the stage, loading and validating the lexicon.
func New(opts Options) (*Stage, error) {
	var (
		lx  *Lexicon
		err error
	)
	switch {
	case opts.ReplaceLexicon && len(opts.Lexicon) == 0:
		return nil, fmt.Errorf("events: replace_lexicon needs at least one lexicon file")
	case opts.ReplaceLexicon:
		lx, err = LoadLexiconOnly(opts.Lexicon...)
	case len(opts.Lexicon) > 0:
		lx, err = LoadLexicon(opts.Lexicon...)
	default:
		lx, err = DefaultLexicon()
	}
	if err != nil {
		return nil, err
	}
	st := &Stage{lx: lx, parseMax: opts.ParseMax}
	switch {
	case st.parseMax == 0:
		st.parseMax = 4
	case st.parseMax < -1:
		return nil, fmt.Errorf("events: parse_max must be -1 (no bound) or more, got %d", opts.ParseMax)
	}
	switch opts.Parse {
	case ParseTriggers:
		st.parser = opts.Parser
		if st.parser == nil {
			if st.parser, err = depparse.Default(); err != nil {
				return nil, fmt.Errorf("events: %w", err)
			}
		}
	case "", ParseExisting:
	default:
		return nil, fmt.Errorf("events: parse %q: want %q or %q", opts.Parse, ParseTriggers, ParseExisting)
	}
	return st, nil
}

// NewWithLexicon builds the stage on an already compiled lexicon.
func NewWithLexicon(lx *Lexicon) *Stage { return &Stage{lx: lx} }

// Name returns "events".
func (s *Stage) Name() string { return Name }

// Process finds the events of d and stores them in d.Events, replacing
// what was there. Documents without tokens are left alone.
func (s *Stage) Process(ctx context.Context, d *pipeline.Document) error {
	if len(d.Tokens) == 0 {
		return nil
	}
	x := newDocView(d, s.lx)
	sents := make([]sentTrigs, len(d.Sentences))
	parsed := 0
	for si := range d.Sentences {
		if si%32 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		sents[si] = x.sentenceTriggers(si)
		if s.parser != nil && (s.parseMax < 0 || parsed < s.parseMax) && x.wantsParse(sents[si]) {
			parsed++
			if err := parse.Sentence(s.parser, d, si); err != nil {
				return fmt.Errorf("events: %w", err)
			}
		}
	}
	var found []*draft
	for si := range sents {
		found = append(found, x.sentenceEvents(sents[si])...)
	}
	d.Events = x.applyTransforms(x.finish(withReverse(merge(found, s.lx))))
	return nil
}

// finish turns drafts into numbered events in text order, one per
// (source, target) pair, with the sides' CAMEO actor codes (dyadcode.go);
// pairs that come out twice (a mutual kind whose paired event is also
// coded two-way) are kept once.
func (x *docView) finish(ds []*draft) []pipeline.Event {
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].trigger.Start < ds[j].trigger.Start })
	out := make([]pipeline.Event, 0, len(ds))
	type key struct {
		trig                pipeline.Span
		src, tgt, code, via string
	}
	seen := map[key]bool{}
	for _, dr := range ds {
		x.addCoordinated(dr)
		for _, dy := range dr.pairs(x.lx.kinds[dr.kind].Reciprocal) {
			ev := dr.event(len(out)+1, dy)
			ev.SourceCode, ev.TargetCode = x.sideCode(dr, dy.source, true), x.sideCode(dr, dy.target, false)
			k := key{ev.Trigger, ev.Source + "|" + ev.SourceCode, ev.Target + "|" + ev.TargetCode, ev.CAMEO, ev.Kind}
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, ev)
		}
	}
	return out
}

// event builds the event numbered n of draft dr for one of its dyads.
// Every dyad of a trigger has the trigger's participants, where sources
// are actors and targets targets (the reverse dyad of a mutual event
// keeps them as they are).
func (dr *draft) event(n int, dy dyad) pipeline.Event {
	parts := dr.participants()
	ev := pipeline.Event{
		ID:           fmt.Sprintf("e%d", n),
		Kind:         dr.kind,
		CAMEO:        dr.cameo,
		QuadClass:    QuadClass(dr.cameo),
		Trigger:      dr.trigger,
		Participants: parts,
		Source:       dy.source.Entity,
		Target:       dy.target.Entity,
		Location:     dr.location,
		Date:         dr.date,
		DateSource:   dr.dateSource,
		Evidence:     dr.evidence,
		Negated:      dr.negated,
		Modality:     dr.modality,
	}
	if len(dr.triggers) > 1 {
		ev.Triggers = append([]pipeline.Span(nil), dr.triggers...)
		sort.Slice(ev.Triggers, func(i, j int) bool { return ev.Triggers[i].Start < ev.Triggers[j].Start })
	}
	return ev
}
