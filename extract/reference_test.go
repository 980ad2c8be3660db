package extract_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/internal/measure/eval"
	"github.com/entente-nlp/entente/internal/testkit/pipetest"
	"github.com/entente-nlp/entente/internal/testkit/testutil"
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
	d := &pipeline.Document{ID: "moscow-declaration", Source: "moscow-declaration.md", Original: src}
	return pipetest.Run(t, pipetest.Stages(t, []string{"ingest", "clean", "nlp", "entities"}, nil), d)
}
