package clean

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/ingest")

// TestGolden compares the clean text of each fixture, with boilerplate
// spans bracketed as ⟦…⟧, against testdata/ingest/<fixture>.clean.golden.
// Run with -update after an intended change and review the diff.
func TestGolden(t *testing.T) {
	for _, c := range []struct{ file, format string }{
		{"moscow-declaration.md", Markdown},
		{"ingest/markup.md", Markdown},
		{"ingest/entities.html", HTML},
		{"ingest/plain.txt", Text},
		{"ingest/wire.html", HTML},
	} {
		t.Run(c.file, func(t *testing.T) {
			d := process(t, string(readFixture(t, c.file)), c.format)
			var b strings.Builder
			at := 0
			for _, s := range d.Boilerplate {
				b.WriteString(d.Text[at:s.Start])
				b.WriteString("⟦" + d.Text[s.Start:s.End] + "⟧")
				at = s.End
			}
			b.WriteString(d.Text[at:])
			got := b.String() + "\n"
			golden := filepath.Join("..", "..", "testdata", "ingest", filepath.Base(c.file)+".clean.golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("clean text of %s differs from %s (run with -update and review the diff):\n%s", c.file, golden, got)
			}
		})
	}
}
