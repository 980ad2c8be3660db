package output

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/entente-nlp/entente"
)

// TableLimit is the number of entities, dates, events and relations the
// table format lists per document by default; the rest are counted
// (NewTable sets another limit; extract --limit 0 lists all).
const TableLimit = 25

// tableWriter writes a readable summary per document: a header, the
// entities by salience, then dates, events and relations, naming entities
// by their names.
type tableWriter struct {
	w     io.Writer
	n     int
	limit int // rows per section; 0 or less: all
}

func (t *tableWriter) Write(r *entente.Record) error {
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
	fmt.Fprintf(&buf, "\n   %s · %s · %s · %s\n",
		count(len(r.Entities), "entity", "entities"), count(len(r.Dates), "date", "dates"),
		count(len(r.Events), "event", "events"), count(len(r.Relations), "relation", "relations"))
	for _, e := range r.Errors {
		kind := "error"
		if !e.Fatal {
			kind = "warning"
		}
		fmt.Fprintf(&buf, "   %s [%s]: %s\n", kind, e.Stage, e.Message)
	}

	names := make(map[string]string, len(r.Entities))
	for _, e := range r.Entities {
		names[e.ID] = e.Name
	}
	name := func(id string) string {
		if n, ok := names[id]; ok && n != "" {
			return n
		}
		return id
	}

	ents := append([]entente.Entity(nil), r.Entities...)
	sort.SliceStable(ents, func(i, j int) bool {
		if ents[i].Salience != ents[j].Salience {
			return ents[i].Salience > ents[j].Salience
		}
		return ents[i].Count > ents[j].Count
	})
	section := func(buf *bytes.Buffer, header string, n int, row func(int) string) {
		writeSection(buf, header, n, t.limit, row)
	}
	section(&buf, "TYPE\tNAME\tID\tMENTIONS\tSALIENCE", len(ents), func(i int) string {
		e := ents[i]
		return fmt.Sprintf("%s\t%s\t%s\t%d\t%.2f", e.Type, e.Name, e.ID, e.Count, e.Salience)
	})
	section(&buf, "DATE\tTEXT\tAT", len(r.Dates), func(i int) string {
		d := r.Dates[i]
		v := d.Value
		if v == "" {
			v = "?"
		}
		return fmt.Sprintf("%s\t%s\t%d", v, oneLine(d.Text), d.Start)
	})
	section(&buf, "DATE\tEVENT\tCAMEO\tPARTICIPANTS\tWHERE", len(r.Events), func(i int) string {
		e := r.Events[i]
		date := e.Date
		if date == "" {
			date = "-"
		}
		parts := make([]string, len(e.Participants))
		for j, p := range e.Participants {
			parts[j] = name(p.ID)
		}
		where := ""
		if e.Location != "" {
			where = name(e.Location)
		}
		return fmt.Sprintf("%s\t%s\t%s\t%s\t%s", date, e.Kind, e.CAMEO, strings.Join(parts, ", "), where)
	})
	section(&buf, "SOURCE\tRELATION\tTARGET\tLABEL", len(r.Relations), func(i int) string {
		rel := r.Relations[i]
		return fmt.Sprintf("%s\t%s\t%s\t%s", name(rel.Source), rel.Type, name(rel.Target), rel.Label)
	})
	_, err := t.w.Write(buf.Bytes())
	return err
}

// writeSection writes an aligned table of up to limit rows (all when
// limit <= 0), then how many rows were left out and how to see them.
func writeSection(buf *bytes.Buffer, header string, n, limit int, row func(int) string) {
	if n == 0 {
		return
	}
	if limit <= 0 || limit > n {
		limit = n
	}
	buf.WriteString("\n")
	var tab bytes.Buffer
	tw := tabwriter.NewWriter(&tab, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "   %s\n", header)
	for i := 0; i < limit; i++ {
		fmt.Fprintf(tw, "   %s\n", row(i))
	}
	tw.Flush()
	for _, line := range strings.SplitAfter(tab.String(), "\n") {
		if line != "" {
			buf.WriteString(strings.TrimRight(line, " \n") + "\n")
		}
	}
	if n > limit {
		fmt.Fprintf(buf, "   … and %d more (extract --limit 0 lists all)\n", n-limit)
	}
}

// count writes n and the noun in the singular or the plural: "1 entity",
// "3 entities".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// oneLine collapses white space so that a cell stays on one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func (t *tableWriter) Close() error { return nil }
