package gazetteer

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/internal/testkit/testutil"
)

// goldIDs maps every non-optional country, organization and person of the
// reference article's gold key (and the locations) to its gazetteer id.
var goldIDs = map[string]string{
	"Vladimir Putin": "person:vladimir-putin", "Sergey Lavrov": "person:sergey-lavrov",
	"Mevlut Cavusoglu": "person:mevlut-cavusoglu", "Mohammad Javad Zarif": "person:mohammad-javad-zarif",
	"Dmitry Peskov": "person:dmitry-peskov", "Andrei Karlov": "person:andrei-karlov",
	"Nursultan Nazarbayev": "person:nursultan-nazarbayev", "Bashar al-Assad": "person:bashar-al-assad",
	"Recep Tayyip Erdogan": "person:recep-tayyip-erdogan", "Hulusi Akar": "person:hulusi-akar",
	"Fikri Isik": "person:fikri-isik", "Andrei Akulov": "person:andrei-akulov",
	"Russia": "country:RU", "Turkey": "country:TR", "Iran": "country:IR", "Syria": "country:SY",
	"United States": "country:US", "Kazakhstan": "country:KZ",
	"Moscow": "city:moscow", "Astana": "city:astana", "Aleppo": "city:aleppo", "Mosul": "city:mosul",
	"Raqqa": "city:raqqa", "Ankara": "city:ankara", "Tehran": "city:tehran",
	"Middle East": "region:middle-east", "North Africa": "region:north-africa", "Eurasia": "region:eurasia",
	"Islamic State": "org:islamic-state", "Jabhat al-Nusra": "org:jabhat-al-nusra", "NATO": "org:nato",
	"United Nations": "org:un", "International Syria Support Group": "org:issg",
	"Shanghai Cooperation Organization": "org:sco", "CBS": "org:cbs",
	"Strategic Culture Foundation":         "org:strategic-culture-foundation",
	"Centre for Research on Globalization": "org:global-research", "US-led coalition": "org:us-led-coalition",
	"Turkish General Staff": "org:turkish-general-staff", "Facebook": "org:facebook", "60 Minutes": "org:60-minutes",
}

type goldKey struct {
	Entities []struct {
		Type     string   `json:"type"`
		Name     string   `json:"name"`
		Aliases  []string `json:"aliases"`
		ISO      string   `json:"iso"`
		Optional bool     `json:"optional"`
	} `json:"entities"`
}

// TestGoldNamesResolve checks that every gold name and alias resolves,
// through Lookup, to the entry expected for it, with the gold type.
func TestGoldNamesResolve(t *testing.T) {
	g := mustDefault(t)
	data, err := os.ReadFile(testutil.Shared(t, "gold/moscow-declaration.gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gold goldKey
	if err := json.Unmarshal(data, &gold); err != nil {
		t.Fatal(err)
	}
	for _, ge := range gold.Entities {
		id, ok := goldIDs[ge.Name]
		if !ok {
			t.Errorf("gold entity %q has no expected id in this test", ge.Name)
			continue
		}
		e, ok := g.Get(id)
		if !ok {
			t.Errorf("%s: no entry %s", ge.Name, id)
			continue
		}
		if e.Type != ge.Type && !(ge.Type == "LOCATION" && e.Type == TypeLocation) {
			t.Errorf("%s: type %s, gold %s", id, e.Type, ge.Type)
		}
		if ge.ISO != "" && e.Country != ge.ISO {
			t.Errorf("%s: country %s, gold %s", id, e.Country, ge.ISO)
		}
		for _, name := range append([]string{ge.Name}, ge.Aliases...) {
			switch name {
			case "coalition", "General Staff", "Russian President":
				continue // generic words and role phrases: the entities stage resolves them in context
			case "CBS 60 Minutes":
				continue // deliberately two entries, CBS and 60 Minutes
			}
			cands := g.Lookup(name)
			if len(cands) == 0 || !hasEntry(cands, id) {
				t.Errorf("Lookup(%q) = %v, want %s among the candidates", name, ids(cands), id)
			}
		}
	}
}

func hasEntry(cs []Candidate, id string) bool {
	for _, c := range cs {
		if c.Entry.ID == id {
			return true
		}
	}
	return false
}

func ids(cs []Candidate) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Entry.ID)
	}
	return out
}

// TestReferenceArticle checks that matching the reference article finds
// every non-optional gold country, organization and person (and the
// locations) under its id.
func TestReferenceArticle(t *testing.T) {
	g := mustDefault(t)
	data, err := os.ReadFile(testutil.Testdata(t, "moscow-declaration.md"))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, m := range g.Match(string(data)) {
		for _, id := range m.IDs {
			seen[id] = true
		}
	}
	for _, id := range []string{
		"person:vladimir-putin", "person:sergey-lavrov", "person:mevlut-cavusoglu", "person:mohammad-javad-zarif",
		"person:dmitry-peskov", "person:andrei-karlov", "person:nursultan-nazarbayev", "person:bashar-al-assad",
		"person:recep-tayyip-erdogan", "person:hulusi-akar", "person:fikri-isik", "person:andrei-akulov",
		"country:RU", "country:TR", "country:IR", "country:SY", "country:US", "country:KZ",
		"city:moscow", "city:astana", "city:aleppo", "city:mosul", "city:raqqa",
		"org:islamic-state", "org:jabhat-al-nusra", "org:nato", "org:un", "org:issg", "org:sco", "org:cbs",
		"org:strategic-culture-foundation",
	} {
		if !seen[id] {
			t.Errorf("reference article: %s not matched", id)
		}
	}
	// Gold "not entities" the gazetteer must not produce.
	for _, m := range g.Match(string(data)) {
		switch m.Text {
		case "Copyright", "In-depth Report", "Western", "JCPOA", "S-300", "S-400", "Turkish Stream":
			t.Errorf("matched non-entity %q as %v", m.Text, m.IDs)
		}
		if m.IDs[0] == "org:nato" && m.Text != "NATO" {
			t.Errorf("NATO matched as %q", m.Text)
		}
	}
}

func TestGoldRoles(t *testing.T) {
	g := mustDefault(t)
	tests := []struct{ id, title, of string }{
		{"person:vladimir-putin", "President", "country:RU"},
		{"person:sergey-lavrov", "Foreign Minister", "country:RU"},
		{"person:mevlut-cavusoglu", "Foreign Minister", "country:TR"},
		{"person:mohammad-javad-zarif", "Foreign Minister", "country:IR"},
		{"person:dmitry-peskov", "Presidential spokesman", "country:RU"},
		{"person:andrei-karlov", "Ambassador to Turkey", "country:RU"},
		{"person:nursultan-nazarbayev", "President", "country:KZ"},
		{"person:bashar-al-assad", "President", "country:SY"},
		{"person:recep-tayyip-erdogan", "President", "country:TR"},
		{"person:hulusi-akar", "Chief of the General Staff", "country:TR"},
		{"person:fikri-isik", "Defense Minister", "country:TR"},
		{"person:andrei-akulov", "Contributor", "org:strategic-culture-foundation"},
	}
	for _, tt := range tests {
		roles := g.RoleOn(tt.id, "2016-12-19")
		ok := false
		for _, r := range roles {
			ok = ok || (r.Title == tt.title && r.Of == tt.of)
		}
		if !ok {
			t.Errorf("RoleOn(%s, 2016-12-19) = %+v, want %s of %s", tt.id, roles, tt.title, tt.of)
		}
	}
	if r := g.RoleOn("person:recep-tayyip-erdogan", "2010-06"); len(r) != 1 || r[0].Title != "Prime Minister" {
		t.Errorf("Erdogan in 2010: %+v, want Prime Minister", r)
	}
	if r := g.RoleOn("person:andrei-karlov", "2017-01-01"); len(r) != 0 {
		t.Errorf("Karlov in 2017: %+v, want none", r)
	}
	if r, ok := g.LastRole("person:andrei-karlov", "2016-12-22"); !ok || r.Title != "Ambassador to Turkey" {
		t.Errorf("LastRole(Karlov, 2016-12-22) = %+v, %v", r, ok)
	}
	if r, ok := g.LastRole("person:sergey-lavrov", "2016-12-22"); !ok || r.Title != "Foreign Minister" {
		t.Errorf("LastRole(Lavrov, 2016-12-22) = %+v, %v", r, ok)
	}
	if _, ok := g.LastRole("person:sergey-lavrov", "1990"); ok {
		t.Error("LastRole(Lavrov, 1990) found a role")
	}
	if r := g.RoleOn("person:nobody", "2016"); r != nil {
		t.Errorf("unknown person: %+v", r)
	}
}

func TestHoldersOn(t *testing.T) {
	g := mustDefault(t)
	tests := []struct{ title, of, date, want string }{
		{"Foreign Minister", "TR", "2016-12-20", "person:mevlut-cavusoglu"},
		{"foreign minister", "country:IR", "2016-12-20", "person:mohammad-javad-zarif"},
		{"Defense Minister", "TR", "2016-12-20", "person:fikri-isik"},
		{"President", "US", "2016-12-20", "person:barack-obama"},
		{"President", "US", "2017-06", "person:donald-trump"},
		{"Secretary-General", "org:nato", "2016-12-20", "person:jens-stoltenberg"},
		{"Foreign Minister", "TR", "2015-09-15", "person:feridun-sinirlioglu"},
	}
	for _, tt := range tests {
		got := g.HoldersOn(tt.title, tt.of, tt.date)
		if len(got) != 1 || got[0].ID != tt.want {
			var ids []string
			for _, e := range got {
				ids = append(ids, e.ID)
			}
			t.Errorf("HoldersOn(%s, %s, %s) = %v, want %s", tt.title, tt.of, tt.date, ids, tt.want)
		}
	}
	if got := g.HoldersOn("Emperor", "TR", "2016"); len(got) != 0 {
		t.Errorf("no emperor expected: %v", got)
	}
}

func TestLookup(t *testing.T) {
	g := mustDefault(t)
	tests := []struct{ name, id, reason string }{
		{"Sergey Lavrov", "person:sergey-lavrov", "exact alias"},
		{"sergei lavrov", "person:sergey-lavrov", "folded alias"},
		{"Cavusoglu", "person:mevlut-cavusoglu", "surname of a known person"},
		{"ISSG", "org:issg", "exact alias (acronym)"},
		{"WFSG", "", ""},
		{"the Kremlin", "country:RU", "exact alias (metonym)"},
		{"Syria's", "country:SY", "folded alias"},
		{"Lavrv", "person:sergey-lavrov", "fuzzy"},
	}
	for _, tt := range tests {
		cs := g.Lookup(tt.name)
		if tt.id == "" {
			if len(cs) != 0 {
				t.Errorf("Lookup(%q) = %v, want nothing", tt.name, ids(cs))
			}
			continue
		}
		if len(cs) == 0 || cs[0].Entry.ID != tt.id {
			t.Errorf("Lookup(%q) = %v, want %s first", tt.name, ids(cs), tt.id)
			continue
		}
		if len(cs[0].Reason) < len(tt.reason) || cs[0].Reason[:len(tt.reason)] != tt.reason {
			t.Errorf("Lookup(%q) reason %q, want %q", tt.name, cs[0].Reason, tt.reason)
		}
	}
	// Acronym derived from the name when no alias gives it.
	if cs := g.Lookup("SCF"); !hasEntry(cs, "org:strategic-culture-foundation") || cs[0].Reason != "acronym" {
		t.Errorf("Lookup(SCF) = %v", ids(cs))
	}
}

func TestIsGivenName(t *testing.T) {
	g := mustDefault(t)
	for _, w := range []string{"Sergey", "Mevlüt", "John", "mary", "Recep"} {
		if !g.IsGivenName(w) {
			t.Errorf("IsGivenName(%q) = false", w)
		}
	}
	for _, w := range []string{"Aleppo", "Lavrov", "Syria", "Moscow", "Xi", "Yoon"} {
		if g.IsGivenName(w) {
			t.Errorf("IsGivenName(%q) = true", w)
		}
	}
}

func TestStats(t *testing.T) {
	s := mustDefault(t).Stats()
	for k, min := range map[string]int{"country": 249, "org": 150, "city": 300, "person": 100, "region": 20, "given_names": 2000} {
		if s[k] < min {
			t.Errorf("Stats()[%s] = %d, want at least %d", k, s[k], min)
		}
	}
}

func TestLoadUserFiles(t *testing.T) {
	dir := t.TempDir()
	yml := filepath.Join(dir, "extra.yaml")
	os.WriteFile(yml, []byte(`
- id: person:jane-roe
  name: Jane Roe
  country: GB
  aliases: [J. Roe]
  roles: [{title: Foreign Minister, of: GB, from: 2030-01-01}]
- id: country:RU
  aliases: [{text: Rossiya, form: alias}]
- {id: org:cbs, remove: true}
- {id: city:aleppo, name: Halab City, country: SY, replace: true}
`), 0o644)
	csvf := filepath.Join(dir, "extra.csv")
	os.WriteFile(csvf, []byte("kind,name,aliases,acronyms,country,org_type\norg,Friends of Syria Group,Friends of Syria,FOSG,,intergovernmental\n"), 0o644)
	g, err := Load(yml, csvf)
	if err != nil {
		t.Fatal(err)
	}
	got := found(g.Match("Jane Roe, Roe and Rossiya; FOSG met the Friends of Syria; CBS in Halab City, not Aleppo"))
	want := []string{"Jane Roe=person:jane-roe", "Roe=person:jane-roe", "Rossiya=country:RU", "FOSG=org:friends-of-syria-group",
		"Friends of Syria=org:friends-of-syria-group", "Halab City=city:aleppo"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if r := g.RoleOn("person:jane-roe", "2031"); len(r) != 1 || r[0].Of != "country:GB" {
		t.Errorf("roles: %+v", r)
	}
	if e, _ := g.Get("country:RU"); e.Name != "Russia" {
		t.Errorf("merge changed the name: %s", e.Name)
	}
	// The default is untouched.
	if _, ok := mustDefault(t).Get("person:jane-roe"); ok {
		t.Error("Load modified the default gazetteer")
	}
	if _, ok := mustDefault(t).Get("org:cbs"); !ok {
		t.Error("Load removed from the default gazetteer")
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(body), 0o644)
		return p
	}
	tests := []struct{ name, path string }{
		{"missing", filepath.Join(dir, "nope.yaml")},
		{"empty", write("empty.yaml", "  \n")},
		{"bad yaml", write("bad.yaml", "- {id: [")},
		{"unknown field", write("field.yaml", "- {id: org:x, name: X, colour: red}")},
		{"unknown kind", write("kind.yaml", "- {id: planet:mars, name: Mars}")},
		{"no id", write("noid.yaml", "- {name: X}")},
		{"bad form", write("form.yaml", "- {id: org:x, name: X, aliases: [{text: Y, form: nickname}]}")},
		{"remove missing", write("rm.yaml", "- {id: org:nothing, remove: true}")},
		{"csv column", write("col.csv", "id,colour\norg:x,red\n")},
		{"extension", write("x.json", "[]")},
	}
	for _, tt := range tests {
		if _, err := Load(tt.path); err == nil {
			t.Errorf("%s: Load(%s) succeeded", tt.name, tt.path)
		} else if !slices.Contains([]string{err.Error()}, err.Error()) || len(err.Error()) < 10 {
			t.Errorf("%s: unhelpful error %v", tt.name, err)
		}
	}
}

// Bad values in a user file are refused with the file, the entry and the
// problem named in the file format's words, never in Go's.
func TestLoadErrorsSayWhat(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		name, body string
		want       []string
	}{
		{"role date", "- {id: person:x-y, name: X Y, roles: [{title: President, of: TR, from: 2030-13-45}]}",
			[]string{"date.yaml: entry 1 (person:x-y): role \"President\": from \"2030-13-45\"", `role "President": from "2030-13-45" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)`}},
		{"role order", "- {id: org:ok, name: Okay}\n- {id: person:x-y, name: X Y, roles: [{title: Mayor, of: TR, from: 2016-05, to: 2015}]}",
			[]string{"entry 2 (person:x-y)", `role "Mayor" ends (2015) before it begins (2016-05)`}},
		{"one letter alias", "- {id: org:acme, name: Acme, aliases: [a]}",
			[]string{"entry 1 (org:acme)", `alias "a" is a single character`}},
		{"one letter name", "- {kind: org, name: Q}",
			[]string{"entry 1 (org:q): name \"Q\"", `name "Q" is a single character`}},
		{"missing file", "", []string{": no such file or directory"}},
		{"misspelt key", "- id: org:acme\n  nmae: Acme\n  aliases: [Acme Corp]\n",
			[]string{"key.yaml: line 2: unknown key \"nmae\" in an entry (known: id, kind, type, name"}},
		{"misspelt role key", "- id: person:x-y\n  name: X Y\n  roles:\n    - {titel: President, of: TR}\n",
			[]string{`line 4: unknown key "titel" in a role (known: title, of, from, to)`}},
		{"wrong kind of value", "- id: org:acme\n  name: Acme\n  aliases: Acme Corp\n",
			[]string{`line 3: the text "Acme Corp" where a list is expected`}},
	} {
		file := strings.Fields(c.name)[len(strings.Fields(c.name))-1] + ".yaml"
		p := filepath.Join(dir, file)
		if c.body != "" {
			if err := os.WriteFile(p, []byte(c.body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		_, err := Load(p)
		if err == nil {
			t.Errorf("%s: accepted", c.name)
			continue
		}
		for _, w := range append(c.want, p) {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %q lacks %q", c.name, err, w)
			}
		}
		for _, internal := range []string{"gazetteer.fileEntry", "gazetteer.Role", "!!str", "unmarshal", "open "} {
			if strings.Contains(err.Error(), internal) {
				t.Errorf("%s: error %q shows Go internals (%s)", c.name, err, internal)
			}
		}
	}
}
