package relations_test

import (
	"context"
	"os"
	"testing"

	"github.com/entente-nlp/entente/extract"
	"github.com/entente-nlp/entente/extract/nermodel"
	"github.com/entente-nlp/entente/extract/nlp"
	"github.com/entente-nlp/entente/gazetteer"
	"github.com/entente-nlp/entente/internal/eval"
	"github.com/entente-nlp/entente/internal/testutil"
	"github.com/entente-nlp/entente/pipeline"
)

// runReference runs the default pipeline over the reference article.
func runReference(t testing.TB, relOpts map[string]any) (*pipeline.Document, *eval.Gold) {
	t.Helper()
	goldPath := testutil.Shared(t, "gold/moscow-declaration.gold.json")
	g, err := eval.ReadGold(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	path := testutil.Testdata(t, "moscow-declaration.md")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	models, err := nlp.SharedModels()
	if err != nil {
		t.Fatal(err)
	}
	ner, err := nermodel.Default()
	if err != nil {
		t.Fatal(err)
	}
	reg := pipeline.NewRegistry()
	gaz, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	extract.Register(reg, extract.Env{Models: models, NER: ner, Gazetteer: gaz})
	names := []string{"ingest", "clean", "nlp", "entities", "dates", "events", "relations"}
	stages, err := reg.Build(names, map[string]map[string]any{"relations": relOpts})
	if err != nil {
		t.Fatal(err)
	}
	d := &pipeline.Document{ID: "moscow-declaration", Source: path, Original: b, Published: g.Published}
	for _, s := range stages {
		if err := s.Process(context.Background(), d); err != nil {
			t.Logf("stage %s: %v", s.Name(), err)
		}
	}
	return d, g
}
