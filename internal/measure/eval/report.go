package eval

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
)

// WriteText prints the report for a reader: precision, recall and F1 per
// entity type and overall, then for dates, events and relations, each
// followed by what was missed and what was spurious.
func (r *Report) WriteText(w io.Writer) error {
	var errs []error
	pr := func(format string, a ...any) {
		_, err := fmt.Fprintf(w, format, a...)
		errs = append(errs, err)
	}
	row := func(name string, s Score) {
		pr("  %-14s P %.3f  R %.3f  F1 %.3f   (found %d/%d, correct %d/%d)\n",
			name, s.Precision, s.Recall, s.F1, s.Found, s.Gold, s.Correct, s.Predicted)
	}
	list := func(title string, items []string) {
		if len(items) == 0 {
			return
		}
		pr("  %s (%d):\n", title, len(items))
		for _, it := range items {
			pr("    - %s\n", it)
		}
	}
	pr("%s\n", r.Document)
	pr("entities\n")
	types := make([]string, 0, len(r.Entities.ByType))
	for t := range r.Entities.ByType {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		row(t, r.Entities.ByType[t])
	}
	row("overall", r.Entities.Overall)
	list("missed", r.Entities.Missed)
	list("spurious", r.Entities.Spurious)
	list("optional (neither help nor hurt)", r.Entities.Optional)
	if len(r.NotEntities) > 0 {
		list("NOT-ENTITIES FOUND", r.NotEntities)
	} else {
		pr("  not_entities: none found\n")
	}
	pr("dates\n")
	row("values", r.Dates.Score)
	list("missed", r.Dates.Missed)
	list("spurious", r.Dates.Spurious)
	pr("events\n")
	row("events", r.Events.Score)
	pr("  kind agreement %.3f (%d/%d matched events)\n", r.Events.KindAgreement, r.Events.KindAgree, r.Events.KindPairs)
	list("missed", r.Events.Missed)
	list("spurious", r.Events.Spurious)
	pr("relations\n")
	row("relations", r.Relations.Score)
	list("missed", r.Relations.Missed)
	list("spurious", r.Relations.Spurious)
	list("not scored (a type the key does not annotate)", r.Relations.Unscored)
	return errors.Join(errs...)
}

// WriteJSON writes the report as indented JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
