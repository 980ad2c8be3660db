package extract_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/entente-nlp/entente/internal/testkit/pipetest"
	"github.com/entente-nlp/entente/internal/testkit/testutil"
	"github.com/entente-nlp/entente/pipeline"
)

// scalingText returns about n bytes of news-like prose: the reference
// article's paragraphs in a shuffled order, interleaved with sentences
// about people, organizations and places the gazetteer does not know, so
// that the number of distinct names grows with the document as it does in
// a real corpus.
func scalingText(t testing.TB, n int) string {
	t.Helper()
	src, err := os.ReadFile(testutil.Testdata(t, "moscow-declaration.md"))
	if err != nil {
		t.Fatal(err)
	}
	var paras []string
	for _, p := range strings.Split(string(src), "\n\n") {
		if p = strings.TrimSpace(p); len(p) > 80 && !strings.HasPrefix(p, "#") {
			paras = append(paras, p)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	syl := []string{"ka", "lo", "mir", "van", "tes", "sa", "dor", "el", "bri", "nu", "ko", "ra", "sti", "fen", "gal", "ov", "ish", "ta"}
	name := func() string {
		var b strings.Builder
		for k := 2 + r.IntN(2); k > 0; k-- {
			b.WriteString(syl[r.IntN(len(syl))])
		}
		s := b.String()
		return strings.ToUpper(s[:1]) + s[1:]
	}
	months := []string{"January", "March", "June", "October", "December"}
	var b strings.Builder
	for b.Len() < n {
		switch r.IntN(3) {
		case 0:
			b.WriteString(paras[r.IntN(len(paras))])
		case 1:
			fmt.Fprintf(&b, "%s %s, the head of the %s Institute, met %s %s in %s on %d %s and said the %s agreement would be signed.",
				name(), name(), name(), name(), name(), name(), 1+r.IntN(28), months[r.IntN(len(months))], name())
		default:
			fmt.Fprintf(&b, "On Monday %s told reporters that the %s Council (%s) had accused %s of attacking %s, and %s denied it.",
				name(), name(), "C"+strings.ToUpper(name()[:2]), name(), name(), name())
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

// stageTimes runs the default pipeline over text and returns each stage's
// CPU-ish time (wall time of that stage alone; the test runs stages
// one after the other on one goroutine).
func stageTimes(t *testing.T, stages []pipeline.Stage, text string) []time.Duration {
	t.Helper()
	d := &pipeline.Document{ID: "scaling", Source: "scaling.txt", Original: []byte(text), Published: "2016-12-20"}
	out := make([]time.Duration, len(stages))
	for i, st := range stages {
		t0 := time.Now()
		if err := st.Process(context.Background(), d); err != nil {
			t.Fatalf("%s: %v", st.Name(), err)
		}
		out[i] = time.Since(t0)
	}
	for _, e := range d.Errors {
		t.Fatalf("stage %s: %s", e.Stage, e.Message)
	}
	return out
}

// TestStagesScaleLinearly doubles a document twice and checks that no
// stage's time grows much faster than its size: a quadratic stage
// quadruples at each doubling. The smallest of three runs is kept at each
// size so that a busy machine does not make a linear stage look quadratic.
func TestStagesScaleLinearly(t *testing.T) {
	if testing.Short() {
		t.Skip("scaling test runs the pipeline on documents up to 1 MB; skipped with -short")
	}
	stages := pipetest.Stages(t, nil, nil)
	sizes := []int{128 << 10, 256 << 10, 512 << 10}
	best := make([][]time.Duration, len(sizes))
	for i, n := range sizes {
		text := scalingText(t, n)
		for run := 0; run < 2; run++ {
			ts := stageTimes(t, stages, text)
			if best[i] == nil {
				best[i] = ts
				continue
			}
			for k := range ts {
				best[i][k] = min(best[i][k], ts[k])
			}
		}
	}
	for k, st := range stages {
		var line []string
		for i := range sizes {
			line = append(line, fmt.Sprintf("%dK %v", sizes[i]>>10, best[i][k].Round(time.Millisecond)))
		}
		t.Logf("%-10s %s", st.Name(), strings.Join(line, ", "))
	}
	for k, st := range stages {
		a, b := best[0][k], best[len(sizes)-1][k]
		if b < 50*time.Millisecond {
			continue // too fast to measure a ratio
		}
		// Four times the input: linear is 4x, n log n a little more,
		// quadratic 16x.
		if ratio := float64(b) / float64(max(a, time.Millisecond)); ratio > 8 {
			t.Errorf("stage %s: %v for %d KB but %v for %d KB (%.1fx for 4x the input): grows faster than n log n",
				st.Name(), a, sizes[0]>>10, b, sizes[len(sizes)-1]>>10, ratio)
		}
	}
}
