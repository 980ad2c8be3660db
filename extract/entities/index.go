package entities

import (
	"github.com/entente-nlp/entente/internal/spanindex"
	"github.com/entente-nlp/entente/pipeline"
)

// candIndex indexes the spans of cs, so that comparing candidates with
// candidates costs O(n log n) rather than O(n²) in a long document.
func candIndex(cs []cand) *spanindex.Index {
	return spanindex.New(len(cs), func(i int) pipeline.Span { return cs[i].Span })
}
