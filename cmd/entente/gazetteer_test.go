package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/internal/testkit/testutil"
)

func TestGazetteerLookupCommand(t *testing.T) {
	t.Parallel()
	out, err := runEntente(t, "gazetteer", "lookup", "Cavusoglu", "ISSG", "Zzyzx", "--date", "2016-12-20")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"person:mevlut-cavusoglu", "surname of a known person", "Foreign Minister of Turkey 2015-11-24 to ",
		"org:issg", "Zzyzx", "not found"} {
		if !strings.Contains(out, want) {
			t.Errorf("lookup output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "of country:") {
		t.Errorf("lookup names an office's country by its id:\n%s", out)
	}
}

func TestGazetteerLookupJSON(t *testing.T) {
	t.Parallel()
	out, err := runEntente(t, "gazetteer", "lookup", "Georgia", "Lavrov", "--json", "--date", "2016-12-20")
	if err != nil {
		t.Fatal(err)
	}
	var res []struct {
		Name       string
		Candidates []struct {
			Entry   struct{ ID string }
			Score   float64
			Reason  string
			RolesOn []struct{ Title, Of string } `json:"roles_on"`
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(res) != 2 || len(res[0].Candidates) < 2 || res[1].Candidates[0].Entry.ID != "person:sergey-lavrov" ||
		len(res[1].Candidates[0].RolesOn) != 1 || res[1].Candidates[0].RolesOn[0].Title != "Foreign Minister" {
		t.Errorf("lookup --json = %s", out)
	}
}

func TestGazetteerStatsWithUserFile(t *testing.T) {
	t.Parallel()
	p := filepath.Join(t.TempDir(), "extra.yaml")
	if err := os.WriteFile(p, []byte("- {kind: person, name: Jane Roe, country: GB}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	base, err := runEntente(t, "gazetteer", "stats")
	if err != nil {
		t.Fatal(err)
	}
	more, err := runEntente(t, "gazetteer", "stats", "--gazetteer", p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(base, "country") || base == more {
		t.Errorf("stats did not change with a user file:\n%s\n%s", base, more)
	}
	if _, err := runEntente(t, "gazetteer", "stats", "--gazetteer", filepath.Join(t.TempDir(), "missing.yaml")); err == nil || !strings.Contains(err.Error(), "missing.yaml") {
		t.Errorf("missing user file: err = %v", err)
	}
}

func TestGazetteerImportCommand(t *testing.T) {
	t.Parallel()
	in := testutil.Testdata(t, "gazetteer/phoenix-excerpt.txt")
	out := filepath.Join(t.TempDir(), "actors.yaml")
	if _, err := runEntente(t, "gazetteer", "import", "--format", "phoenix", in, "-o", out); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "person:sergey-lavrov") || !strings.Contains(string(data), "from: \"2004-03-09\"") && !strings.Contains(string(data), "from: 2004-03-09") {
		t.Errorf("converted file:\n%s", data)
	}
	// The result works as a user gazetteer.
	res, err := runEntente(t, "gazetteer", "lookup", "Kazakstan", "--gazetteer", out)
	if err != nil || !strings.Contains(res, "country:KZ") {
		t.Errorf("lookup with the converted file: %v\n%s", err, res)
	}
	if _, err := runEntente(t, "gazetteer", "import", "--format", "csv", in); err == nil {
		t.Error("unknown format accepted")
	}
	if _, err := runEntente(t, "gazetteer", "import", "--format", "phoenix", testutil.Testdata(t, "moscow-declaration.md")); err == nil {
		t.Error("an article converted as an actor dictionary without complaint")
	}
}

func TestGazetteerExportCommand(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "people.yaml")
	if _, err := runEntente(t, "gazetteer", "export", "--kind", "person", "-o", out); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "id: person:sergey-lavrov") || strings.Contains(string(data), "id: country:") {
		t.Errorf("export --kind person wrote:\n%.500s", data)
	}
	// The export loads back as a user file, unchanged.
	if _, err := runEntente(t, "gazetteer", "stats", "--gazetteer", out); err != nil {
		t.Errorf("loading the export: %v", err)
	}
	if _, err := runEntente(t, "gazetteer", "export", "--kind", "planet"); err == nil {
		t.Error("unknown kind accepted")
	}
	// -o goes through internal/app/outfile: a symbolic link is followed,
	// not replaced, and the file keeps its mode.
	dir := t.TempDir()
	real := filepath.Join(dir, "real.yaml")
	if err := os.WriteFile(real, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	if _, err := runEntente(t, "gazetteer", "export", "--kind", "ORG", "-o", link); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", fi.Mode(), err)
	}
	if fi, err := os.Stat(real); err != nil || fi.Mode().Perm() != 0o640 || fi.Size() < 100 {
		t.Errorf("target: %v, %v", fi, err)
	}
}
