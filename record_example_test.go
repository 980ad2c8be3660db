package entente_test

import (
	"encoding/json"
	"fmt"

	"github.com/entente-nlp/entente"
	"github.com/entente-nlp/entente/pipeline"
)

// A mention found in the clean text comes out with offsets into the
// original Markdown, so original[start:end] is the mention.
func ExampleNewRecord() {
	d := &pipeline.Document{
		ID: "a", Source: "a.md",
		Original: []byte("Talks in [Moscow](http://x)."),
		Text:     "Talks in Moscow.",
		// "Talks in " and "Moscow" map one to one; "." follows the link.
		Offsets:   pipeline.OffsetMap{{Text: 0, Orig: 0, Len: 9, OrigLen: 9}, {Text: 9, Orig: 10, Len: 6, OrigLen: 6}, {Text: 15, Orig: 27, Len: 1, OrigLen: 1}},
		Sentences: []pipeline.Sentence{{Span: pipeline.Span{Start: 0, End: 16}}},
		Mentions:  []pipeline.Mention{{Span: pipeline.Span{Start: 9, End: 15}, EntityID: "city:moscow", Type: pipeline.Location}},
		Entities:  []pipeline.Entity{{ID: "city:moscow", Type: pipeline.Location, Name: "Moscow", Count: 1, Salience: 1, Linked: true}},
	}
	b, _ := json.Marshal(entente.NewRecord(d))
	fmt.Println(string(b))
	// Output:
	// {"id":"a","source":"a.md","title":"","published":"","entities":[{"id":"city:moscow","type":"LOCATION","name":"Moscow","aliases":[],"linked":true,"mentions":[{"start":10,"end":16,"text":"Moscow","sentence":0}],"count":1,"salience":1}],"dates":[],"events":[],"relations":[],"coreferences":[],"errors":[]}
}
