package pipeline

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCutSections(t *testing.T) {
	para := strings.Repeat("Word word word. ", 20) + "\n\n" // 322 bytes
	for _, tc := range []struct {
		name, text string
		n          int
		// atBreak: every cut but the last ends at a paragraph break.
		atBreak bool
	}{
		{"paragraphs", strings.Repeat(para, 40), 1000, true},
		{"one line", strings.Repeat("Word word word. ", 300), 1000, false},
		{"no spaces", strings.Repeat("é", 3000), 1001, false},
		{"short", "Short text.", 1000, false},
	} {
		secs := cutSections(tc.text, tc.n)
		at := 0
		for i, s := range secs {
			if s.Start != at || s.End <= s.Start || s.Len() > tc.n {
				t.Fatalf("%s: section %d %v after %d (n %d)", tc.name, i, s, at, tc.n)
			}
			if !utf8.ValidString(tc.text[s.Start:s.End]) {
				t.Errorf("%s: section %d cuts a rune", tc.name, i)
			}
			if tc.atBreak && i < len(secs)-1 && !strings.HasSuffix(tc.text[s.Start:s.End], "\n\n") {
				t.Errorf("%s: section %d ends %q, not at a paragraph break", tc.name, i, tc.text[s.End-5:s.End])
			}
			if i < len(secs)-1 && s.Len() < tc.n/2 {
				t.Errorf("%s: section %d of %d bytes, under half of %d", tc.name, i, s.Len(), tc.n)
			}
			at = s.End
		}
		if at != len(tc.text) {
			t.Errorf("%s: sections end at %d of %d", tc.name, at, len(tc.text))
		}
	}
}

// TestProcessSections runs a stage that finds the word "Putin" (an
// entity, a mention, an event and a relation per occurrence) over a long
// document in sections, and checks the merge.
func TestProcessSections(t *testing.T) {
	para := "Putin spoke in Moscow. " + strings.Repeat("Nothing happened. ", 10) + "\n\n"
	text := strings.Repeat(para, 30)
	d := &Document{ID: "long", Title: "Talks", Text: text, Blocks: []Block{{Span: Span{0, len(text)}}}}
	calls := 0
	find := StageFunc{StageName: "find", Fn: func(_ context.Context, s *Document) error {
		calls++
		if s.Title != "Talks" || len(s.Blocks) != 1 || s.Blocks[0].Span != (Span{0, len(s.Text)}) {
			t.Errorf("section without the document's metadata or clipped blocks: %q %+v", s.Title, s.Blocks)
		}
		s.Sentences = append(s.Sentences, Sentence{Span{0, len(s.Text)}})
		s.Tokens = append(s.Tokens, Token{Span: Span{0, 1}})
		n := 0
		for at := 0; ; {
			i := strings.Index(s.Text[at:], "Putin")
			if i < 0 {
				break
			}
			sp := Span{at + i, at + i + 5}
			s.Mentions = append(s.Mentions, Mention{Span: sp, EntityID: "person:putin"})
			s.Coreferences = append(s.Coreferences, Coreference{Span: sp, Entity: "person:putin", Kind: CorefSurname})
			n++
			id := "e" + itoa(n)
			s.Events = append(s.Events, Event{ID: id, Trigger: sp, Evidence: sp})
			s.Relations = append(s.Relations, Relation{Source: "person:putin", Type: HoldsRole, Target: "country:RU", Evidence: sp, Events: []string{id}})
			at = sp.End
		}
		s.Entities = []Entity{{ID: "person:putin", Name: "Putin", Count: n, Salience: float64(calls) / 100}, {ID: "city:moscow", Name: "Moscow", Count: 1, Salience: 0.5}}
		return nil
	}}
	if err := ProcessSections(context.Background(), []Stage{find}, d, 600); err != nil {
		t.Fatal(err)
	}
	if calls < 2 {
		t.Fatalf("the stage ran %d times, want one per section", calls)
	}
	if got := strings.Count(text, "Putin"); len(d.Mentions) != got || len(d.Events) != got {
		t.Fatalf("%d mentions and %d events, want %d", len(d.Mentions), len(d.Events), got)
	}
	for i, m := range d.Mentions {
		if d.Slice(m.Span) != "Putin" || d.Events[i].Trigger != m.Span || d.Coreferences[i].Span != m.Span {
			t.Fatalf("mention %d at %v reads %q, event trigger %v", i, m.Span, d.Slice(m.Span), d.Events[i].Trigger)
		}
		if want := "e" + itoa(i+1); d.Events[i].ID != want {
			t.Fatalf("event %d has id %q, want %q", i, d.Events[i].ID, want)
		}
	}
	if len(d.Entities) != 2 || d.Entities[0].ID != "city:moscow" || d.Entities[1].Count != len(d.Mentions) || d.Entities[1].Salience != float64(calls)/100 {
		t.Errorf("entities = %+v", d.Entities)
	}
	if len(d.Relations) != 1 || len(d.Relations[0].Events) != len(d.Events) || d.Slice(d.Relations[0].Evidence) != "Putin" {
		t.Errorf("relations = %+v", d.Relations)
	}
	if len(d.Sentences) != calls || len(d.Tokens) != 0 {
		t.Errorf("%d sentences, %d tokens: want one sentence per section and no tokens", len(d.Sentences), len(d.Tokens))
	}

	// A short document runs whole, as ProcessDocument runs it.
	short := &Document{Text: para, Title: "Talks", Blocks: []Block{{Span: Span{0, len(para)}}}}
	calls = 0
	if err := ProcessSections(context.Background(), []Stage{find}, short, 600); err != nil || calls != 1 || len(short.Tokens) != 1 {
		t.Errorf("short document: err %v, %d calls, %d tokens", err, calls, len(short.Tokens))
	}
}

// TestRunnerSections checks that the Runner runs the stages from the one
// that receives the clean text on in sections, once.
func TestRunnerSections(t *testing.T) {
	text := strings.Repeat("Nothing happened here today. \n\n", 100)
	var clean, later int
	stages := []Stage{
		StageFunc{StageName: "clean", Fn: func(_ context.Context, d *Document) error { clean++; d.Text = string(d.Original); return nil }},
		StageFunc{StageName: "count", Fn: func(_ context.Context, d *Document) error { later++; return nil }},
		StageFunc{StageName: "more", Fn: func(_ context.Context, d *Document) error { later++; return nil }},
	}
	r := NewRunner(stages, WithWorkers(1), WithSections(1000))
	var got []*Document
	_, err := r.Run(context.Background(), func(ctx context.Context, emit func(*Document) error) error {
		return emit(&Document{ID: "long", Original: []byte(text)})
	}, func(d *Document) error { got = append(got, d); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if n := len(cutSections(text, 1000)); clean != 1 || later != 2*n {
		t.Errorf("clean ran %d times, the later stages %d: want 1 and %d", clean, later, 2*n)
	}
	if len(got) != 1 || len(got[0].Errors) != 0 {
		t.Errorf("documents out: %+v", got)
	}
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}
