package extract

import (
	"strings"
	"testing"

	"github.com/entente-nlp/entente/extract/entities"
	"github.com/entente-nlp/entente/pipeline"
)

func TestRegisterEntities(t *testing.T) {
	r := pipeline.NewRegistry()
	Register(r, Env{})
	given := []string{pipeline.ArtifactText, pipeline.ArtifactSentences, pipeline.ArtifactTokens}
	st, err := r.BuildGiven(given, []string{entities.Name}, nil)
	if err != nil || len(st) != 1 || st[0].Name() != entities.Name {
		t.Fatalf("build entities: %v %v", st, err)
	}
	_, err = r.BuildGiven(given, []string{entities.Name}, map[string]map[string]any{entities.Name: {"bogus": 1}})
	if err == nil || !strings.Contains(err.Error(), "bogus") {
		t.Errorf("unknown option not rejected by name: %v", err)
	}
}
