// Package events finds dated events in news text: a trigger word or phrase
// (signed, met, visit, talks, assassination, coup, ...) with a kind, a
// CAMEO code and GDELT quad class, its participants (entity ids with the
// roles actor, target or other), a location, a date and the evidence
// sentence.
//
// The stage reads the tokens of the nlp stage, the mentions and entities
// of the entities stage and the temporal expressions of the dates stage.
// The trigger lexicon is data (lexicon.yaml, embedded) that users extend
// with the stage option `lexicon: FILE`.
//
// Attachment policy, in order of preference:
//   - participants: entities before a verbal trigger in its clause are
//     actors (or targets in the passive, where the "by" agent is the
//     actor), entities after it are targets, except objects of prepositions
//     that carry no argument (for, on, about, during, ...); an event noun
//     takes its participants from its own noun phrase ("the visit of X to
//     Y", "Russia's visit") and, when it sits in a predicate, the subjects
//     of its clause; "the three countries" stands for the last coordinated
//     group of countries.
//   - date: the temporal expression in the trigger's clause (date_source
//     "clause"), else one in its sentence ("sentence"), else none; the
//     publication date is never used by default. Dates introduced by
//     after/before/since/until are anchors, not the event's date.
//   - location: a place in "in/at/to X" of the same clause; for visits the
//     destination.
//
// Merge policy: mentions of the same event (same kind, compatible dates,
// overlapping participants; or a definite event noun without participants
// of its own, such as "the declaration", referring back to the last event
// of its kind; or an occasion such as "the December 20 meeting" of an
// agreement signed that day) become one event that keeps every trigger
// span. Events that end with no participant, date or location are dropped.
// Nothing is mined from boilerplate.
package events
