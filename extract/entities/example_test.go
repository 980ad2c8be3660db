package entities_test

import (
	"context"
	"fmt"

	"github.com/entente-nlp/entente/extract/entities"
	"github.com/entente-nlp/entente/extract/nlp"
	"github.com/entente-nlp/entente/gazetteer"
	"github.com/entente-nlp/entente/pipeline"
)

func ExampleStage_Process() {
	models, _ := nlp.SharedModels()
	tagger, _ := nlp.New(models, nlp.Options{})
	g, _ := gazetteer.Default()
	stage, _ := entities.New(entities.FromGazetteer(g), entities.DefaultOptions())

	d := &pipeline.Document{Text: "Kazakhstan President Nursultan Nazarbayev met Moscow's ambassador. " +
		"Nazarbayev later joined the Shanghai Cooperation Organization (SCO) summit in Astana."}
	_ = tagger.Process(context.Background(), d)
	_ = stage.Process(context.Background(), d)
	for _, m := range d.Mentions {
		fmt.Printf("%-34q %-10s %-8s %s\n", d.Slice(m.Span), m.Source, m.Form, m.EntityID)
	}
	// Output:
	// "Kazakhstan"                       gazetteer  name     country:KZ
	// "Nursultan Nazarbayev"             gazetteer  name     person:nursultan-nazarbayev
	// "Moscow"                           gazetteer  metonym  country:RU
	// "Nazarbayev"                       gazetteer  surname  person:nursultan-nazarbayev
	// "Shanghai Cooperation Organization" gazetteer  name     org:sco
	// "SCO"                              gazetteer  acronym  org:sco
	// "Astana"                           gazetteer  name     city:astana
}
