package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/extract"
	"github.com/entente-nlp/entente/internal/testkit/testutil"
)

// TestREADMEPipelineIsTheRegistryDefault checks that the pipeline the
// README's configuration shows is the stage registry's default, in order
// (internal/app/config's README test checks every other default).
func TestREADMEPipelineIsTheRegistryDefault(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile(filepath.Join(testutil.RepoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^pipeline: \[([^\]]*)\]`).FindSubmatch(b)
	if m == nil {
		t.Fatal("README.md shows no `pipeline: [...]` line")
	}
	got := strings.Split(strings.ReplaceAll(string(m[1]), " ", ""), ",")
	want := extract.NewRegistry(extract.Env{}).Default()
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("README pipeline %v, registry default %v", got, want)
	}
}
