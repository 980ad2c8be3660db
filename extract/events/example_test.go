package events_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/entente-nlp/entente/extract/events"
	"github.com/entente-nlp/entente/extract/nlp"
	"github.com/entente-nlp/entente/pipeline"
)

// The events stage reads the nlp stage's tokens and the mentions and dates
// of the entities and dates stages; here those two are written by hand.
func ExampleStage_Process() {
	text := "President Vladimir Putin visited Iran last November."
	models, err := nlp.SharedModels()
	if err != nil {
		panic(err)
	}
	tok, _ := nlp.New(models, nlp.Options{})
	d := &pipeline.Document{Text: text, Published: "2016-12-22"}
	if err := tok.Process(context.Background(), d); err != nil {
		panic(err)
	}
	at := func(s string) pipeline.Span {
		i := strings.Index(text, s)
		return pipeline.Span{Start: i, End: i + len(s)}
	}
	d.Mentions = []pipeline.Mention{
		{Span: at("Vladimir Putin"), EntityID: "person:vladimir-putin", Type: pipeline.Person},
		{Span: at("Iran"), EntityID: "country:IR", Type: pipeline.Country},
	}
	d.Dates = []pipeline.TimeExpr{{Span: at("last November"), Value: "2015-11"}}
	s, err := events.New(events.Options{})
	if err != nil {
		panic(err)
	}
	if err := s.Process(context.Background(), d); err != nil {
		panic(err)
	}
	for _, e := range d.Events {
		fmt.Printf("%s %s (CAMEO %s, quad %d) on %s (%s) at %s\n", e.ID, e.Kind, e.CAMEO, e.QuadClass, e.Date, e.DateSource, e.Location)
		for _, p := range e.Participants {
			fmt.Printf("  %s %s\n", p.Role, p.Entity)
		}
	}
	// Output:
	// e1 visit (CAMEO 042, quad 1) on 2015-11 (clause) at country:IR
	//   actor person:vladimir-putin
	//   target country:IR
}
