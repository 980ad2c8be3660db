package pipeline

import (
	"fmt"
	"sort"
	"strings"
)

// Constructor builds a stage from its options (the stage's section of the
// configuration, possibly nil). It validates the options and returns an
// error naming the bad key rather than building a half-configured stage.
type Constructor func(opts map[string]any) (Stage, error)

// Registry maps stage names to constructors. The program that wires entente
// registers every stage it offers; the pipeline is then a list of names.
// A Registry is not safe for concurrent registration; build it before use.
type Registry struct {
	ctors map[string]Constructor
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry { return &Registry{ctors: map[string]Constructor{}} }

// Register adds a constructor under name. Registering a name twice panics:
// it is a wiring bug, not an input error.
func (r *Registry) Register(name string, c Constructor) {
	if _, dup := r.ctors[name]; dup {
		panic("pipeline: stage " + name + " registered twice")
	}
	r.ctors[name] = c
}

// Names returns the registered stage names, sorted.
func (r *Registry) Names() []string {
	out := make([]string, 0, len(r.ctors))
	for n := range r.ctors {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Build turns an ordered list of stage names into stages. opts maps a stage
// name to its options. An unknown name is an error that lists the known ones.
func (r *Registry) Build(names []string, opts map[string]map[string]any) ([]Stage, error) {
	if len(names) == 0 {
		return nil, fmt.Errorf("pipeline: no stages configured")
	}
	stages := make([]Stage, 0, len(names))
	seen := map[string]bool{}
	for _, n := range names {
		c, ok := r.ctors[n]
		if !ok {
			return nil, fmt.Errorf("pipeline: unknown stage %q (known: %s)", n, strings.Join(r.Names(), ", "))
		}
		if seen[n] {
			return nil, fmt.Errorf("pipeline: stage %q listed twice", n)
		}
		seen[n] = true
		s, err := c(opts[n])
		if err != nil {
			return nil, fmt.Errorf("pipeline: building stage %q: %w", n, err)
		}
		stages = append(stages, s)
	}
	return stages, nil
}
