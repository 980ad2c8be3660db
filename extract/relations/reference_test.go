package relations_test

import (
	"testing"

	"github.com/entente-nlp/entente/internal/measure/eval"
	"github.com/entente-nlp/entente/internal/testkit/pipetest"
	"github.com/entente-nlp/entente/internal/testkit/testutil"
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
	stages := pipetest.Stages(t, nil, map[string]map[string]any{"relations": relOpts})
	d := pipetest.Reference(t)
	d.Published = g.Published
	pipetest.Run(t, stages, d)
	return d, g
}
