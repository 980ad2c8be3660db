// Package memlimit keeps a run of entente within a memory budget: it sets
// the Go runtime's soft memory limit (as GOMEMLIMIT does) and admits a
// document into the pipeline only when the memory it is expected to need
// fits beside the documents already in flight. A document that could never
// fit is failed with an error naming its size and the limit instead of
// taking the machine down.
//
// It belongs to the faces of entente (internal/app); stages and library
// packages do not import it.
package memlimit
