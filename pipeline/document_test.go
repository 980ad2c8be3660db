package pipeline

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestDocumentJSONRoundTrip(t *testing.T) {
	d := &Document{
		Seq: 3, ID: "a", Source: "a.md", Format: "markdown", Title: "T", Authors: []string{"X"},
		Published: "2016-12-22", PublishedFrom: "dateline", Meta: map[string]string{"k": "v"},
		Original: []byte("[Moscow](#) \xe2\x80\x94 text"), Text: " Moscow      — text",
		Offsets:     OffsetMap{{Text: 0, Orig: 0, Len: 19, OrigLen: 19}},
		Boilerplate: []Span{{0, 1}},
		Sentences:   []Sentence{{Span{0, 19}}},
		Tokens:      []Token{{Span: Span{1, 7}, Tag: "NNP", Label: "B-GPE"}},
		Mentions:    []Mention{{Span: Span{1, 7}, EntityID: "city:moscow", Type: Location, Source: "gazetteer", Score: 1, Evidence: map[string]string{"a": "b"}}},
		Entities:    []Entity{{ID: "city:moscow", Type: Location, Name: "Moscow", Count: 1, Salience: 0.5, Linked: true, Attrs: map[string]string{"country": "RU"}}},
		Dates:       []TimeExpr{{Span: Span{2, 3}, Value: "2016-12-20", Granularity: "day", Kind: "partial"}},
		Events:      []Event{{ID: "e1", Kind: "visit", CAMEO: "042", QuadClass: 1, Trigger: Span{1, 2}, Triggers: []Span{{1, 2}}, Participants: []Participant{{Entity: "x", Role: "actor"}}, Date: "2016", DateSource: "clause", Evidence: Span{0, 19}}},
		Relations:   []Relation{{Source: "a", Type: HoldsRole, Target: "b", Label: "President", Evidence: Span{0, 1}, Confidence: 0.9, Rule: "r", Events: []string{"e1"}}},
		Errors:      []DocError{{Stage: "clean", Message: "m", Fatal: true}},
	}
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var back Document
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(d, &back) {
		t.Errorf("round trip lost data:\n got %+v\nwant %+v", back, *d)
	}
}

func TestSentenceAt(t *testing.T) {
	d := &Document{Sentences: []Sentence{{Span{0, 10}}, {Span{11, 20}}, {Span{20, 30}}}}
	for off, want := range map[int]int{0: 0, 9: 0, 10: -1, 11: 1, 20: 2, 29: 2, 30: -1} {
		if got := d.SentenceAt(off); got != want {
			t.Errorf("SentenceAt(%d) = %d, want %d", off, got, want)
		}
	}
}

func TestOffsetMap(t *testing.T) {
	// Original "a &amp; b" cleaned to "a & b": segments "a " (1:1), "&" from
	// "&amp;", " b" (1:1).
	m := OffsetMap{{0, 0, 2, 2}, {2, 2, 1, 5}, {3, 7, 2, 2}}
	cases := []struct{ in, want Span }{
		{Span{0, 1}, Span{0, 1}},
		{Span{2, 3}, Span{2, 7}},
		{Span{4, 5}, Span{8, 9}},
		{Span{0, 5}, Span{0, 9}},
	}
	for _, c := range cases {
		if got := m.SpanToOriginal(c.in); got != c.want {
			t.Errorf("SpanToOriginal(%v) = %v, want %v", c.in, got, c.want)
		}
	}
	// "[a](#) b" cleaned to "a b": an empty span where the markup was
	// removed must not come out inverted.
	gap := OffsetMap{{0, 1, 1, 1}, {1, 6, 2, 2}}
	if got := gap.SpanToOriginal(Span{1, 1}); got.End < got.Start {
		t.Errorf("empty span at removed markup maps to inverted %v", got)
	}
	if got := (OffsetMap{}).SpanToOriginal(Span{3, 4}); got != (Span{3, 4}) {
		t.Errorf("empty map is not the identity: %v", got)
	}
}

func TestPublishedDate(t *testing.T) {
	d := &Document{Published: "2016-12-22"}
	if tm, ok := d.PublishedDate(); !ok || tm.Day() != 22 {
		t.Errorf("PublishedDate = %v, %v", tm, ok)
	}
	d.Published = "soon"
	if _, ok := d.PublishedDate(); ok {
		t.Error("garbage parsed as a date")
	}
}
