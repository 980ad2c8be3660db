package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/internal/testkit/testutil"
)

// TestTimeBankMarkupInvariants cleans the 183 TimeBank articles of
// TempEval-3 (XML with inline EVENT and TIMEX3 tags) as HTML: the tags go,
// the words stay, and the offset invariants hold on real news text.
func TestTimeBankMarkupInvariants(t *testing.T) {
	dir := testutil.Shared(t, "corpora/tempeval3/Training/TBAQ-cleaned/TimeBank")
	files, err := filepath.Glob(filepath.Join(dir, "*.tml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no .tml files in %s: %v", dir, err)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		r := Clean(src, HTML)
		checkInvariants(t, src, r)
		if strings.Contains(r.Text, "<EVENT") || strings.Contains(r.Text, "TIMEX3") {
			t.Errorf("%s: tags left in the text", filepath.Base(f))
		}
		// The first words of the article body survive.
		body := string(src)
		if i := strings.Index(body, "<TEXT>"); i >= 0 {
			w := strings.Fields(stripTags(body[i+6:]))
			if len(w) > 3 && !strings.Contains(r.Text, strings.Join(w[:3], " ")) {
				t.Errorf("%s: text lacks %q", filepath.Base(f), strings.Join(w[:3], " "))
			}
		}
	}
}

func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}
