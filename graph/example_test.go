package graph_test

import (
	"fmt"
	"os"

	"github.com/entente-nlp/entente/graph"
	"github.com/entente-nlp/entente/pipeline"
)

// Two documents name the same cooperation in opposite orders: the
// symmetric tie is stored once and its weight counts both.
func ExampleBuilder() {
	doc := func(id string, seq int, a, b string) *pipeline.Document {
		text := "Russia and Turkey agreed."
		return &pipeline.Document{ID: id, Seq: seq, Published: "2016-12-2" + fmt.Sprint(seq), Text: text,
			Entities: []pipeline.Entity{{ID: "country:RU", Type: pipeline.Country, Name: "Russia", Count: 1},
				{ID: "country:TR", Type: pipeline.Country, Name: "Turkey", Count: 1}},
			Relations: []pipeline.Relation{{Source: a, Type: pipeline.CooperatesWith, Target: b,
				Evidence: pipeline.Span{Start: 0, End: len(text)}}}}
	}
	b := graph.NewBuilder(graph.Options{})
	if err := b.Add(doc("a", 0, "country:RU", "country:TR")); err != nil {
		panic(err)
	}
	if err := b.Add(doc("b", 1, "country:TR", "country:RU")); err != nil {
		panic(err)
	}
	tie := b.Graph().Between("country:TR", "country:RU", pipeline.CooperatesWith)
	fmt.Println(tie.Weight, tie.Docs, tie.FirstSeen, tie.LastSeen)
	st, err := b.Graph().Analyze()
	if err != nil {
		panic(err)
	}
	if err := st.WriteTable(os.Stdout, 1); err != nil {
		panic(err)
	}
	// Output:
	// 2 2 2016-12-20 2016-12-21
	// Graph: 2 nodes, 1 edge, 1 typed tie, 1 component
	// Node types:      COUNTRY 2
	// Relation types:  cooperates_with 1
	//
	// Nodes by weighted degree (1 of 2)
	// RANK  NODE    TYPE     DEGREE  WEIGHTED  IN  OUT  DOCS  ID
	// 1     Russia  COUNTRY  1       2         0   0    2     country:RU
	//
	// Strongest ties (1 of 1)
	// RANK  SOURCE  RELATION            TARGET  WEIGHT  DOCS  FIRST       LAST        LABEL
	// 1     Russia  cooperates_with --  Turkey  2       2     2016-12-20  2016-12-21  -
	//
	// Connected components (1)
	// RANK  SIZE  MEMBERS
	// 1     2     Russia, Turkey
}
