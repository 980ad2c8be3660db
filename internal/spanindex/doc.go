// Package spanindex finds, among many spans of one text, those that
// overlap, lie within or contain a given span without scanning them all,
// so that stages comparing mentions, events and sentences with one another
// stay O(n log n) in the size of a document.
//
// Any package of entente may import it; it imports only pipeline (for
// Span).
package spanindex
