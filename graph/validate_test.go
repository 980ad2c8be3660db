package graph

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/pipeline"
)

// needDot returns the path of Graphviz's dot or skips the test. Under CI
// (CI=true), where .ci/run installs graphviz, a missing dot is a failure:
// every DOT file must be parsed there.
func needDot(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("dot")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("graphviz dot not found under CI: .ci/run must install graphviz")
		}
		t.Skip("graphviz dot not installed: DOT output not parsed by Graphviz here (CI installs graphviz)")
	}
	return p
}

// graphvizJSON parses DOT with Graphviz and returns its JSON reading.
type gvJSON struct {
	Objects []struct {
		Name  string `json:"name"`
		Label string `json:"label"`
	} `json:"objects"`
	Edges []struct {
		Tail, Head int
		Dir        string `json:"dir"`
		Class      string `json:"class"`
	} `json:"edges"`
}

func parseDOT(t *testing.T, dot string, src []byte, format string) []byte {
	t.Helper()
	var out, stderr bytes.Buffer
	cmd := exec.Command(dot, "-T"+format)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = bytes.NewReader(src), &out, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("graphviz rejected the DOT: %v: %s\n%s", err, stderr.String(), firstLines(src, 30))
	}
	if s := strings.TrimSpace(stderr.String()); s != "" {
		t.Errorf("graphviz warned: %s", s)
	}
	return out.Bytes()
}

func TestDOTParsesInGraphviz(t *testing.T) {
	dot := needDot(t)
	for _, events := range []bool{false, true} {
		g := corpus(Options{Events: events}).Graph()
		for _, layout := range Layouts {
			var src bytes.Buffer
			if err := WriteDOT(&src, g, DOTOptions{Layout: layout, Title: `A "title" \ with ü`}); err != nil {
				t.Fatal(err)
			}
			var gv gvJSON
			if err := json.Unmarshal(parseDOT(t, dot, src.Bytes(), "json"), &gv); err != nil {
				t.Fatal(err)
			}
			if len(gv.Objects) != g.Order()+1 { // + legend
				t.Errorf("%s events=%v: graphviz read %d nodes, want %d", layout, events, len(gv.Objects), g.Order()+1)
			}
			if len(gv.Edges) != g.Ties() {
				t.Errorf("%s events=%v: graphviz read %d edges, want one per tie (%d)", layout, events, len(gv.Edges), g.Ties())
			}
			undirected := 0
			for _, e := range gv.Edges {
				if e.Dir == "none" {
					undirected++
					if e.Class != pipeline.CooperatesWith {
						t.Errorf("dir=none on %s", e.Class)
					}
				}
			}
			if undirected != 3 {
				t.Errorf("%d undirected edges, want the 3 cooperation ties written once", undirected)
			}
		}
	}
}

// TestDOTEscaping renders awkward names with Graphviz and checks the text
// drawn is exactly the name: quotes, backslashes (also before a quote and
// at the end), escString sequences like \N and \l, HTML-like brackets,
// newlines, tabs, non-ASCII, and invalid UTF-8 replaced.
func TestDOTEscaping(t *testing.T) {
	dot := needDot(t)
	names := map[string]string{
		"org:q":    `The "Quoted" Front`,
		"org:bs":   `Back\slash \N \l \G`,
		"org:end":  `ends with backslash\`,
		"org:bq":   `odd \" mix`,
		"org:html": `<b>not bold</b> & <i>`,
		"org:nl":   "two\nlines",
		"org:tab":  "tab\there",
		"org:ü":    "Mevlüt Çavuşoğlu — «Jabhat» 伊斯兰国",
		"org:bad":  "bad \xff byte",
	}
	want := map[string][]string{
		"org:nl":  {"two", "lines"},
		"org:tab": {"tab here"},
		"org:bad": {"bad \uFFFD byte"},
	}
	b := NewBuilder(Options{})
	var ents []ent
	var rels []rel
	for id, name := range names {
		ents = append(ents, ent{id, pipeline.Organization, name, 1, nil})
		rels = append(rels, rel{ru, pipeline.Opposes, id, `label "x" \ y`, 0, ""})
	}
	ents = append(ents, ent{ru, pipeline.Country, "Russia", 1, nil})
	// A person holding an office is drawn with an HTML-like label.
	const office = `Minister <of> "X" & Y \ Z`
	names["person:weird"] = `Ali "the <Lion>" & Co \`
	ents = append(ents, ent{"person:weird", pipeline.Person, names["person:weird"], 1, nil})
	rels = append(rels, rel{"person:weird", pipeline.HoldsRole, ru, office, 0, ""})
	if err := b.Add(makeDoc(`doc "1" \`, 0, "", []string{"Evidence with \"quotes\" and a \\ backslash."}, ents, rels)); err != nil {
		t.Fatal(err)
	}
	var src bytes.Buffer
	if err := WriteDOT(&src, b.Graph(), DOTOptions{}); err != nil {
		t.Fatal(err)
	}
	var gv gvJSON
	if err := json.Unmarshal(parseDOT(t, dot, src.Bytes(), "json"), &gv); err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, o := range gv.Objects {
		ids[o.Name] = true
	}
	if len(gv.Objects) != len(names)+2 || len(gv.Edges) != len(names) {
		t.Fatalf("graphviz read %d nodes and %d edges, want %d and %d", len(gv.Objects), len(gv.Edges), len(names)+2, len(names))
	}
	want["office"] = []string{office}
	// The drawn text, read back from the SVG.
	svg := parseDOT(t, dot, src.Bytes(), "svg")
	var texts []string
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = false
	inText := false
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			inText = tk.Name.Local == "text"
		case xml.EndElement:
			inText = false
		case xml.CharData:
			if inText {
				texts = append(texts, string(tk))
			}
		}
	}
	drawn := "\x00" + strings.Join(texts, "\x00") + "\x00"
	names["office"] = office
	for id, name := range names {
		lines, ok := want[id]
		if !ok {
			lines = []string{name}
		}
		for _, l := range lines {
			if !strings.Contains(drawn, "\x00"+l+"\x00") {
				t.Errorf("%s: %q not drawn as is; drawn texts: %q", id, l, texts)
			}
		}
	}
}

func FuzzDOTQuote(f *testing.F) {
	for _, s := range []string{"", `"`, `\`, "a\nb", "\xff", `\"`, "ü"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := dotQuote(s)
		if len(q) < 2 || q[0] != '"' || q[len(q)-1] != '"' {
			t.Fatalf("not quoted: %q", q)
		}
		body := q[1 : len(q)-1]
		if strings.ContainsAny(body, "\n\r") {
			t.Fatalf("raw line break in %q", q)
		}
		for i := 0; i < len(body); i++ {
			switch body[i] {
			case '\\':
				i++ // the escaped character
				if i >= len(body) {
					t.Fatalf("dangling backslash in %q", q)
				}
			case '"':
				t.Fatalf("unescaped quote in %q", q)
			}
		}
		if !strings.Contains(q, "\uFFFD") && !utf8Valid(q) {
			t.Fatalf("invalid UTF-8 in %q", q)
		}
	})
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "") == s }

func TestGraphMLRoundTrip(t *testing.T) {
	g := corpus(Options{}).Graph()
	var b bytes.Buffer
	if err := WriteGraphML(&b, g); err != nil {
		t.Fatal(err)
	}
	var doc graphML
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("GraphML does not parse: %v", err)
	}
	if len(doc.Graph.Nodes) != g.Order() || len(doc.Graph.Edges) != g.Ties() {
		t.Fatalf("%d nodes, %d edges; want %d and %d", len(doc.Graph.Nodes), len(doc.Graph.Edges), g.Order(), g.Ties())
	}
	keys := map[string]graphMLKey{}
	for _, k := range doc.Keys {
		keys[k.ID] = k
	}
	found := false
	for _, n := range doc.Graph.Nodes {
		for _, d := range n.Data {
			if _, ok := keys[d.Key]; !ok {
				t.Fatalf("node %s uses undeclared key %s", n.ID, d.Key)
			}
			if n.ID == cavusoglu && keys[d.Key].Name == "label" && d.Value == "Mevlüt Çavuşoğlu" {
				found = true
			}
		}
	}
	if !found {
		t.Error("Çavuşoğlu's label did not survive the round trip")
	}
	pairTypes := map[string]int{}
	for _, e := range doc.Graph.Edges {
		for _, d := range e.Data {
			if keys[d.Key].Name == "relation" {
				pairTypes[e.Source+">"+e.Target]++
			}
		}
	}
	if pairTypes[ru+">"+tr] != 2 {
		t.Errorf("Russia > Turkey has %d typed edges, want 2", pairTypes[ru+">"+tr])
	}
}

func TestGEXFRoundTrip(t *testing.T) {
	g := corpus(Options{}).Graph()
	var b bytes.Buffer
	if err := WriteGEXF(&b, g); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Graph struct {
			Attributes []gexfAttributes `xml:"attributes"`
			Nodes      []struct {
				ID     string         `xml:"id,attr"`
				Label  string         `xml:"label,attr"`
				Values []gexfAttValue `xml:"attvalues>attvalue"`
			} `xml:"nodes>node"`
			Edges []struct {
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
				Type   string `xml:"type,attr"`
				Label  string `xml:"label,attr"`
				Weight string `xml:"weight,attr"`
			} `xml:"edges>edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("GEXF does not parse: %v", err)
	}
	if len(doc.Graph.Nodes) != g.Order() || len(doc.Graph.Edges) != g.Ties() || len(doc.Graph.Attributes) != 2 {
		t.Fatalf("%d nodes, %d edges, %d attribute classes", len(doc.Graph.Nodes), len(doc.Graph.Edges), len(doc.Graph.Attributes))
	}
	mutual := 0
	for _, e := range doc.Graph.Edges {
		if e.Type == "mutual" {
			mutual++
			if e.Label != pipeline.CooperatesWith {
				t.Errorf("mutual edge labelled %s", e.Label)
			}
		}
		if e.Source == ir && e.Target == ru && e.Label == pipeline.CooperatesWith && e.Weight != "2" {
			t.Errorf("Iran–Russia cooperation weight %s, want 2", e.Weight)
		}
	}
	if mutual != 3 {
		t.Errorf("%d mutual edges, want 3", mutual)
	}
}

func TestNeo4jCSV(t *testing.T) {
	g := corpus(Options{Events: true}).Graph()
	dir := t.TempDir()
	files, err := Export(context.Background(), filepath.Join(dir, "seed.csv"), g, FormatCSV, DOTOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || filepath.Base(files[0]) != "seed.nodes.csv" || filepath.Base(files[1]) != "seed.relationships.csv" {
		t.Fatalf("files = %v", files)
	}
	read := func(p string) [][]string {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		return rows
	}
	nodes, rels := read(files[0]), read(files[1])
	if nodes[0][0] != "id:ID" || nodes[0][2] != ":LABEL" || rels[0][0] != ":START_ID" || rels[0][1] != ":END_ID" || rels[0][2] != ":TYPE" {
		t.Fatalf("headers %v / %v", nodes[0], rels[0])
	}
	if len(nodes)-1 != g.Order() || len(rels)-1 != g.Ties() {
		t.Fatalf("%d node rows, %d relationship rows; want %d and %d", len(nodes)-1, len(rels)-1, g.Order(), g.Ties())
	}
	ids := map[string]string{}
	for _, r := range nodes[1:] {
		ids[r[0]] = r[2]
	}
	if ids[ru] != "Entity;Country" || ids["event:moscow-declaration/ev1"] != "Event" {
		t.Errorf("labels: Russia %q, event %q", ids[ru], ids["event:moscow-declaration/ev1"])
	}
	for _, r := range rels[1:] {
		if ids[r[0]] == "" || ids[r[1]] == "" {
			t.Errorf("relationship %v points at a missing node", r[:3])
		}
		if r[2] != strings.ToUpper(r[2]) {
			t.Errorf("type %s not upper case", r[2])
		}
	}
	if _, err := Export(context.Background(), "-", g, FormatCSV, DOTOptions{}); err == nil {
		t.Error("csv to standard output accepted")
	}
}

func TestFormatFor(t *testing.T) {
	for _, c := range []struct{ path, explicit, want string }{
		{"seed.svg", "", FormatSVG}, {"out/seed.GV", "", FormatDOT}, {"a.dot", "", FormatDOT},
		{"g.graphml", "", FormatGraphML}, {"g.gexf", "", FormatGEXF}, {"g.json", "", FormatJSON},
		{"g.csv", "", FormatCSV}, {"g.png", "", FormatPNG}, {"g.txt", "json", FormatJSON}, {"-", "", FormatDOT},
	} {
		got, err := FormatFor(c.path, c.explicit)
		if err != nil || got != c.want {
			t.Errorf("FormatFor(%q, %q) = %q, %v; want %q", c.path, c.explicit, got, err, c.want)
		}
	}
	for _, c := range [][2]string{{"g.txt", ""}, {"g.dot", "pdf"}} {
		if _, err := FormatFor(c[0], c[1]); err == nil {
			t.Errorf("FormatFor(%q, %q) accepted", c[0], c[1])
		}
	}
	if _, err := WriteDOTString(DOTOptions{Layout: "spring"}); err == nil {
		t.Error("unknown layout accepted")
	}
}

// WriteDOTString is a test helper writing the fixture graph.
func WriteDOTString(opts DOTOptions) (string, error) {
	var b bytes.Buffer
	err := WriteDOT(&b, corpus(Options{}).Graph(), opts)
	return b.String(), err
}

func TestRenderSVGAndPNG(t *testing.T) {
	needDot(t)
	g := corpus(Options{}).Graph()
	dir := t.TempDir()
	for _, f := range []string{FormatSVG, FormatPNG} {
		p := filepath.Join(dir, "seed."+f)
		if _, err := Export(context.Background(), p, g, f, DOTOptions{}); err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(p)
		if f == FormatSVG && !bytes.Contains(b, []byte("<svg")) || f == FormatPNG && !bytes.HasPrefix(b, []byte("\x89PNG")) {
			t.Errorf("%s is not a %s file", p, f)
		}
	}
}

func TestRenderWithoutGraphviz(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	var b bytes.Buffer
	err := Render(context.Background(), &b, corpus(Options{}).Graph(), FormatSVG, DOTOptions{})
	if !errors.Is(err, ErrNoGraphviz) || !strings.Contains(err.Error(), "install the graphviz package") {
		t.Errorf("error = %v, want a clear message wrapping ErrNoGraphviz", err)
	}
	if err := CheckRender(FormatPNG); !errors.Is(err, ErrNoGraphviz) {
		t.Errorf("CheckRender(png) = %v without dot", err)
	}
	if err := CheckRender(FormatGEXF); err != nil {
		t.Errorf("CheckRender(gexf) = %v, want nil", err)
	}
}
