package entity_test

import (
	"testing"

	"github.com/entente-nlp/entente/entity"
)

func TestID(t *testing.T) {
	for _, c := range []struct {
		id             entity.ID
		kind, key, typ string
		country        bool
	}{
		{entity.CountryID("ru"), "country", "RU", entity.Country, true},
		{entity.CountryRef("TR"), "country", "TR", entity.Country, true},
		{entity.CountryRef("country:IR"), "country", "IR", entity.Country, true},
		{entity.CountryRef("org:nato"), "org", "nato", entity.Organization, false},
		{entity.New(entity.KindPerson, "sergey-lavrov"), "person", "sergey-lavrov", entity.Person, false},
		{entity.ID("city:moscow"), "city", "moscow", entity.Location, false},
		{entity.ID("loc:east-aleppo"), "loc", "east-aleppo", entity.Location, false},
		{entity.New(entity.KindEvent, "doc/e1"), "event", "doc/e1", entity.Event, false},
		{entity.ID("vessel:x:y"), "vessel", "x:y", "", false},
		{entity.ID("nocolon"), "", "nocolon", "", false},
	} {
		if c.id.Kind() != c.kind || c.id.Key() != c.key || c.id.Type() != c.typ || c.id.IsCountry() != c.country {
			t.Errorf("%q: kind %q key %q type %q country %v", c.id, c.id.Kind(), c.id.Key(), c.id.Type(), c.id.IsCountry())
		}
	}
	if entity.CountryID("") != "" || entity.CountryRef("") != "" {
		t.Error("an empty code makes an empty id")
	}
	if s := entity.CountryID("ru").String(); s != "country:RU" {
		t.Errorf("String %q", s)
	}
}
