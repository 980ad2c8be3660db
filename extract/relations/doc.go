// Package relations derives typed relations between the entities of one
// document: holds_role (person → country or organization, with the office
// normalized), member_of, affiliated_with, located_in, cooperates_with and
// opposes.
//
// Sources, each named in Relation.Rule: office titles and appositions
// ("Russian Foreign Minister Sergey Lavrov", "Dmitry Peskov, Russian
// president's spokesman"), membership appositions ("Turkey, a NATO
// member"), source notes for author and outlet, places' countries, the
// participants of the events stage's events (co-signatories cooperate,
// fighters oppose their targets; hedged or negated events give nothing),
// and explicit statement patterns. Titles, cue words, event rules and
// patterns are data (rules.yaml, embedded; extend with the stage option
// `rules: FILE`). An optional Gazetteer confirms or supplies offices and
// countries.
//
// Duplicates merge: one relation per (type, source, target), with
// cooperates_with symmetric; the most confident occurrence keeps its rule,
// label and evidence, and the event ids are unioned.
package relations
