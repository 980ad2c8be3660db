package relations

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/entente-nlp/entente/extract/events"
	"github.com/entente-nlp/entente/extract/nlp"
	"github.com/entente-nlp/entente/pipeline"
)

type ent struct{ text, id, typ string }

var testEnts = []ent{
	{"Russia", "country:RU", pipeline.Country}, {"Russian", "country:RU", pipeline.Country},
	{"Turkey", "country:TR", pipeline.Country}, {"Turkish", "country:TR", pipeline.Country},
	{"Iran", "country:IR", pipeline.Country}, {"Iranian", "country:IR", pipeline.Country},
	{"Syria", "country:SY", pipeline.Country}, {"US", "country:US", pipeline.Country},
	{"Kazakhstan", "country:KZ", pipeline.Country}, {"Kazakh", "country:KZ", pipeline.Country},
	{"Moscow", "country:RU", pipeline.Country}, // a capital used as an actor (entities stage metonym)
	{"Ankara", "city:ankara", pipeline.Location}, {"Astana", "city:astana", pipeline.Location},
	{"Aleppo", "city:aleppo", pipeline.Location},
	{"NATO", "org:nato", pipeline.Organization}, {"Islamic State", "org:islamic-state", pipeline.Organization},
	{"Jabhat al-Nusra", "org:jabhat-al-nusra", pipeline.Organization},
	{"Strategic Culture Foundation", "org:strategic-culture-foundation", pipeline.Organization},
	{"Vladimir Putin", "person:vladimir-putin", pipeline.Person}, {"Sergey Lavrov", "person:sergey-lavrov", pipeline.Person},
	{"Mevlut Cavusoglu", "person:mevlut-cavusoglu", pipeline.Person}, {"Dmitry Peskov", "person:dmitry-peskov", pipeline.Person},
	{"Andrei Karlov", "person:andrei-karlov", pipeline.Person}, {"Hulusi Akar", "person:hulusi-akar", pipeline.Person},
	{"Nursultan Nazarbayev", "person:nursultan-nazarbayev", pipeline.Person},
	{"Recep Tayyip Erdogan", "person:recep-tayyip-erdogan", pipeline.Person},
	{"Andrei Akulov", "person:andrei-akulov", pipeline.Person},
}

var placeCountry = map[string]string{"city:ankara": "TR", "city:astana": "KZ", "city:aleppo": "SY"}

// buildDoc runs the real nlp stage and marks whole-word entity mentions
// (longest first); with withEvents it also runs the events stage.
func buildDoc(t testing.TB, text string, withEvents bool) *pipeline.Document {
	t.Helper()
	m, err := nlp.SharedModels()
	if err != nil {
		t.Fatal(err)
	}
	st, _ := nlp.New(m, nlp.Options{})
	d := &pipeline.Document{ID: "t", Text: text}
	if err := st.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	ents := append([]ent(nil), testEnts...)
	sort.SliceStable(ents, func(i, j int) bool { return len(ents[i].text) > len(ents[j].text) })
	taken := make([]bool, len(text))
	seen := map[string]bool{}
	for _, e := range ents {
		for from := 0; ; {
			i := strings.Index(text[from:], e.text)
			if i < 0 {
				break
			}
			s, end := from+i, from+i+len(e.text)
			from = s + 1
			if s > 0 && isWord(rune(text[s-1])) || end < len(text) && isWord(rune(text[end])) {
				continue
			}
			free := true
			for k := s; k < end; k++ {
				free = free && !taken[k]
			}
			if !free {
				continue
			}
			for k := s; k < end; k++ {
				taken[k] = true
			}
			d.Mentions = append(d.Mentions, pipeline.Mention{Span: pipeline.Span{Start: s, End: end}, EntityID: e.id, Type: e.typ})
			if !seen[e.id] {
				seen[e.id] = true
				en := pipeline.Entity{ID: e.id, Type: e.typ, Name: e.text}
				if c := placeCountry[e.id]; c != "" {
					en.Attrs = map[string]string{"country": c}
				}
				d.Entities = append(d.Entities, en)
			}
		}
	}
	sort.Slice(d.Mentions, func(i, j int) bool { return d.Mentions[i].Start < d.Mentions[j].Start })
	if withEvents {
		ev, err := events.New(events.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := ev.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	return d
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' }

func run(t testing.TB, d *pipeline.Document, opts Options, gaz Gazetteer) []pipeline.Relation {
	t.Helper()
	s, err := New(opts, gaz)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d.Relations
}

// rel is an expected relation "source type target [label] rule".
type rel struct{ src, typ, dst, label, rule string }

func find(rs []pipeline.Relation, w rel) *pipeline.Relation {
	for i, r := range rs {
		a, b := r.Source, r.Target
		if r.Type == w.typ && (a == w.src && b == w.dst || r.Type == pipeline.CooperatesWith && a == w.dst && b == w.src) {
			return &rs[i]
		}
	}
	return nil
}

func dump(d *pipeline.Document, rs []pipeline.Relation) string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Source+" "+r.Type+" "+r.Target+" ["+r.Label+"] "+r.Rule)
	}
	return strings.Join(out, "\n")
}

func TestRules(t *testing.T) {
	cases := []struct {
		name, text string
		events     bool
		want       []rel
		not        []rel
	}{
		{name: "title before name", text: "Russian Foreign Minister Sergey Lavrov spoke.",
			want: []rel{{"person:sergey-lavrov", "holds_role", "country:RU", "Foreign Minister", "title-before-name"}}},
		{name: "country name before title", text: "Kazakhstan President Nursultan Nazarbayev spoke.",
			want: []rel{{"person:nursultan-nazarbayev", "holds_role", "country:KZ", "President", "title-before-name"}}},
		{name: "ambassador posted to a capital", text: "The assassination of Moscow's ambassador to Ankara, Andrei Karlov, shocked everyone.",
			want: []rel{{"person:andrei-karlov", "holds_role", "country:RU", "Ambassador to Ankara", "title-before-name"}}},
		{name: "apposition with possessive title", text: "Dmitry Peskov, Russian president's spokesman, said nothing.",
			want: []rel{{"person:dmitry-peskov", "holds_role", "country:RU", "Presidential Spokesman", "title-apposition"}}},
		{name: "apposition head of general staff", text: "They met General Hulusi Akar, the head of the Turkish armed forces' General Staff, in Moscow.",
			want: []rel{{"person:hulusi-akar", "holds_role", "country:TR", "Chief of the General Staff", "title-apposition"}}},
		{name: "counterpart takes the previous role", text: "Russian Foreign Minister Sergey Lavrov spoke. He met his Turkish counterpart, Mevlut Cavusoglu, later.",
			want: []rel{{"person:mevlut-cavusoglu", "holds_role", "country:TR", "Foreign Minister", "counterpart"}}},
		{name: "rank is not an office", text: "Turkish General Hulusi Akar arrived.",
			not: []rel{{"person:hulusi-akar", "holds_role", "country:TR", "", ""}}},
		{name: "former is not current", text: "Former Turkish President Recep Tayyip Erdogan spoke.",
			not: []rel{{"person:recep-tayyip-erdogan", "holds_role", "country:TR", "", ""}}},
		{name: "a spokesman is affiliated with no person", text: "Dmitry Peskov, Russian president's spokesman, spoke. Russian President Vladimir Putin agreed.",
			want: []rel{{"person:vladimir-putin", "holds_role", "country:RU", "President", "title-before-name"}},
			not:  []rel{{"person:dmitry-peskov", "affiliated_with", "person:vladimir-putin", "", ""}}},
		{name: "member apposition", text: "For instance, Turkey, a NATO member, is in talks with Russia.",
			want: []rel{{"country:TR", "member_of", "org:nato", "member", "member-apposition"}}},
		{name: "member of apposition", text: "Turkey, a member of NATO, objected.",
			want: []rel{{"country:TR", "member_of", "org:nato", "member", "member-apposition"}}},
		{name: "its allies", text: "Ties between Turkey and the US and its NATO allies worsened.",
			want: []rel{{"country:US", "member_of", "org:nato", "member", "member-allies"}}},
		{name: "hedged joining gives nothing", text: "Ankara is mulling the possibility of joining NATO.",
			not: []rel{{"city:ankara", "member_of", "org:nato", "", ""}, {"country:TR", "member_of", "org:nato", "", ""}}},
		{name: "place stated in text", text: "They met in the Kazakh capital of Astana.",
			want: []rel{{"city:astana", "located_in", "country:KZ", "located in", "place-text"}}},
		{name: "joint agreement", text: "Russia, Turkey and Iran adopted a declaration.", events: true,
			want: []rel{{"country:RU", "cooperates_with", "country:TR", "agreement", "joint-agreement"},
				{"country:RU", "cooperates_with", "country:IR", "agreement", "joint-agreement"},
				{"country:TR", "cooperates_with", "country:IR", "agreement", "joint-agreement"}}},
		{name: "label cue names the tie", text: "Russia, Turkey and Iran agreed to take on the role of guarantors.", events: true,
			want: []rel{{"country:RU", "cooperates_with", "country:TR", "guarantors", "joint-agreement"}}},
		{name: "fight together", text: "Russia, Iran and Turkey will fight together Islamic State, Jabhat al-Nusra and other extremist groups.", events: true,
			want: []rel{{"country:RU", "opposes", "org:islamic-state", "fighting", "conflict"}, {"country:IR", "opposes", "org:jabhat-al-nusra", "fighting", "conflict"},
				{"country:TR", "opposes", "org:islamic-state", "fighting", "conflict"}, {"country:RU", "cooperates_with", "country:IR", "fighting", "conflict-together"}}},
		{name: "condemnation opposes", text: "Turkey condemned Russia yesterday.", events: true,
			want: []rel{{"country:TR", "opposes", "country:RU", "criticism", "conflict"}}},
		{name: "negated cooperation gives nothing", text: "Turkey's officials have complained about NATO's unwillingness to cooperate with Turkey.", events: true,
			not: []rel{{"org:nato", "cooperates_with", "country:TR", "", ""}}},
		{name: "persons do not cooperate", text: "Kazakhstan President Nursultan Nazarbayev discussed the possibility of a meeting with the presidents of Russia and Turkey.", events: true,
			not: []rel{{"country:KZ", "cooperates_with", "country:RU", "", ""}, {"person:nursultan-nazarbayev", "cooperates_with", "country:RU", "", ""}}},
		{name: "delivery cooperates", text: "Russia has delivered modern S-300 air defense systems to Iran.", events: true,
			want: []rel{{"country:RU", "cooperates_with", "country:IR", "delivery", "cooperation"}}},
		{name: "warmer relations statement", text: "The relations between Russia and Iran have grown warmer since 2015.",
			want: []rel{{"country:RU", "cooperates_with", "country:IR", "warmer relations", "warmer-relations"}}},
		{name: "worsening ties statement", text: "The progress is made against the background of worsening ties between Turkey and the US.",
			want: []rel{{"country:TR", "opposes", "country:US", "worsening ties", "worsening-ties"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := buildDoc(t, c.text, c.events)
			rs := run(t, d, Options{}, nil)
			for _, w := range c.want {
				r := find(rs, w)
				if r == nil {
					t.Errorf("missing %v; got:\n%s", w, dump(d, rs))
					continue
				}
				if r.Label != w.label || r.Rule != w.rule {
					t.Errorf("%v: label %q rule %q, want %q %q", w, r.Label, r.Rule, w.label, w.rule)
				}
				if r.Evidence.Len() == 0 || r.Confidence <= 0 || r.Confidence > 1 {
					t.Errorf("%v: evidence %v confidence %v", w, r.Evidence, r.Confidence)
				}
			}
			for _, w := range c.not {
				if r := find(rs, w); r != nil {
					t.Errorf("unexpected %v (rule %s)", w, r.Rule)
				}
			}
		})
	}
}

func TestDeduplicateSymmetric(t *testing.T) {
	d := buildDoc(t, "Russia and Turkey signed a treaty. Turkey is in talks with Russia. Russia and Turkey will fight together Islamic State.", true)
	rs := run(t, d, Options{}, nil)
	n := 0
	for _, r := range rs {
		if r.Type == pipeline.CooperatesWith {
			n++
			if r.Source > r.Target {
				t.Errorf("cooperates_with not in canonical order: %s %s", r.Source, r.Target)
			}
			if len(r.Events) < 2 {
				t.Errorf("events not unioned: %v", r.Events)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d cooperates_with relations, want 1:\n%s", n, dump(d, rs))
	}
}

func TestEventDateAndEvidence(t *testing.T) {
	d := &pipeline.Document{
		Text:      "Russia attacked Turkey.",
		Sentences: []pipeline.Sentence{{Span: pipeline.Span{Start: 0, End: 23}}},
		Tokens:    []pipeline.Token{{Span: pipeline.Span{Start: 0, End: 6}}, {Span: pipeline.Span{Start: 7, End: 15}}, {Span: pipeline.Span{Start: 16, End: 22}}},
		Entities:  []pipeline.Entity{{ID: "country:RU", Type: pipeline.Country}, {ID: "country:TR", Type: pipeline.Country}},
		Events: []pipeline.Event{{ID: "e1", Kind: "attack", CAMEO: "190", Trigger: pipeline.Span{Start: 7, End: 15}, Date: "2016-11-01",
			Participants: []pipeline.Participant{{Entity: "country:RU", Role: "actor"}, {Entity: "country:TR", Role: "target"}}, Evidence: pipeline.Span{Start: 0, End: 23}}},
	}
	rs := run(t, d, Options{}, nil)
	if len(rs) != 1 || rs[0].Type != pipeline.Opposes || rs[0].Date != "2016-11-01" || rs[0].Events[0] != "e1" || rs[0].Evidence.End != 23 {
		t.Errorf("got %+v", rs)
	}
}

func TestNothingFromBoilerplate(t *testing.T) {
	text := "Russia and Turkey signed a treaty. Become a Member of NATO: Turkey, a NATO member, Russian Foreign Minister Sergey Lavrov."
	d := buildDoc(t, text, false)
	d.Boilerplate = []pipeline.Span{{Start: strings.Index(text, "Become"), End: len(text)}}
	ev, _ := events.New(events.Options{})
	ev.Process(context.Background(), d)
	rs := run(t, d, Options{}, nil)
	for _, r := range rs {
		if r.Type != pipeline.CooperatesWith {
			t.Errorf("relation from boilerplate: %+v", r)
		}
	}
}

type fakeGaz struct{}

func (fakeGaz) Offices(id, date string) []Office {
	if id == "person:recep-tayyip-erdogan" {
		return []Office{{Role: "President", Of: "country:TR"}}
	}
	return nil
}
func (fakeGaz) CountryOf(id string) string {
	if id == "city:aleppo" {
		return "country:SY"
	}
	return ""
}
func (fakeGaz) IsMember(org, m string) bool { return org == "org:nato" && m == "country:TR" }

func TestGazetteer(t *testing.T) {
	d := buildDoc(t, "President Recep Tayyip Erdogan spoke in Aleppo. Turkey, a NATO member, agreed.", false)
	d.Entities = nil // places' countries come from the gazetteer only
	rs := run(t, d, Options{LocatedIn: "gazetteer"}, fakeGaz{})
	if find(rs, rel{"person:recep-tayyip-erdogan", "holds_role", "country:TR", "", ""}) == nil {
		t.Errorf("gazetteer office not used:\n%s", dump(d, rs))
	}
	if find(rs, rel{"city:aleppo", "located_in", "country:SY", "", ""}) == nil {
		t.Errorf("gazetteer country not used:\n%s", dump(d, rs))
	}
	if r := find(rs, rel{"country:TR", "member_of", "org:nato", "", ""}); r == nil || r.Confidence <= 0.9 {
		t.Errorf("gazetteer membership does not confirm: %+v", r)
	}
	d = buildDoc(t, "President Recep Tayyip Erdogan spoke in Aleppo.", false)
	rs = run(t, d, Options{}, nil)
	if len(rs) != 0 {
		t.Errorf("without a gazetteer nothing is known:\n%s", dump(d, rs))
	}
}

func TestOptions(t *testing.T) {
	build := Spec(nil).New
	for _, bad := range []map[string]any{
		{"rulez": "x"}, {"rules": 1}, {"types": "likes"}, {"types": []any{1}},
		{"min_confidence": "high"}, {"located_in": "always"}, {"min_confidence": 1.5},
	} {
		if _, err := build(bad); err == nil {
			t.Errorf("accepted %v", bad)
		}
	}
	st, err := build(map[string]any{"types": []any{"holds_role"}, "min_confidence": 0.8, "located_in": "off"})
	if err != nil {
		t.Fatal(err)
	}
	if s := st.(*Stage); s.min != 0.8 || s.located != "off" || len(s.types) != 1 || !s.types["holds_role"] {
		t.Errorf("decoded options: %+v", s)
	}
	o := Options{Types: []string{"holds_role"}, MinConfidence: 0.8, LocatedIn: "off"}
	if _, err := New(Options{Types: []string{"likes"}}, nil); err == nil {
		t.Error("unknown type accepted")
	}
	if _, err := New(Options{MinConfidence: 2}, nil); err == nil {
		t.Error("min_confidence 2 accepted")
	}
	d := buildDoc(t, "Russian Foreign Minister Sergey Lavrov spoke. Turkey, a NATO member, agreed.", false)
	rs := run(t, d, o, nil)
	if len(rs) != 1 || rs[0].Type != pipeline.HoldsRole {
		t.Errorf("types filter: %+v", rs)
	}
	dir := t.TempDir()
	user := filepath.Join(dir, "rules.yaml")
	os.WriteFile(user, []byte("titles:\n  - {match: \"hetman\", role: Hetman}\n"), 0o644)
	d = buildDoc(t, "Russian Hetman Sergey Lavrov spoke.", false)
	rs = run(t, d, Options{Rules: user}, nil)
	if len(rs) != 1 || rs[0].Label != "Hetman" {
		t.Errorf("user title not used: %+v", rs)
	}
	for name, body := range map[string]string{
		"bad yaml":     "titles: [",
		"unknown key":  "titlez: []\n",
		"bad regexp":   "titles:\n  - {match: \"(\", role: X}\n",
		"no role":      "titles:\n  - {match: \"x\"}\n",
		"bad relation": "event_rules:\n  - {name: x, kinds: [a], relation: likes, pairs: [actors]}\n",
		"bad pairs":    "event_rules:\n  - {name: x, kinds: [a], relation: opposes, pairs: [all]}\n",
		"no slots":     "statements:\n  - {name: x, relation: opposes, pattern: \"abc\"}\n",
	} {
		p := filepath.Join(dir, strings.ReplaceAll(name, " ", "_")+".yaml")
		os.WriteFile(p, []byte(body), 0o644)
		if _, err := New(Options{Rules: p}, nil); err == nil || !strings.Contains(err.Error(), p) {
			t.Errorf("%s: error %v does not name the file", name, err)
		}
	}
	if _, err := New(Options{Rules: filepath.Join(dir, "missing.yaml")}, nil); err == nil {
		t.Error("missing rules file accepted")
	}
}

func BenchmarkRelations(b *testing.B) {
	text := strings.Repeat("Russian Foreign Minister Sergey Lavrov met his Turkish counterpart, Mevlut Cavusoglu, in Moscow. "+
		"Russia, Turkey and Iran adopted a declaration. Turkey, a NATO member, is in talks with Russia. "+
		"Russia, Iran and Turkey will fight together Islamic State. ", 20)
	d := buildDoc(b, text, true)
	s, err := New(Options{}, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := s.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzRelationsSpans feeds the stage arbitrary (overlapping, out of range,
// cross-sentence) mentions and events: it must never panic.
func FuzzRelationsSpans(f *testing.F) {
	f.Add("Russian Foreign Minister Sergey Lavrov, a NATO member, met Turkey's NATO allies.", uint64(12345))
	f.Add("A, b. C", uint64(7))
	s, err := New(Options{LocatedIn: "gazetteer"}, fakeGaz{})
	if err != nil {
		f.Fatal(err)
	}
	types := []string{pipeline.Person, pipeline.Country, pipeline.Organization, pipeline.Location}
	f.Fuzz(func(t *testing.T, text string, seed uint64) {
		n := len(text)
		next := func(k int) int {
			seed = seed*6364136223846793005 + 1442695040888963407
			if k <= 0 {
				return 0
			}
			return int(seed>>33) % k
		}
		d := &pipeline.Document{Text: text, Authors: []string{"Sergey Lavrov"}}
		d.Sentences = []pipeline.Sentence{{Span: pipeline.Span{Start: 0, End: n / 2}}, {Span: pipeline.Span{Start: n / 2, End: n}}}
		for i := 0; i+1 < n; i += 1 + next(4) {
			d.Tokens = append(d.Tokens, pipeline.Token{Span: pipeline.Span{Start: i, End: min(n, i+1+next(3))}})
		}
		for k := 0; k < 8; k++ {
			a := next(n+4) - 2
			d.Mentions = append(d.Mentions, pipeline.Mention{Span: pipeline.Span{Start: a, End: a + next(12) - 1},
				EntityID: []string{"country:RU", "org:nato", "person:sergey-lavrov", "city:aleppo"}[next(4)], Type: types[next(4)]})
		}
		d.Events = []pipeline.Event{{ID: "e1", Kind: "fighting", Trigger: pipeline.Span{Start: next(n + 2), End: next(n + 2)},
			Participants: []pipeline.Participant{{Entity: "country:RU", Role: "actor"}, {Entity: "org:nato", Role: "target"}}}}
		if err := s.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	})
}

func TestRequiredWords(t *testing.T) {
	for p, want := range map[string]string{
		`(?:relations|ties) between (?:the )? and (?:the )? (?:have |has )?grown`: "between and grown",
		`  (?:has |have )?(?:joined|joins) (?:the )? `:                            "",
		` capital of ,? `:  "capital",
		`worsening\s+ties`: "worsening ties",
		`colou?r`:          "colo",
		`allies|partners`:  "",
	} {
		if got := strings.Join(requiredWords(p), " "); got != want {
			t.Errorf("requiredWords(%q) = %q, want %q", p, got, want)
		}
	}
}

// TestDyadEvents reads events split into one per (source, target) pair, as
// the events stage's dyads give them: the sources of one trigger act
// together, each source opposes its own target.
func TestDyadEvents(t *testing.T) {
	text := "Russia, Turkey and Iran signed a declaration. Russia and Iran attacked Islamic State."
	d := buildDoc(t, text, false)
	sign := pipeline.Span{Start: strings.Index(text, "signed"), End: strings.Index(text, "signed") + 6}
	att := pipeline.Span{Start: strings.Index(text, "attacked"), End: strings.Index(text, "attacked") + 8}
	s1, s2 := d.Sentences[0].Span, d.Sentences[1].Span
	ev := func(id, kind, cameo string, trig, sent pipeline.Span, src, dst string) pipeline.Event {
		e := pipeline.Event{ID: id, Kind: kind, CAMEO: cameo, Trigger: trig, Evidence: sent, Modality: "asserted",
			Participants: []pipeline.Participant{{Entity: src, Role: "actor"}}}
		if dst != "" {
			e.Participants = append(e.Participants, pipeline.Participant{Entity: dst, Role: "target"})
		}
		return e
	}
	d.Events = []pipeline.Event{
		ev("e1", "agreement", "057", sign, s1, "country:RU", ""),
		ev("e2", "agreement", "057", sign, s1, "country:TR", ""),
		ev("e3", "agreement", "057", sign, s1, "country:IR", ""),
		ev("e4", "attack", "190", att, s2, "country:RU", "org:islamic-state"),
		ev("e5", "attack", "190", att, s2, "country:IR", "org:islamic-state"),
	}
	rs := run(t, d, Options{}, nil)
	for _, w := range []rel{
		{"country:RU", "cooperates_with", "country:TR", "", ""}, {"country:RU", "cooperates_with", "country:IR", "", ""},
		{"country:TR", "cooperates_with", "country:IR", "", ""},
		{"country:RU", "opposes", "org:islamic-state", "", ""}, {"country:IR", "opposes", "org:islamic-state", "", ""},
	} {
		if find(rs, w) == nil {
			t.Errorf("missing %v; got:\n%s", w, dump(d, rs))
		}
	}
	if r := find(rs, rel{"org:islamic-state", "opposes", "country:RU", "", ""}); r != nil {
		t.Errorf("an attack is not mutual: %+v", r)
	}
}
