package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/internal/measure/eval"
	"github.com/entente-nlp/entente/internal/testkit/testutil"
)

func TestEvalMeantimeTiny(t *testing.T) {
	t.Parallel()
	app := testApp(t, nil)
	dir := filepath.Join(testutil.RepoRoot(t), "internal", "measure", "eval", "testdata", "meantime")
	var out bytes.Buffer
	if err := runMeantime(context.Background(), app, dir, true, &out); err != nil {
		t.Fatal(err)
	}
	var rep eval.MeantimeReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("%v: %s", err, out.String())
	}
	// "Vladimir Putin visited Iran on December 20." dated against the
	// creation time 2016-12-22.
	if rep.Documents != 1 || rep.Gold != 1 || rep.Recovered != 1 {
		t.Errorf("report %+v", rep)
	}
	out.Reset()
	if err := runMeantime(context.Background(), app, dir, false, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "recovered") || !strings.Contains(out.String(), "recall 1.000") {
		t.Errorf("text report:\n%s", out.String())
	}
}

func TestEvalMeantimeBadInput(t *testing.T) {
	t.Parallel()
	app := testApp(t, nil)
	if err := runMeantime(context.Background(), app, filepath.Join(t.TempDir(), "nope"), false, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("missing directory: %v", err)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "broken.xml"), []byte("<<<"), 0o644)
	b, _ := os.ReadFile(filepath.Join(testutil.RepoRoot(t), "internal", "measure", "eval", "testdata", "meantime", "tiny.xml"))
	os.WriteFile(filepath.Join(dir, "tiny.xml"), b, 0o644)
	var out bytes.Buffer
	err := runMeantime(context.Background(), app, dir, false, &out)
	if !errors.Is(err, errReported) || !strings.Contains(out.String(), "1 documents") {
		t.Errorf("one bad file must be reported, the other scored: %v\n%s", err, out.String())
	}
}

// TestEvalMeantimeCorpus scores the shared MEANTIME corpus (skipped when
// absent) and keeps the recall from falling below what was measured.
func TestEvalMeantimeCorpus(t *testing.T) {
	dir := testutil.Shared(t, "corpora/meantime")
	if testing.Short() {
		t.Skip("corpus run")
	}
	app := testApp(t, nil)
	var out bytes.Buffer
	if err := runMeantime(context.Background(), app, dir, true, &out); err != nil {
		t.Fatal(err)
	}
	var rep eval.MeantimeReport
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Gold < 50 || rep.Recall < 0.25 {
		t.Errorf("MEANTIME: recovered %d of %d gold events (recall %.3f), floor 0.25", rep.Recovered, rep.Gold, rep.Recall)
	}
	t.Logf("MEANTIME: %d documents, recovered %d of %d (recall %.3f); misses %+v", rep.Documents, rep.Recovered, rep.Gold, rep.Recall, rep.Misses)
}
