package extract

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/entente-nlp/entente/extract/entities"
	"github.com/entente-nlp/entente/internal/measure/eval"
	"github.com/entente-nlp/entente/internal/testkit/testutil"
	"github.com/entente-nlp/entente/pipeline"
)

// TestNERSourceSharedMatches checks that the tagger given the entities
// stage's gazetteer matches proposes exactly what it proposes matching the
// text itself, on the reference article and (when ../shared is there) the
// first 60 documents of CoNLL eng.testa.
func TestNERSourceSharedMatches(t *testing.T) {
	env, err := LoadEnv(false)
	if err != nil {
		t.Fatal(err)
	}
	src := newNERSource(env)
	if !src.sharedMatches {
		t.Fatal("default environment: the tagger's lexicon and the stage's gazetteer should be shared")
	}
	stages, err := BuildStages(env, []string{"ingest", "clean", "nlp"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	g := entities.FromGazetteer(env.Gazetteer)
	compare := func(t *testing.T, docs []*pipeline.Document) {
		n := 0
		for _, d := range docs {
			if err := pipeline.ProcessDocument(context.Background(), stages, d); err != nil || d.Failed() {
				t.Fatalf("%s: %v %v", d.ID, err, d.Errors)
			}
			want := fmt.Sprint(src.Candidates(d))
			got := fmt.Sprint(src.CandidatesMatched(d, g.Match(d.Text)))
			if got != want {
				t.Errorf("%s: with the stage's matches\n%s\nmatching itself\n%s", d.ID, got, want)
			}
			n += len(src.Candidates(d))
		}
		if n == 0 {
			t.Error("no candidates at all: the comparison proves nothing")
		}
		t.Logf("%d documents, %d candidates", len(docs), n)
	}
	t.Run("reference", func(t *testing.T) {
		ref, err := os.ReadFile(testutil.Testdata(t, "moscow-declaration.md"))
		if err != nil {
			t.Fatal(err)
		}
		compare(t, []*pipeline.Document{{ID: "reference", Original: ref}})
	})
	t.Run("eng.testa", func(t *testing.T) {
		path := testutil.Shared(t, "corpora/conll2003/eng.testa")
		cs, err := eval.ReadConllFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var docs []*pipeline.Document
		for i := range cs[:min(len(cs), 60)] {
			docs = append(docs, &pipeline.Document{ID: fmt.Sprint(i), Original: []byte(cs[i].Document(fmt.Sprint(i)).Text)})
		}
		compare(t, docs)
	})
}
