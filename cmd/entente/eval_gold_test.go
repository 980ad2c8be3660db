package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/internal/measure/eval"
	"github.com/entente-nlp/entente/internal/testkit/testutil"
)

// runEvalCmd runs `entente eval args...` and returns its standard output.
func runEvalCmd(t *testing.T, args ...string) (string, error) {
	t.Helper()
	cmd := newRootCmd()
	var out bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&bytes.Buffer{})
	cmd.SetArgs(append([]string{"eval"}, args...))
	err := cmd.ExecuteContext(context.Background())
	return out.String(), err
}

func TestEvalGoldReferenceArticle(t *testing.T) {
	t.Parallel()
	key := testutil.Shared(t, "gold/moscow-declaration.gold.json")
	out, err := runEvalCmd(t, "--gold", key, "--json")
	if err != nil {
		t.Fatal(err)
	}
	var r eval.Report
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("--json output is not a report: %v\n%s", err, out)
	}
	if !strings.HasSuffix(r.Document, "moscow-declaration.md") {
		t.Errorf("scored %q, want the key's document", r.Document)
	}
	if f1 := r.Entities.Overall.F1; f1 < 0.95 {
		t.Errorf("entity F1 %.3f below 0.95: missed %v spurious %v", f1, r.Entities.Missed, r.Entities.Spurious)
	}
	if len(r.NotEntities) > 0 {
		t.Errorf("not_entities found: %v", r.NotEntities)
	}
	text, err := runEvalCmd(t, "--gold", key)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"entities", "overall", "PERSON", "dates", "events", "kind agreement", "relations"} {
		if !strings.Contains(text, want) {
			t.Errorf("text report lacks %q:\n%s", want, text)
		}
	}
}

func TestEvalGoldSmallCase(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.txt"), []byte("Russian Foreign Minister Sergey Lavrov met Turkish officials in Ankara on December 20, 2016.\n"))
	key := write(t, filepath.Join(dir, "keys", "a.gold.json"), []byte(`{
  "document": "a.txt",
  "published": "2016-12-22",
  "entities": [
    {"type": "PERSON", "name": "Sergey Lavrov"},
    {"type": "COUNTRY", "name": "Russia", "aliases": ["Russian"]},
    {"type": "PERSON", "name": "Mevlut Cavusoglu"}
  ],
  "dates": [{"text": "December 20, 2016", "value": "2016-12-20"}]
}`))
	// The input defaults to the key's document, relative to the folder
	// above the key's.
	out, err := runEvalCmd(t, "--gold", key)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"PERSON Mevlut Cavusoglu", "COUNTRY Turkey (country:TR)", "found 2/3"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	// An explicit input wins.
	other := write(t, filepath.Join(dir, "b.txt"), []byte("Nothing to see here.\n"))
	out, err = runEvalCmd(t, "--gold", key, other)
	if err != nil || !strings.Contains(out, "found 0/3") {
		t.Errorf("explicit input not scored: %v\n%s", err, out)
	}
}

func TestEvalGoldErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	noDoc := write(t, filepath.Join(dir, "k", "x.gold.json"), []byte(`{"document": "corpus/absent.md", "entities": [{"type": "PERSON", "name": "A"}]}`))
	bad := write(t, filepath.Join(dir, "bad.gold.json"), []byte(`{"entities": [`))
	cases := []struct {
		args []string
		want string
	}{
		{nil, "nothing to score"},
		{[]string{"a.md"}, "only read with --gold"},
		{[]string{"--gold", filepath.Join(dir, "missing.gold.json")}, "missing.gold.json"},
		{[]string{"--gold", bad}, "bad.gold.json"},
		{[]string{"--gold", noDoc}, "absent.md"},
		{[]string{"--gold", noDoc, dir}, "directory"},
	}
	for _, c := range cases {
		_, err := runEvalCmd(t, c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("eval %v: error %v, want one mentioning %q", c.args, err, c.want)
		}
	}
}
