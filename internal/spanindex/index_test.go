package spanindex

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/entente-nlp/entente/pipeline"
)

// TestIndexMatchesScan compares every query with a scan of all spans, on
// random spans that nest, overlap, repeat and are empty.
func TestIndexMatchesScan(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for round := 0; round < 200; round++ {
		spans := make([]pipeline.Span, r.IntN(40))
		for i := range spans {
			a := r.IntN(100)
			spans[i] = pipeline.Span{Start: a, End: a + r.IntN(1+r.IntN(30))}
		}
		x := New(len(spans), func(i int) pipeline.Span { return spans[i] })
		for q := 0; q < 50; q++ {
			a := r.IntN(110)
			sp := pipeline.Span{Start: a, End: a + r.IntN(20)}
			var over, within, containing []int
			for i, s := range spans {
				if s.Overlaps(sp) {
					over = append(over, i)
				}
				if sp.Contains(s) {
					within = append(within, i)
				}
				if s.Contains(sp) {
					containing = append(containing, i)
				}
			}
			if got := x.Overlapping(sp, nil); !slices.Equal(got, over) {
				t.Fatalf("Overlapping(%v) over %v = %v, want %v", sp, spans, got, over)
			}
			if got := x.Within(sp, nil); !slices.Equal(got, within) {
				t.Fatalf("Within(%v) over %v = %v, want %v", sp, spans, got, within)
			}
			if got := x.Containing(sp, nil); !slices.Equal(got, containing) {
				t.Fatalf("Containing(%v) over %v = %v, want %v", sp, spans, got, containing)
			}
			if got := x.AnyOverlap(sp, nil); got != (len(over) > 0) {
				t.Fatalf("AnyOverlap(%v) over %v = %v, want %v", sp, spans, got, len(over) > 0)
			}
		}
	}
}

// ExampleIndex finds the mentions inside a sentence.
func ExampleIndex() {
	mentions := []pipeline.Span{{Start: 30, End: 36}, {Start: 0, End: 5}, {Start: 12, End: 20}}
	x := New(len(mentions), func(i int) pipeline.Span { return mentions[i] })
	fmt.Println(x.Within(pipeline.Span{Start: 0, End: 25}, nil))
	// Output: [1 2]
}
