package pipeline

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Constructor builds a stage from its options (the stage's section of the
// configuration, possibly nil). It decodes them with DecodeOptions, which
// rejects unknown keys and values of the wrong type, and validates them,
// rather than building a half-configured stage.
type Constructor func(opts map[string]any) (Stage, error)

// Spec describes a stage to a Registry: its name, the artifacts (see
// Artifacts) it requires, uses and provides, and its constructor. A stage
// package usually offers a function returning its Spec, so that wiring it
// is one line: r.Register(dates.Spec()).
type Spec struct {
	// Name is the stage name used in configuration; Process's errors are
	// recorded under it.
	Name string
	// Requires are the artifacts the stage cannot work without: an
	// earlier stage of the pipeline must provide each of them.
	Requires []string
	// Uses are artifacts the stage reads when present: no stage that
	// provides one may come after it.
	Uses []string
	// Provides are the artifacts the stage fills.
	Provides []string
	// Optional leaves the stage out of the default pipeline.
	Optional bool
	// New builds the stage from its options.
	New Constructor
}

// Registry maps stage names to their specs. The program that wires
// entente registers every stage it offers, in the order of the default
// pipeline; a pipeline is then a list of names. A Registry is not safe for
// concurrent registration; build it before use.
type Registry struct {
	specs []Spec
	index map[string]int
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry { return &Registry{index: map[string]int{}} }

// Register adds a stage. Registering a name twice, a spec without a name or
// a constructor, or an artifact not listed in Artifacts panics: it is a
// wiring bug, not an input error.
func (r *Registry) Register(s Spec) {
	if s.Name == "" || s.New == nil {
		panic(fmt.Sprintf("pipeline: stage spec %q without a name or a constructor", s.Name))
	}
	if _, dup := r.index[s.Name]; dup {
		panic("pipeline: stage " + s.Name + " registered twice")
	}
	for _, a := range slices.Concat(s.Requires, s.Uses, s.Provides) {
		if !slices.Contains(Artifacts, a) {
			panic(fmt.Sprintf("pipeline: stage %s declares unknown artifact %q (known: %s)", s.Name, a, strings.Join(Artifacts, ", ")))
		}
	}
	r.index[s.Name] = len(r.specs)
	r.specs = append(r.specs, s)
}

// Spec returns the spec registered under name.
func (r *Registry) Spec(name string) (Spec, bool) {
	i, ok := r.index[name]
	if !ok {
		return Spec{}, false
	}
	return r.specs[i], true
}

// Names returns the registered stage names, sorted.
func (r *Registry) Names() []string {
	out := make([]string, 0, len(r.specs))
	for _, s := range r.specs {
		out = append(out, s.Name)
	}
	sort.Strings(out)
	return out
}

// Default returns the default pipeline: the registered stages that are
// not Optional, in registration order.
func (r *Registry) Default() []string {
	var out []string
	for _, s := range r.specs {
		if !s.Optional {
			out = append(out, s.Name)
		}
	}
	return out
}

// Check validates a pipeline without building it: every name is
// registered and listed once, and every stage comes after the stages that
// provide what it requires or uses. opts maps stage names to options; a
// name that is not registered is an error (options are not decoded here).
// Check reports every problem it finds, joined with errors.Join, or nil.
func (r *Registry) Check(names []string, opts map[string]map[string]any) error {
	return r.CheckGiven(nil, names, opts)
}

// CheckGiven is Check for a pipeline whose documents already carry the
// given artifacts (an evaluation corpus made of clean text, say).
func (r *Registry) CheckGiven(given, names []string, opts map[string]map[string]any) error {
	if len(names) == 0 {
		return errors.New("pipeline: no stages configured")
	}
	var errs []error
	known := strings.Join(r.Names(), ", ")
	seen := map[string]bool{}
	provided := map[string]bool{}
	for _, a := range given {
		if !slices.Contains(Artifacts, a) {
			errs = append(errs, fmt.Errorf("pipeline: unknown artifact %q (known: %s)", a, strings.Join(Artifacts, ", ")))
		}
		provided[a] = true
	}
	for i, n := range names {
		s, ok := r.Spec(n)
		switch {
		case !ok:
			errs = append(errs, fmt.Errorf("pipeline: unknown stage %q (known: %s)", n, known))
			continue
		case seen[n]:
			errs = append(errs, fmt.Errorf("pipeline: stage %q listed twice", n))
			continue
		}
		seen[n] = true
		var missing []string
		for _, a := range s.Requires {
			if !provided[a] {
				missing = append(missing, a)
			}
		}
		errs = append(errs, r.orderErrors(names, i, missing, "requires")...)
		var early []string
		for _, a := range s.Uses {
			if r.providerIn(names[i+1:], a) != "" {
				early = append(early, a)
			}
		}
		errs = append(errs, r.orderErrors(names, i, early, "uses")...)
		for _, a := range s.Provides {
			provided[a] = true
		}
	}
	unknownOpts := make([]string, 0, len(opts))
	for n := range opts {
		if _, ok := r.index[n]; !ok {
			unknownOpts = append(unknownOpts, n)
		}
	}
	sort.Strings(unknownOpts)
	for _, n := range unknownOpts {
		errs = append(errs, fmt.Errorf("pipeline: options for unknown stage %q (known: %s)", n, known))
	}
	return errors.Join(errs...)
}

// orderErrors explains why the artifacts arts, which names[i] requires
// or uses (verb), are not there before it: a later stage provides them, or
// no stage of the pipeline does.
func (r *Registry) orderErrors(names []string, i int, arts []string, verb string) []error {
	if len(arts) == 0 {
		return nil
	}
	n := names[i]
	var later, absent, laterBy, offer []string
	for _, a := range arts {
		if p := r.providerIn(names[i+1:], a); p != "" {
			later = append(later, a)
			laterBy = appendNew(laterBy, p)
			continue
		}
		absent = append(absent, a)
		for _, s := range r.specs {
			if slices.Contains(s.Provides, a) {
				offer = appendNew(offer, s.Name)
			}
		}
	}
	var errs []error
	if len(later) > 0 {
		errs = append(errs, fmt.Errorf("pipeline: stage %q %s %s, which %s provides after it (put %s before %s)",
			n, verb, strings.Join(later, ", "), strings.Join(laterBy, " and "), strings.Join(laterBy, " and "), n))
	}
	if len(absent) > 0 {
		fix := "no registered stage provides it"
		if len(offer) > 0 {
			fix = "add " + strings.Join(offer, " and ") + " before " + n
		}
		errs = append(errs, fmt.Errorf("pipeline: stage %q %s %s, which no earlier stage provides (%s)",
			n, verb, strings.Join(absent, ", "), fix))
	}
	return errs
}

func appendNew(xs []string, x string) []string {
	if slices.Contains(xs, x) {
		return xs
	}
	return append(xs, x)
}

// providerIn returns the first of names whose stage provides a, or "".
func (r *Registry) providerIn(names []string, a string) string {
	for _, n := range names {
		if s, ok := r.Spec(n); ok && slices.Contains(s.Provides, a) {
			return n
		}
	}
	return ""
}

// Build checks a pipeline (see Check) and builds its stages, in order.
// opts maps a stage name to its options. It reports every problem it
// finds, joined with errors.Join: the pipeline's names and order, and each
// stage's options.
func (r *Registry) Build(names []string, opts map[string]map[string]any) ([]Stage, error) {
	return r.BuildGiven(nil, names, opts)
}

// BuildGiven is Build for a pipeline whose documents already carry the
// given artifacts (see CheckGiven): BuildGiven([]string{ArtifactText},
// []string{"nlp"}, nil) builds the nlp stage alone for documents made of
// clean text.
func (r *Registry) BuildGiven(given, names []string, opts map[string]map[string]any) ([]Stage, error) {
	errs := []error{r.CheckGiven(given, names, opts)}
	stages := make([]Stage, 0, len(names))
	built := map[string]bool{}
	for _, n := range names {
		s, ok := r.Spec(n)
		if !ok || built[n] {
			continue // reported by Check
		}
		built[n] = true
		st, err := s.New(opts[n])
		if err != nil {
			var oe *OptionError
			if !errors.As(err, &oe) {
				err = fmt.Errorf("pipeline: building stage %q: %w", n, err)
			}
			errs = append(errs, err)
			continue
		}
		stages = append(stages, st)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return stages, nil
}
