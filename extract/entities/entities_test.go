package entities

import (
	"context"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/extract/nlp"
	"github.com/entente-nlp/entente/gazetteer"
	"github.com/entente-nlp/entente/pipeline"
)

// labelSource is a fake model: it labels every occurrence of the given
// words.
type labelSource map[string]string

func (l labelSource) Candidates(d *pipeline.Document) []Candidate {
	var out []Candidate
	for w, typ := range l {
		for off := 0; ; {
			i := strings.Index(d.Text[off:], w)
			if i < 0 {
				break
			}
			out = append(out, Candidate{Span: pipeline.Span{Start: off + i, End: off + i + len(w)}, Type: typ, Source: "fake", Score: 0.9})
			off += i + len(w)
		}
	}
	return out
}

func analyze(t *testing.T, text string, srcs ...Source) *pipeline.Document {
	t.Helper()
	m, err := nlp.SharedModels()
	if err != nil {
		t.Fatal(err)
	}
	n, _ := nlp.New(m, nlp.Options{})
	d := &pipeline.Document{ID: "t", Text: text}
	if err := n.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	s, err := New(newFakeGaz(), DefaultOptions(), srcs...)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

func entityNamed(d *pipeline.Document, name string) *pipeline.Entity {
	for i := range d.Entities {
		if d.Entities[i].Name == name {
			return &d.Entities[i]
		}
	}
	return nil
}

func mentionAt(d *pipeline.Document, text string, nth int) *pipeline.Mention {
	for i := range d.Mentions {
		if d.Slice(d.Mentions[i].Span) == text {
			if nth == 0 {
				return &d.Mentions[i]
			}
			nth--
		}
	}
	return nil
}

func names(d *pipeline.Document) string {
	var out []string
	for _, e := range d.Entities {
		out = append(out, e.Type+":"+e.Name)
	}
	return strings.Join(out, ", ")
}

func TestTitlesArePeeled(t *testing.T) {
	d := analyze(t, "Kazakhstan President Nursultan Nazarbayev met Russian Foreign Minister Sergey Lavrov. They saw General Hulusi Akar in Astana.")
	cases := []struct{ name, role, country string }{
		{"Nursultan Nazarbayev", "President", "country:KZ"},
		{"Sergey Lavrov", "Foreign Minister", "country:RU"},
		{"Hulusi Akar", "General", ""},
	}
	for _, c := range cases {
		e := entityNamed(d, c.name)
		if e == nil || e.Type != pipeline.Person {
			t.Errorf("no PERSON %q in %s", c.name, names(d))
			continue
		}
		if e.Attrs["role"] != c.role || e.Attrs["country"] != c.country {
			t.Errorf("%s attrs = %v, want role %q country %q", c.name, e.Attrs, c.role, c.country)
		}
		if m := mentionAt(d, c.name, 0); m == nil || m.Source != "rule" || m.Evidence["role"] != c.role {
			t.Errorf("%s mention = %+v", c.name, m)
		}
	}
	for _, bad := range []string{"Kazakhstan President Nursultan Nazarbayev", "General Hulusi Akar", "President"} {
		if entityNamed(d, bad) != nil {
			t.Errorf("title kept in a name: %q in %s", bad, names(d))
		}
	}
	if e := entityNamed(d, "Kazakhstan"); e == nil || e.Type != pipeline.Country || e.ID != "country:KZ" {
		t.Errorf("Kazakhstan not a linked country: %s", names(d))
	}
	if e := entityNamed(d, "Russia"); e == nil || !containsFold(e.Aliases, "Russian") {
		t.Errorf("demonym Russian not a mention of Russia: %+v", e)
	}
	if e := entityNamed(d, "Astana"); e == nil || e.Type != pipeline.Location || e.Linked {
		t.Errorf("Astana (after 'in') not an unlinked LOCATION: %s", names(d))
	}
}

func TestSurnamesAndShortFormsCorefer(t *testing.T) {
	d := analyze(t, "Russian President Vladimir Putin met Dmitry Peskov and Mohammad Javad Zarif. Putin thanked Peskov. Javad Zarif left; Zarif said nothing.")
	for name, want := range map[string]int{"Vladimir Putin": 2, "Dmitry Peskov": 2, "Mohammad Javad Zarif": 3} {
		e := entityNamed(d, name)
		if e == nil || e.Count != want {
			t.Errorf("%s: %+v, want count %d (entities %s)", name, e, want, names(d))
		}
	}
	if e := entityNamed(d, "Putin"); e != nil {
		t.Errorf("surname kept as its own entity")
	}
	if m := mentionAt(d, "Peskov", 0); m == nil || m.Source != "coref" || m.Form != "surname" || m.EntityID != "person:dmitry-peskov" {
		t.Errorf("Peskov mention = %+v", m)
	}
	if m := mentionAt(d, "Putin", 0); m == nil || m.EntityID != "person:vladimir-putin" {
		t.Errorf("Putin mention = %+v", m)
	}
	// The gazetteer links the name; the title rule's evidence stays.
	if e := entityNamed(d, "Vladimir Putin"); e == nil || e.Attrs["role"] != "President" || e.Attrs["country"] != "country:RU" {
		t.Errorf("linked person lost the title evidence: %+v", e)
	}
}

func TestAcronymsAndAlternativeNames(t *testing.T) {
	d := analyze(t, "Ankara may join the Shanghai Cooperation Organization (SCO), or Shanghai Pact. The SCO welcomed it. Fighters of Jabhat al-Nusra (Jabhat Fatah al-Sham) left.")
	e := entityNamed(d, "Shanghai Cooperation Organization")
	if e == nil || e.Type != pipeline.Organization || e.Count != 4 || !containsFold(e.Aliases, "SCO") || !containsFold(e.Aliases, "Shanghai Pact") {
		t.Fatalf("SCO entity = %+v (entities %s)", e, names(d))
	}
	if m := mentionAt(d, "SCO", 1); m == nil || m.Form != "acronym" {
		t.Errorf("second SCO = %+v", m)
	}
	n := entityNamed(d, "Jabhat al-Nusra")
	if n == nil || n.Type != pipeline.Organization || !containsFold(n.Aliases, "Jabhat Fatah al-Sham") || entityNamed(d, "Jabhat Fatah al-Sham") != nil {
		t.Errorf("Nusra = %+v (entities %s)", n, names(d))
	}
}

func TestSpellingVariantJoinsKnownOrganization(t *testing.T) {
	d := analyze(t, "The Centre for Research on Globalization publishes. The Centre of Research on Globalization grants permission.")
	e := entityNamed(d, "Centre for Research on Globalization")
	if e == nil || e.Count != 2 || len(d.Entities) != 1 || !containsFold(e.Aliases, "Centre of Research on Globalization") {
		t.Errorf("variant not joined: %s / %+v", names(d), e)
	}
}

func TestCapitalAsActorIsItsCountry(t *testing.T) {
	d := analyze(t, "The murder of Moscow's ambassador to Ankara shocked everyone. Ankara has been angered. The talks in Moscow went well, while Tehran was silent.")
	if m := mentionAt(d, "Moscow", 0); m == nil || m.EntityID != "country:RU" || m.Type != pipeline.Country || m.Form != "metonym" {
		t.Errorf("Moscow's ambassador: %+v", m)
	}
	if m := mentionAt(d, "Ankara", 0); m == nil || m.EntityID != "city:ankara" || m.Type != pipeline.Location {
		t.Errorf("to Ankara: %+v", m)
	}
	if m := mentionAt(d, "Ankara", 1); m == nil || m.EntityID != "country:TR" {
		t.Errorf("Ankara has been angered: %+v", m)
	}
	if m := mentionAt(d, "Moscow", 1); m == nil || m.EntityID != "city:moscow" {
		t.Errorf("in Moscow: %+v", m)
	}
	if m := mentionAt(d, "Tehran", 0); m == nil || m.EntityID != "country:IR" {
		t.Errorf("while Tehran was silent: %+v", m)
	}
}

func TestHeadlinesAndFurniture(t *testing.T) {
	text := "Moscow Declaration: Russia, Turkey and Iran Join Together to End Syria's Tragedy\n\n" +
		"By Andrei Akulov\n\nIn-depth Report: SYRIA\n\n" +
		"Russia and Turkey met. Andrei Akulov wrote this report about the Turkish Stream project.\n\n" +
		"Copyright © Andrei Akulov, 2016\n"
	d := analyze(t, text, labelSource{"Turkish Stream": pipeline.Person, "Join Together": pipeline.Person, "Copyright": pipeline.Organization})
	for _, bad := range []string{"Iran Join Together", "Join Together", "In-depth Report", "In-depth", "Copyright", "Turkish Stream", "Moscow Declaration"} {
		if entityNamed(d, bad) != nil {
			t.Errorf("%q is an entity: %s", bad, names(d))
		}
	}
	for _, want := range []string{"Russia", "Turkey", "Iran", "Syria", "Andrei Akulov"} {
		if entityNamed(d, want) == nil {
			t.Errorf("%q missing: %s", want, names(d))
		}
	}
	if m := mentionAt(d, "SYRIA", 0); m == nil || m.EntityID != "country:SY" {
		t.Errorf("SYRIA: %+v", m)
	}
	if e := entityNamed(d, "Andrei Akulov"); e == nil || e.Count != 3 {
		t.Errorf("Akulov = %+v", e)
	}
}

func TestClosedHeadlineWithTitle(t *testing.T) {
	// The clean stage closes a heading with an inserted full stop.
	m, _ := nlp.SharedModels()
	n, _ := nlp.New(m, nlp.Options{})
	d := &pipeline.Document{Title: "Russia and Iran Join Together", Text: "Russia and Iran Join Together.\n\nRussia and Iran met in Moscow."}
	n.Process(context.Background(), d)
	s, _ := New(newFakeGaz(), DefaultOptions(), labelSource{"Iran Join Together": pipeline.Person})
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if entityNamed(d, "Iran Join Together") != nil || entityNamed(d, "Join Together") != nil {
		t.Errorf("headline fed as prose: %s", names(d))
	}
	if e := entityNamed(d, "Iran"); e == nil || e.Count != 2 || e.Salience <= entityNamed(d, "Moscow").Salience {
		t.Errorf("Iran = %+v; title presence must raise salience", e)
	}
}

func TestMergePolicyAndSources(t *testing.T) {
	d := analyze(t, "Troops retook Aleppo. The fighting moved to Raqqa and Joint Comprehensive Plan of Action (JCPOA) talks stalled. Later JCPOA was praised.",
		labelSource{"Aleppo": pipeline.Person, "Raqqa": pipeline.Location, "JCPOA": pipeline.Location})
	if m := mentionAt(d, "Aleppo", 0); m == nil || m.Type != pipeline.Location || m.Source != "gazetteer" {
		t.Errorf("gazetteer must beat a bare model label: %+v", m)
	}
	if m := mentionAt(d, "Raqqa", 0); m == nil || m.Type != pipeline.Location || !strings.Contains(m.Source, "model") && m.Source != "fake" {
		t.Errorf("model label on an unknown place lost: %+v (%s)", m, names(d))
	}
	if e := entityNamed(d, "JCPOA"); e != nil {
		t.Errorf("the acronym of a plan is not a place: %+v", e)
	}
	for _, m := range d.Mentions {
		if m.Source == "" || m.EntityID == "" || d.Entity(m.EntityID) == nil {
			t.Errorf("mention without source or entity: %+v", m)
		}
	}
}

func TestMerge(t *testing.T) {
	c := func(a, b int, typ string, tr tier) cand {
		return cand{Span: pipeline.Span{Start: a, End: b}, typ: typ, tier: tr, score: 0.5}
	}
	cases := []struct {
		name string
		in   []cand
		want []pipeline.Span
	}{
		{"longest well-typed wins", []cand{c(0, 8, "LOCATION", tierGazetteer), c(0, 30, "ORGANIZATION", tierRule)}, []pipeline.Span{sp(0, 30)}},
		{"well-typed beats longer model", []cand{c(0, 6, "LOCATION", tierGazetteer), c(0, 18, "LOCATION", tierModel)}, []pipeline.Span{sp(0, 6)}},
		{"model fills gaps", []cand{c(0, 6, "LOCATION", tierGazetteer), c(10, 18, "PERSON", tierModel)}, []pipeline.Span{sp(0, 6), sp(10, 18)}},
		{"gazetteer beats rule on a tie", []cand{c(0, 6, "PERSON", tierRule), c(0, 6, "LOCATION", tierGazetteer)}, []pipeline.Span{sp(0, 6)}},
		{"blockers stop models, not rules", []cand{c(0, 10, "", tierBlock), c(0, 10, "PERSON", tierModel), c(12, 14, "ORGANIZATION", tierModel), c(2, 6, "COUNTRY", tierGazetteer)}, []pipeline.Span{sp(2, 6), sp(12, 14)}},
	}
	for _, tc := range cases {
		got := merge(40, tc.in)
		var spans []pipeline.Span
		for _, g := range got {
			spans = append(spans, g.Span)
		}
		if len(spans) != len(tc.want) {
			t.Errorf("%s: got %v want %v", tc.name, spans, tc.want)
			continue
		}
		for i := range spans {
			if spans[i] != tc.want[i] {
				t.Errorf("%s: got %v want %v", tc.name, spans, tc.want)
			}
		}
		if tc.name == "gazetteer beats rule on a tie" && got[0].typ != "LOCATION" {
			t.Errorf("tie went to the rule")
		}
	}
}

func TestOptions(t *testing.T) {
	build := Spec(nil).New
	if s, err := build(nil); err != nil || s.(*Stage).opts != DefaultOptions() {
		t.Errorf("defaults: %+v %v", s, err)
	}
	if s, err := build(map[string]any{"PROSE_LABELS": false}); err != nil || s.(*Stage).opts.ProseLabels {
		t.Errorf("prose_labels false: %+v %v", s, err)
	}
	if _, err := build(map[string]any{"prose_lables": true}); err == nil || !strings.Contains(err.Error(), "prose_lables") {
		t.Errorf("unknown key not named: %v", err)
	}
	if _, err := build(map[string]any{"prose_labels": "yes"}); err == nil {
		t.Error("wrong type accepted")
	}
	if _, err := New(nil, DefaultOptions(), nil); err == nil {
		t.Error("nil source accepted")
	}
	if s, err := build(map[string]any{"min_override": 0.7, "min_title_score": 1}); err != nil || s.(*Stage).opts.MinOverride != 0.7 || s.(*Stage).opts.MinTitleScore != 1 {
		t.Errorf("thresholds: %+v %v", s, err)
	}
	for _, k := range []string{"min_override", "min_table_override", "min_caps_score", "min_title_score", "min_span_override"} {
		if _, err := build(map[string]any{k: 1.5}); err == nil || !strings.Contains(err.Error(), k) {
			t.Errorf("%s 1.5: %v", k, err)
		}
	}
}

func TestUntokenizedDocuments(t *testing.T) {
	s, _ := New(nil, DefaultOptions())
	d := &pipeline.Document{ID: "x.md", Text: "Putin spoke."}
	if err := s.Process(context.Background(), d); err == nil || !strings.Contains(err.Error(), "nlp") {
		t.Errorf("untokenized document: %v", err)
	}
	d = &pipeline.Document{ID: "empty"}
	if err := s.Process(context.Background(), d); err != nil {
		t.Errorf("empty document: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Process(ctx, &pipeline.Document{Text: "x", Tokens: []pipeline.Token{{Span: pipeline.Span{Start: 0, End: 1}}}}); err == nil {
		t.Error("cancelled context ignored")
	}
}

func TestWithoutGazetteer(t *testing.T) {
	m, _ := nlp.SharedModels()
	n, _ := nlp.New(m, nlp.Options{})
	d := &pipeline.Document{Text: "The Strategic Culture Foundation hired President Recep Tayyip Erdogan. Kazakhstan President Nursultan Nazarbayev came."}
	n.Process(context.Background(), d)
	s, _ := New(nil, DefaultOptions())
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if entityNamed(d, "Strategic Culture Foundation") == nil || entityNamed(d, "Recep Tayyip Erdogan") == nil {
		t.Errorf("rules alone: %s", names(d))
	}
	if e := entityNamed(d, "Recep Tayyip Erdogan"); e != nil && (e.Linked || e.ID != "person:recep-tayyip-erdogan") {
		t.Errorf("unlinked id: %+v", e)
	}
	if m := mentionAt(d, "Nursultan Nazarbayev", 0); m == nil || m.Evidence["of"] != "Kazakhstan" || m.Evidence["role"] != "President" {
		t.Errorf("unknown qualifier before a title: %+v (%s)", m, names(d))
	}
}

func sp(a, b int) pipeline.Span { return pipeline.Span{Start: a, End: b} }

func TestSalienceIgnoresBoilerplate(t *testing.T) {
	m, _ := nlp.SharedModels()
	n, _ := nlp.New(m, nlp.Options{})
	body := "Russia and Turkey held long talks in Moscow about the war in Syria this week.\n\n"
	furniture := "Text by Andrei Akulov, all rights reserved. Photos by Andrei Akulov, used with thanks. Edited by Andrei Akulov again.\n"
	d := &pipeline.Document{Text: body + furniture, Boilerplate: []pipeline.Span{{Start: len(body), End: len(body) + len(furniture)}}}
	n.Process(context.Background(), d)
	s, _ := New(newFakeGaz(), DefaultOptions())
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	a, r := entityNamed(d, "Andrei Akulov"), entityNamed(d, "Russia")
	if a == nil || r == nil || a.Count != 3 || a.Salience >= r.Salience || a.Salience > 0.5 {
		t.Errorf("boilerplate entity %+v outranks or rivals body entity %+v", a, r)
	}
	for _, e := range d.Entities {
		if e.Salience < 0 || e.Salience > 1 {
			t.Errorf("salience out of range: %+v", e)
		}
	}
}

func TestReconcileMisspelling(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	m, _ := nlp.SharedModels()
	n, _ := nlp.New(m, nlp.Options{})
	d := &pipeline.Document{Text: "Russian Foreign Minister Sergey Lavrof met Jane Roewright, the mayor."}
	n.Process(context.Background(), d)
	s, _ := New(FromGazetteer(g), DefaultOptions())
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if m := mentionAt(d, "Sergey Lavrof", 0); m == nil || m.EntityID != "person:sergey-lavrov" {
		t.Errorf("misspelling not reconciled: %+v (%s)", m, names(d))
	}
	if e := entityNamed(d, "Jane Roewright"); e == nil || e.Linked || e.ID != "person:jane-roewright" {
		t.Errorf("unknown person: %+v (%s)", e, names(d))
	}
}

func TestConcurrentProcess(t *testing.T) {
	m, _ := nlp.SharedModels()
	n, _ := nlp.New(m, nlp.Options{})
	s, _ := New(newFakeGaz(), DefaultOptions(), labelSource{"Raqqa": pipeline.Location})
	text := "Russian Foreign Minister Sergey Lavrov met the Shanghai Cooperation Organization (SCO) in Moscow. Lavrov and the SCO visited Raqqa."
	var want string
	done := make(chan string, 8)
	for i := 0; i < 8; i++ {
		go func() {
			d := &pipeline.Document{Text: text}
			n.Process(context.Background(), d)
			if err := s.Process(context.Background(), d); err != nil {
				t.Error(err)
			}
			done <- names(d)
		}()
	}
	for i := 0; i < 8; i++ {
		got := <-done
		if want == "" {
			want = got
		}
		if got != want || !strings.Contains(got, "PERSON:Sergey Lavrov") {
			t.Errorf("concurrent runs differ or lost entities: %q vs %q", got, want)
		}
	}
}

func TestTitleWithoutNameRefersToHolder(t *testing.T) {
	d := analyze(t, "Russian President Vladimir Putin met Turkish President Recep Erdogan. Later the Russian President left, and the President said nothing.")
	m := mentionAt(d, "President", 0)
	if m == nil || m.EntityID != "person:vladimir-putin" || m.Form != "title" || m.Evidence["country"] != "country:RU" {
		t.Errorf("Russian President: %+v (%s)", m, names(d))
	}
	if m := mentionAt(d, "President", 1); m != nil {
		t.Errorf("a bare President with two holders was resolved: %+v", m)
	}
	if entityNamed(d, "President") != nil || entityNamed(d, "Russian President") != nil {
		t.Errorf("a title became an entity: %s", names(d))
	}
}

func TestSurnameOfSomeoneElse(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	m, _ := nlp.SharedModels()
	n, _ := nlp.New(m, nlp.Options{})
	d := &pipeline.Document{Text: "Boris Yeltsin arrived. His wife Naina Yeltsin stayed home, and Yeltsin spoke."}
	n.Process(context.Background(), d)
	s, _ := New(FromGazetteer(g), DefaultOptions())
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if m := mentionAt(d, "Yeltsin", 0); m == nil || m.EntityID != "person:boris-yeltsin" || m.Start < 40 {
		t.Errorf("the lone Yeltsin: %+v (%s)", m, names(d))
	}
	for _, mn := range d.Mentions {
		if mn.EntityID == "person:boris-yeltsin" && mn.Start > 20 && mn.Start < 45 {
			t.Errorf("Naina's surname linked to Boris: %+v", mn)
		}
	}
}
