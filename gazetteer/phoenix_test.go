package gazetteer

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/internal/testkit/testutil"
)

func TestReadPhoenixExcerpt(t *testing.T) {
	g := mustDefault(t)
	f, err := os.Open(testutil.Testdata(t, "gazetteer/phoenix-excerpt.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	entries, st, err := ReadPhoenix(f, g, "")
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*Entry{}
	for _, e := range entries {
		byID[e.ID] = e
	}
	if st.Actors != 7 || st.Countries != 1 || st.BadDates != 1 {
		t.Errorf("stats = %+v, want 7 actors, 1 country, 1 bad date", st)
	}
	kz := byID["country:KZ"]
	if kz == nil || !hasAliasText(kz, "Kazakstan") {
		t.Errorf("country:KZ = %+v", kz)
	}
	naz := byID["person:nursultan-nazarbayev"]
	if naz == nil || naz.Country != "KZ" || !hasAliasText(naz, "Nazarbayev") {
		t.Fatalf("Nazarbayev = %+v", naz)
	}
	if r := naz.Roles[0]; r.Title != "Government (KAZGOV)" || r.Of != "country:KZ" || r.From != "1990-04-24" || r.To != "2019-03-20" {
		t.Errorf("Nazarbayev role = %+v", r)
	}
	lav := byID["person:sergey-lavrov"]
	if lav == nil || len(lav.Roles) != 2 || lav.Roles[1].From != "2004-03-09" || lav.Roles[0].To != "2004-07-12" {
		t.Fatalf("Lavrov = %+v", lav)
	}
	if !hasAliasText(lav, "Sergey Viktorovich Lavrov") || !hasAliasText(lav, "Foreign Minister Sergey V. Lavrov") {
		t.Errorf("Lavrov aliases (the second block merges) = %+v", lav.Aliases)
	}
	if e := byID["person:mehmet-ozturk"]; e == nil || e.Roles[0].To != "2003-03-14" || e.Name != "Mehmet Öztürk" {
		t.Errorf("until-date actor = %+v", e)
	}
	if e := byID["person:ban-ki-moon"]; e == nil || e.Name != "Ban Ki-moon" || e.Roles[0].Of != "org:igouno" || e.Roles[1].From != "" {
		t.Errorf("Ban Ki-moon = %+v", e)
	}
	// An organization the gazetteer knows by that name is that entry.
	sco := byID["org:sco"]
	if sco == nil || sco.OrgType != "intergovernmental" || !hasAliasText(sco, "SCO") {
		t.Errorf("SCO = %+v", sco)
	}
	if e := byID["org:jabhat-al-nusra"]; e == nil || e.OrgType != "armed group" || e.Country != "SY" {
		t.Errorf("Nusra = %+v", e)
	}

	// The written YAML loads back as user data.
	var buf bytes.Buffer
	if err := WriteYAML(&buf, "test", entries); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "phoenix.yaml")
	os.WriteFile(p, buf.Bytes(), 0o644)
	g2, err := Load(p)
	if err != nil {
		t.Fatalf("Load(converted): %v\n%s", err, buf.String())
	}
	if e, ok := g2.Get("person:ban-ki-moon"); !ok || len(e.Roles) < 2 {
		t.Errorf("after load: %+v", e)
	}
	ms := g2.Match("Kazakstan and Nursultan Nazarbaev")
	if len(ms) != 2 || ms[0].IDs[0] != "country:KZ" || ms[1].IDs[0] != "person:nursultan-nazarbayev" {
		t.Errorf("matches after load = %+v", ms)
	}
}

func hasAliasText(e *Entry, text string) bool {
	for _, a := range e.Aliases {
		if a.Text == text {
			return true
		}
	}
	return false
}

func TestPhoenixDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"080508", "2008-05-08"}, {"720101", "1972-01-01"}, {"20040309", "2004-03-09"},
		{"2004017", ""}, {"081301", ""}, {"abc", ""},
	}
	for _, tt := range tests {
		got, ok := phoenixDate(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("phoenixDate(%q) = %q, %v", tt.in, got, ok)
		}
	}
}

// TestReadPhoenixShared converts the full shared Phoenix dictionaries and
// logs how many actors and aliases were read and how long it took.
func TestReadPhoenixShared(t *testing.T) {
	dir := testutil.Shared(t, "corpora/phoenix")
	g := mustDefault(t)
	for _, name := range []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"} {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		entries, st, err := ReadPhoenix(f, g, "")
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		t.Logf("%s: %d lines, %d actors (%d countries), %d aliases, %d roles (%d dated, %d unreadable dates) in %v",
			name, st.Lines, st.Actors, st.Countries, st.Aliases, st.Roles, st.Dated, st.BadDates, st.Elapsed)
		if st.Actors < 500 || st.Aliases < 100 {
			t.Errorf("%s: only %d actors and %d aliases", name, st.Actors, st.Aliases)
		}
		if name == "Phoenix.Countries.actors.txt" {
			var lav *Entry
			for _, e := range entries {
				if e.ID == "person:sergey-lavrov" {
					lav = e
				}
			}
			if lav == nil || !strings.Contains(lav.Roles[len(lav.Roles)-1].Title, "RUSGOV") {
				t.Errorf("Lavrov not converted: %+v", lav)
			}
		}
	}
}

func FuzzReadPhoenix(f *testing.F) {
	g := mustDefault(f)
	for _, s := range []string{"SERGEY_LAVROV_\n+LAVROV\n\t[RUSGOV >20040309]\n", "KAZAKHSTAN_ [KAZ]\n+KAZAKSTAN_\n", "A_ [", "\t[X 1-2]\n+\n[]]", "B_ [IGO <999999] [---]\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		entries, st, err := ReadPhoenix(strings.NewReader(in), g, "")
		if err != nil {
			return
		}
		if st.Actors != len(entries) {
			t.Fatalf("stats say %d actors, got %d", st.Actors, len(entries))
		}
		for _, e := range entries {
			if err := e.validate(); err != nil {
				t.Fatalf("invalid entry %+v: %v", e, err)
			}
			for _, r := range e.Roles {
				for _, d := range []string{r.From, r.To} {
					if d != "" && len(d) != 10 {
						t.Fatalf("bad date %q in %+v", d, r)
					}
				}
			}
		}
	})
}
