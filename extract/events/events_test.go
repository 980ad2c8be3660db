package events

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/pipeline"
)

var allEnts = []ent{russia, russian, turkey, turkish, iran, iranian, syria, syrian, us, kazakhstan, kazakh,
	moscow, ankara, tehran, astana, nato, isis, nusra, putin, lavrov, akar, karlov, nazarbayev, erdogan, cavusoglu, zarif}

var allDates = []date{{"December 20", "2016-12-20"}, {"December 17", "2016-12-17"}, {"November 1", "2016-11-01"},
	{"July 15-16", "2016-07-15/2016-07-16"}, {"in November", "2016-11"}, {"last November", "2015-11"}, {"2007", "2007"},
	{"yesterday", "2016-12-21"}}

// want describes one expected event; empty fields are not checked.
type want struct {
	kind, cameo  string
	date, source string
	location     string
	roles        map[string]string // entity -> role ("" = must be absent)
}

func TestTriggerFamilies(t *testing.T) {
	cases := []struct {
		name, text string
		want       want
	}{
		{"agreement/support verb", "Russia, Turkey and Iran adopted a declaration on the immediate steps to promote the settlement of the Syria's crisis.",
			want{kind: "agreement", cameo: "057", source: FromNone, roles: map[string]string{"country:RU": Actor, "country:TR": Actor, "country:IR": Actor, "country:SY": ""}}},
		{"agreement/passive by-agent", "Russia, Turkey and Iran met. The document was signed by the three countries' foreign and defense chiefs at the December 20 meeting in Moscow.",
			want{kind: "agreement", date: "2016-12-20", source: FromClause, location: "city:moscow", roles: map[string]string{"country:RU": Actor, "country:TR": Actor, "country:IR": Actor}}},
		{"consultation", "Kazakhstan President Nursultan Nazarbayev discussed the possibility of a meeting between the Syrian conflicting parties in Astana with the presidents of Russia and Turkey on December 17.",
			want{kind: "consultation", cameo: "040", date: "2016-12-17", source: FromClause, location: "city:astana",
				roles: map[string]string{"person:nursultan-nazarbayev": Actor, "country:RU": Target, "country:TR": Target}}},
		{"visit/noun with apposition", "The related issues were discussed during the visit of General Hulusi Akar, the head of the Turkish armed forces' General Staff, to Moscow on November 1.",
			want{kind: "visit", cameo: "042", date: "2016-11-01", source: FromClause, location: "city:moscow",
				roles: map[string]string{"person:hulusi-akar": Actor, "country:RU": Target}}},
		{"visit/verb with destination object", "President Vladimir Putin visited Iran last November – his first visit after 2007.",
			want{kind: "visit", date: "2015-11", source: FromClause, location: "country:IR",
				roles: map[string]string{"person:vladimir-putin": Actor, "country:IR": Target}}},
		{"coup/premodifier date", "Ankara has been angered by what it sees as lukewarm condemnation by its Western allies of the abortive July 15-16 coup.",
			want{kind: "coup", cameo: "20", date: "2016-07-15/2016-07-16", source: FromClause, roles: map[string]string{"country:TR": Other}}},
		{"statement/reported clause", "President Recep Tayyip Erdogan said in November that he was disillusioned with the US policies.",
			want{kind: "statement", cameo: "010", date: "2016-11", source: FromClause,
				roles: map[string]string{"person:recep-tayyip-erdogan": Actor, "country:US": Other}}},
		{"assassination/of-target", "Russia and Turkey said the assassination of Moscow's ambassador to Ankara, Andrei Karlov, will not affect their relationship.",
			want{kind: "assassination", cameo: "186", source: FromNone,
				roles: map[string]string{"person:andrei-karlov": Target, "country:RU": Target}}},
		{"fighting/coordinated actors", "Russia, Iran and Turkey will fight together Islamic State, Jabhat al-Nusra (Jabhat Fatah al-Sham) and other extremist groups.",
			want{kind: "fighting", cameo: "190", roles: map[string]string{"country:RU": Actor, "country:IR": Actor, "country:TR": Actor, "org:islamic-state": Target, "org:jabhat-al-nusra": Target}}},
		{"negotiation/member apposition", "For instance, Turkey, a NATO member, is in talks with Russia regarding the purchase of missiles.",
			want{kind: "negotiation", cameo: "046", roles: map[string]string{"country:TR": Actor, "country:RU": Target, "org:nato": ""}}},
		{"cooperation/predicate noun", "The joint declaration reflects the progress achieved by Russia in developing cooperation with Ankara and Tehran.",
			want{kind: "cooperation", roles: map[string]string{"country:RU": Actor, "country:TR": Target, "country:IR": Target}}},
		{"cooperation/quoted verb", "Iranian Foreign Minister Mohammad Javad Zarif said that Iran was «ready to work and cooperate» with Turkey and Russia on the issue of Syria.",
			want{kind: "cooperation", roles: map[string]string{"country:IR": Actor, "country:TR": Target, "country:RU": Target, "country:SY": ""}}},
		{"delivery", "Russia has delivered modern S-300 air defense systems to Iran.",
			want{kind: "delivery", cameo: "06", roles: map[string]string{"country:RU": Actor, "country:IR": Target}}},
		{"group noun refers back", "The relations between Russia and Iran have grown warmer. The two countries regularly discuss military planning for Syria.",
			want{kind: "consultation", roles: map[string]string{"country:RU": Actor, "country:IR": Actor, "country:SY": ""}}},
		{"meeting/convene", "They considered the proposal to convene a meeting between the Syrian regime and opposition groups in the Kazakh capital of Astana.",
			want{kind: "meeting", cameo: "043", location: "city:astana", roles: map[string]string{"country:SY": Actor}}},
		{"sanctions", "The US imposed sanctions on Iran yesterday.",
			want{kind: "sanctions", cameo: "163", date: "2016-12-21", roles: map[string]string{"country:US": Actor}}},
		{"criticism", "Turkey condemned the attack.",
			want{kind: "criticism", cameo: "111", roles: map[string]string{"country:TR": Actor}}},
		{"accusation", "Russia accused Turkey of supporting the militants.",
			want{kind: "accusation", cameo: "112", roles: map[string]string{"country:RU": Actor, "country:TR": Target}}},
		{"attack", "Islamic State attacked Turkey on November 1.",
			want{kind: "attack", cameo: "190", date: "2016-11-01", roles: map[string]string{"org:islamic-state": Actor, "country:TR": Target}}},
		{"killing", "Syrian forces killed Andrei Karlov in Aleppo yesterday.",
			want{kind: "killing", cameo: "18", date: "2016-12-21", roles: map[string]string{"country:SY": Actor, "person:andrei-karlov": Target}}},
		{"ceasefire", "Russia, Iran and Turkey were parties to a ceasefire agreement there.",
			want{kind: "ceasefire", cameo: "0871", roles: map[string]string{"country:RU": Actor, "country:IR": Actor, "country:TR": Actor}}},
		{"pledge", "The foreign ministers of Turkey and Iran have recently pledged greater cooperation on resolving Syria's crisis.",
			want{kind: "pledge", cameo: "030", roles: map[string]string{"country:TR": Actor, "country:IR": Actor, "country:SY": ""}}},
		{"met", "Vladimir Putin met Recep Tayyip Erdogan in Moscow on December 20.",
			want{kind: "meeting", date: "2016-12-20", location: "city:moscow", roles: map[string]string{"person:vladimir-putin": Actor, "person:recep-tayyip-erdogan": Target}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := buildDoc(t, c.text, allEnts, allDates)
			evs := runEvents(t, d)
			var got *pipeline.Event
			for i := range evs {
				if evs[i].Kind == c.want.kind {
					got = &evs[i]
					break
				}
			}
			if got == nil {
				var all []string
				for _, e := range evs {
					all = append(all, describe(d, e))
				}
				t.Fatalf("no %s event; got %v", c.want.kind, all)
			}
			check(t, d, *got, c.want)
		})
	}
}

func check(t *testing.T, d *pipeline.Document, got pipeline.Event, w want) {
	t.Helper()
	desc := describe(d, got)
	if w.cameo != "" && got.CAMEO != w.cameo {
		t.Errorf("cameo = %s, want %s: %s", got.CAMEO, w.cameo, desc)
	}
	if got.QuadClass != QuadClass(got.CAMEO) || got.QuadClass == 0 {
		t.Errorf("quad class %d for cameo %s", got.QuadClass, got.CAMEO)
	}
	if w.date != "" && got.Date != w.date {
		t.Errorf("date = %q, want %q: %s", got.Date, w.date, desc)
	}
	if w.source != "" && got.DateSource != w.source {
		t.Errorf("date source = %q, want %q: %s", got.DateSource, w.source, desc)
	}
	if w.location != "" && got.Location != w.location {
		t.Errorf("location = %q, want %q: %s", got.Location, w.location, desc)
	}
	for id, r := range w.roles {
		if g := role(got, id); g != r {
			t.Errorf("role of %s = %q, want %q: %s", id, g, r, desc)
		}
	}
	if got.Evidence.Len() == 0 || !got.Evidence.Contains(got.Trigger) {
		t.Errorf("evidence %v does not hold trigger %v", got.Evidence, got.Trigger)
	}
}

func TestDateAttachment(t *testing.T) {
	cases := []struct {
		name, text, kind, date, source string
	}{
		{"clause", "Vladimir Putin visited Iran last November.", "visit", "2015-11", FromClause},
		{"sentence when clause has none", "On December 17, when Turkey condemned Russia, nothing changed.", "criticism", "2016-12-17", FromSentence},
		{"none, never the publication date", "Vladimir Putin visited Iran.", "visit", "", FromNone},
		{"anchor is not the date", "Vladimir Putin visited Iran after 2007.", "visit", "", FromNone},
		{"nearest of two in the clause", "In November Vladimir Putin met Recep Tayyip Erdogan on December 20.", "meeting", "2016-12-20", FromClause},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := buildDoc(t, c.text, allEnts, append(allDates, date{"On December 17", "2016-12-17"}))
			evs := runEvents(t, d)
			for _, e := range evs {
				if e.Kind == c.kind {
					if e.Date != c.date || e.DateSource != c.source {
						t.Errorf("date %q/%q, want %q/%q: %s", e.Date, e.DateSource, c.date, c.source, describe(d, e))
					}
					return
				}
			}
			t.Fatalf("no %s event in %q", c.kind, c.text)
		})
	}
}

func TestMergeRepeatedMentions(t *testing.T) {
	text := "December 20 will go down in history. Russia, Turkey and Iran adopted a declaration on the steps. " +
		"The three countries agreed to take on the role of guarantors. The declaration is just a start. " +
		"The document was signed by the three countries' foreign and defense chiefs at the December 20 meeting in Moscow. " +
		"During the December 20 meeting, Russian Foreign Minister Sergey Lavrov said the tragedy would end. " +
		"The significance of the declaration signed in Moscow on December 20 is hard to overestimate."
	d := buildDoc(t, text, allEnts, allDates)
	evs := happenings(runEvents(t, d))
	var agreements []pipeline.Event
	for _, e := range evs {
		switch e.Kind {
		case "agreement":
			agreements = append(agreements, e)
		case "meeting":
			t.Errorf("the December 20 meeting should merge into the agreement: %s", describe(d, e))
		}
	}
	if len(agreements) != 1 {
		for _, e := range agreements {
			t.Log(describe(d, e))
		}
		t.Fatalf("%d agreement events, want 1", len(agreements))
	}
	e := agreements[0]
	check(t, d, e, want{date: "2016-12-20", location: "city:moscow", roles: map[string]string{"country:RU": Actor, "country:TR": Actor, "country:IR": Actor}})
	var trig []string
	for _, s := range e.Triggers {
		trig = append(trig, d.Slice(s))
	}
	for _, w := range []string{"adopted a declaration", "agreed", "signed", "meeting"} {
		if !slices.Contains(trig, w) {
			t.Errorf("merged triggers %q lack %q", trig, w)
		}
	}
}

func TestNoMergeAcrossDates(t *testing.T) {
	d := buildDoc(t, "Vladimir Putin visited Iran last November. Vladimir Putin visited Iran on December 20.", allEnts, allDates)
	evs := happenings(runEvents(t, d))
	if len(evs) != 2 {
		for _, e := range evs {
			t.Log(describe(d, e))
		}
		t.Fatalf("%d events, want 2 visits on different dates", len(evs))
	}
}

func TestNoEventsFromBoilerplate(t *testing.T) {
	text := "Russia and Turkey signed a treaty. Become a Member of Global Research: Turkey attacked Russia."
	d := buildDoc(t, text, allEnts, allDates)
	i := strings.Index(text, "Become")
	d.Boilerplate = []pipeline.Span{{Start: i, End: len(text)}}
	evs := happenings(runEvents(t, d))
	for _, e := range evs {
		if d.InBoilerplate(e.Trigger) || e.Kind == "attack" {
			t.Errorf("event from boilerplate: %s", describe(d, e))
		}
	}
	if len(evs) != 1 || evs[0].Kind != "agreement" {
		t.Errorf("want only the treaty, got %d events", len(evs))
	}
}

func TestEmptyAndCancelled(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Process(context.Background(), &pipeline.Document{}); err != nil {
		t.Errorf("empty document: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	d := buildDoc(t, "Russia signed a treaty.", allEnts, nil)
	if err := s.Process(ctx, d); err == nil {
		t.Error("cancelled context not reported")
	}
}

func TestEventsRoundTripJSON(t *testing.T) {
	d := buildDoc(t, "Russia, Turkey and Iran signed a treaty in Moscow on December 20.", allEnts, allDates)
	runEvents(t, d)
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var back pipeline.Document
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back.Events, d.Events) {
		t.Errorf("events changed in JSON round trip")
	}
}

func TestLexiconOptions(t *testing.T) {
	if _, err := Spec(nil).New(map[string]any{"lexicom": "x"}); err == nil || !strings.Contains(err.Error(), "lexicom") {
		t.Errorf("unknown option not named: %v", err)
	}
	if _, err := Spec(nil).New(map[string]any{"lexicon": 3}); err == nil {
		t.Error("non-string lexicon accepted")
	}
	dir := t.TempDir()
	user := filepath.Join(dir, "lex.yaml")
	os.WriteFile(user, []byte("kinds:\n  launch:\n    cameo: \"138\"\n    verbs: [fire]\n    nouns: [missile launch]\n"), 0o644)
	s, err := New(Options{Lexicon: []string{user}})
	if err != nil {
		t.Fatal(err)
	}
	d := buildDoc(t, "Iran fired at Turkey.", allEnts, nil)
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 1 || d.Events[0].Kind != "launch" || d.Events[0].QuadClass != 3 {
		t.Errorf("user kind not used: %+v", d.Events)
	}
	for name, body := range map[string]string{
		"missing file": "",
		"bad yaml":     "kinds: [",
		"unknown key":  "kinds:\n  x:\n    cameo: \"01\"\n    verbz: [a]\n",
		"bad cameo":    "kinds:\n  x:\n    cameo: \"9-9\"\n    verbs: [a]\n",
		"bad merge":    "kinds:\n  x:\n    cameo: \"01\"\n    verbs: [zz]\n    merge_into: [nope]\n",
		"dup form":     "kinds:\n  x:\n    cameo: \"01\"\n    verbs: [zz]\n  y:\n    cameo: \"02\"\n    verbs: [zz]\n",
		"empty kind":   "kinds:\n  x:\n    cameo: \"01\"\n",
	} {
		p := filepath.Join(dir, strings.ReplaceAll(name, " ", "_")+".yaml")
		if name != "missing file" {
			os.WriteFile(p, []byte(body), 0o644)
		}
		_, err := New(Options{Lexicon: []string{p}})
		if err == nil || !strings.Contains(err.Error(), p) {
			t.Errorf("%s: error %v does not name %s", name, err, p)
		}
	}
}

func TestInflections(t *testing.T) {
	for in, want := range map[string][]string{
		"sign":     {"sign", "signs", "signed", "signing"},
		"visit":    {"visit", "visits", "visited", "visiting"},
		"agree":    {"agree", "agrees", "agreed", "agreeing"},
		"ban":      {"ban", "bans", "banned", "banning"},
		"accuse":   {"accuse", "accuses", "accused", "accusing"},
		"meet/met": {"meet", "meets", "meeted", "meeting", "met"},
		"clash":    {"clash", "clashes", "clashed", "clashing"},
		"ratify":   {"ratify", "ratifies", "ratified", "ratifying"},
	} {
		if got := verbForms(in); !reflect.DeepEqual(got, want) {
			t.Errorf("verbForms(%q) = %v, want %v", in, got, want)
		}
	}
	if got := nounForms("talks"); !reflect.DeepEqual(got, []string{"talks"}) {
		t.Errorf("nounForms(talks) = %v", got)
	}
	if got := nounForms("embargo/embargoes"); !reflect.DeepEqual(got, []string{"embargo", "embargoes"}) {
		t.Errorf("nounForms(embargo) = %v", got)
	}
	for c, q := range map[string]int{"010": 1, "057": 1, "06": 2, "0871": 2, "111": 3, "14": 3, "163": 4, "20": 4, "99": 0, "1": 0} {
		if got := QuadClass(c); got != q {
			t.Errorf("QuadClass(%s) = %d, want %d", c, got, q)
		}
	}
}

func BenchmarkEvents(b *testing.B) {
	text := "Russia, Turkey and Iran adopted a declaration on December 20 in Moscow. " +
		"Kazakhstan President Nursultan Nazarbayev discussed the possibility of a meeting with the presidents of Russia and Turkey on December 17. " +
		"President Vladimir Putin visited Iran last November. Russia and Turkey said the assassination of Andrei Karlov will not affect their relationship. "
	text = strings.Repeat(text, 20)
	d := buildDoc(b, text, allEnts, allDates)
	s, err := New(Options{})
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

// FuzzEventsSpans feeds the stage arbitrary tokens, mentions and dates
// (overlapping or out of range): it must never panic.
func FuzzEventsSpans(f *testing.F) {
	f.Add("Russia, Turkey and Iran signed a treaty in Moscow on December 20 at the meeting.", uint64(99))
	f.Add("x", uint64(1))
	s, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	tags := []string{"NNP", "VBD", "IN", "DT", "NN", ",", "VBN", "CC", "TO", "JJ", "WDT"}
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
		d := &pipeline.Document{Text: text}
		d.Sentences = []pipeline.Sentence{{Span: pipeline.Span{Start: 0, End: n / 2}}, {Span: pipeline.Span{Start: n / 2, End: n}}}
		for i := 0; i < n; i += 1 + next(5) {
			d.Tokens = append(d.Tokens, pipeline.Token{Span: pipeline.Span{Start: i, End: min(n, i+1+next(4))}, Tag: tags[next(len(tags))]})
		}
		for k := 0; k < 6; k++ {
			a := next(n+4) - 2
			d.Mentions = append(d.Mentions, pipeline.Mention{Span: pipeline.Span{Start: a, End: a + next(10) - 1},
				EntityID: []string{"country:RU", "country:TR", "person:x", "city:moscow"}[next(4)], Type: types[next(4)]})
			b := next(n+4) - 2
			d.Dates = append(d.Dates, pipeline.TimeExpr{Span: pipeline.Span{Start: b, End: b + next(8) - 1}, Value: "2016-12-20"})
		}
		if err := s.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	})
}

func TestInvertedSpeech(t *testing.T) {
	d := buildDoc(t, "«The answer to the murder of the Russian ambassador to Turkey must be strengthening the fight against terror», said Russian President Vladimir Putin.", allEnts, allDates)
	for _, e := range runEvents(t, d) {
		if e.Kind != "statement" {
			continue
		}
		if role(e, "person:vladimir-putin") != Actor || role(e, "country:TR") != Other {
			t.Errorf("speaker after the verb: %s", describe(d, e))
		}
		return
	}
	t.Fatal("no statement")
}
