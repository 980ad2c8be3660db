package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/internal/testkit/testutil"
)

// runEntente runs a fresh entente command with args (and --quiet) and
// returns its standard output.
func runEntente(t *testing.T, args ...string) (string, error) {
	t.Helper()
	root := newRootCmd()
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&bytes.Buffer{})
	root.SetArgs(append(args, "--quiet"))
	err := root.ExecuteContext(context.Background())
	return out.String(), err
}

func TestGraphCommandWritesEveryFormat(t *testing.T) {
	t.Parallel()
	article := filepath.Join(testutil.RepoRoot(t), "testdata", "moscow-declaration.md")
	dir := t.TempDir()
	for _, name := range []string{"g.dot", "g.json", "g.graphml", "g.gexf", "g.csv"} {
		out := filepath.Join(dir, name)
		if _, err := runEntente(t, "graph", article, "-o", out, "--events"); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		files := []string{out}
		if name == "g.csv" {
			files = []string{filepath.Join(dir, "g.nodes.csv"), filepath.Join(dir, "g.relationships.csv")}
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil || len(b) == 0 {
				t.Errorf("%s not written: %v", f, err)
			}
		}
	}
	if src, _ := os.ReadFile(filepath.Join(dir, "g.dot")); !strings.Contains(string(src), `label="Moscow Declaration: Russia, Turkey and Iran`) {
		t.Error("a one-document drawing is not titled with the document's title")
	}
	b, _ := os.ReadFile(filepath.Join(dir, "g.json"))
	var doc struct {
		Nodes []map[string]any `json:"nodes"`
		Links []map[string]any `json:"links"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Nodes) == 0 || len(doc.Links) == 0 {
		t.Errorf("graph of the reference article with events has %d nodes and %d links", len(doc.Nodes), len(doc.Links))
	}
	if dot, err := exec.LookPath("dot"); err == nil {
		if out, err := exec.Command(dot, "-Tsvg", "-o", os.DevNull, filepath.Join(dir, "g.dot")).CombinedOutput(); err != nil {
			t.Errorf("graphviz rejects the command's DOT: %v: %s", err, out)
		}
	} else {
		t.Log("graphviz dot not installed: DOT not parsed here (CI installs graphviz)")
	}
}

func TestGraphCommandToStandardOutput(t *testing.T) {
	t.Parallel()
	article := filepath.Join(testutil.RepoRoot(t), "testdata", "moscow-declaration.md")
	out, err := runEntente(t, "graph", article, "-o", "-", "--format", "json", "--events")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Directed bool             `json:"directed"`
		Nodes    []map[string]any `json:"nodes"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || !doc.Directed || len(doc.Nodes) == 0 {
		t.Errorf("standard output is not the node-link graph (%v): %.200s", err, out)
	}
}

func TestGraphCommandStats(t *testing.T) {
	t.Parallel()
	article := filepath.Join(testutil.RepoRoot(t), "testdata", "moscow-declaration.md")
	out, err := runEntente(t, "graph", article, "--stats", "--events", "--top", "5")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Graph: ", "Nodes by weighted degree", "Strongest ties", "Connected components"} {
		if !strings.Contains(out, want) {
			t.Errorf("--stats output lacks %q:\n%s", want, out)
		}
	}
}

func TestGraphCommandRejectsBadOptionsBeforeRunning(t *testing.T) {
	t.Parallel()
	missing := filepath.Join(t.TempDir(), "missing.md") // never read: options fail first
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"graph", missing}, "nothing to do"},
		{[]string{"graph", missing, "-o", "g.txt"}, "cannot tell the format"},
		{[]string{"graph", missing, "-o", "g.dot", "--format", "pdf"}, `unknown format "pdf"`},
		{[]string{"graph", missing, "-o", "-", "--format", "csv"}, "two files"},
		{[]string{"graph", missing, "-o", "g.dot", "--relations", "friends_with"}, `unknown relation type "friends_with"`},
		{[]string{"graph", missing, "-o", "g.dot", "--layout", "spring"}, `unknown Graphviz layout "spring"`},
		{[]string{"graph", missing, "-o", "g.dot", "--min-weight", "-1"}, "negative"},
		{[]string{"graph", missing, "-o", "g.gexf", "--window", "fortnight"}, `window "fortnight"`},
		{[]string{"graph", missing, "-o", "g.gexf", "--since", "20 May 2016"}, `since "20 May 2016"`},
		{[]string{"graph", missing, "-o", "g.gexf", "--since", "2016-06", "--until", "2016-05"}, "after until"},
		{[]string{"graph", missing, "-o", "-", "--timeline", "-"}, "both want standard output"},
		{[]string{"graph", missing, "-o", "-", "--format", "parquet"}, "give -o DIR"},
	} {
		_, err := runEntente(t, c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: error %v, want %q", c.args[2:], err, c.want)
		}
	}
}

func TestGraphCommandSVGWithoutGraphviz(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := runEntente(t, "graph", "whatever.md", "-o", filepath.Join(t.TempDir(), "seed.svg"))
	if err == nil || !strings.Contains(err.Error(), "needs Graphviz") {
		t.Errorf("error = %v, want a clear message about Graphviz", err)
	}
}
