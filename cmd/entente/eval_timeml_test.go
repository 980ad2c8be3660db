package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/internal/testkit/testutil"
)

// runTimeMLEvalCmd runs `entente eval` with args and returns its output.
func runTimeMLEvalCmd(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	cmd := newEvalCmd()
	var out, errOut bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&errOut)
	cmd.SetArgs(args)
	err := cmd.Execute()
	return out.String(), errOut.String(), err
}

func TestEvalTimeML(t *testing.T) {
	t.Parallel()
	out, _, err := runTimeMLEvalCmd(t, "--timeml", testutil.Testdata(t, "timeml"), "--timeml-errors", "all")
	if err != nil {
		t.Fatal(err)
	}
	// Five DATE timexes, all found with the right value; the DURATION is
	// set aside.
	for _, want := range []string{"gold 5", "relaxed", "value accuracy  1.000", "(5 of 5 matched)"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestEvalErrors(t *testing.T) {
	t.Parallel()
	if _, _, err := runTimeMLEvalCmd(t); err == nil || !strings.Contains(err.Error(), "--timeml") {
		t.Errorf("no flag: err = %v", err)
	}
	if _, _, err := runTimeMLEvalCmd(t, "--timeml", t.TempDir()); err == nil || !strings.Contains(err.Error(), "no .tml") {
		t.Errorf("empty dir: err = %v", err)
	}
	if _, _, err := runTimeMLEvalCmd(t, "--timeml", testutil.Testdata(t, "timeml"), "--timeml-errors", "some"); err == nil {
		t.Error("bad --timeml-errors accepted")
	}
	dir := t.TempDir()
	good, err := os.ReadFile(testutil.Testdata(t, "timeml/sample.tml"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "good.tml"), good, 0o644)
	os.WriteFile(filepath.Join(dir, "bad.tml"), []byte("<TimeML><TEXT>cut"), 0o644)
	out, stderr, err := runTimeMLEvalCmd(t, "--timeml", dir)
	if !errors.Is(err, errReported) || !strings.Contains(stderr, "bad.tml") || !strings.Contains(out, "gold 5") {
		t.Errorf("one bad file: err %v, stderr %q, out %q", err, stderr, out)
	}
}
