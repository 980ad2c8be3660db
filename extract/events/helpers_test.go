package events

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/entente-nlp/entente/extract/nlp"
	"github.com/entente-nlp/entente/pipeline"
)

// ent is a surface form to mark as a mention in a test document.
type ent struct {
	text, id, typ string
}

// known entities shared by the tests.
var (
	russia     = ent{"Russia", "country:RU", pipeline.Country}
	russian    = ent{"Russian", "country:RU", pipeline.Country}
	turkey     = ent{"Turkey", "country:TR", pipeline.Country}
	turkish    = ent{"Turkish", "country:TR", pipeline.Country}
	iran       = ent{"Iran", "country:IR", pipeline.Country}
	iranian    = ent{"Iranian", "country:IR", pipeline.Country}
	syria      = ent{"Syria", "country:SY", pipeline.Country}
	syrian     = ent{"Syrian", "country:SY", pipeline.Country}
	us         = ent{"US", "country:US", pipeline.Country}
	kazakhstan = ent{"Kazakhstan", "country:KZ", pipeline.Country}
	kazakh     = ent{"Kazakh", "country:KZ", pipeline.Country}
	moscow     = ent{"Moscow", "city:moscow", pipeline.Location}
	ankara     = ent{"Ankara", "city:ankara", pipeline.Location}
	tehran     = ent{"Tehran", "city:tehran", pipeline.Location}
	astana     = ent{"Astana", "city:astana", pipeline.Location}
	nato       = ent{"NATO", "org:nato", pipeline.Organization}
	isis       = ent{"Islamic State", "org:islamic-state", pipeline.Organization}
	nusra      = ent{"Jabhat al-Nusra", "org:jabhat-al-nusra", pipeline.Organization}
	putin      = ent{"Vladimir Putin", "person:vladimir-putin", pipeline.Person}
	lavrov     = ent{"Sergey Lavrov", "person:sergey-lavrov", pipeline.Person}
	akar       = ent{"Hulusi Akar", "person:hulusi-akar", pipeline.Person}
	karlov     = ent{"Andrei Karlov", "person:andrei-karlov", pipeline.Person}
	nazarbayev = ent{"Nursultan Nazarbayev", "person:nursultan-nazarbayev", pipeline.Person}
	erdogan    = ent{"Recep Tayyip Erdogan", "person:recep-tayyip-erdogan", pipeline.Person}
	cavusoglu  = ent{"Mevlut Cavusoglu", "person:mevlut-cavusoglu", pipeline.Person}
	zarif      = ent{"Mohammad Javad Zarif", "person:mohammad-javad-zarif", pipeline.Person}
)

var cityCountry = map[string]string{"city:moscow": "RU", "city:ankara": "TR", "city:tehran": "IR", "city:astana": "KZ"}

// date is a surface form with its normalized value.
type date struct{ text, value string }

func nlpStage(t testing.TB) pipeline.Stage {
	t.Helper()
	m, err := nlp.SharedModels()
	if err != nil {
		t.Fatal(err)
	}
	s, err := nlp.New(m, nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// buildDoc runs the real nlp stage over text and marks every whole-word
// occurrence of the given entities and dates, longest first.
func buildDoc(t testing.TB, text string, ents []ent, dates []date) *pipeline.Document {
	t.Helper()
	d := &pipeline.Document{ID: "t", Text: text, Published: "2016-12-22"}
	if err := nlpStage(t).Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	sort.SliceStable(ents, func(i, j int) bool { return len(ents[i].text) > len(ents[j].text) })
	taken := make([]bool, len(text))
	seen := map[string]bool{}
	for _, e := range ents {
		for _, s := range occurrences(text, e.text) {
			if anyTaken(taken, s) {
				continue
			}
			mark(taken, s)
			d.Mentions = append(d.Mentions, pipeline.Mention{Span: s, EntityID: e.id, Type: e.typ, Source: "test"})
		}
		if !seen[e.id] {
			seen[e.id] = true
			en := pipeline.Entity{ID: e.id, Type: e.typ, Name: e.text}
			if c := cityCountry[e.id]; c != "" {
				en.Attrs = map[string]string{"country": c}
			}
			d.Entities = append(d.Entities, en)
		}
	}
	sort.Slice(d.Mentions, func(i, j int) bool { return d.Mentions[i].Start < d.Mentions[j].Start })
	for _, dt := range dates {
		for _, s := range occurrences(text, dt.text) {
			d.Dates = append(d.Dates, pipeline.TimeExpr{Span: s, Value: dt.value})
		}
	}
	return d
}

func occurrences(text, sub string) []pipeline.Span {
	var out []pipeline.Span
	for from := 0; ; {
		i := strings.Index(text[from:], sub)
		if i < 0 {
			return out
		}
		s := from + i
		e := s + len(sub)
		okL := s == 0 || !isWord(rune(text[s-1]))
		okR := e == len(text) || !isWord(rune(text[e]))
		if okL && okR {
			out = append(out, pipeline.Span{Start: s, End: e})
		}
		from = s + 1
	}
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func anyTaken(taken []bool, s pipeline.Span) bool {
	for i := s.Start; i < s.End; i++ {
		if taken[i] {
			return true
		}
	}
	return false
}

func mark(taken []bool, s pipeline.Span) {
	for i := s.Start; i < s.End; i++ {
		taken[i] = true
	}
}

func runEvents(t testing.TB, d *pipeline.Document) []pipeline.Event {
	t.Helper()
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d.Events
}

// describe renders an event compactly for test messages.
func describe(d *pipeline.Document, e pipeline.Event) string {
	var ps []string
	for _, p := range e.Participants {
		ps = append(ps, p.Role+"="+p.Entity)
	}
	var trs []string
	for _, s := range e.Triggers {
		trs = append(trs, d.Slice(s))
	}
	return fmt.Sprintf("%s(%s %q%v) %s->%s date=%s/%s loc=%s [%s]", e.Kind, e.CAMEO, d.Slice(e.Trigger), trs, e.Source, e.Target, e.Date, e.DateSource, e.Location, strings.Join(ps, " "))
}

// role returns the role of entity id in e, or "".
func role(e pipeline.Event, id string) string {
	for _, p := range e.Participants {
		if p.Entity == id {
			return p.Role
		}
	}
	return ""
}

// happenings keeps the first event of each trigger: the dyads of one
// trigger ("Russia and Turkey signed" gives one event per source) are one
// happening.
func happenings(evs []pipeline.Event) []pipeline.Event {
	var out []pipeline.Event
	seen := map[pipeline.Span]bool{}
	for _, e := range evs {
		if !seen[e.Trigger] {
			seen[e.Trigger] = true
			out = append(out, e)
		}
	}
	return out
}
