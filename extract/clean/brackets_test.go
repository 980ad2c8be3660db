package clean

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/internal/testkit/testutil"
)

// TestClosingAsMatching checks the cached bracket pairs against a scan
// from each bracket, on random text of brackets, escapes and code spans,
// asking in the order the inline parser does and in a random one.
func TestClosingAsMatching(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	alpha := []byte("[[]]()(a \\`")
	for round := 0; round < 3000; round++ {
		src := make([]byte, r.IntN(60))
		for i := range src {
			src[i] = alpha[r.IntN(len(alpha))]
		}
		p := &mdParser{src: src}
		e := len(src) - r.IntN(1+len(src)/4)
		order := r.Perm(len(src))
		if round%2 == 0 {
			for i := range order {
				order[i] = i
			}
		}
		for _, i := range order {
			if i >= e {
				continue
			}
			for _, br := range [][2]byte{{'[', ']'}, {'(', ')'}} {
				if got, want := p.closing(i, e, br[0], br[1]), matching(src, i, e, br[0], br[1]); got != want {
					t.Fatalf("%q[:%d] at %d: closing %d, matching %d", src, e, i, got, want)
				}
			}
		}
	}
}

// TestMarkdownBracketsLinear checks that runs of unclosed brackets, links
// whose parenthesis never closes and link texts nested thousands deep clean in time linear in their
// length (100,000 "[" took 16 s).
func TestMarkdownBracketsLinear(t *testing.T) {
	testutil.Linear(t, "Markdown brackets", 16<<10, 8, func(n int) func() {
		texts := [][]byte{
			[]byte(strings.Repeat("[", n)),
			[]byte(strings.Repeat("[a](", n/4)),
			[]byte("Text " + strings.Repeat("![x", n/3)),
			[]byte(strings.Repeat("[", n/2) + "x" + strings.Repeat("]", n/2) + "[y]"),
		}
		return func() {
			for _, src := range texts {
				Clean(src, "markdown")
			}
		}
	})
}
