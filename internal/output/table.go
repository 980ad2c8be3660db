package output

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
)

// TableLimit is the number of entities, events and relations the table
// format lists per document; the rest are counted.
const TableLimit = 25

// tableWriter writes a readable summary per document.
type tableWriter struct {
	w io.Writer
	n int
}

func (t *tableWriter) Write(r Record) error {
	var buf bytes.Buffer
	if t.n > 0 {
		buf.WriteString("\n")
	}
	t.n++
	title := r.Title
	if title == "" {
		title = r.ID
	}
	fmt.Fprintf(&buf, "== %s\n", title)
	fmt.Fprintf(&buf, "   id %s · source %s", r.ID, r.Source)
	if r.Published != "" {
		fmt.Fprintf(&buf, " · published %s", r.Published)
	}
	fmt.Fprintf(&buf, "\n   %d entities · %d dates · %d events · %d relations\n",
		len(r.Entities), len(r.Dates), len(r.Events), len(r.Relations))
	for _, e := range r.Errors {
		kind := "error"
		if !e.Fatal {
			kind = "warning"
		}
		fmt.Fprintf(&buf, "   %s [%s]: %s\n", kind, e.Stage, e.Message)
	}

	if len(r.Entities) > 0 {
		ents := append([]Entity(nil), r.Entities...)
		sort.SliceStable(ents, func(i, j int) bool {
			if ents[i].Salience != ents[j].Salience {
				return ents[i].Salience > ents[j].Salience
			}
			return ents[i].Count > ents[j].Count
		})
		buf.WriteString("\n")
		tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "   TYPE\tNAME\tID\tMENTIONS\tSALIENCE")
		for i, e := range ents {
			if i == TableLimit {
				fmt.Fprintf(tw, "   …\t%d more\t\t\t\n", len(ents)-TableLimit)
				break
			}
			fmt.Fprintf(tw, "   %s\t%s\t%s\t%d\t%.2f\n", e.Type, e.Name, e.ID, e.Count, e.Salience)
		}
		tw.Flush()
	}
	if len(r.Events) > 0 {
		buf.WriteString("\n")
		tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "   DATE\tEVENT\tCAMEO\tPARTICIPANTS")
		for i, e := range r.Events {
			if i == TableLimit {
				fmt.Fprintf(tw, "   …\t%d more\t\t\n", len(r.Events)-TableLimit)
				break
			}
			date := e.Date
			if date == "" {
				date = "-"
			}
			fmt.Fprintf(tw, "   %s\t%s\t%s\t%s\n", date, e.Kind, e.CAMEO, strings.Join(e.Participants, ", "))
		}
		tw.Flush()
	}
	if len(r.Relations) > 0 {
		buf.WriteString("\n")
		tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "   SOURCE\tRELATION\tTARGET\tLABEL")
		for i, rel := range r.Relations {
			if i == TableLimit {
				fmt.Fprintf(tw, "   …\t%d more\t\t\n", len(r.Relations)-TableLimit)
				break
			}
			fmt.Fprintf(tw, "   %s\t%s\t%s\t%s\n", rel.Source, rel.Type, rel.Target, rel.Label)
		}
		tw.Flush()
	}
	_, err := t.w.Write(buf.Bytes())
	return err
}

func (t *tableWriter) Close() error { return nil }
