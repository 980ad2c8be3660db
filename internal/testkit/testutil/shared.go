package testutil

import (
	"os"
	"path/filepath"
	"testing"
)

// RepoRoot returns the directory holding go.mod, walking up from the
// current directory.
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("testutil: go.mod not found above the test directory")
		}
		dir = parent
	}
}

// Shared returns the path of rel inside the shared data folder (../shared
// beside the repository, or $ENTENTE_SHARED), and skips the test with a
// clear message when it is absent.
func Shared(t testing.TB, rel string) string {
	t.Helper()
	base := os.Getenv("ENTENTE_SHARED")
	if base == "" {
		base = filepath.Join(RepoRoot(t), "..", "shared")
	}
	p := filepath.Join(base, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared data %s is absent (set ENTENTE_SHARED or place shared/ beside the repo): %v", p, err)
	}
	return p
}

// Testdata returns the path of rel inside the repository's testdata folder.
func Testdata(t testing.TB, rel string) string {
	t.Helper()
	return filepath.Join(RepoRoot(t), "testdata", rel)
}
