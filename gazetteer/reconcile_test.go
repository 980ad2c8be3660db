package gazetteer

import "testing"

func TestReconcile(t *testing.T) {
	g := mustDefault(t)
	ctxUS := []string{"country:US", "city:atlanta"}
	tests := []struct {
		name, typ string
		ctx       []string
		date      string
		id        string
		linked    bool
		ambiguous bool
	}{
		{"Sergey Lavrov", TypePerson, nil, "", "person:sergey-lavrov", true, false},
		{"Russian Foreign Minister Sergey Lavrov", TypePerson, nil, "", "person:sergey-lavrov", true, false},
		{"President Bashar al-Assad", TypePerson, nil, "", "person:bashar-al-assad", true, false},
		{"S. Lavrov", TypePerson, nil, "", "person:sergey-lavrov", true, false},
		{"Mevlüt Çavuşoğlu", "", nil, "", "person:mevlut-cavusoglu", true, false},
		{"Moscow", TypeLocation, nil, "", "city:moscow", true, false},
		{"Russia", TypeLocation, nil, "", "country:RU", true, false},
		{"Aleppo", TypePerson, nil, "", "person:aleppo", false, false}, // a model calling Aleppo a person does not link it to the city
		{"Georgia", TypeLocation, ctxUS, "", "region:georgia-us", true, false},
		{"Georgia", TypeLocation, nil, "", "country:GE", true, true},
		{"Clinton", TypePerson, nil, "1996-03-01", "person:bill-clinton", true, false},
		{"The Jane Roe Foundation's", TypeOrganization, nil, "", "org:jane-roe-foundation", false, false},
		{"Global Research", TypeOrganization, nil, "", "org:global-research", true, false},
		{"Russian President", TypePerson, nil, "2016-12-22", "person:vladimir-putin", true, false},
		{"the Turkish Foreign Minister", TypePerson, nil, "2016-12-20", "person:mevlut-cavusoglu", true, false},
		{"Iran's Foreign Minister", "", nil, "2016-12-20", "person:mohammad-javad-zarif", true, false},
		{"President of Kazakhstan", TypePerson, nil, "2016-12-17", "person:nursultan-nazarbayev", true, false},
		{"US Secretary of State", TypePerson, nil, "2016-12-20", "person:john-kerry", true, false},
		{"NATO Secretary General", TypePerson, nil, "2016-12-20", "person:jens-stoltenberg", true, false},
		{"Russian President", TypePerson, nil, "", "person:russian-president", false, false},
		// A place is never linked by resemblance.
		{"South Taranaki", TypeLocation, nil, "", "loc:south-taranaki", false, false},
		{"Tuva", TypeLocation, nil, "", "loc:tuva", false, false},
		{"Tuva", "", nil, "", "loc:tuva", false, false},
		{"Sergei Lavrov", TypePerson, nil, "", "person:sergey-lavrov", true, false},
	}
	for _, tt := range tests {
		l := g.Reconcile(tt.name, tt.typ, tt.ctx, tt.date)
		if l.ID != tt.id || l.Linked != tt.linked || l.Ambiguous != tt.ambiguous {
			t.Errorf("Reconcile(%q, %s) = %+v, want %s linked=%v ambiguous=%v", tt.name, tt.typ, l, tt.id, tt.linked, tt.ambiguous)
		}
		if l.Linked && (l.Score <= 0 || l.Reason == "") {
			t.Errorf("Reconcile(%q): linked without score or reason: %+v", tt.name, l)
		}
	}
}

func TestUnlinkedID(t *testing.T) {
	tests := []struct{ typ, name, want string }{
		{TypePerson, "Jane Roe", "person:jane-roe"},
		{TypeOrganization, "the Friends of Syria", "org:friends-of-syria"},
		{TypeLocation, "Al-Bab's", "loc:al-bab"},
		{TypeCountry, "Ruritania", "loc:ruritania"},
		{TypePerson, "!!!", "person:unnamed"},
	}
	for _, tt := range tests {
		if got := UnlinkedID(tt.typ, tt.name); got != tt.want {
			t.Errorf("UnlinkedID(%s, %q) = %q, want %q", tt.typ, tt.name, got, tt.want)
		}
	}
}
