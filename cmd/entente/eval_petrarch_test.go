package main

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/internal/testkit/testutil"
)

// petrarchBar is the share of expected triples entente must produce on
// its own coded-event records (testdata/petrarch, written for entente:
// 66 records with events, every feature of the Phoenix dictionaries).
const petrarchBar = 0.97

func TestEvalPetrarchRecords(t *testing.T) {
	cfg, err := loadTestConfig(t)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Workers = 2
	o := petrarchEvalOptions{file: filepath.Join(testutil.RepoRoot(t), "testdata", "petrarch", "records.xml"), misses: -1}
	recs, cleanup, err := preparePetrarch(cfg, o, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer cleanup()
	if len(recs) < 60 {
		t.Fatalf("%d records", len(recs))
	}
	app, err := testSession().buildApp(cfg)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := runPetrarch(context.Background(), app, recs)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	writePetrarch(&out, o.file, rep, false, -1)
	t.Log("\n" + out.String())
	if rep.Share < petrarchBar {
		t.Errorf("share of expected triples %.3f, below the bar %.2f", rep.Share, petrarchBar)
	}
	if !strings.Contains(out.String(), "by category") {
		t.Errorf("report:\n%s", out.String())
	}
}
