package extract_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/extract"
	"github.com/entente-nlp/entente/extract/nermodel"
	"github.com/entente-nlp/entente/extract/nlp"
	"github.com/entente-nlp/entente/gazetteer"
	"github.com/entente-nlp/entente/internal/eval"
	"github.com/entente-nlp/entente/internal/testutil"
	"github.com/entente-nlp/entente/pipeline"
)

// referenceFloor is the entity score the reference article must keep:
// overall F1 and the F1 of every type. Raise it when quality rises; never
// lower it to make a change pass.
const (
	referenceOverallFloor = 0.95
	referenceTypeFloor    = 0.90
)

// TestReferenceArticleEntityFloor runs the default stages up to entities
// over the reference article and scores them against its answer key.
func TestReferenceArticleEntityFloor(t *testing.T) {
	goldPath := testutil.Shared(t, "gold/moscow-declaration.gold.json")
	g, err := eval.ReadGold(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(filepath.Dir(goldPath), "..", g.Document))
	if err != nil {
		t.Fatal(err)
	}
	d := runEntities(t, src)
	r := eval.ScoreDocument(g, d)
	var b strings.Builder
	r.WriteText(&b)
	o := r.Entities.Overall
	if o.F1 < referenceOverallFloor {
		t.Errorf("entity F1 %.3f fell below the floor %.2f", o.F1, referenceOverallFloor)
	}
	for typ, s := range r.Entities.ByType {
		if s.F1 < referenceTypeFloor {
			t.Errorf("%s F1 %.3f fell below the floor %.2f", typ, s.F1, referenceTypeFloor)
		}
	}
	if len(r.NotEntities) > 0 {
		t.Errorf("not_entities found: %v", r.NotEntities)
	}
	if t.Failed() || testing.Verbose() {
		t.Log("\n" + b.String())
	}
}

func runEntities(t *testing.T, src []byte) *pipeline.Document {
	t.Helper()
	models, err := nlp.SharedModels()
	if err != nil {
		t.Fatal(err)
	}
	ner, err := nermodel.Default()
	if err != nil {
		t.Fatal(err)
	}
	gz, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	env := extract.Env{Models: models, NER: ner, Gazetteer: gz}
	r := pipeline.NewRegistry()
	extract.Register(r, env)
	stages, err := r.Build([]string{"ingest", "clean", "nlp", "entities"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	d := &pipeline.Document{ID: "moscow-declaration", Source: "moscow-declaration.md", Original: src}
	for _, s := range stages {
		if err := s.Process(context.Background(), d); err != nil {
			t.Fatalf("%s: %v", s.Name(), err)
		}
	}
	return d
}
