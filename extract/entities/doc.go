// Package entities is the pipeline stage that finds the people, countries,
// organizations and places a document mentions, links them to the gazetteer
// when it can, and groups the mentions into one Entity per real-world thing.
//
// # Candidate sources
//
// Every source proposes candidates: typed byte spans of Document.Text that
// record which source found them.
//
//   - gazetteer: known names, aliases, demonyms ("Russian" → country:RU) and
//     acronyms, matched in the text (Source "gazetteer"); a capital used as an
//     actor ("Moscow's ambassador", "Ankara has been angered") becomes a
//     COUNTRY mention of its country (Form "metonym").
//   - rules over part-of-speech chunks (Source "rule"): runs of proper nouns,
//     joined by name particles (al-, bin, de, van) and, inside organization
//     names, by "of", "for", "on", "and", "the". Titles and roles are peeled
//     off ("Kazakhstan President Nursultan Nazarbayev" → PERSON "Nursultan
//     Nazarbayev" with Evidence role=President, country=country:KZ); a chunk
//     is typed by cues: a title or given name (PERSON), an organization head
//     or suffix such as Organization, Foundation or Ministry (ORGANIZATION),
//     a place preposition (LOCATION). A chunk with no cue is not an entity.
//   - models: prose's IOB labels on the tokens (Source "prose") when the nlp
//     stage ran its entity model, and any extra Source given to New (a trained
//     tagger, say). These are bare model labels.
//
// Headlines and all-caps lines ("In-depth Report: SYRIA") are not fed to the
// rules or the models as if they were prose: only gazetteer matches, names
// already established in the body, and confident labels of case-aware
// models are taken from them.
//
// # Merge policy
//
// Candidates are ranked, then chosen greedily, and a chosen span blocks every
// candidate that overlaps it:
//
//  1. well-typed candidates (gazetteer, rule, coreference) first, then
//     blockers (chunks naming agreements, plans, projects, titles: "Joint
//     Comprehensive Plan of Action (JCPOA)", "Turkish Stream"), which are
//     never output, then model labels: a model label is kept only where no
//     well-typed candidate or blocker overlaps it;
//  2. within a class, the longest span wins ("Shanghai Cooperation
//     Organization" over "Shanghai");
//  3. on equal length, the stronger source (gazetteer, rule, chunk typed by
//     models, bare model label), then the higher score.
//
// Model labels do not cut proper-noun chunks: inside an untyped chunk, the
// chunk's boundaries win, and its type is the models' majority vote for that
// name across the document (one sense per discourse). A place-preposition
// cue ("in X") is weak: it ranks with the model labels, below them.
//
// Two exceptions let a confident (score ≥ 0.8) case-aware model (one
// trained on text with headlines, such as extract/nermodel) overrule the
// gazetteer, both only over place names: a place match the model labels an
// organization on exactly the same span becomes an unlinked organization
// ("CHICAGO 5 Boston 3"), and a model span covering a whole proper-noun
// chunk that contains place names becomes well-typed ("U.S. Gulf", "Air
// France"). A model never turns a place into a person ("Aleppo" stays a
// city).
//
// # Coreference and linking
//
// Within a document, a surname or shortened name refers to the person named
// in full elsewhere ("Putin" → Vladimir Putin), an acronym refers to its
// expansion ("Shanghai Cooperation Organization (SCO)"), and a parenthesized
// alternative name to the name before it. Mentions link to the gazetteer id
// when the gazetteer knows them; otherwise the entity gets the id
// "<kind>:<slug>" (person:, org:, loc:, country:).
//
// Each Entity carries its canonical name, the distinct surface forms as
// aliases, a mention count and a salience in 0..1 built from the mention
// count, the position of the first mention and presence in the title or lead.
package entities
