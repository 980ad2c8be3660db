package events

import (
	"context"
	"fmt"
	"sort"

	"github.com/entente-nlp/entente/pipeline"
)

// Name is the stage name used in configuration.
const Name = "events"

// Stage fills Document.Events. It is safe for concurrent use: the lexicon
// is read-only.
type Stage struct {
	lx *Lexicon
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
}

// Spec registers the stage: it requires the sentences, tokens and
// entities, uses the dates when the pipeline finds them, and provides the
// events. Its options (stages.events) are Options.
func Spec() pipeline.Spec {
	return pipeline.Spec{
		Name:     Name,
		Requires: []string{pipeline.ArtifactSentences, pipeline.ArtifactTokens, pipeline.ArtifactEntities},
		Uses:     []string{pipeline.ArtifactDates},
		Provides: []string{pipeline.ArtifactEvents},
		New: func(m map[string]any) (pipeline.Stage, error) {
			var o Options
			if err := pipeline.DecodeOptions(Name, m, &o); err != nil {
				return nil, err
			}
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
	return &Stage{lx: lx}, nil
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
	var found []*draft
	for si := range d.Sentences {
		if si%32 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		found = append(found, x.sentenceEvents(si)...)
	}
	d.Events = finish(withReverse(merge(found, s.lx)))
	return nil
}

// finish turns drafts into numbered events in text order.
func finish(ds []*draft) []pipeline.Event {
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].trigger.Start < ds[j].trigger.Start })
	out := make([]pipeline.Event, 0, len(ds))
	for _, dr := range ds {
		ev := pipeline.Event{
			ID:           fmt.Sprintf("e%d", len(out)+1),
			Kind:         dr.kind,
			CAMEO:        dr.cameo,
			QuadClass:    QuadClass(dr.cameo),
			Trigger:      dr.trigger,
			Participants: dr.participants(),
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
		out = append(out, ev)
	}
	return out
}
