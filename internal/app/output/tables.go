package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/entente-nlp/entente"
	"github.com/entente-nlp/entente/internal/app/outfile"
	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/snappy"
)

// The rows of the Parquet tables. Every table has doc_id, and entity ids
// and event ids join across tables (docs/output.md, "Parquet tables").
// Empty strings mean unknown, as in the JSON record.

// DocumentRow is one row of documents.parquet.
type DocumentRow struct {
	DocID     string   `parquet:"doc_id"`
	Source    string   `parquet:"source"`
	URL       string   `parquet:"url"`
	Title     string   `parquet:"title"`
	Published string   `parquet:"published"`
	Authors   []string `parquet:"authors,list"`
	Entities  int32    `parquet:"entities"`
	Mentions  int32    `parquet:"mentions"`
	Dates     int32    `parquet:"dates"`
	Events    int32    `parquet:"events"`
	Relations int32    `parquet:"relations"`
	Errors    []string `parquet:"errors,list"`
	Fatal     bool     `parquet:"fatal"`
}

// EntityRow is one row of entities.parquet: an entity of one document.
type EntityRow struct {
	DocID    string            `parquet:"doc_id"`
	EntityID string            `parquet:"entity_id"`
	Type     string            `parquet:"type"`
	Name     string            `parquet:"name"`
	Linked   bool              `parquet:"linked"`
	Salience float64           `parquet:"salience"`
	Count    int32             `parquet:"count"`
	Aliases  []string          `parquet:"aliases,list"`
	Attrs    map[string]string `parquet:"attrs"`
}

// MentionRow is one row of mentions.parquet.
type MentionRow struct {
	DocID    string `parquet:"doc_id"`
	EntityID string `parquet:"entity_id"`
	Start    int64  `parquet:"start"`
	End      int64  `parquet:"end"`
	Text     string `parquet:"text"`
	Sentence int32  `parquet:"sentence"`
	Source   string `parquet:"source"`
	Form     string `parquet:"form"`
}

// DateRow is one row of dates.parquet.
type DateRow struct {
	DocID       string `parquet:"doc_id"`
	Start       int64  `parquet:"start"`
	End         int64  `parquet:"end"`
	Text        string `parquet:"text"`
	Value       string `parquet:"value"`
	Granularity string `parquet:"granularity"`
	Kind        string `parquet:"kind"`
}

// EventRow is one row of events.parquet. Source and Target are the
// event's dyad (entity ids, "" when the text names none), SourceCode and
// TargetCode their CAMEO actor codes; event_participants.parquet lists
// every participant.
type EventRow struct {
	DocID        string `parquet:"doc_id"`
	EventID      string `parquet:"event_id"`
	Kind         string `parquet:"kind"`
	CAMEO        string `parquet:"cameo"`
	QuadClass    int32  `parquet:"quad_class"`
	Date         string `parquet:"date"`
	DateSource   string `parquet:"date_source"`
	Source       string `parquet:"source"`
	Target       string `parquet:"target"`
	SourceCode   string `parquet:"source_code"`
	TargetCode   string `parquet:"target_code"`
	Location     string `parquet:"location"`
	Trigger      string `parquet:"trigger"`
	TriggerStart int64  `parquet:"trigger_start"`
	TriggerEnd   int64  `parquet:"trigger_end"`
	Evidence     string `parquet:"evidence"`
}

// ParticipantRow is one row of event_participants.parquet.
type ParticipantRow struct {
	DocID    string `parquet:"doc_id"`
	EventID  string `parquet:"event_id"`
	EntityID string `parquet:"entity_id"`
	Role     string `parquet:"role"`
}

// RelationRow is one row of relations.parquet.
type RelationRow struct {
	DocID      string   `parquet:"doc_id"`
	Source     string   `parquet:"source"`
	Type       string   `parquet:"type"`
	Target     string   `parquet:"target"`
	Label      string   `parquet:"label"`
	Date       string   `parquet:"date"`
	Confidence float64  `parquet:"confidence"`
	Rule       string   `parquet:"rule"`
	Events     []string `parquet:"events,list"`
	Evidence   string   `parquet:"evidence"`
}

// TableNames are the files the parquet format writes, without ".parquet".
var TableNames = []string{"documents", "entities", "mentions", "dates", "events", "event_participants", "relations"}

// RowGroupRows bounds a row group, so memory stays flat however many
// documents are written: rows are flushed to the file in groups of at
// most this many.
const RowGroupRows = 2048

// table is one Parquet file being written.
type table[T any] struct {
	file *outfile.File
	w    *parquet.GenericWriter[T]
	buf  []T
}

func newTable[T any](dir, name string) (*table[T], error) {
	f, err := outfile.Create(filepath.Join(dir, name+".parquet"))
	if err != nil {
		return nil, err
	}
	w := parquet.NewGenericWriter[T](f,
		parquet.Compression(&snappy.Codec{}),
		parquet.MaxRowsPerRowGroup(RowGroupRows),
		parquet.PageBufferSize(32<<10),
		parquet.CreatedBy("entente", fmt.Sprint("schema ", entente.SchemaVersion), ""),
	)
	return &table[T]{file: f, w: w}, nil
}

// add buffers rows and writes them in batches.
func (t *table[T]) add(rows ...T) error {
	t.buf = append(t.buf, rows...)
	if len(t.buf) < 1024 {
		return nil
	}
	return t.flush()
}

func (t *table[T]) flush() error {
	if len(t.buf) == 0 {
		return nil
	}
	_, err := t.w.Write(t.buf)
	clear(t.buf)
	t.buf = t.buf[:0]
	return err
}

func (t *table[T]) close() error {
	if err := t.flush(); err != nil {
		return err
	}
	if err := t.w.Close(); err != nil {
		return err
	}
	return t.file.Commit()
}

func (t *table[T]) abort() { t.file.Abort() }

// TableWriter writes records as flat, typed Parquet tables in a directory,
// one file per table (TableNames). The files appear, each atomically, when
// Close succeeds; Abort leaves the directory as it was.
type TableWriter struct {
	dir       string
	docs      *table[DocumentRow]
	entities  *table[EntityRow]
	mentions  *table[MentionRow]
	dates     *table[DateRow]
	events    *table[EventRow]
	parts     *table[ParticipantRow]
	relations *table[RelationRow]
	closers   []func() error
	aborters  []func()
}

// NewTableWriter prepares the tables in dir, creating it when missing. An
// existing file that is not a directory is refused.
func NewTableWriter(dir string) (*TableWriter, error) {
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return nil, fmt.Errorf("output: %s is a file; the parquet format writes a directory of tables (-o DIR)", dir)
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // not "mkdir ..."
		}
		return nil, fmt.Errorf("output: cannot create the folder %s: %w", dir, err)
	}
	tw := &TableWriter{dir: dir}
	var err error
	tw.docs = openTable[DocumentRow](tw, "documents", &err)
	tw.entities = openTable[EntityRow](tw, "entities", &err)
	tw.mentions = openTable[MentionRow](tw, "mentions", &err)
	tw.dates = openTable[DateRow](tw, "dates", &err)
	tw.events = openTable[EventRow](tw, "events", &err)
	tw.parts = openTable[ParticipantRow](tw, "event_participants", &err)
	tw.relations = openTable[RelationRow](tw, "relations", &err)
	if err != nil {
		tw.Abort()
		return nil, fmt.Errorf("output: %w", err)
	}
	return tw, nil
}

// openTable starts table name of tw unless *err already holds an error,
// and records how to finish it.
func openTable[T any](tw *TableWriter, name string, err *error) *table[T] {
	if *err != nil {
		return nil
	}
	t, e := newTable[T](tw.dir, name)
	if e != nil {
		*err = e
		return nil
	}
	tw.closers = append(tw.closers, t.close)
	tw.aborters = append(tw.aborters, t.abort)
	return t
}

// Write adds one record's rows to every table.
func (tw *TableWriter) Write(r *entente.Record) error {
	mentions := 0
	for _, e := range r.Entities {
		mentions += len(e.Mentions)
	}
	d := DocumentRow{DocID: r.ID, Source: r.Source, URL: r.URL, Title: r.Title, Published: r.Published,
		Authors: r.Authors, Entities: int32(len(r.Entities)), Mentions: int32(mentions), Dates: int32(len(r.Dates)),
		Events: int32(len(r.Events)), Relations: int32(len(r.Relations)), Fatal: r.Fatal()}
	for _, e := range r.Errors {
		d.Errors = append(d.Errors, e.Stage+": "+e.Message)
	}
	err := tw.docs.add(d)
	for _, e := range r.Entities {
		err = errors.Join(err, tw.entities.add(EntityRow{DocID: r.ID, EntityID: e.ID, Type: e.Type, Name: e.Name,
			Linked: e.Linked, Salience: e.Salience, Count: int32(e.Count), Aliases: e.Aliases, Attrs: e.Attrs}))
		for _, m := range e.Mentions {
			err = errors.Join(err, tw.mentions.add(MentionRow{DocID: r.ID, EntityID: e.ID, Start: int64(m.Start), End: int64(m.End),
				Text: m.Text, Sentence: int32(m.Sentence), Source: m.Source, Form: m.Form}))
		}
	}
	for _, x := range r.Dates {
		err = errors.Join(err, tw.dates.add(DateRow{DocID: r.ID, Start: int64(x.Start), End: int64(x.End), Text: x.Text,
			Value: x.Value, Granularity: x.Granularity, Kind: x.Kind}))
	}
	for _, ev := range r.Events {
		row := EventRow{DocID: r.ID, EventID: ev.ID, Kind: ev.Kind, CAMEO: ev.CAMEO, QuadClass: int32(ev.QuadClass),
			Date: ev.Date, DateSource: ev.DateSource, Source: ev.Source, Target: ev.Target,
			SourceCode: ev.SourceCode, TargetCode: ev.TargetCode, Location: ev.Location, Trigger: ev.Trigger,
			TriggerStart: int64(ev.TriggerStart), TriggerEnd: int64(ev.TriggerEnd), Evidence: ev.Evidence}
		for _, p := range ev.Participants {
			err = errors.Join(err, tw.parts.add(ParticipantRow{DocID: r.ID, EventID: ev.ID, EntityID: p.ID, Role: p.Role}))
		}
		err = errors.Join(err, tw.events.add(row))
	}
	for _, rel := range r.Relations {
		err = errors.Join(err, tw.relations.add(RelationRow{DocID: r.ID, Source: rel.Source, Type: rel.Type, Target: rel.Target,
			Label: rel.Label, Date: rel.Date, Confidence: rel.Confidence, Rule: rel.Rule, Events: rel.Events, Evidence: rel.Evidence}))
	}
	if err != nil {
		return fmt.Errorf("output: writing the tables of %s: %w", r.ID, err)
	}
	return nil
}

// Close finishes every table and moves it into place.
func (tw *TableWriter) Close() error {
	var err error
	for _, c := range tw.closers {
		err = errors.Join(err, c())
	}
	if err != nil {
		tw.Abort()
		return fmt.Errorf("output: writing tables in %s: %w", tw.dir, err)
	}
	return nil
}

// Abort removes the unfinished tables; files already in dir stay as they
// were.
func (tw *TableWriter) Abort() {
	for _, a := range tw.aborters {
		a()
	}
}
