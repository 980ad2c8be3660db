package output

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/entente-nlp/entente"
	"github.com/entente-nlp/entente/internal/testkit/pipetest"
	"github.com/entente-nlp/entente/internal/testkit/testutil"
	"github.com/entente-nlp/entente/pipeline"
	"github.com/parquet-go/parquet-go"
)

// tableRecords runs the pipeline over the project's articles and one
// unreadable document, as the records of one run.
func tableRecords(t *testing.T) []*entente.Record {
	t.Helper()
	stages := pipetest.Stages(t, nil, nil)
	var recs []*entente.Record
	for _, name := range []string{"moscow-declaration.md", "example.md"} {
		b, err := os.ReadFile(testutil.Testdata(t, name))
		if err != nil {
			t.Fatal(err)
		}
		d := &pipeline.Document{ID: name, Source: name, Original: b}
		recs = append(recs, entente.NewRecord(pipetest.Run(t, stages, d)))
	}
	bad := &pipeline.Document{ID: "binary", Source: "binary.bin", Original: []byte{0, 1, 2, 0xff}}
	if err := pipeline.ProcessDocument(context.Background(), stages, bad); err != nil {
		t.Fatal(err)
	}
	recs = append(recs, entente.NewRecord(bad))
	return recs
}

func writeTables(t *testing.T, recs []*entente.Record) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "tables")
	w, err := NewTableWriter(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

func readTable[T any](t *testing.T, dir, name string) []T {
	t.Helper()
	rows, err := parquet.ReadFile[T](filepath.Join(dir, name+".parquet"))
	if err != nil {
		t.Fatalf("reading %s back: %v", name, err)
	}
	return rows
}

// want counts the rows each table must hold for recs, from the JSON
// records themselves.
func wantCounts(recs []*entente.Record) map[string]int {
	n := map[string]int{"documents": len(recs)}
	for _, r := range recs {
		n["entities"] += len(r.Entities)
		for _, e := range r.Entities {
			n["mentions"] += len(e.Mentions)
		}
		n["dates"] += len(r.Dates)
		n["events"] += len(r.Events)
		for _, ev := range r.Events {
			n["event_participants"] += len(ev.Participants)
		}
		n["relations"] += len(r.Relations)
	}
	return n
}

func TestTablesReadBackWithParquetGo(t *testing.T) {
	recs := tableRecords(t)
	dir := writeTables(t, recs)
	want := wantCounts(recs)
	got := map[string]int{
		"documents":          len(readTable[DocumentRow](t, dir, "documents")),
		"entities":           len(readTable[EntityRow](t, dir, "entities")),
		"mentions":           len(readTable[MentionRow](t, dir, "mentions")),
		"dates":              len(readTable[DateRow](t, dir, "dates")),
		"events":             len(readTable[EventRow](t, dir, "events")),
		"event_participants": len(readTable[ParticipantRow](t, dir, "event_participants")),
		"relations":          len(readTable[RelationRow](t, dir, "relations")),
	}
	for _, name := range TableNames {
		if got[name] != want[name] || want[name] == 0 && name != "documents" {
			t.Errorf("%s: %d rows, want %d (from the JSON records)", name, got[name], want[name])
		}
	}
	// Joins: every mention, participant and relation end is an entity of
	// its document; every participant's event is an event of it.
	entities := map[[2]string]bool{}
	for _, e := range readTable[EntityRow](t, dir, "entities") {
		entities[[2]string{e.DocID, e.EntityID}] = true
	}
	for _, m := range readTable[MentionRow](t, dir, "mentions") {
		if !entities[[2]string{m.DocID, m.EntityID}] {
			t.Errorf("mention %+v joins no entity", m)
		}
	}
	events := map[[2]string]bool{}
	for _, e := range readTable[EventRow](t, dir, "events") {
		events[[2]string{e.DocID, e.EventID}] = true
	}
	for _, p := range readTable[ParticipantRow](t, dir, "event_participants") {
		if !entities[[2]string{p.DocID, p.EntityID}] || !events[[2]string{p.DocID, p.EventID}] {
			t.Errorf("participant %+v joins no entity or event", p)
		}
	}
	for _, r := range readTable[RelationRow](t, dir, "relations") {
		if !entities[[2]string{r.DocID, r.Source}] {
			t.Errorf("relation %+v: source joins no entity", r)
		}
	}
	// The mention text is the original bytes, as in the JSON record.
	docs := readTable[DocumentRow](t, dir, "documents")
	if docs[2].DocID != "binary" || !docs[2].Fatal || len(docs[2].Errors) == 0 {
		t.Errorf("the unreadable document's row: %+v", docs[2])
	}
	first := readTable[MentionRow](t, dir, "mentions")[0]
	if m := recs[0].Entities[0].Mentions[0]; first.Text != m.Text || first.Start != int64(m.Start) {
		t.Errorf("first mention %+v, record has %+v", first, m)
	}
}

// The same tables read by hyparquet, a reader written independently of
// parquet-go (JavaScript, from npm), agree with the JSON records. CI
// installs it (.ci/run); elsewhere the test skips when node or the
// package is missing.
func TestTablesReadBackWithHyparquet(t *testing.T) {
	checker, _ := filepath.Abs(filepath.Join("testdata", "parquetcheck"))
	node, err := exec.LookPath("node")
	_, modErr := os.Stat(filepath.Join(checker, "node_modules", "hyparquet"))
	if err != nil || modErr != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("node or hyparquet missing under CI (run npm ci in %s): %v %v", checker, err, modErr)
		}
		t.Skipf("node or hyparquet missing (npm ci in %s): %v %v", checker, err, modErr)
	}
	recs := tableRecords(t)
	dir := writeTables(t, recs)
	cmd := exec.Command(node, filepath.Join(checker, "check.mjs"), dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("hyparquet: %v\n%s", err, stderr.String())
	}
	var got map[string][]map[string]any
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	want := wantCounts(recs)
	for _, name := range TableNames {
		if len(got[name]) != want[name] {
			t.Errorf("hyparquet reads %d rows of %s, want %d", len(got[name]), name, want[name])
		}
	}
	var ids, wantIDs []string
	for _, row := range got["entities"] {
		ids = append(ids, row["doc_id"].(string)+" "+row["entity_id"].(string))
	}
	for _, r := range recs {
		for _, e := range r.Entities {
			wantIDs = append(wantIDs, r.ID+" "+e.ID)
		}
	}
	if !slices.Equal(ids, wantIDs) {
		t.Errorf("hyparquet's entity ids differ from the records'")
	}
	for i, row := range got["mentions"] {
		if i == 0 {
			m := recs[0].Entities[0].Mentions[0]
			if row["text"] != m.Text || row["start"] != float64(m.Start) {
				t.Errorf("first mention read by hyparquet %v, record %+v", row, m)
			}
		}
	}
	if got["documents"][0]["title"] != recs[0].Title || got["entities"][0]["attrs"] == nil {
		t.Errorf("documents/entities columns read by hyparquet: %v / %v", got["documents"][0], got["entities"][0])
	}
}

// A folder that cannot be created is named, without the system call.
func TestTableWriterFolderError(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := NewTableWriter(filepath.Join(file, "tables"))
	if err == nil || !strings.Contains(err.Error(), "cannot create the folder "+filepath.Join(file, "tables")) || strings.Contains(err.Error(), "mkdir") {
		t.Errorf("error %v", err)
	}
}
