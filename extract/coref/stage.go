package coref

import (
	"context"
	"fmt"
	"slices"

	"github.com/entente-nlp/entente/pipeline"
)

// Name is the stage name used in configuration.
const Name = "coref"

// Options configure the stage (stages.coref).
type Options struct {
	// Window is how many sentences before the anaphor's own an antecedent
	// may lie in: 2 by default (pronouns), descriptions look one further.
	Window int `mapstructure:"window"`
	// Kinds keeps only these coreference kinds (pronoun, description,
	// surname); all when empty.
	Kinds []string `mapstructure:"kinds"`
}

// Stage fills Document.Coreferences. It holds no per-document state and
// is safe for concurrent use.
type Stage struct {
	window int
	kinds  map[string]bool // nil = all
}

var _ pipeline.Stage = (*Stage)(nil)

// Spec registers the stage: it requires the sentences, tokens and
// entities, uses the dependency parse when the pipeline has it (subjects,
// objects, expletive "it"), and provides the coreferences. Its options
// (stages.coref) are Options.
func Spec() pipeline.Spec {
	return pipeline.Spec{
		Name:     Name,
		Requires: []string{pipeline.ArtifactSentences, pipeline.ArtifactTokens, pipeline.ArtifactEntities},
		Uses:     []string{pipeline.ArtifactParse},
		Provides: []string{pipeline.ArtifactCoref},
		New: func(m map[string]any) (pipeline.Stage, error) {
			var o Options
			if err := pipeline.DecodeOptions(Name, m, &o); err != nil {
				return nil, err
			}
			return New(o)
		},
	}
}

// New builds the stage, rejecting a window outside 0..10 and unknown
// kinds.
func New(o Options) (*Stage, error) {
	if o.Window == 0 {
		o.Window = 2
	}
	if o.Window < 0 || o.Window > 10 {
		return nil, fmt.Errorf("coref: window %d must be between 1 and 10 sentences", o.Window)
	}
	s := &Stage{window: o.Window}
	if len(o.Kinds) > 0 {
		s.kinds = map[string]bool{}
		for _, k := range o.Kinds {
			switch k {
			case pipeline.CorefPronoun, pipeline.CorefDescription, pipeline.CorefSurname:
				s.kinds[k] = true
			default:
				return nil, fmt.Errorf("coref: unknown kind %q (want pronoun, description or surname)", k)
			}
		}
	}
	return s, nil
}

// Name returns "coref".
func (s *Stage) Name() string { return Name }

// Process replaces d.Coreferences with the links found in d, sorted by
// position.
func (s *Stage) Process(ctx context.Context, d *pipeline.Document) error {
	r := newResolver(d, s.window)
	out := r.run(ctx, s.kinds)
	if err := ctx.Err(); err != nil {
		return err
	}
	slices.SortStableFunc(out, func(a, b pipeline.Coreference) int { return a.Start - b.Start })
	d.Coreferences = out
	return nil
}
