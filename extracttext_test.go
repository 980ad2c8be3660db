package entente_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/entente-nlp/entente"
)

func TestExtractWithText(t *testing.T) {
	x, err := entente.New()
	if err != nil {
		t.Fatal(err)
	}
	in := entente.Input{ID: "a", Format: "markdown", Published: "2016-12-22",
		Text: "# Talks in Moscow\n\nPutin met Erdogan in Moscow on Tuesday.\n"}
	plain, err := x.Extract(t.Context(), in)
	if err != nil {
		t.Fatal(err)
	}
	with, err := x.ExtractWithText(t.Context(), in)
	if err != nil {
		t.Fatal(err)
	}
	if plain.Text != "" {
		t.Errorf("Extract set Text %q", plain.Text)
	}
	if !strings.HasPrefix(with.Text, "Talks in Moscow") || !strings.HasSuffix(with.Text, "\nPutin met Erdogan in Moscow on Tuesday.") {
		t.Errorf("Text = %q, want the heading and the paragraph without markup", with.Text)
	}
	with.Text = ""
	if !reflect.DeepEqual(plain, with) {
		t.Error("the records differ beyond Text")
	}
}
