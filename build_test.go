package entente

import (
	"testing"

	"github.com/entente-nlp/entente/pipeline"
)

// FuzzNewRecord: whatever spans a stage produced, NewRecord does not panic and a
// mention's text is always Original[start:end] or empty.
func FuzzNewRecord(f *testing.F) {
	f.Add(0, 6, 2, 9, "Moscow and Ankara")
	f.Add(-3, 100, 7, 2, "x")
	f.Fuzz(func(t *testing.T, s1, e1, s2, e2 int, text string) {
		d := &pipeline.Document{ID: "f", Original: []byte("[" + text + "]"), Text: text,
			Offsets: pipeline.OffsetMap{{Text: 0, Orig: 1, Len: len(text), OrigLen: len(text)}}}
		d.Sentences = []pipeline.Sentence{{Span: pipeline.Span{Start: 0, End: len(text)}}}
		d.Mentions = []pipeline.Mention{{Span: pipeline.Span{Start: s1, End: e1}, EntityID: "x"}, {Span: pipeline.Span{Start: s2, End: e2}, EntityID: "x"}}
		d.Entities = []pipeline.Entity{{ID: "x", Name: "X"}}
		d.Dates = []pipeline.TimeExpr{{Span: pipeline.Span{Start: s2, End: e1}}}
		d.Events = []pipeline.Event{{ID: "e", Evidence: pipeline.Span{Start: s1, End: e2}}}
		r := NewRecord(d)
		for _, m := range r.Entities[0].Mentions {
			if m.Text != "" && string(d.Original[m.Start:m.End]) != m.Text {
				t.Fatalf("mention %+v does not slice the original", m)
			}
		}
	})
}
