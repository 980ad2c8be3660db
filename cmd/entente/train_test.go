package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/extract/nermodel"
	"github.com/entente-nlp/entente/internal/testkit/testutil"
)

func runTrainNER(t *testing.T, args ...string) (string, error) {
	t.Helper()
	cmd := newTrainNERCmd()
	var out bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&out)
	cmd.SetArgs(args)
	err := cmd.Execute()
	return out.String(), err
}

func TestTrainNERIsReproducible(t *testing.T) {
	data := testutil.Testdata(t, "conll/tiny.conll")
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.gz"), filepath.Join(dir, "b.gz")
	for _, p := range []string{a, b} {
		log, err := runTrainNER(t, "--conll", data, "-o", p, "--epochs", "5", "--log-buckets", "14")
		if err != nil {
			t.Fatalf("%v\n%s", err, log)
		}
		if !strings.Contains(log, "wrote "+p) || !strings.Contains(log, "2 documents") {
			t.Errorf("log does not report the run:\n%s", log)
		}
	}
	ab, _ := os.ReadFile(a)
	bb, _ := os.ReadFile(b)
	if len(ab) == 0 || !bytes.Equal(ab, bb) {
		t.Fatal("two trainings gave different model files")
	}
	m, err := nermodel.Read(bytes.NewReader(ab))
	if err != nil {
		t.Fatal(err)
	}
	if meta := m.Meta(); meta.TrainedOn != "CoNLL-2003 tiny.conll" || meta.Epochs != 5 || meta.Documents != 2 {
		t.Errorf("meta = %+v", meta)
	}
}

func TestTrainNERErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.conll")
	os.WriteFile(bad, []byte("Anna NNP I-NP PERSON\n"), 0o644)
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"missing file", []string{"--conll", filepath.Join(dir, "nope.conll"), "-o", filepath.Join(dir, "m.gz")}, "nope.conll"},
		{"malformed", []string{"--conll", bad, "-o", filepath.Join(dir, "m.gz")}, "bad.conll:1"},
		{"no output", []string{"--conll", bad}, "output"},
		{"unwritable output", []string{"--conll", testutil.Testdata(t, "conll/tiny.conll"), "-o", filepath.Join(dir, "no", "such", "m.gz"), "--epochs", "1", "--log-buckets", "12"}, "m.gz"},
		{"bad buckets", []string{"--conll", testutil.Testdata(t, "conll/tiny.conll"), "-o", filepath.Join(dir, "m.gz"), "--log-buckets", "40"}, "log buckets"},
	}
	for _, c := range cases {
		_, err := runTrainNER(t, c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want it to mention %q", c.name, err, c.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "m.gz")); err == nil {
		t.Error("a failed training left a model file behind")
	}
}

// TestTrainNERReproducesShippedModel trains on CoNLL-2003 eng.train with
// the defaults and compares the file byte for byte with the embedded model.
func TestTrainNERReproducesShippedModel(t *testing.T) {
	if testing.Short() || testutil.Race {
		t.Skip("training on eng.train takes seconds, minutes under the race detector")
	}
	data := testutil.Shared(t, "corpora/conll2003/eng.train")
	shipped, err := os.ReadFile(filepath.Join("..", "..", "extract", "nermodel", nermodel.DefaultFile))
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "m.gz")
	if log, err := runTrainNER(t, "--conll", data, "-o", out); err != nil {
		t.Fatalf("%v\n%s", err, log)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, shipped) {
		t.Errorf("entente train ner --conll eng.train wrote %d bytes that differ from the shipped model's %d: retrain it (docs/nermodel.md)", len(got), len(shipped))
	}
}
