package relations_test

import (
	"context"
	"fmt"

	"github.com/entente-nlp/entente/extract/relations"
	"github.com/entente-nlp/entente/pipeline"
)

// The relations stage reads the mentions and events earlier stages left on
// the document; here they are written by hand.
func ExampleStage_Process() {
	text := "Russian Foreign Minister Sergey Lavrov said Russia and Turkey will fight Islamic State."
	d := &pipeline.Document{
		Text:      text,
		Sentences: []pipeline.Sentence{{Span: pipeline.Span{Start: 0, End: len(text)}}},
		Mentions: []pipeline.Mention{
			{Span: pipeline.Span{Start: 0, End: 7}, EntityID: "country:RU", Type: pipeline.Country},
			{Span: pipeline.Span{Start: 25, End: 38}, EntityID: "person:sergey-lavrov", Type: pipeline.Person},
			{Span: pipeline.Span{Start: 44, End: 50}, EntityID: "country:RU", Type: pipeline.Country},
			{Span: pipeline.Span{Start: 55, End: 61}, EntityID: "country:TR", Type: pipeline.Country},
			{Span: pipeline.Span{Start: 73, End: 86}, EntityID: "org:islamic-state", Type: pipeline.Organization},
		},
		Events: []pipeline.Event{{
			ID: "e1", Kind: "fighting", CAMEO: "190", Trigger: pipeline.Span{Start: 67, End: 72},
			Evidence: pipeline.Span{Start: 0, End: len(text)},
			Participants: []pipeline.Participant{
				{Entity: "country:RU", Role: "actor"}, {Entity: "country:TR", Role: "actor"},
				{Entity: "org:islamic-state", Role: "target"},
			},
		}},
	}
	s, err := relations.New(relations.Options{}, nil)
	if err != nil {
		panic(err)
	}
	if err := s.Process(context.Background(), d); err != nil {
		panic(err)
	}
	for _, r := range d.Relations {
		fmt.Printf("%s %s %s [%s] (%s)\n", r.Source, r.Type, r.Target, r.Label, r.Rule)
	}
	// Output:
	// person:sergey-lavrov holds_role country:RU [Foreign Minister] (title-before-name)
	// country:RU opposes org:islamic-state [fighting] (conflict)
	// country:TR opposes org:islamic-state [fighting] (conflict)
}
