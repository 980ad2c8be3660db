package dates

import (
	"context"
	"fmt"
	"sort"

	"github.com/entente-nlp/entente/pipeline"
)

// Name is the stage name used in configuration.
const Name = "dates"

// Stage fills Document.Dates with the temporal expressions of
// Document.Text, resolved against Document.PublishedDate.
type Stage struct {
	finder *Finder
}

var _ pipeline.Stage = (*Stage)(nil)

// New builds the stage from its configuration section (stages.dates).
// Known keys: "vague" (bool, see Options.Vague). Unknown keys and values
// of the wrong type are errors.
func New(opts map[string]any) (*Stage, error) {
	var o Options
	keys := make([]string, 0, len(opts))
	for k := range opts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		switch k {
		case "vague":
			b, ok := opts[k].(bool)
			if !ok {
				return nil, fmt.Errorf("dates: option %q must be true or false, not %v", k, opts[k])
			}
			o.Vague = b
		default:
			return nil, fmt.Errorf("dates: unknown option %q (known: vague)", k)
		}
	}
	return &Stage{finder: NewFinder(o)}, nil
}

// Name returns "dates".
func (s *Stage) Name() string { return Name }

// Process replaces d.Dates with the expressions found in d.Text. Documents
// with a fatal error are skipped. A publication date that is present but
// unreadable is reported as a (non-fatal) error, and relative expressions
// then stay unresolved.
func (s *Stage) Process(ctx context.Context, d *pipeline.Document) error {
	if d.Failed() {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	ref, known := d.PublishedDate()
	d.Dates = s.finder.Find(d.Text, ref, known)
	if !known && d.Published != "" {
		return fmt.Errorf("dates: publication date %q is not a date; relative dates left unresolved", d.Published)
	}
	return nil
}
