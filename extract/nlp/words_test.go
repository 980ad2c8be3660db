package nlp

import (
	"bufio"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/internal/testkit/testutil"
	"github.com/jdkato/prose/v3/tokenize"
)

// proseSame fails t unless proseTokens gives prose's tokens for text.
func proseSame(t *testing.T, prose *tokenize.Tokenizer, text string) {
	t.Helper()
	got, want := proseTokens(text, 0, nil), prose.Tokenize(text)
	if !slices.Equal(got, want) {
		t.Fatalf("%.60q: tokens differ from prose's:\n got %v\nwant %v", text, got, want)
	}
}

// TestProseTokensConll checks proseTokens against prose's tokenizer on
// the sentences of CoNLL-2003 (news of 1996, with its quotes, numbers,
// abbreviations and contractions) re-joined with spaces.
func TestProseTokensConll(t *testing.T) {
	f, err := os.Open(testutil.Shared(t, "corpora/conll2003/eng.testa"))
	if err != nil {
		t.Skipf("CoNLL-2003 not readable: %v", err)
	}
	defer f.Close()
	prose := tokenize.New()
	var words []string
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		line := sc.Text()
		if w, _, _ := strings.Cut(line, " "); w != "" && w != "-DOCSTART-" {
			words = append(words, w)
			continue
		}
		if len(words) > 0 {
			// Joined both with and without spaces before punctuation,
			// so that prose has marks to peel off words.
			proseSame(t, prose, strings.Join(words, " "))
			proseSame(t, prose, strings.Join(words, ""))
			n++
		}
		words = words[:0]
	}
	if n < 1000 {
		t.Fatalf("only %d sentences read", n)
	}
}

// TestProseTokensRandom compares with prose on random text made of the
// pieces its rules test: marks, apostrophes in both forms, contraction
// endings in both cases, abbreviations, emoticons, Unicode spaces.
func TestProseTokensRandom(t *testing.T) {
	prose := tokenize.New()
	r := rand.New(rand.NewPCG(7, 8))
	alpha := []string{"a", "B", "x", "N", "n't", "N'T", "'s", "'LL", "’re", "n’t", "'", "’", "é", " ", "  ", "\n", "\t", "\u00a0", "\u2003",
		"-", "/", "$", "(", "[", "“", "‘", ",", ")", "]", "!", ";", ".", "?", ":", "”", `"`,
		"U.", "S.", "Mr.", "Jan.", ":-)", ":)", "(:", "xD", "o_O", "8-)", "\xff", "\xe2\x80"}
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for k := r.IntN(40); k > 0; k-- {
			b.WriteString(alpha[r.IntN(len(alpha))])
		}
		proseSame(t, prose, b.String())
	}
}

// FuzzProseTokens checks proseTokens against prose's tokenizer on any
// input short enough for prose's quadratic cases.
func FuzzProseTokens(f *testing.F) {
	for _, s := range []string{"Don't stop, U.S. Mr. Putin’s “talks” (in $100)...", ":-) xD o_O", "a\u00a0b\u2028c", "N'T'LL's"} {
		f.Add(s)
	}
	prose := tokenize.New()
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1000 {
			return
		}
		proseSame(t, prose, s)
	})
}
