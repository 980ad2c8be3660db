package extract_test

import (
	"context"
	"runtime"
	"testing"

	"github.com/entente-nlp/entente/internal/testkit/pipetest"
	"github.com/entente-nlp/entente/internal/testkit/testutil"
	"github.com/entente-nlp/entente/pipeline"
)

// maxLivePerByte bounds the live heap a long document holds while the
// default pipeline runs it in sections, per byte of its text, above the
// heap before it: about 16 measured on this text (docs/performance.md);
// processed whole, the same document measures 40 after its stages (and
// about 100 at the peak inside them).
const maxLivePerByte = 30

// TestSectionsBoundMemory runs the default pipeline in sections
// (pipeline.DefaultSectionBytes) over 1 MB of name-dense news and checks
// the live heap after every stage of every section, collected first, so
// that the figure does not depend on when the collector happens to run.
func TestSectionsBoundMemory(t *testing.T) {
	if testing.Short() || testutil.Race {
		t.Skip("runs the pipeline on 1 MB with a collection after every stage; skipped with -short or -race")
	}
	stages := pipetest.Stages(t, nil, nil)
	text := scalingText(t, 1<<20)
	live := func() int64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return int64(m.HeapAlloc)
	}
	// The probe after each stage collects and reads the heap in one
	// section of four, and after the last stage of every section.
	var peak int64
	calls := 0
	probed := make([]pipeline.Stage, 0, 2*len(stages))
	for i, st := range stages {
		last := i == len(stages)-1
		probed = append(probed, st, pipeline.StageFunc{StageName: "probe", Fn: func(context.Context, *pipeline.Document) error {
			if section := calls / len(stages); section%4 == 0 || last {
				peak = max(peak, live())
			}
			calls++
			return nil
		}})
	}
	d := &pipeline.Document{ID: "long", Source: "long.txt", Original: []byte(text), Published: "2016-12-20"}
	base := live()
	if err := pipeline.ProcessSections(context.Background(), probed, d, pipeline.DefaultSectionBytes); err != nil {
		t.Fatal(err)
	}
	for _, e := range d.Errors {
		t.Fatalf("stage %s: %s", e.Stage, e.Message)
	}
	if len(d.Entities) == 0 || len(d.Events) == 0 {
		t.Fatalf("%d entities, %d events: the pipeline found nothing", len(d.Entities), len(d.Events))
	}
	perByte := float64(peak-base) / float64(len(text))
	t.Logf("%d bytes: peak live heap %.1f MB above %.1f MB before, %.1f bytes per byte", len(text), float64(peak-base)/1e6, float64(base)/1e6, perByte)
	if perByte > maxLivePerByte {
		t.Errorf("a long document holds %.1f bytes of live heap per byte of text, more than %d", perByte, maxLivePerByte)
	}
}
