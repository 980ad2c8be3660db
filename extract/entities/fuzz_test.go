package entities

import (
	"context"
	"testing"
	"unicode/utf8"

	"github.com/entente-nlp/entente/extract/nlp"
	"github.com/entente-nlp/entente/pipeline"
)

// FuzzStage checks that any text yields well-formed output: mentions inside
// the text, on rune boundaries, each pointing at an entity of its type.
func FuzzStage(f *testing.F) {
	for _, s := range []string{
		"Russian Foreign Minister Sergey Lavrov met the Shanghai Cooperation Organization (SCO) in Moscow.",
		"IN-DEPTH REPORT: SYRIA\n\nMoscow's ambassador to Ankara, Andrei Karlov.",
		"President", "(", "Jabhat al-Nusra (", "A (B), or", "al-", "Ürümqi ÇAVUŞOĞLU", "\x00\xff",
	} {
		f.Add(s)
	}
	m, err := nlp.SharedModels()
	if err != nil {
		f.Fatal(err)
	}
	n, _ := nlp.New(m, nlp.Options{})
	s, _ := New(newFakeGaz(), DefaultOptions(), labelSource{"B": pipeline.Person, "Moscow": pipeline.Organization})
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) || len(text) > 2000 {
			return
		}
		d := &pipeline.Document{Text: text}
		if err := n.Process(context.Background(), d); err != nil {
			return
		}
		if err := s.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for _, mn := range d.Mentions {
			if mn.Start < 0 || mn.End > len(text) || mn.Start >= mn.End || !utf8.ValidString(text[mn.Start:mn.End]) {
				t.Fatalf("bad mention %+v in %q", mn, text)
			}
			e := d.Entity(mn.EntityID)
			if e == nil || e.Type != mn.Type || mn.Source == "" {
				t.Fatalf("mention %+v has entity %+v", mn, e)
			}
		}
	})
}
