package pipeline_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/entente-nlp/entente/pipeline"
)

// upper is a stage that fills the clean text from the input, in capitals
// unless told otherwise.
type upper struct{ lower bool }

func (upper) Name() string { return "upper" }

func (u upper) Process(ctx context.Context, d *pipeline.Document) error {
	d.Text = strings.ToUpper(string(d.Original))
	if u.lower {
		d.Text = strings.ToLower(d.Text)
	}
	return nil
}

// upperOptions are the stage's options (config key stages.upper).
type upperOptions struct {
	Lower bool `mapstructure:"lower"`
}

// upperSpec registers the stage: what it requires and provides, and how its
// options are decoded. A stage package offers such a function, and the
// program that wires stages registers it in one line.
func upperSpec() pipeline.Spec {
	return pipeline.Spec{
		Name:     "upper",
		Requires: []string{pipeline.ArtifactDocument},
		Provides: []string{pipeline.ArtifactText},
		New: func(opts map[string]any) (pipeline.Stage, error) {
			var o upperOptions
			if err := pipeline.DecodeOptions("upper", opts, &o); err != nil {
				return nil, err
			}
			return upper{lower: o.Lower}, nil
		},
	}
}

func ExampleRegistry() {
	r := pipeline.NewRegistry()
	r.Register(pipeline.Spec{
		Name:     "ingest",
		Provides: []string{pipeline.ArtifactDocument},
		New: func(map[string]any) (pipeline.Stage, error) {
			return pipeline.StageFunc{StageName: "ingest", Fn: func(context.Context, *pipeline.Document) error { return nil }}, nil
		},
	})
	r.Register(upperSpec())
	fmt.Println("default:", r.Default())

	stages, err := r.Build(r.Default(), map[string]map[string]any{"upper": {"Lower": true}})
	if err != nil {
		fmt.Println(err)
		return
	}
	d := &pipeline.Document{Original: []byte("Astana")}
	_ = pipeline.ProcessDocument(context.Background(), stages, d)
	fmt.Println(d.Text)

	// Wrong order, an unknown stage and a misspelt option: every problem
	// is reported.
	_, err = r.Build([]string{"upper", "ingest", "tokenize"}, map[string]map[string]any{"upper": {"lowr": true}})
	fmt.Println(err)
	// Output:
	// default: [ingest upper]
	// astana
	// pipeline: stage "upper" requires document, which ingest provides after it (put ingest before upper)
	// pipeline: unknown stage "tokenize" (known: ingest, upper)
	// stages.upper: unknown option "lowr" (known: lower)
}

func ExampleDecodeOptions() {
	type options struct {
		Vague bool     `mapstructure:"vague"`
		Types []string `mapstructure:"types"`
	}
	o := options{Vague: true} // defaults
	err := pipeline.DecodeOptions("dates", map[string]any{"TYPES": "date"}, &o)
	fmt.Printf("%+v %v\n", o, err)

	err = pipeline.DecodeOptions("dates", map[string]any{"vague": "yes", "vauge": true}, &o)
	fmt.Println(err)
	// Output:
	// {Vague:true Types:[date]} <nil>
	// stages.dates: unknown option "vauge" (known: types, vague)
	// stages.dates.vague: want true or false, got "yes"
}
