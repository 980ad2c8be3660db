package dates

import (
	"context"
	"fmt"
	"slices"

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

// Spec registers the stage: it requires the document (its publication
// date) and the clean text, and provides the dates. Its options
// (stages.dates) are Options.
func Spec() pipeline.Spec {
	return pipeline.Spec{
		Name:     Name,
		Requires: []string{pipeline.ArtifactDocument, pipeline.ArtifactText},
		Provides: []string{pipeline.ArtifactDates},
		New: func(m map[string]any) (pipeline.Stage, error) {
			var o Options
			if err := pipeline.DecodeOptions(Name, m, &o); err != nil {
				return nil, err
			}
			return New(o)
		},
	}
}

// New builds the stage.
func New(o Options) (*Stage, error) {
	return &Stage{finder: NewFinder(o)}, nil
}

// Name returns "dates".
func (s *Stage) Name() string { return Name }

// Process replaces d.Dates with the expressions found in d.Text. A
// publication date that is present but unreadable is reported as a
// (non-fatal) error, and relative expressions then stay unresolved.
func (s *Stage) Process(ctx context.Context, d *pipeline.Document) error {
	ref, known := d.PublishedDate()
	d.Dates = s.finder.Find(d.Text, ref, known)
	if len(d.Blocks) > 0 {
		// Page furniture (navigation, teasers, a footer's copyright year)
		// is not a source of dates.
		d.Dates = slices.DeleteFunc(d.Dates, func(t pipeline.TimeExpr) bool { return d.OutsideArticle(t.Span) })
	}
	if !known && d.Published != "" {
		return fmt.Errorf("dates: publication date %q is not a date; relative dates left unresolved", d.Published)
	}
	return nil
}
