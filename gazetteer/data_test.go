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

// TestCoverageWhereUsersMeetIt checks that the names news uses for
// companies, indexes, news organisations, states and provinces, parties,
// forces and commands, natural features and groups resolve to the right
// entry, with its type, and that short forms that are common words do not.
func TestCoverageWhereUsersMeetIt(t *testing.T) {
	g := mustDefault(t)
	cases := []struct{ text, id, typ string }{
		{"Walmart", "org:walmart", TypeOrganization},
		{"Kroger", "org:kroger", TypeOrganization},
		{"Verizon", "org:verizon", TypeOrganization},
		{"Amazon", "org:amazon", TypeOrganization},
		{"Dell", "org:dell-technologies", TypeOrganization},
		{"Yahoo", "org:yahoo", TypeOrganization},
		{"Yahoo Japan", "org:yahoo-japan", TypeOrganization},
		{"Mozilla", "org:mozilla", TypeOrganization},
		{"Toyota Motor Corp.", "org:toyota", TypeOrganization},
		{"JPMorgan", "org:jpmorgan-chase", TypeOrganization},
		{"Harvard", "org:harvard", TypeOrganization},
		{"FTSE 100", "org:ftse-100", TypeIndex},
		{"Nikkei", "org:nikkei-225", TypeIndex},
		{"Dow Jones Industrial Average", "org:dow-jones-industrial-average", TypeIndex},
		{"Reuters", "org:reuters", TypeOrganization},
		{"The Sydney Morning Herald", "org:smh", TypeOrganization},
		{"Yonhap", "org:yonhap", TypeOrganization},
		{"New Jersey", "region:new-jersey", TypeLocation},
		{"Calif.", "region:california", TypeLocation},
		{"Saskatchewan", "region:saskatchewan", TypeLocation},
		{"New South Wales", "region:new-south-wales", TypeLocation},
		{"Scotland", "region:scotland", TypeLocation},
		{"ZANU-PF", "org:zanu-pf", TypeOrganization},
		{"Bharatiya Janata Party", "org:bjp", TypeOrganization},
		{"CENTCOM", "org:centcom", TypeOrganization},
		{"CJTF-OIR", "org:cjtf-oir", TypeOrganization},
		{"NAVCENT", "org:navcent", TypeOrganization},
		{"Tigris River", "region:tigris", TypeLocation},
		{"Mosul Dam", "region:mosul-dam", TypeLocation},
		{"Mount Sinjar", "region:mount-sinjar", TypeLocation},
		{"Kurdish", "group:kurds", TypeNORP},
		{"Yazidi", "group:yazidis", TypeNORP},
		{"Shiite", "group:shiites", TypeNORP},
		{"Icelandic", "country:IS", TypeCountry},
	}
	for _, c := range cases {
		ms := g.Match(c.text)
		if len(ms) != 1 || ms[0].Start != 0 || ms[0].End != len(c.text) || ms[0].IDs[0] != c.id {
			t.Errorf("Match(%q) = %+v, want one match of the whole text, %s first", c.text, ms, c.id)
			continue
		}
		if e, _ := g.Get(c.id); e.Type != c.typ {
			t.Errorf("%s: type %s, want %s", c.id, e.Type, c.typ)
		}
	}
	// Common words and given names are not company names on their own.
	for _, w := range []string{"Target", "Southern", "Progressive", "Block", "Insider", "Island"} {
		for _, m := range g.Match("The " + w + " was there.") {
			if e, _ := g.Get(m.IDs[0]); e.OrgType == "company" || e.OrgType == "media" {
				t.Errorf("%q matched %s", w, m.IDs[0])
			}
		}
	}
}
