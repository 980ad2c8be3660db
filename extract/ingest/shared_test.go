package ingest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/entente-nlp/entente/internal/testkit/testutil"
	"github.com/entente-nlp/entente/pipeline"
)

// TestTimeBankIngests runs the 183 TimeBank articles of TempEval-3 through
// ingest: real news files must all pass validation, and any date found
// must be a real one.
func TestTimeBankIngests(t *testing.T) {
	dir := testutil.Shared(t, "corpora/tempeval3/Training/TBAQ-cleaned/TimeBank")
	files, _ := filepath.Glob(filepath.Join(dir, "*.tml"))
	if len(files) == 0 {
		t.Fatalf("no .tml files in %s", dir)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := &pipeline.Document{Source: filepath.Base(f), Original: src}
		if err := run(t, d); err != nil || d.Failed() {
			t.Errorf("%s: %v %v", d.Source, err, d.Errors)
		}
		if d.Published != "" {
			if _, ok := d.PublishedDate(); !ok {
				t.Errorf("%s: Published %q", d.Source, d.Published)
			}
		}
	}
}
