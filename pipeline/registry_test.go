package pipeline

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
)

// testRegistry registers a small pipeline shaped like entente's.
func testRegistry() *Registry {
	r := NewRegistry()
	nop := func(name string) Constructor {
		return func(opts map[string]any) (Stage, error) {
			var o struct {
				Level int `mapstructure:"level"`
			}
			if err := DecodeOptions(name, opts, &o); err != nil {
				return nil, err
			}
			return StageFunc{StageName: name, Fn: func(context.Context, *Document) error { return nil }}, nil
		}
	}
	r.Register(Spec{Name: "ingest", Provides: []string{ArtifactDocument}, New: nop("ingest")})
	r.Register(Spec{Name: "clean", Requires: []string{ArtifactDocument}, Provides: []string{ArtifactText}, New: nop("clean")})
	r.Register(Spec{Name: "nlp", Requires: []string{ArtifactText}, Provides: []string{ArtifactSentences, ArtifactTokens}, New: nop("nlp")})
	r.Register(Spec{Name: "parse", Requires: []string{ArtifactTokens}, Provides: []string{ArtifactParse}, Optional: true, New: nop("parse")})
	r.Register(Spec{Name: "entities", Requires: []string{ArtifactText, ArtifactTokens}, Uses: []string{ArtifactParse}, Provides: []string{ArtifactEntities}, New: nop("entities")})
	r.Register(Spec{Name: "relations", Requires: []string{ArtifactEntities}, Provides: []string{ArtifactRelations}, New: nop("relations")})
	return r
}

func TestRegistryDefaultAndNames(t *testing.T) {
	r := testRegistry()
	if got, want := r.Default(), []string{"ingest", "clean", "nlp", "entities", "relations"}; !slices.Equal(got, want) {
		t.Errorf("Default() = %v, want %v (registration order, optional stages left out)", got, want)
	}
	if got := r.Names(); !slices.IsSorted(got) || len(got) != 6 {
		t.Errorf("Names() = %v", got)
	}
	if st, err := r.Build(r.Default(), nil); err != nil || len(st) != 5 || st[4].Name() != "relations" {
		t.Fatalf("default pipeline: %v %v", st, err)
	}
	if _, err := r.Build([]string{"ingest", "clean", "nlp", "parse", "entities"}, nil); err != nil {
		t.Errorf("optional stage in its place: %v", err)
	}
}

func TestRegistryRejectsBadPipelines(t *testing.T) {
	r := testRegistry()
	cases := []struct {
		names []string
		opts  map[string]map[string]any
		want  []string // one line per problem, in order
	}{
		{nil, nil, []string{"no stages configured"}},
		{[]string{"relations", "ingest"}, nil, []string{
			`stage "relations" requires entities, which no earlier stage provides (add entities before relations)`,
		}},
		{[]string{"ingest", "nlp"}, nil, []string{
			`stage "nlp" requires text, which no earlier stage provides (add clean before nlp)`,
		}},
		{[]string{"ingest", "nlp", "clean"}, nil, []string{
			`stage "nlp" requires text, which clean provides after it (put clean before nlp)`,
		}},
		{[]string{"ingest", "clean", "nlp", "entities", "parse"}, nil, []string{
			`stage "entities" uses parse, which parse provides after it (put parse before entities)`,
		}},
		{[]string{"ingest", "clean", "nlp", "nlp", "tokenize"}, nil, []string{
			`stage "nlp" listed twice`,
			`unknown stage "tokenize" (known: clean, entities, ingest, nlp, parse, relations)`,
		}},
		{[]string{"ingest", "clean"}, map[string]map[string]any{"zeta": {}, "alpha": {"x": 1}, "nlp": {"level": 1}}, []string{
			`options for unknown stage "alpha"`,
			`options for unknown stage "zeta"`,
		}},
		{[]string{"ingest", "clean"}, map[string]map[string]any{"clean": {"levle": 1}, "ingest": {"level": "high"}}, []string{
			`stages.ingest.level: want an integer, got "high"`,
			`stages.clean: unknown option "levle" (known: level)`,
		}},
	}
	for _, c := range cases {
		_, err := r.Build(c.names, c.opts)
		if err == nil {
			t.Errorf("%v %v: accepted", c.names, c.opts)
			continue
		}
		lines := strings.Split(err.Error(), "\n")
		if len(lines) != len(c.want) {
			t.Errorf("%v %v: %d errors, want %d:\n%v", c.names, c.opts, len(lines), len(c.want), err)
			continue
		}
		for i, w := range c.want {
			if !strings.Contains(lines[i], w) {
				t.Errorf("%v: error %q, want %q", c.names, lines[i], w)
			}
		}
		if err2 := r.Check(c.names, c.opts); err2 == nil && !strings.Contains(err.Error(), "stages.") {
			t.Errorf("%v: Check accepts what Build rejects", c.names)
		}
	}
}

func TestRegistryBuildGiven(t *testing.T) {
	r := testRegistry()
	st, err := r.BuildGiven([]string{ArtifactDocument, ArtifactText}, []string{"nlp", "entities"}, nil)
	if err != nil || len(st) != 2 {
		t.Fatalf("nlp and entities on clean text: %v %v", st, err)
	}
	if _, err := r.BuildGiven([]string{"txt"}, []string{"nlp"}, nil); err == nil || !strings.Contains(err.Error(), `unknown artifact "txt"`) {
		t.Errorf("unknown given artifact: %v", err)
	}
}

func TestRegistryConstructorErrors(t *testing.T) {
	r := NewRegistry()
	r.Register(Spec{Name: "broken", New: func(map[string]any) (Stage, error) { return nil, errors.New("broken: no model") }})
	_, err := r.Build([]string{"broken"}, nil)
	if err == nil || err.Error() != `pipeline: building stage "broken": broken: no model` {
		t.Errorf("constructor error: %v", err)
	}
}

func TestRegisterWiringBugsPanic(t *testing.T) {
	nop := func(map[string]any) (Stage, error) { return nil, nil }
	for name, s := range map[string]Spec{
		"no name":          {New: nop},
		"no constructor":   {Name: "x"},
		"unknown artifact": {Name: "x", Provides: []string{"tokenz"}, New: nop},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			NewRegistry().Register(s)
		}()
	}
	func() {
		defer func() {
			if recover() == nil {
				t.Error("registered twice: no panic")
			}
		}()
		r := NewRegistry()
		r.Register(Spec{Name: "x", New: nop})
		r.Register(Spec{Name: "x", New: nop})
	}()
}
