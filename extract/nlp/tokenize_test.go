package nlp

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/internal/testkit/testutil"
)

// TestTokenizeTextAsProseOnProse checks that ordinary text gets exactly
// prose's tokens: the project's test articles, and the shared corpora's
// news when they are present.
func TestTokenizeTextAsProseOnProse(t *testing.T) {
	m, err := SharedModels()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(testutil.Testdata(t, "."), "*.md"))
	if len(files) == 0 {
		t.Fatal("no test articles found")
	}
	same := func(t *testing.T, files []string) {
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				continue
			}
			text := string(b)
			if got, want := tokenizeText(text), m.Tokenizer.Tokenize(text); !slices.Equal(got, want) {
				t.Errorf("%s: tokens differ from prose's", f)
			}
		}
	}
	same(t, files)
	t.Run("shared corpus", func(t *testing.T) {
		more, _ := filepath.Glob(filepath.Join(testutil.Shared(t, "corpus"), "*"))
		same(t, more)
	})
}

// TestTokenizeTextAsProseRandom compares with prose on random words of
// letters, spaces and punctuation in runs shorter than longRun: text with
// nothing to cut gets prose's tokens, whatever the words' lengths.
func TestTokenizeTextAsProseRandom(t *testing.T) {
	m, err := SharedModels()
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(5, 6))
	alpha := []string{"a", "B", "n't", "'s", "é", " ", "\n", "-", "/", "$", "(", "[", "“", "‘", ",", ")", "]", "!", ";", ".", "?", ":", "'", "”", "’", `"`}
	for i := 0; i < 2000; i++ {
		var b strings.Builder
		run := 0
		for k := r.IntN(200); k > 0; k-- {
			a := alpha[r.IntN(len(alpha))]
			if affix([]rune(a)[0]) {
				if run++; run >= longRun {
					continue
				}
			} else {
				run = 0
			}
			b.WriteString(a)
		}
		text := b.String()
		if got, want := tokenizeText(text), m.Tokenizer.Tokenize(text); !slices.Equal(got, want) {
			t.Fatalf("%q: tokens %v, prose's %v", text, got, want)
		}
	}
}

// TestTokenizeTextPunctuationRuns checks the tokens of words with long runs
// of punctuation: offsets exact, every mark of a run its own token as prose
// makes it, the words around a run kept.
func TestTokenizeTextPunctuationRuns(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string // the tokens other than the run's marks
	}{
		{"Hello " + strings.Repeat(".", 5000) + " world.", []string{"Hello", "world"}},
		{"Hello " + strings.Repeat("[", 300) + "world" + strings.Repeat("]", 300), []string{"Hello", "world"}},
		{"Moscow" + strings.Repeat("”’", 100) + " and" + strings.Repeat(`"`, 200), []string{"Moscow", "and"}},
		{"see " + strings.Repeat("$(", 500) + "x", []string{"see", "x"}},
		{"http://example.org/a" + strings.Repeat(",", 100) + "b", nil},
	} {
		toks := tokenizeText(tc.text)
		var words []string
		end := 0
		for _, tk := range toks {
			if tk.Start < end || tc.text[tk.Start:tk.End()] != tk.Text {
				t.Fatalf("%.30q: token %q at %d: offsets wrong", tc.text, tk.Text, tk.Start)
			}
			end = tk.End()
			if len([]rune(tk.Text)) > 1 || !affix([]rune(tk.Text)[0]) {
				words = append(words, tk.Text)
			}
		}
		if tc.want == nil {
			continue // only the offsets matter for a run inside a word
		}
		if !slices.Equal(words, tc.want) {
			t.Errorf("%.30q: words %q, want %q", tc.text, words, tc.want)
		}
	}
}

// TestTokenizeTextLinear checks that a run of punctuation costs time
// linear in its length, for each mark prose splits off words: prose alone
// takes seconds for 10,000.
func TestTokenizeTextLinear(t *testing.T) {
	var marks []string
	for _, r := range `$(["“‘,)]!;.?:'”’` {
		marks = append(marks, string(r))
	}
	testutil.Linear(t, "tokenizing punctuation runs", 4<<10, 8, func(n int) func() {
		var texts []string
		for _, mark := range marks {
			texts = append(texts, "Hello "+strings.Repeat(mark, n/len(mark))+" world.")
		}
		return func() {
			for _, s := range texts {
				_ = tokenizeText(s)
			}
		}
	})
}
