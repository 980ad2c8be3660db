package output

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/entente-nlp/entente"
)

// Writer writes records in one format. Write is called once per document,
// in order; Close finishes the output (a JSON array's closing bracket) and
// must be called even after a cancelled run, so the output stays valid.
// Each Write writes whole records before it returns, so an interrupted run
// never leaves half a record; a record of JSON larger than 64 KiB is
// written in several writes of the underlying writer (stream.go).
type Writer interface {
	Write(*entente.Record) error
	Close() error
}

// Formats lists the formats NewWriter accepts.
var Formats = []string{"json", "jsonl", "csv", "table"}

// NewWriter returns a writer of format to w.
func NewWriter(format string, w io.Writer) (Writer, error) {
	switch strings.ToLower(format) {
	case "json":
		return &jsonWriter{w: w}, nil
	case "jsonl":
		return &jsonlWriter{w: w}, nil
	case "csv":
		return &csvWriter{w: w}, nil
	case "table":
		return &tableWriter{w: w, limit: TableLimit}, nil
	}
	return nil, fmt.Errorf("output: unknown format %q (use %s)", format, strings.Join(Formats, ", "))
}

// NewTable returns a writer of the table format that lists at most limit
// rows per section (0 or less: every row).
func NewTable(w io.Writer, limit int) Writer {
	return &tableWriter{w: w, limit: limit}
}

// jsonWriter writes a pretty-printed JSON array of records.
type jsonWriter struct {
	w io.Writer
	n int
}

func (j *jsonWriter) Write(r *entente.Record) error {
	sep := ",\n  "
	if j.n == 0 {
		sep = "[\n  "
	}
	if err := writeJSON(j.w, sep, r, "", "  ", "  "); err != nil {
		return fmt.Errorf("output: encoding %s: %w", r.ID, err)
	}
	j.n++
	return nil
}

func (j *jsonWriter) Close() error {
	end := "\n]\n"
	if j.n == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(j.w, end)
	return err
}

// jsonlWriter writes one compact JSON record per line.
type jsonlWriter struct{ w io.Writer }

func (j *jsonlWriter) Write(r *entente.Record) error {
	if err := writeJSON(j.w, "", r, "\n", "", ""); err != nil {
		return fmt.Errorf("output: encoding %s: %w", r.ID, err)
	}
	return nil
}

func (j *jsonlWriter) Close() error { return nil }

// CSVHeader is the header row of the csv format: one row per entity per
// document.
var CSVHeader = []string{"doc_id", "source", "published", "entity_id", "type", "name", "aliases", "linked", "count", "salience", "first_start", "first_end"}

// csvWriter writes the entity list.
type csvWriter struct {
	w      io.Writer
	header bool
}

func (c *csvWriter) Write(r *entente.Record) error {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	if !c.header {
		if err := cw.Write(CSVHeader); err != nil {
			return err
		}
		c.header = true
	}
	for _, e := range r.Entities {
		first, firstEnd := "", ""
		if len(e.Mentions) > 0 {
			first, firstEnd = strconv.Itoa(e.Mentions[0].Start), strconv.Itoa(e.Mentions[0].End)
		}
		row := []string{r.ID, r.Source, r.Published, e.ID, e.Type, e.Name, strings.Join(e.Aliases, "|"),
			strconv.FormatBool(e.Linked), strconv.Itoa(e.Count), strconv.FormatFloat(e.Salience, 'f', 3, 64), first, firstEnd}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	_, err := c.w.Write(buf.Bytes())
	return err
}

func (c *csvWriter) Close() error {
	if c.header {
		return nil
	}
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	_ = cw.Write(CSVHeader)
	cw.Flush()
	_, err := c.w.Write(buf.Bytes())
	return err
}
