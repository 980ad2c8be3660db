package entente_test

import (
	"context"
	"fmt"
	"log"
	"slices"

	"github.com/entente-nlp/entente"
	"github.com/entente-nlp/entente/graph"
)

// Build one Extractor per program and share it: loading the models and
// the gazetteer is the expensive part.
func ExampleNew() {
	x, err := entente.New(entente.WithPipeline("ingest", "clean", "nlp", "entities", "dates"), entente.WithWorkers(2))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(x.Pipeline())
	// Output:
	// [ingest clean nlp entities dates]
}

// One article: entities with byte offsets into the text, dates resolved
// against the publication date, events with their participants.
func ExampleExtractor_Extract() {
	x, err := entente.New()
	if err != nil {
		log.Fatal(err)
	}
	text := "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Moscow on Tuesday."
	rec, err := x.Extract(context.Background(), entente.Input{ID: "talks", Text: text, Published: "2016-12-22"})
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range rec.Entities {
		if e.Type == "PERSON" {
			m := e.Mentions[0]
			fmt.Printf("%s %q at %d:%d\n", e.ID, text[m.Start:m.End], m.Start, m.End)
		}
	}
	for _, d := range rec.Dates {
		fmt.Println(d.Text, "=", d.Value)
	}
	for _, ev := range rec.Events {
		fmt.Println(ev.Kind, ev.Date, ev.Source, "->", ev.Target, "in", ev.Location)
	}
	// Output:
	// person:vladimir-putin "Vladimir Putin" at 18:32
	// person:recep-tayyip-erdogan "Recep Tayyip Erdogan" at 55:75
	// Tuesday = 2016-12-20
	// meeting 2016-12-20 person:vladimir-putin -> person:recep-tayyip-erdogan in city:moscow
	// meeting 2016-12-20 person:recep-tayyip-erdogan -> person:vladimir-putin in city:moscow
}

// A stream of articles runs on the staged pipeline, several at a time,
// and the records come back in input order.
func ExampleExtractor_ExtractAll() {
	x, err := entente.New()
	if err != nil {
		log.Fatal(err)
	}
	inputs := slices.Values([]entente.Input{
		{ID: "a", Text: "Sergey Lavrov arrived in Ankara."},
		{ID: "b", Text: ""},
		{ID: "c", Text: "<p>NATO ministers met in Brussels.</p>", Format: "html"},
	})
	for rec, err := range x.ExtractAll(context.Background(), inputs) {
		if err != nil {
			log.Fatal(err) // the context ended
		}
		if rec.Fatal() {
			fmt.Println(rec.ID, "failed:", rec.Errors[0].Message)
			continue
		}
		var ids []string
		for _, e := range rec.Entities {
			ids = append(ids, e.ID)
		}
		slices.Sort(ids)
		fmt.Println(rec.ID, ids)
	}
	// Output:
	// a [city:ankara person:sergey-lavrov]
	// b failed: ingest: b: empty input
	// c [city:brussels org:nato]
}

// Records merge into one relationship graph, as `entente graph` builds
// it; the graph package filters, analyses and exports it.
func ExampleGraph() {
	x, err := entente.New()
	if err != nil {
		log.Fatal(err)
	}
	var recs []*entente.Record
	for i, text := range []string{
		"Russian Foreign Minister Sergey Lavrov spoke in Moscow.",
		"Moscow, 20 December. Russia's Foreign Minister Sergey Lavrov met reporters.",
	} {
		rec, err := x.Extract(context.Background(), entente.Input{ID: fmt.Sprint("doc", i+1), Text: text})
		if err != nil {
			log.Fatal(err)
		}
		recs = append(recs, rec)
	}
	g, err := entente.Graph(recs, graph.Options{})
	if err != nil {
		log.Fatal(err)
	}
	tie := g.Between("person:sergey-lavrov", "country:RU", "holds_role")
	fmt.Println(tie.Label(), tie.Weight, "mentions in", tie.Docs, "documents")
	// Output:
	// Foreign Minister 2 mentions in 2 documents
}
