package main

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/extract"
	"github.com/entente-nlp/entente/internal/measure/eval"
	"github.com/entente-nlp/entente/internal/testkit/testutil"
)

// microF1 reads the micro F1 from a printed table.
func microF1(t *testing.T, table string) float64 {
	t.Helper()
	for _, line := range strings.Split(table, "\n") {
		f := strings.Fields(line)
		if len(f) == 7 && f[0] == "micro" {
			v, err := strconv.ParseFloat(f[3], 64)
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
	}
	t.Fatalf("no micro line in:\n%s", table)
	return 0
}

func TestEvalConllModelOnly(t *testing.T) {
	t.Parallel()
	out, err := runEvalCmd(t, "--conll", testutil.Testdata(t, "conll/tiny.conll"), "--model-only")
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, want := range []string{"statistical tagger alone", "(2 documents)", "LOC ", "ORG ", "PER ", "tokens/s"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if f := microF1(t, out); f < 0.5 {
		t.Errorf("micro F1 %.3f on plain hand-made sentences", f)
	}
}

func TestEvalConllErrors(t *testing.T) {
	t.Parallel()
	if _, err := runEvalCmd(t); err == nil || !strings.Contains(err.Error(), "--conll") {
		t.Errorf("no flags: err = %v", err)
	}
	if _, err := runEvalCmd(t, "--conll", "/no/such/file.conll"); err == nil || !strings.Contains(err.Error(), "/no/such/file.conll") {
		t.Errorf("missing file: err = %v", err)
	}
}

// TestEvalConllTestaFloor scores every system as `entente eval --conll`
// builds it on every seventh document of CoNLL-2003 eng.testa (the
// development set; the tagger never trained on it). The whole set is
// scored by the floor tests of extract/nermodel (tagger alone) and extract
// (nlp and entities stages); this one guards the command's wiring.
func TestEvalConllTestaFloor(t *testing.T) {
	path := testutil.Shared(t, "corpora/conll2003/eng.testa")
	all, err := eval.ReadConllFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var docs []eval.ConllDoc
	for i := 0; i < len(all); i += 7 {
		docs = append(docs, all[i])
	}
	// Measured on these 31 documents: prose 0.54, tagger 0.85, full 0.86.
	floors := map[string]float64{"prose": 0.45, "model": 0.82, "full": 0.82}
	env := testEnv(t)
	for _, name := range []string{"prose", "model", "full"} {
		sys, err := newConllSystem(name, env, nil)
		if err != nil {
			t.Fatal(err)
		}
		s, err := eval.ScoreConll(t.Context(), docs, sys.tag)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		writeConllReport(&b, path, sys.name, s, 0)
		t.Log("\n" + b.String())
		if f := s.Micro().F1(); f < floors[name] {
			t.Errorf("%s: micro F1 %.3f below the floor %.2f", name, f, floors[name])
		}
	}
}

// testEnv builds the shared resources from the default configuration, as
// `entente extract` would with no configuration file.
func testEnv(t *testing.T) extract.Env {
	t.Helper()
	cfg, err := loadTestConfig(t)
	if err != nil {
		t.Fatal(err)
	}
	env, err := testSession().buildEnv(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return env
}

func TestEvalConllRejectsInputs(t *testing.T) {
	t.Parallel()
	_, err := runEvalCmd(t, "--conll", testutil.Testdata(t, "conll/tiny.conll"), "article.md")
	if err == nil || !strings.Contains(err.Error(), "no input") {
		t.Errorf("err = %v", err)
	}
}

// TestEvalConllFolds cross-validates on the two documents of tiny.conll:
// each is scored by a tagger trained on the other, and --tune scores the
// threshold grid on the same folds.
func TestEvalConllFolds(t *testing.T) {
	data := testutil.Testdata(t, "conll/tiny.conll")
	out, err := runEvalCmd(t, "--conll", data, "--folds", "2", "--tune")
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, want := range []string{"2-fold cross-validation", "statistical tagger alone (2 documents)", "full system (stages nlp, entities) (2 documents)", "thresholds", "min_override=0.50", "min_title_score=0.90"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	for _, args := range [][]string{
		{"--folds", "1"},      // too few folds
		{"--folds", "3"},      // more folds than documents
		{"--tune"},            // --tune without --folds
		{"--folds", "-2"},     // negative
		{"--folds", "2", "x"}, // an input argument
	} {
		if _, err := runEvalCmd(t, append([]string{"--conll", data}, args...)...); err == nil {
			t.Errorf("%v: no error", args)
		}
	}
}
