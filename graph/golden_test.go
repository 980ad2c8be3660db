package graph

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/graph")

// goldenDir holds the golden files, in the repository's testdata.
const goldenDir = "../testdata/graph"

// checkGolden compares got with testdata/graph/name.golden, or rewrites the
// file with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join(goldenDir, name+".golden")
	if *update {
		if err := os.MkdirAll(goldenDir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./graph -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s (run go test ./graph -update if the change is intended)\n--- got ---\n%s", name, path, firstLines(got, 40))
	}
}

func firstLines(b []byte, n int) string {
	lines := bytes.SplitAfterN(b, []byte("\n"), n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return string(bytes.Join(lines, nil))
}

// fixtureOutputs renders every text format of the fixture corpus.
func fixtureOutputs(t *testing.T) map[string][]byte {
	t.Helper()
	g := corpus(Options{}).Graph()
	gev := corpus(Options{Events: true}).Graph()
	out := map[string][]byte{}
	write := func(name string, f func(*bytes.Buffer) error) {
		var b bytes.Buffer
		if err := f(&b); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = b.Bytes()
	}
	write("seed.dot", func(b *bytes.Buffer) error {
		return WriteDOT(b, g, DOTOptions{Title: "Moscow Declaration, 20 December 2016"})
	})
	write("seed-events.dot", func(b *bytes.Buffer) error { return WriteDOT(b, gev, DOTOptions{Layout: "dot"}) })
	write("seed.json", func(b *bytes.Buffer) error { return WriteJSON(b, g) })
	write("seed.graphml", func(b *bytes.Buffer) error { return WriteGraphML(b, g) })
	write("seed.gexf", func(b *bytes.Buffer) error { return WriteGEXF(b, g) })
	write("seed-events.json", func(b *bytes.Buffer) error { return WriteJSON(b, gev) })
	var nodes, rels bytes.Buffer
	if err := WriteNeo4jCSV(&nodes, &rels, g); err != nil {
		t.Fatal(err)
	}
	out["seed.nodes.csv"], out["seed.relationships.csv"] = nodes.Bytes(), rels.Bytes()
	write("seed.stats", func(b *bytes.Buffer) error {
		st, err := g.Analyze()
		if err != nil {
			return err
		}
		return st.WriteTable(b, 0)
	})
	return out
}

func TestGolden(t *testing.T) {
	for name, got := range fixtureOutputs(t) {
		t.Run(name, func(t *testing.T) { checkGolden(t, name, got) })
	}
}

func TestExportIsDeterministic(t *testing.T) {
	a, b := fixtureOutputs(t), fixtureOutputs(t)
	for name := range a {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}
	// Export through files gives the same bytes as the writers.
	dir := t.TempDir()
	g := corpus(Options{}).Graph()
	for _, f := range []string{FormatJSON, FormatGraphML, FormatGEXF, FormatCSV} {
		files, err := Export(context.Background(), filepath.Join(dir, "seed."+f), g, f, DOTOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range files {
			got, _ := os.ReadFile(p)
			if !bytes.Equal(got, a[filepath.Base(p)]) {
				t.Errorf("Export wrote %s different from the writer's output", p)
			}
		}
	}
}
