package eval

import (
	"bytes"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/pipeline"
)

const smallGold = `{
  "document": "corpus/x.md",
  "published": "2016-12-22",
  "entities": [
    {"type": "PERSON", "name": "Vladimir Putin", "aliases": ["Putin"]},
    {"type": "PERSON", "name": "Mevlut Cavusoglu", "aliases": ["Mevlüt Çavuşoğlu"]},
    {"type": "COUNTRY", "name": "Russia", "aliases": ["Russian"], "iso": "RU"},
    {"type": "COUNTRY", "name": "Turkey", "iso": "TR"},
    {"type": "ORGANIZATION", "name": "NATO"},
    {"type": "LOCATION", "name": "Ankara", "optional": true}
  ],
  "not_entities": ["Aleppo as a PERSON", "NATO as a PERSON or COUNTRY", "Copyright", "S-300 or S-400 as a COUNTRY",
    "markup such as ](# or [ inside any entity name"],
  "dates": [
    {"text": "December 20", "value": "2016-12-20"},
    {"text": "last November", "value": "2015-11", "accept": ["2016-11"]}
  ],
  "events": [
    {"kind": "agreement", "cameo": "057", "date": "2016-12-20", "participants": ["Russia", "Turkey"]},
    {"kind": "visit", "cameo": "042", "date": null, "participants": ["Vladimir Putin", "Turkey"]},
    {"kind": "meeting", "cameo": "043", "date": null, "participants": ["NATO"], "optional": true}
  ],
  "relations": [
    {"subject": "Vladimir Putin", "type": "holds_role", "object": "Russia", "role": "President"},
    {"subject": "Russia", "type": "cooperates_with", "object": "Turkey"},
    {"subject": "Turkey", "type": "member_of", "object": "NATO", "optional": true}
  ]
}`

func ent(id, typ, name string, aliases ...string) pipeline.Entity {
	return pipeline.Entity{ID: id, Type: typ, Name: name, Aliases: aliases}
}

func TestScoreEntities(t *testing.T) {
	g, err := ParseGold([]byte(smallGold), "small")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name             string
		ents             []pipeline.Entity
		p, r             float64
		missed, spurious int
		byType           map[string][2]int // type → found, predicted
		notEntities      int
	}{
		{
			name: "all found",
			ents: []pipeline.Entity{
				ent("p1", "PERSON", "Vladimir Putin"), ent("p2", "PERSON", "Mevlüt Çavuşoğlu"),
				ent("c1", "COUNTRY", "Russia"), ent("c2", "COUNTRY", "Turkey"), ent("o1", "ORGANIZATION", "NATO"),
			},
			p: 1, r: 1,
		},
		{
			name: "diacritics and case folded; alias matches",
			ents: []pipeline.Entity{ent("p2", "PERSON", "MEVLUT CAVUSOGLU"), ent("p1", "PERSON", "Putin")},
			p:    1, r: 0.4, missed: 3,
		},
		{
			name: "duplicate counts once, second is spurious",
			ents: []pipeline.Entity{ent("p1", "PERSON", "Putin"), ent("p1b", "PERSON", "Vladimir Putin")},
			p:    0.5, r: 0.2, missed: 4, spurious: 1,
		},
		{
			name: "wrong type does not match",
			ents: []pipeline.Entity{ent("x", "COUNTRY", "NATO"), ent("c1", "COUNTRY", "Russia")},
			p:    0.5, r: 0.2, missed: 4, spurious: 1, notEntities: 1,
		},
		{
			name: "optional neither helps nor hurts",
			ents: []pipeline.Entity{ent("l", "LOCATION", "Ankara"), ent("c1", "COUNTRY", "Russia")},
			p:    1, r: 0.2, missed: 4,
		},
		{
			name: "alias via aliases list, markup and not-entities flagged",
			ents: []pipeline.Entity{ent("c1", "COUNTRY", "Russian Federation", "Russian"), ent("z", "PERSON", "[Aleppo](#"), ent("q", "PERSON", "Aleppo"), ent("w", "ORGANIZATION", "Copyright")},
			p:    0.25, r: 0.2, missed: 4, spurious: 3, notEntities: 4,
		},
		{
			name: "nothing predicted",
			p:    0, r: 0, missed: 5,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := &pipeline.Document{ID: "x", Entities: c.ents}
			r := ScoreDocument(g, d)
			o := r.Entities.Overall
			if o.Precision != c.p || o.Recall != c.r {
				t.Errorf("P,R = %v,%v want %v,%v", o.Precision, o.Recall, c.p, c.r)
			}
			if len(r.Entities.Missed) != c.missed || len(r.Entities.Spurious) != c.spurious {
				t.Errorf("missed %v spurious %v; want %d, %d", r.Entities.Missed, r.Entities.Spurious, c.missed, c.spurious)
			}
			if len(r.NotEntities) != c.notEntities {
				t.Errorf("not_entities found %v, want %d", r.NotEntities, c.notEntities)
			}
		})
	}
}

func TestScoreEntitiesByMentionText(t *testing.T) {
	g, _ := ParseGold([]byte(smallGold), "small")
	d := &pipeline.Document{Text: "Putin spoke.", Entities: []pipeline.Entity{ent("p", "PERSON", "V. V. Putin")},
		Mentions: []pipeline.Mention{{Span: pipeline.Span{Start: 0, End: 5}, EntityID: "p", Type: "PERSON"}}}
	r := ScoreDocument(g, d)
	if r.Entities.ByType["PERSON"].Found != 1 || r.Entities.ByType["PERSON"].Predicted != 1 {
		t.Errorf("mention text did not match: %+v", r.Entities.ByType["PERSON"])
	}
	if f1 := r.Entities.ByType["PERSON"].F1; f1 != 0.6667 {
		t.Errorf("PERSON F1 = %v, want 0.6667", f1)
	}
}

func TestScoreDates(t *testing.T) {
	g, _ := ParseGold([]byte(smallGold), "small")
	cases := []struct {
		values []string
		p, r   float64
	}{
		{[]string{"2016-12-20", "2015-11"}, 1, 1},
		{[]string{"2016-12-20", "2016-11"}, 1, 1},
		{[]string{"2016-12-20", "2016-12-20", "2016-12-21"}, 0.5, 0.5},
		{[]string{""}, 0, 0},
		{nil, 0, 0},
	}
	for _, c := range cases {
		d := &pipeline.Document{}
		for _, v := range c.values {
			d.Dates = append(d.Dates, pipeline.TimeExpr{Value: v})
		}
		r := ScoreDocument(g, d).Dates
		if r.Precision != c.p || r.Recall != c.r {
			t.Errorf("%v: P,R = %v,%v want %v,%v (%+v)", c.values, r.Precision, r.Recall, c.p, c.r, r)
		}
	}
}

func TestScoreEventsAndRelations(t *testing.T) {
	g, _ := ParseGold([]byte(smallGold), "small")
	base := []pipeline.Entity{
		ent("person:putin", "PERSON", "Vladimir Putin"), ent("country:RU", "COUNTRY", "Russia"),
		ent("country:TR", "COUNTRY", "Turkey"), ent("org:nato", "ORGANIZATION", "NATO"),
	}
	ps := func(ids ...string) []pipeline.Participant {
		var out []pipeline.Participant
		for _, id := range ids {
			out = append(out, pipeline.Participant{Entity: id, Role: "actor"})
		}
		return out
	}
	cases := []struct {
		name       string
		events     []pipeline.Event
		rels       []pipeline.Relation
		evP, evR   float64
		kind       float64
		relP, relR float64
	}{
		{
			name: "all right",
			events: []pipeline.Event{
				{Kind: "agreement", CAMEO: "057", Date: "2016-12-20", Participants: ps("country:RU")},
				{Kind: "travel", CAMEO: "042", Participants: ps("person:putin", "country:TR")},
				{Kind: "meeting", Participants: ps("org:nato")},
			},
			rels: []pipeline.Relation{
				{Source: "person:putin", Type: "holds_role", Target: "country:RU"},
				{Source: "country:TR", Type: "cooperates_with", Target: "country:RU"},
				{Source: "country:TR", Type: "cooperates_with", Target: "country:RU"},
				{Source: "country:TR", Type: "member_of", Target: "org:nato"},
				// no key annotates located_in: neither right nor wrong
				{Source: "city:moscow", Type: "located_in", Target: "country:RU"},
			},
			evP: 1, evR: 1, kind: 1, relP: 1, relR: 1,
		},
		{
			name: "wrong date, too few participants, wrong direction",
			events: []pipeline.Event{
				{Kind: "agreement", Date: "2016-12-21", Participants: ps("country:RU", "country:TR")},
				{Kind: "visit", Participants: ps("org:nato")},
				{Kind: "statement", CAMEO: "01", Date: "2016-12-20", Participants: ps("country:RU", "country:TR")},
			},
			rels: []pipeline.Relation{
				{Source: "country:RU", Type: "holds_role", Target: "person:putin"},
				{Source: "country:TR", Type: "opposes", Target: "country:RU"},
			},
			evP: 0.5, evR: 0.5, kind: 0, relP: 0, relR: 0,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := &pipeline.Document{Entities: base, Events: c.events, Relations: c.rels}
			r := ScoreDocument(g, d)
			if r.Events.Precision != c.evP || r.Events.Recall != c.evR || r.Events.KindAgreement != c.kind {
				t.Errorf("events %+v", r.Events)
			}
			if r.Relations.Precision != c.relP || r.Relations.Recall != c.relR {
				t.Errorf("relations %+v", r.Relations)
			}
		})
	}
}

func TestParseGoldErrors(t *testing.T) {
	for name, src := range map[string]string{
		"not json":            `{`,
		"unknown field":       `{"entities":[{"type":"PERSON","name":"A"}],"bogus":1}`,
		"no entities":         `{"entities":[]}`,
		"entity no name":      `{"entities":[{"type":"PERSON"}]}`,
		"unknown relation":    `{"entities":[{"type":"PERSON","name":"A"}],"relations":[{"subject":"A","type":"likes","object":"A"}]}`,
		"unknown subject":     `{"entities":[{"type":"PERSON","name":"A"}],"relations":[{"subject":"B","type":"opposes","object":"A"}]}`,
		"unknown participant": `{"entities":[{"type":"PERSON","name":"A"}],"events":[{"kind":"x","participants":["B"]}]}`,
	} {
		if _, err := ParseGold([]byte(src), "k.gold.json"); err == nil || !strings.Contains(err.Error(), "k.gold.json") {
			t.Errorf("%s: err = %v, want an error naming the file", name, err)
		}
	}
	if _, err := ReadGold("/nonexistent/x.gold.json"); err == nil || !strings.Contains(err.Error(), "x.gold.json") {
		t.Errorf("missing file: %v", err)
	}
}

func TestWriteReport(t *testing.T) {
	g, _ := ParseGold([]byte(smallGold), "small")
	d := &pipeline.Document{ID: "doc", Entities: []pipeline.Entity{ent("c1", "COUNTRY", "Russia"), ent("x", "PERSON", "Global Research")}}
	r := ScoreDocument(g, d)
	var b bytes.Buffer
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"COUNTRY", "overall", "missed", "PERSON Vladimir Putin", "spurious", "PERSON Global Research (x)", "relations"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("text report lacks %q:\n%s", want, b.String())
		}
	}
	b.Reset()
	if err := r.WriteJSON(&b); err != nil || !strings.Contains(b.String(), `"by_type"`) {
		t.Errorf("json report: %v\n%s", err, b.String())
	}
}
