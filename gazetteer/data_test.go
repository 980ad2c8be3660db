package gazetteer

import (
	"regexp"
	"testing"
)

var datePattern = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// TestDataIntegrity checks the embedded data: ids match their kind, every
// role and membership points at an existing entry, dates are ISO and
// ordered, persons and cities have a country.
func TestDataIntegrity(t *testing.T) {
	g := mustDefault(t)
	for _, e := range g.Entries() {
		if want := e.Kind + ":"; len(e.ID) <= len(want) || e.ID[:len(want)] != want {
			t.Errorf("%s: id does not start with its kind %q", e.ID, e.Kind)
		}
		if (e.Kind == KindPerson || e.Kind == KindCity || e.Kind == KindCountry) && e.Country == "" && e.ID != "person:abu-bakr-al-baghdadi" {
			t.Errorf("%s: no country", e.ID)
		}
		if e.Country != "" {
			if _, ok := g.Get("country:" + e.Country); !ok && e.Kind != KindCity {
				t.Errorf("%s: unknown country %s", e.ID, e.Country)
			}
		}
		for _, r := range e.Roles {
			if _, ok := g.Get(r.Of); !ok {
				t.Errorf("%s: role %q of unknown %s", e.ID, r.Title, r.Of)
			}
			for _, d := range []string{r.From, r.To} {
				if d != "" && !datePattern.MatchString(d) {
					t.Errorf("%s: role %q has bad date %q", e.ID, r.Title, d)
				}
			}
			if r.From != "" && r.To != "" && r.From > r.To {
				t.Errorf("%s: role %q ends (%s) before it starts (%s)", e.ID, r.Title, r.To, r.From)
			}
		}
		for _, m := range e.Members {
			if _, ok := g.Get(m); !ok {
				t.Errorf("%s: unknown member %s", e.ID, m)
			}
		}
		if e.CapitalOf != "" {
			if _, ok := g.Get(e.CapitalOf); !ok {
				t.Errorf("%s: capital of unknown %s", e.ID, e.CapitalOf)
			}
		}
	}
	if n := len(g.Entries()); n != len(g.byID) {
		t.Errorf("%d entries but %d ids", n, len(g.byID))
	}
}
