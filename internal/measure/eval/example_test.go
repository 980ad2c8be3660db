package eval_test

import (
	"fmt"

	"github.com/entente-nlp/entente/internal/measure/eval"
	"github.com/entente-nlp/entente/pipeline"
)

func ExampleScoreDocument() {
	key, _ := eval.ParseGold([]byte(`{
	  "document": "corpus/x.md",
	  "entities": [
	    {"type": "PERSON", "name": "Vladimir Putin", "aliases": ["Putin"]},
	    {"type": "COUNTRY", "name": "Russia", "iso": "RU"},
	    {"type": "LOCATION", "name": "Ankara", "optional": true}
	  ],
	  "not_entities": ["Aleppo as a PERSON"]
	}`), "x.gold.json")
	d := &pipeline.Document{ID: "x", Entities: []pipeline.Entity{
		{ID: "person:vladimir-putin", Type: "PERSON", Name: "Putin"},
		{ID: "person:aleppo", Type: "PERSON", Name: "Aleppo"},
		{ID: "city:ankara", Type: "LOCATION", Name: "Ankara"},
	}}
	r := eval.ScoreDocument(key, d)
	o := r.Entities.Overall
	fmt.Printf("P %.2f R %.2f F1 %.2f\n", o.Precision, o.Recall, o.F1)
	fmt.Println("missed:", r.Entities.Missed)
	fmt.Println("spurious:", r.Entities.Spurious)
	fmt.Println("not_entities:", r.NotEntities)
	// Output:
	// P 0.50 R 0.50 F1 0.50
	// missed: [COUNTRY Russia]
	// spurious: [PERSON Aleppo (person:aleppo)]
	// not_entities: [Aleppo as a PERSON: PERSON Aleppo (person:aleppo)]
}
