package extract_test

import (
	"context"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/internal/measure/eval"
	"github.com/entente-nlp/entente/internal/testkit/pipetest"
	"github.com/entente-nlp/entente/internal/testkit/testutil"
	"github.com/entente-nlp/entente/pipeline"
)

// conllSystemFloor is the PER/LOC/ORG micro F1 the full system (nlp and
// entities stages with the gazetteer and the tagger) must keep on
// CoNLL-2003 eng.testa. Demonym mentions ("Russian") are left out: CoNLL
// calls them MISC.
const conllSystemFloor = 0.85

func TestConllTestaSystemFloor(t *testing.T) {
	if testing.Short() {
		t.Skip("scores 51,000 tokens")
	}
	path := testutil.Shared(t, "corpora/conll2003/eng.testa")
	docs, err := eval.ReadConllFile(path)
	if err != nil {
		t.Fatal(err)
	}
	stages := pipetest.StagesGiven(t, []string{pipeline.ArtifactDocument, pipeline.ArtifactText}, []string{"nlp", "entities"}, nil)
	s, err := eval.ScoreConll(context.Background(), docs, func(ctx context.Context, d *pipeline.Document) ([]eval.TypedSpan, error) {
		pipetest.Run(t, stages, d)
		var out []eval.TypedSpan
		for _, m := range d.Mentions {
			if m.Form != "demonym" {
				out = append(out, eval.TypedSpan{Type: eval.ConllType(m.Type), Start: m.Start, End: m.End})
			}
		}
		return out, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	s.WriteTable(&b)
	if f1 := s.Micro().F1(); f1 < conllSystemFloor {
		t.Errorf("eng.testa micro F1 %.3f fell below the floor %.2f\n%s", f1, conllSystemFloor, b.String())
	} else {
		t.Logf("eng.testa, nlp+entities:\n%s", b.String())
	}
}
