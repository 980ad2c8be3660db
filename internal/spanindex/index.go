package spanindex

import (
	"slices"
	"sort"

	"github.com/entente-nlp/entente/pipeline"
)

// Index answers "which of these spans overlap, lie within or contain this
// one" in O(log n + k) instead of a scan of every span. It holds the
// positions of the spans it was built from; the caller keeps the spans.
// Queries return positions in increasing order, so that a caller scanning
// in its own order gets the same answers as its former loop.
type Index struct {
	order  []int // positions into the caller's spans, sorted by Start
	starts []int // starts[k] is the Start of span order[k]
	ends   []int // ends[k] is its End
	maxEnd []int // maxEnd[k] is the largest End among order[:k+1]
}

// New indexes n spans; at(i) returns the i-th.
func New(n int, at func(i int) pipeline.Span) *Index {
	x := &Index{order: make([]int, n), starts: make([]int, n), ends: make([]int, n), maxEnd: make([]int, n)}
	for i := range x.order {
		x.order[i] = i
	}
	sort.SliceStable(x.order, func(a, b int) bool { return at(x.order[a]).Start < at(x.order[b]).Start })
	for k, i := range x.order {
		sp := at(i)
		x.starts[k], x.ends[k] = sp.Start, sp.End
		x.maxEnd[k] = sp.End
		if k > 0 {
			x.maxEnd[k] = max(x.maxEnd[k], x.maxEnd[k-1])
		}
	}
	return x
}

// Overlapping appends to buf the positions of the spans that share a byte
// with sp (pipeline.Span.Overlaps), in increasing order of position.
func (x *Index) Overlapping(sp pipeline.Span, buf []int) []int {
	// Candidates start before sp ends and, by the running maximum, may end
	// after sp starts.
	hi := sort.SearchInts(x.starts, sp.End)
	lo := sort.Search(hi, func(k int) bool { return x.maxEnd[k] > sp.Start })
	n := len(buf)
	for k := lo; k < hi; k++ {
		if x.ends[k] > sp.Start {
			buf = append(buf, x.order[k])
		}
	}
	slices.Sort(buf[n:])
	return buf
}

// AnyOverlap reports whether some span overlaps sp and satisfies keep
// (nil: any span).
func (x *Index) AnyOverlap(sp pipeline.Span, keep func(i int) bool) bool {
	hi := sort.SearchInts(x.starts, sp.End)
	lo := sort.Search(hi, func(k int) bool { return x.maxEnd[k] > sp.Start })
	for k := lo; k < hi; k++ {
		if x.ends[k] > sp.Start && (keep == nil || keep(x.order[k])) {
			return true
		}
	}
	return false
}

// Within appends to buf the positions of the spans that sp contains
// (pipeline.Span.Contains), in increasing order of position.
func (x *Index) Within(sp pipeline.Span, buf []int) []int {
	lo := sort.SearchInts(x.starts, sp.Start)
	n := len(buf)
	for k := lo; k < len(x.starts) && x.starts[k] <= sp.End; k++ {
		if x.ends[k] <= sp.End {
			buf = append(buf, x.order[k])
		}
	}
	slices.Sort(buf[n:])
	return buf
}

// Containing appends to buf the positions of the spans that contain sp, in
// increasing order of position.
func (x *Index) Containing(sp pipeline.Span, buf []int) []int {
	hi := sort.SearchInts(x.starts, sp.Start+1) // spans starting at or before sp
	lo := sort.Search(hi, func(k int) bool { return x.maxEnd[k] >= sp.End })
	n := len(buf)
	for k := lo; k < hi; k++ {
		if x.ends[k] >= sp.End {
			buf = append(buf, x.order[k])
		}
	}
	slices.Sort(buf[n:])
	return buf
}
