package output

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/entente-nlp/entente"
	"github.com/entente-nlp/entente/graph"
)

// graphOfRecords is the graph `entente graph --window month` builds from
// the records of tableRecords, with its time frame.
func graphOfRecords(t *testing.T) *graph.Graph {
	t.Helper()
	all, err := entente.Graph(tableRecords(t), graph.Options{Observations: true})
	if err != nil {
		t.Fatal(err)
	}
	cut, err := all.InTime(graph.TimeFrame{Window: graph.Window{Unit: graph.UnitMonth}})
	if err != nil {
		t.Fatal(err)
	}
	g, err := cut.Filter(graph.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// graphCounts are the rows each graph table must hold for g.
func graphCounts(g *graph.Graph) map[string]int {
	n := map[string]int{"nodes": g.Order(), "edges": g.Ties()}
	for _, e := range g.Edges() {
		for _, t := range e.Ties {
			n["observations"] += t.Weight
			n["edge_periods"] += len(g.TiePeriods(t))
		}
	}
	return n
}

func TestGraphTablesReadBackWithParquetGo(t *testing.T) {
	g := graphOfRecords(t)
	dir := filepath.Join(t.TempDir(), "graph")
	files, err := WriteGraphTables(dir, g)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(GraphTableNames) {
		t.Errorf("wrote %v, want the %d tables %v", files, len(GraphTableNames), GraphTableNames)
	}
	want := graphCounts(g)
	nodes := readTable[GraphNodeRow](t, dir, "nodes")
	edges := readTable[GraphEdgeRow](t, dir, "edges")
	obs := readTable[GraphObservationRow](t, dir, "observations")
	periods := readTable[GraphPeriodRow](t, dir, "edge_periods")
	got := map[string]int{"nodes": len(nodes), "edges": len(edges), "observations": len(obs), "edge_periods": len(periods)}
	for _, name := range GraphTableNames {
		if got[name] != want[name] || want[name] == 0 {
			t.Errorf("%s: %d rows, want %d (from the graph)", name, got[name], want[name])
		}
	}
	ids := map[string]bool{}
	for _, n := range nodes {
		ids[n.ID] = true
	}
	weight := map[[3]string]int32{}
	for _, e := range edges {
		if !ids[e.Source] || !ids[e.Target] {
			t.Errorf("edge %+v joins no node", e)
		}
		if tie := g.Between(e.Source, e.Target, e.Type); tie == nil || int(e.Weight) != tie.Weight || e.FirstSeen != tie.FirstSeen {
			t.Errorf("edge %+v differs from the graph's tie %+v", e, tie)
		}
		weight[[3]string{e.Source, e.Target, e.Type}] = e.Weight
	}
	sum := map[[3]string]int32{}
	for _, p := range periods {
		sum[[3]string{p.Source, p.Target, p.Type}] += p.Weight
	}
	for _, o := range obs {
		if o.DocID == "" || o.Day == "" || o.Period == "" {
			t.Errorf("observation without document, day or period: %+v", o)
		}
	}
	for k, w := range weight {
		if sum[k] != w {
			t.Errorf("%v: periods add to %d, weight %d", k, sum[k], w)
		}
	}
	// A graph without observations or time frame: nodes and edges only.
	static, err := entente.Graph(tableRecords(t), graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	files, err = WriteGraphTables(filepath.Join(t.TempDir(), "static"), static)
	if err != nil || len(files) != 2 {
		t.Errorf("static graph: %v, %v", files, err)
	}
	f := filepath.Join(t.TempDir(), "file")
	os.WriteFile(f, []byte("x"), 0o644)
	if _, err := WriteGraphTables(f, g); err == nil {
		t.Error("tables written over a file")
	}
}

func TestGraphTablesReadBackWithHyparquet(t *testing.T) {
	checker, _ := filepath.Abs(filepath.Join("testdata", "parquetcheck"))
	node, err := exec.LookPath("node")
	_, modErr := os.Stat(filepath.Join(checker, "node_modules", "hyparquet"))
	if err != nil || modErr != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("node or hyparquet missing under CI (run npm ci in %s): %v %v", checker, err, modErr)
		}
		t.Skipf("node or hyparquet missing (npm ci in %s): %v %v", checker, err, modErr)
	}
	g := graphOfRecords(t)
	dir := filepath.Join(t.TempDir(), "graph")
	if _, err := WriteGraphTables(dir, g); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, append([]string{filepath.Join(checker, "check.mjs"), dir}, GraphTableNames...)...)
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
	want := graphCounts(g)
	for _, name := range GraphTableNames {
		if len(got[name]) != want[name] {
			t.Errorf("hyparquet reads %d rows of %s, want %d", len(got[name]), name, want[name])
		}
	}
	for i, n := range g.Nodes() {
		if i < len(got["nodes"]) && (got["nodes"][i]["id"] != n.ID || got["nodes"][i]["name"] != n.Name) {
			t.Errorf("node %d read by hyparquet %v, graph has %s %q", i, got["nodes"][i], n.ID, n.Name)
		}
	}
	i := 0
	for _, e := range g.Edges() {
		for _, tie := range e.Ties {
			if i < len(got["edges"]) {
				row := got["edges"][i]
				if row["source"] != e.Source || row["type"] != tie.Type || row["weight"] != float64(tie.Weight) {
					t.Errorf("edge %d read by hyparquet %v, graph has %s %s %d", i, row, e.Source, tie.Type, tie.Weight)
				}
			}
			i++
		}
	}
}
