package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/internal/testkit/testutil"
)

var updateGraph = flag.Bool("update-graph", false, "rewrite testdata/graph/moscow-declaration.*.golden from the real pipeline")

// TestGraphReferenceArticle runs the whole pipeline on the reference
// article and checks the picture the project promises: the Russia–Turkey–
// Iran guarantor triangle, the office holders, Turkey in NATO, and the
// three opposing Islamic State and Jabhat al-Nusra. Its typed ties are
// kept as a golden file (refresh with
// go test ./cmd/entente -run TestGraphReferenceArticle -update-graph) and
// its DOT is parsed by Graphviz.
func TestGraphReferenceArticle(t *testing.T) {
	t.Parallel()
	root := testutil.RepoRoot(t)
	article := filepath.Join(root, "testdata", "moscow-declaration.md")
	dir := t.TempDir()
	jsonPath, dotPath := filepath.Join(dir, "g.json"), filepath.Join(dir, "g.dot")
	if _, err := runEntente(t, "graph", article, "-o", jsonPath); err != nil {
		t.Fatal(err)
	}
	if _, err := runEntente(t, "graph", article, "-o", dotPath, "--title", "Moscow Declaration, 20 December 2016"); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(jsonPath)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Nodes []struct{ ID, Name, Type string } `json:"nodes"`
		Links []struct {
			Source, Target, Type string
			Labels               []struct{ Label string } `json:"labels"`
		} `json:"links"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	name := map[string]string{}
	for _, n := range doc.Nodes {
		name[n.ID] = n.Name
	}
	has := map[string]bool{}
	for _, l := range doc.Links {
		s, o := name[l.Source], name[l.Target]
		has[s+" "+l.Type+" "+o] = true
		if l.Type == "cooperates_with" {
			has[o+" "+l.Type+" "+s] = true
		}
	}
	want := []string{
		"Russia cooperates_with Turkey", "Russia cooperates_with Iran", "Turkey cooperates_with Iran",
		"Sergey Lavrov holds_role Russia", "Vladimir Putin holds_role Russia",
		"Mohammad Javad Zarif holds_role Iran", "Turkey member_of NATO",
	}
	for _, c := range []string{"Russia", "Turkey", "Iran"} {
		for _, g := range []string{"Islamic State", "Jabhat al-Nusra"} {
			want = append(want, c+" opposes "+g)
		}
	}
	var missing []string
	for _, w := range want {
		if !has[w] {
			missing = append(missing, w)
		}
	}
	if len(missing) > 0 {
		var got []string
		for k := range has {
			got = append(got, k)
		}
		slices.Sort(got)
		t.Errorf("graph of the reference article lacks:\n  %s\nit has:\n  %s", strings.Join(missing, "\n  "), strings.Join(got, "\n  "))
	}

	// The golden file lists the typed ties, one per line, so that it
	// changes when the relations change and not with mention counts or
	// evidence sentences.
	var lines []string
	for _, l := range doc.Links {
		arrow := " -" + l.Type + "-> "
		if l.Type == "cooperates_with" {
			arrow = " -" + l.Type + "- "
		}
		line := name[l.Source] + arrow + name[l.Target]
		if len(l.Labels) > 0 {
			line += " [" + l.Labels[0].Label + "]"
		}
		lines = append(lines, line)
	}
	slices.Sort(lines)
	got := []byte(strings.Join(lines, "\n") + "\n")
	golden := filepath.Join(root, "testdata", "graph", "moscow-declaration.ties.golden")
	if *updateGraph {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	} else if wantB, err := os.ReadFile(golden); err != nil {
		t.Fatalf("%v (run go test ./cmd/entente -run TestGraphReferenceArticle -update-graph)", err)
	} else if !bytes.Equal(got, wantB) {
		t.Errorf("the relations of the reference article changed; if the new ones are right, refresh %s with\n"+
			"  go test ./cmd/entente -run TestGraphReferenceArticle -update-graph\ngot:\n%s", golden, got)
	}

	if dot, err := exec.LookPath("dot"); err == nil {
		if out, err := exec.Command(dot, "-Tsvg", "-o", os.DevNull, dotPath).CombinedOutput(); err != nil || len(out) > 0 {
			t.Errorf("graphviz on the reference graph: %v: %s", err, out)
		}
	} else {
		t.Log("graphviz dot not installed: reference DOT not parsed here (CI installs graphviz)")
	}
}
