// Package coref is the coref stage: it links third-person pronouns ("he",
// "its", "they"), definite descriptions ("the minister", "the company",
// "the militants", "the country") and the surnames the entities stage
// resolved to the entities they refer to, filling
// pipeline.Document.Coreferences.
//
// The rules are deliberately simple and local (see resolve.go): a pronoun
// goes to the nearest preceding compatible entity within a window of a few
// sentences, preferring subjects, never to one that the grammar rules out
// ("Putin praised him" is not Putin); a description goes to the most
// recent entity of the fitting type and, when the gazetteer gives one,
// the fitting role or organization type. Gender comes from first names,
// titles and the pronouns already resolved. Pleonastic "it" ("it is
// expected that", "it was reported") is skipped, and a phrase inside a
// quotation does not look for its antecedent in another quotation. The
// stage runs in O(n log n) in the size of the document: mentions are
// indexed by position once and each anaphor looks back over a bounded
// list of recent entities.
package coref
