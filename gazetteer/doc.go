// Package gazetteer is entente's embedded world gazetteer: countries,
// organizations, people with dated offices, cities and regions, a fast
// matcher that finds their names in text, and reconciliation of a mention to
// the entry it refers to.
//
// Default returns the gazetteer built from the data embedded under data/
// (built once per process, read-only and safe for concurrent use); Load adds
// or overrides entries from user YAML or CSV files. Match finds every
// leftmost-longest, non-overlapping mention of a known name in a text, folded
// for case and diacritics, and reports byte offsets into the original text.
// Lookup explains what a single name resolves to. The package knows nothing
// of the pipeline: stages call it.
package gazetteer
