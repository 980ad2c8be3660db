package bench

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
	"unicode"
)

// Corpus yields n deterministic articles stitched from sentences. Article i
// is built on demand, so a corpus of 10^5 articles costs no memory.
type Corpus struct {
	sentences []string
	n         int
	seed      uint64
	perDoc    int
}

// NewCorpus returns a corpus of n articles of about perDoc sentences each,
// drawn from sentences with a fixed seed.
func NewCorpus(sentences []string, n, perDoc int, seed uint64) (*Corpus, error) {
	if len(sentences) == 0 {
		return nil, fmt.Errorf("bench: no sentences to build a corpus from")
	}
	if n < 1 || perDoc < 1 {
		return nil, fmt.Errorf("bench: corpus needs at least one document of one sentence (got %d × %d)", n, perDoc)
	}
	return &Corpus{sentences: sentences, n: n, seed: seed, perDoc: perDoc}, nil
}

// Len returns the number of articles.
func (c *Corpus) Len() int { return c.n }

// Article returns article i: its text and a publication date.
func (c *Corpus) Article(i int) (text, published string) {
	r := rand.New(rand.NewPCG(c.seed, uint64(i)))
	k := c.perDoc/2 + r.IntN(c.perDoc+1)
	var b strings.Builder
	for j := 0; j < k; j++ {
		if j > 0 {
			if r.IntN(4) == 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(c.sentences[r.IntN(len(c.sentences))])
	}
	day := time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(366))
	return b.String(), day.Format("2006-01-02")
}

// SplitSentences splits plain or lightly marked-up text into sentences at
// ". ", "? ", "! " followed by a capital letter, and at blank lines. Lines
// without a full stop (headings, bylines) and very short pieces are dropped:
// the corpus should read like article bodies.
func SplitSentences(text string) []string {
	var out []string
	for _, para := range strings.Split(text, "\n\n") {
		para = strings.Join(strings.Fields(para), " ")
		start := 0
		for i := 0; i < len(para); i++ {
			c := para[i]
			if c != '.' && c != '?' && c != '!' {
				continue
			}
			if i+2 < len(para) && para[i+1] == ' ' && unicode.IsUpper(rune(para[i+2])) || i == len(para)-1 {
				s := strings.TrimSpace(para[start : i+1])
				if len(s) >= 40 && !strings.ContainsAny(s, "[]#*") {
					out = append(out, s)
				}
				start = i + 1
			}
		}
	}
	return out
}
