package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/entente-nlp/entente/internal/testkit/testutil"
)

// TestTimelineCorpus runs the pipeline over testdata/timeline, 22 dated
// articles in which Norway and Iceland cooperate from January to March
// 2024 and oppose each other from May on, and checks that the monthly
// timeline shows the turn, that the GEXF over time validates against the
// GEXF 1.3 schema, and that the minister named by surname alone is one
// node with her full name while a captain with the same surname is not.
func TestTimelineCorpus(t *testing.T) {
	t.Parallel()
	root := testutil.RepoRoot(t)
	corpus := filepath.Join(root, "testdata", "timeline")
	dir := t.TempDir()
	csvPath, gexf, js := filepath.Join(dir, "ties.csv"), filepath.Join(dir, "g.gexf"), filepath.Join(dir, "g.json")
	if _, err := runEntente(t, "graph", corpus, "--timeline", csvPath, "-o", gexf, "--window", "month"); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// Weight of each relation type between the two countries, either way,
	// per month.
	weight := map[string]map[string]int{"cooperates_with": {}, "opposes": {}}
	pair := map[string]bool{"country:IS": true, "country:NO": true}
	for _, r := range rows[1:] {
		if !pair[r[0]] || !pair[r[2]] || weight[r[4]] == nil {
			continue
		}
		w, err := strconv.Atoi(r[9])
		if err != nil {
			t.Fatal(err)
		}
		weight[r[4]][r[6]] += w
	}
	sum := func(typ string, months ...string) int {
		n := 0
		for _, m := range months {
			n += weight[typ][m]
		}
		return n
	}
	early := []string{"2024-01", "2024-02", "2024-03"}
	late := []string{"2024-06", "2024-07", "2024-08", "2024-09", "2024-10"}
	coEarly, opEarly := sum("cooperates_with", early...), sum("opposes", early...)
	coLate, opLate := sum("cooperates_with", late...), sum("opposes", late...)
	t.Logf("Iceland-Norway: cooperates_with %v, opposes %v", weight["cooperates_with"], weight["opposes"])
	if coEarly < 3 || coEarly <= opEarly {
		t.Errorf("January-March: cooperates_with %d, opposes %d; want cooperation (>= 3) above opposition", coEarly, opEarly)
	}
	if opLate < 5 || opLate <= 2*coLate {
		t.Errorf("June-October: opposes %d, cooperates_with %d; want opposition (>= 5) well above cooperation", opLate, coLate)
	}

	if xmllint, err := exec.LookPath("xmllint"); err == nil {
		xsd := filepath.Join(root, "testdata", "graph", "gexf-1.3", "gexf.xsd")
		if out, err := exec.Command(xmllint, "--noout", "--schema", xsd, gexf).CombinedOutput(); err != nil {
			t.Errorf("the corpus's GEXF over time does not validate against the GEXF 1.3 XSD: %v\n%s", err, out)
		}
	} else if os.Getenv("CI") == "true" {
		t.Error("xmllint not found under CI: .ci/run must install libxml2-utils")
	} else {
		t.Log("xmllint not installed (libxml2-utils): GEXF not validated here")
	}

	if _, err := runEntente(t, "graph", corpus, "-o", js, "--isolated", "--types", "PERSON"); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(js)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Nodes []struct {
			ID   string `json:"id"`
			Docs int    `json:"docs"`
		} `json:"nodes"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	docs := map[string]int{}
	for _, n := range doc.Nodes {
		docs[n.ID] = n.Docs
	}
	if docs["person:ingrid-havik"] < 4 || docs["person:havik"] != 0 {
		t.Errorf("the minister: %d documents as Ingrid Havik, %d as a lone surname; want her articles joined (nodes %v)",
			docs["person:ingrid-havik"], docs["person:havik"], docs)
	}
	if docs["person:havik@captain"] != 1 {
		t.Errorf("Captain Havik is not a node of his own: %v", docs)
	}
}
