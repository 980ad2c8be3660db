package dates

import (
	"os"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/internal/eval"
	"github.com/entente-nlp/entente/internal/testutil"
)

// TestTimeMLFloor scores the finder on TempEval-3's TBAQ-cleaned training
// documents (DATE timexes) and fails below the floors. Set
// ENTENTE_TIMEML_ERRORS=kind (missed, spurious, value or all) to print the
// disagreements.
func TestTimeMLFloor(t *testing.T) {
	dir := testutil.Shared(t, "corpora/tempeval3/Training/TBAQ-cleaned")
	docs, errs, err := eval.ReadTimeMLDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range errs {
		t.Errorf("reading: %v", e)
	}
	score := eval.ScoreTimeML(docs, NewFinder(Options{Vague: true}).Find)
	var b strings.Builder
	score.WriteTable(&b)
	t.Logf("\n%s", b.String())
	if kind := os.Getenv("ENTENTE_TIMEML_ERRORS"); kind != "" {
		if kind == "all" {
			kind = ""
		}
		b.Reset()
		score.WriteErrors(&b, kind, 100000)
		t.Logf("\n%s", b.String())
	}
	if score.Docs < 250 || score.Gold < 1400 {
		t.Fatalf("read %d documents with %d DATE timexes; the corpus has 256 and about 1500", score.Docs, score.Gold)
	}
	if f := score.Relaxed.F1(); f < 0.85 {
		t.Errorf("relaxed detection F1 %.3f < 0.85", f)
	}
	if a := score.ValueAccuracy(); a < 0.80 {
		t.Errorf("value accuracy %.3f < 0.80", a)
	}
}
