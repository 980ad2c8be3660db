package graph

import (
	"strings"

	"github.com/entente-nlp/entente/pipeline"
)

// rel is a relation in a hand-made document: endpoints, type, label, the
// index of the evidence sentence and an optional date.
type rel struct {
	src, typ, tgt, label string
	sent                 int
	date                 string
}

// ent is an entity of a hand-made document.
type ent struct {
	id, typ, name string
	count         int
	aliases       []string
}

// makeDoc builds a finished document from sentences, entities and relations
// the way the pipeline would leave it: Text is the sentences joined by
// spaces, each relation's evidence is its sentence span.
func makeDoc(id string, seq int, published string, sentences []string, ents []ent, rels []rel) *pipeline.Document {
	d := &pipeline.Document{ID: id, Seq: seq, Source: id + ".md", Published: published}
	var b strings.Builder
	for i, s := range sentences {
		if i > 0 {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(s)
		d.Sentences = append(d.Sentences, pipeline.Sentence{Span: pipeline.Span{Start: start, End: b.Len()}})
	}
	d.Text = b.String()
	for _, e := range ents {
		d.Entities = append(d.Entities, pipeline.Entity{ID: e.id, Type: e.typ, Name: e.name, Count: e.count,
			Aliases: e.aliases, Linked: !strings.HasPrefix(e.id, "loc:")})
	}
	for _, r := range rels {
		d.Relations = append(d.Relations, pipeline.Relation{Source: r.src, Type: r.typ, Target: r.tgt, Label: r.label,
			Evidence: d.Sentences[r.sent].Span, Date: r.date, Rule: "test", Confidence: 0.9})
	}
	return d
}

const (
	ru, tr, ir, kz   = "country:RU", "country:TR", "country:IR", "country:KZ"
	nato, is, nusra  = "org:nato", "org:islamic-state", "org:jabhat-al-nusra"
	moscow, astana   = "city:moscow", "city:astana"
	putin, lavrov    = "person:vladimir-putin", "person:sergey-lavrov"
	cavusoglu, zarif = "person:mevlut-cavusoglu", "person:mohammad-javad-zarif"
	peskov, karlov   = "person:dmitry-peskov", "person:andrei-karlov"
	isik, akar       = "person:fikri-isik", "person:hulusi-akar"
	nazarbayev       = "person:nursultan-nazarbayev"
)

// moscowDoc reproduces the reference article's relations.
func moscowDoc() *pipeline.Document {
	sentences := []string{
		"Russia, Turkey and Iran adopted a declaration on the immediate steps to promote the settlement of the Syria's crisis.",
		"The three countries agreed to take on the role of guarantors to facilitate the process preserving the territorial integrity of Syria.",
		"Russia, Iran and Turkey will fight together Islamic State, Jabhat al-Nusra (Jabhat Fatah al-Sham) and other extremist groups.",
		"During the December 20 meeting, Russian Foreign Minister Sergey Lavrov said the tragedy would «make all of us fight terrorism more decisively».",
		"The top Russian diplomat said his meeting with the Turkish counterpart, Mevlüt Çavuşoğlu, was now «all the more relevant.»",
		"Dmitry Peskov, Russian president's spokesman, said the assassination would not harm the negotiation process in any way.",
		"«The answer to the murder of the Russian ambassador to Turkey must be strengthening the fight against terror», said Russian President Vladimir Putin.",
		"Russia and Turkey said the assassination of Moscow's ambassador to Ankara, Andrei Karlov, will not affect their relationship.",
		"For instance, Turkey, a NATO member, is in talks with Russia regarding the purchase of advanced S-400 long-range air defense missile systems.",
		"According to Turkish Defense Minister Fikri Isik, Turkey will do everything needed for cooperation with Russia on Syria.",
		"Iranian Foreign Minister Mohammad Javad Zarif said that Iran was «ready to work and cooperate» with Turkey and Russia on the issue of Syria.",
		"The related issues were discussed during the visit of General Hulusi Akar, the head of the Turkish armed forces' General Staff, to Moscow on November 1.",
		"Kazakhstan President Nursultan Nazarbayev discussed a meeting in Astana with the presidents of Russia and Turkey on December 17.",
	}
	ents := []ent{
		{ru, pipeline.Country, "Russia", 24, []string{"Russian", "Moscow"}},
		{tr, pipeline.Country, "Turkey", 20, []string{"Turkish", "Ankara"}},
		{ir, pipeline.Country, "Iran", 9, []string{"Iranian"}},
		{kz, pipeline.Country, "Kazakhstan", 1, []string{"Kazakh"}},
		{nato, pipeline.Organization, "NATO", 3, nil},
		{is, pipeline.Organization, "Islamic State", 1, nil},
		{nusra, pipeline.Organization, "Jabhat al-Nusra", 1, []string{"Jabhat Fatah al-Sham"}},
		{moscow, pipeline.Location, "Moscow", 4, nil},
		{astana, pipeline.Location, "Astana", 2, nil},
		{putin, pipeline.Person, "Vladimir Putin", 2, []string{"Russian President"}},
		{lavrov, pipeline.Person, "Sergey Lavrov", 1, nil},
		{cavusoglu, pipeline.Person, "Mevlüt Çavuşoğlu", 1, []string{"Mevlut Cavusoglu"}},
		{zarif, pipeline.Person, "Mohammad Javad Zarif", 1, nil},
		{peskov, pipeline.Person, "Dmitry Peskov", 1, nil},
		{karlov, pipeline.Person, "Andrei Karlov", 1, nil},
		{isik, pipeline.Person, "Fikri Isik", 1, nil},
		{akar, pipeline.Person, "Hulusi Akar", 1, []string{"General Hulusi Akar"}},
		{nazarbayev, pipeline.Person, "Nursultan Nazarbayev", 1, nil},
	}
	const dec20 = "2016-12-20"
	rels := []rel{
		{ru, pipeline.CooperatesWith, tr, "guarantors", 1, dec20},
		{ru, pipeline.CooperatesWith, ir, "guarantors", 1, dec20},
		{tr, pipeline.CooperatesWith, ir, "guarantors", 1, dec20},
		{ru, pipeline.Opposes, is, "fight", 2, ""},
		{tr, pipeline.Opposes, is, "fight", 2, ""},
		{ir, pipeline.Opposes, is, "fight", 2, ""},
		{ru, pipeline.Opposes, nusra, "fight", 2, ""},
		{tr, pipeline.Opposes, nusra, "fight", 2, ""},
		{ir, pipeline.Opposes, nusra, "fight", 2, ""},
		{lavrov, pipeline.HoldsRole, ru, "Foreign Minister", 3, dec20},
		{cavusoglu, pipeline.HoldsRole, tr, "Foreign Minister", 4, ""},
		{peskov, pipeline.HoldsRole, ru, "Spokesman", 5, ""},
		{putin, pipeline.HoldsRole, ru, "President", 6, ""},
		{karlov, pipeline.HoldsRole, ru, "Ambassador", 7, ""},
		{tr, pipeline.MemberOf, nato, "member", 8, ""},
		{isik, pipeline.HoldsRole, tr, "Defense Minister", 9, ""},
		{zarif, pipeline.HoldsRole, ir, "Foreign Minister", 10, ""},
		{akar, pipeline.HoldsRole, tr, "Chief of General Staff", 11, "2016-11-01"},
		{nazarbayev, pipeline.HoldsRole, kz, "President", 12, "2016-12-17"},
		{moscow, pipeline.LocatedIn, ru, "", 11, ""},
		{astana, pipeline.LocatedIn, kz, "", 12, ""},
	}
	d := makeDoc("moscow-declaration", 0, "2016-12-22", sentences, ents, rels)
	d.Events = []pipeline.Event{
		{ID: "ev1", Kind: "agreement", CAMEO: "057", Date: dec20, Location: moscow, Evidence: d.Sentences[0].Span,
			Participants: []pipeline.Participant{{Entity: ru, Role: "actor"}, {Entity: tr, Role: "actor"}, {Entity: ir, Role: "actor"}}},
		{ID: "ev2", Kind: "consultation", CAMEO: "04", Date: "2016-12-17", Location: astana, Evidence: d.Sentences[12].Span,
			Participants: []pipeline.Participant{{Entity: nazarbayev, Role: "actor"}, {Entity: ru, Role: "target"}, {Entity: tr, Role: "target"}}},
	}
	return d
}

// ceasefireDoc is a later article: the guarantors again, a second type
// (opposes) on the Russia–Turkey pair, Lavrov under another spelling, and a
// relation repeated in one sentence (counted once).
func ceasefireDoc() *pipeline.Document {
	sentences := []string{
		"Russia and Turkey, as guarantors, announced a nationwide ceasefire in Syria from December 30.",
		"Iran backed the ceasefire alongside Russia.",
		"Sergei Lavrov, Russia's foreign minister, welcomed the truce.",
		"Russia still opposes Turkey's support for rebel groups in Idlib.",
		"Turkey said it would keep fighting \"Islamic State\" near al-Bab.",
	}
	ents := []ent{
		{ru, pipeline.Country, "Russia", 5, nil},
		{tr, pipeline.Country, "Turkey", 3, nil},
		{ir, pipeline.Country, "Iran", 1, nil},
		{lavrov, pipeline.Person, "Sergei Lavrov", 1, nil},
		{is, pipeline.Organization, "Islamic State", 1, []string{"ISIS"}},
	}
	rels := []rel{
		{tr, pipeline.CooperatesWith, ru, "guarantors", 0, "2016-12-30"},
		{ir, pipeline.CooperatesWith, ru, "backed", 1, ""},
		{lavrov, pipeline.HoldsRole, ru, "Foreign Minister", 2, ""},
		{ru, pipeline.Opposes, tr, "opposes", 3, ""},
		{tr, pipeline.Opposes, is, "fighting", 4, ""},
		{tr, pipeline.Opposes, is, "fighting", 4, ""},
	}
	return makeDoc("ceasefire", 1, "2016-12-29", sentences, ents, rels)
}

// failedDoc has a fatal error: the builder skips it.
func failedDoc() *pipeline.Document {
	d := makeDoc("broken", 2, "", []string{"Russia opposes Turkey."}, []ent{{ru, pipeline.Country, "Russia", 1, nil}},
		[]rel{{ru, pipeline.Opposes, tr, "", 0, ""}})
	d.AddError("ingest", errFixture, true)
	return d
}

type fixtureErr string

func (e fixtureErr) Error() string { return string(e) }

const errFixture = fixtureErr("binary input")

// corpus builds the fixture graph.
func corpus(opts Options) *Builder {
	b := NewBuilder(opts)
	for _, d := range []*pipeline.Document{moscowDoc(), ceasefireDoc(), failedDoc()} {
		if err := b.Add(d); err != nil {
			panic(err) // the fixture is fixed: a failure is a bug in the builder
		}
	}
	return b
}
