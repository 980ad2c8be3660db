package graph

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// networkxScript reads the three files with NetworkX and prints, per
// format, the node and edge counts, whether the graph is a directed
// multigraph, and a few attributes.
const networkxScript = `
import json, sys, warnings
import networkx as nx
warnings.simplefilter("error")  # a FutureWarning about the format fails the test
d = sys.argv[1]
out = {}
def summary(G):
    ru_tr = G.number_of_edges("country:RU", "country:TR")
    lav = G.nodes["person:mevlut-cavusoglu"].get("label")
    return {"nodes": G.number_of_nodes(), "edges": G.number_of_edges(), "directed": G.is_directed(),
            "multi": G.is_multigraph(), "ru_tr": ru_tr, "cav": lav,
            "ir_ru": [dict(v) for v in G.get_edge_data("country:IR", "country:RU").values()]}
G = nx.read_graphml(d + "/seed.graphml")
out["graphml"] = summary(G)
G = nx.read_gexf(d + "/seed.gexf")
out["gexf"] = summary(G)
with open(d + "/seed.json") as f:
    data = json.load(f)
try:
    G = nx.node_link_graph(data, edges="links")
except TypeError:  # networkx < 3.4
    G = nx.node_link_graph(data)
out["json"] = summary(G)
print(json.dumps(out, default=str))
`

func TestNetworkXReadsExports(t *testing.T) {
	py := pythonWithNetworkX()
	if py == "" {
		t.Skip("no python3 with the networkx module: NetworkX validation skipped (CI installs python3-networkx)")
	}
	g := corpus(Options{}).Graph()
	dir := t.TempDir()
	for name, f := range map[string]func(*bytes.Buffer) error{
		"seed.graphml": func(b *bytes.Buffer) error { return WriteGraphML(b, g) },
		"seed.gexf":    func(b *bytes.Buffer) error { return WriteGEXF(b, g) },
		"seed.json":    func(b *bytes.Buffer) error { return WriteJSON(b, g) },
	} {
		var b bytes.Buffer
		if err := f(&b); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stderr bytes.Buffer
	cmd := exec.Command(py, "-c", networkxScript, dir)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("networkx could not read the exports: %v\n%s", err, stderr.String())
	}
	var res map[string]struct {
		Nodes, Edges    int
		Directed, Multi bool
		RuTr            int `json:"ru_tr"`
		Cav             string
		IrRu            []map[string]any `json:"ir_ru"`
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	for _, f := range []string{"graphml", "gexf", "json"} {
		r, ok := res[f]
		if !ok {
			t.Fatalf("no result for %s: %s", f, out)
		}
		edges := g.Ties()
		if f == "gexf" {
			edges += 3 // NetworkX adds both directions of a GEXF "mutual" edge
		}
		if r.Nodes != g.Order() || r.Edges != edges || !r.Directed || !r.Multi || r.RuTr != 2 {
			t.Errorf("%s read by networkx: %+v; want %d nodes, %d edges, directed multigraph, 2 Russia->Turkey edges", f, r, g.Order(), edges)
		}
		if r.Cav != "Mevlüt Çavuşoğlu" {
			t.Errorf("%s: Çavuşoğlu's label read as %q", f, r.Cav)
		}
		if len(r.IrRu) != 1 {
			t.Fatalf("%s: Iran->Russia edges %v", f, r.IrRu)
		}
		w, _ := r.IrRu[0]["weight"].(float64)
		if w != 2 {
			t.Errorf("%s: Iran–Russia cooperation weight %v, want 2 (%v)", f, r.IrRu[0]["weight"], r.IrRu[0])
		}
	}
}

// pythonWithNetworkX returns a python3 that can import networkx: the one on
// PATH, else the system's (Debian's python3-networkx installs there even
// when another python3, pyenv's say, comes first on PATH); "" when none can.
func pythonWithNetworkX() string {
	for _, name := range []string{"python3", "/usr/bin/python3"} {
		py, err := exec.LookPath(name)
		if err == nil && exec.Command(py, "-c", "import networkx").Run() == nil {
			return py
		}
	}
	return ""
}
