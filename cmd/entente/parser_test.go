package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/extract/depparse/conllu"
	"github.com/entente-nlp/entente/internal/testkit/testutil"
)

func tinyTreebank(t *testing.T) string {
	return filepath.Join(testutil.RepoRoot(t), "extract", "depparse", "testdata", "tiny.conllu")
}

func TestTrainParserIsReproducible(t *testing.T) {
	data := tinyTreebank(t)
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.gz"), filepath.Join(dir, "b.gz")
	for _, p := range []string{a, b} {
		cmd := newTrainParserCmd()
		var out bytes.Buffer
		cmd.SetOut(&out)
		cmd.SetErr(&out)
		cmd.SetArgs([]string{"--train", data, "--dev", data, "-o", p, "--epochs", "4", "--tag-epochs", "3"})
		if err := cmd.Execute(); err != nil {
			t.Fatalf("%v\n%s", err, out.String())
		}
		if log := out.String(); !strings.Contains(log, "wrote "+p) || !strings.Contains(log, "8 sentences") || !strings.Contains(log, "LAS") {
			t.Errorf("log does not report the run:\n%s", log)
		}
	}
	ab, _ := os.ReadFile(a)
	bb, _ := os.ReadFile(b)
	if len(ab) == 0 || !bytes.Equal(ab, bb) {
		t.Fatalf("two runs wrote different models (%d and %d bytes)", len(ab), len(bb))
	}
	out, err := runEntente(t, "eval", "--conllu", data, "--model", a)
	if err != nil || !strings.Contains(out, "UAS") {
		t.Errorf("eval --model: %v\n%s", err, out)
	}
}

func TestParseConlluKeepsWordsAndEvalScoresIt(t *testing.T) {
	data := tinyTreebank(t)
	pred := filepath.Join(t.TempDir(), "pred.conllu")
	if out, err := runEntente(t, "parse", data, "-o", pred); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	f, err := os.Open(pred)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := conllu.ReadAll(f, pred)
	if err != nil || len(sents) != 8 {
		t.Fatalf("%d sentences, %v", len(sents), err)
	}
	if w := sents[0].Word(0); w.Cols[conllu.Form] != "Russia" || w.Cols[conllu.XPOS] != "NNP" || w.Cols[conllu.UPOS] == "_" {
		t.Errorf("first word: %v", w.Cols)
	}
	out, err := runEntente(t, "eval", "--conllu", data, "--system", pred)
	if err != nil {
		t.Fatal(err)
	}
	direct, err := runEntente(t, "eval", "--conllu", data)
	if err != nil {
		t.Fatal(err)
	}
	// Scoring the written file and parsing in memory agree.
	if !strings.Contains(direct, out[strings.Index(out, "UPOS"):]) {
		t.Errorf("eval --system:\n%s\neval (parsing):\n%s", out, direct)
	}
}

func TestParseTextWritesConllu(t *testing.T) {
	in := filepath.Join(t.TempDir(), "a.txt")
	os.WriteFile(in, []byte("Putin met Erdogan in Sochi on Monday. The talks went well.\n"), 0o644)
	out, err := runEntente(t, "parse", in)
	if err != nil {
		t.Fatal(err)
	}
	sents, err := conllu.ReadAll(strings.NewReader(out), "out")
	if err != nil || len(sents) != 2 {
		t.Fatalf("%v: %d sentences\n%s", err, len(sents), out)
	}
	if got := sents[0].Comment("text"); got != "Putin met Erdogan in Sochi on Monday." {
		t.Errorf("text comment %q", got)
	}
	if _, ok := sents[1].Heads(); !ok {
		t.Errorf("second sentence not parsed (entente parse parses every sentence)\n%s", out)
	}
	if _, err := runEntente(t, "parse", in, "--format", "json"); err == nil {
		t.Error("--format json accepted")
	}
}
