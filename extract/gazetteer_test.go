package extract

import (
	"testing"

	"github.com/entente-nlp/entente/gazetteer"
)

func TestGazetteerAdapter(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	a := NewGazetteerAdapter(g)
	ms := a.Match("Lavrov flew to Ankara.")
	if len(ms) != 2 || ms[0].IDs[0] != "person:sergey-lavrov" || ms[1].IDs[0] != "city:ankara" {
		t.Fatalf("Match = %+v", ms)
	}
	e, ok := a.Entry("city:ankara")
	if !ok || e.Type != "LOCATION" || e.Country != "country:TR" || e.CapitalOf != "country:TR" {
		t.Errorf("Entry(city:ankara) = %+v, %v", e, ok)
	}
	e, ok = a.Entry("country:TR")
	if !ok || e.Type != "COUNTRY" || e.Attrs["iso"] != "TR" {
		t.Errorf("Entry(country:TR) = %+v", e)
	}
	if _, ok := a.Entry("org:none"); ok {
		t.Error("Entry(org:none) found")
	}
	if !a.IsGivenName("Sergey") || a.IsGivenName("Aleppo") {
		t.Error("IsGivenName")
	}
	if NewGazetteerAdapter(nil) != nil {
		t.Error("nil gazetteer must give a nil interface")
	}
}
