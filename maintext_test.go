package entente_test

import (
	"testing"

	"github.com/entente-nlp/entente"
	"github.com/entente-nlp/entente/pipeline"
)

func TestMainText(t *testing.T) {
	text := "Menu.\n\nTitle.\n\nBody one. Disclaimer: none.\n\nRelated story."
	d := &pipeline.Document{Text: text,
		Blocks: []pipeline.Block{
			{Span: pipeline.Span{Start: 0, End: 5}, Kind: pipeline.BlockBoilerplate},
			{Span: pipeline.Span{Start: 7, End: 13}, Kind: pipeline.BlockTitle},
			{Span: pipeline.Span{Start: 15, End: 42}, Kind: pipeline.BlockParagraph},
			{Span: pipeline.Span{Start: 44, End: 58}, Kind: pipeline.BlockBoilerplate},
		},
		Boilerplate: []pipeline.Span{{Start: 0, End: 5}, {Start: 25, End: 42}, {Start: 44, End: 58}},
	}
	if got, want := entente.MainText(d), "Title.\nBody one."; got != want {
		t.Errorf("MainText = %q, want %q", got, want)
	}
	plain := &pipeline.Document{Text: "Just text.\n"}
	if got := entente.MainText(plain); got != "Just text." {
		t.Errorf("MainText without blocks = %q", got)
	}
}
