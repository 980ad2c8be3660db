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
// table format lists per document; the rest are counted.
const TableLimit = 25

// tableWriter writes a readable summary per document: a header, the
// entities by salience, then dates, events and relations, naming entities
// by their names.
type tableWriter struct {
	w io.Writer
	n int
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
	fmt.Fprintf(&buf, "\n   %d entities · %d dates · %d events · %d relations\n",
		len(r.Entities), len(r.Dates), len(r.Events), len(r.Relations))
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

// section writes an aligned table of up to TableLimit rows, then how many
// rows were left out.
func section(buf *bytes.Buffer, header string, n int, row func(int) string) {
	if n == 0 {
		return
	}
	buf.WriteString("\n")
	var tab bytes.Buffer
	tw := tabwriter.NewWriter(&tab, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "   %s\n", header)
	for i := 0; i < n && i < TableLimit; i++ {
		fmt.Fprintf(tw, "   %s\n", row(i))
	}
	tw.Flush()
	for _, line := range strings.SplitAfter(tab.String(), "\n") {
		if line != "" {
			buf.WriteString(strings.TrimRight(line, " \n") + "\n")
		}
	}
	if n > TableLimit {
		fmt.Fprintf(buf, "   … and %d more\n", n-TableLimit)
	}
}

// oneLine collapses white space so that a cell stays on one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func (t *tableWriter) Close() error { return nil }
