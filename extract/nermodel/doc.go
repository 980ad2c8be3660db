// Package nermodel is a statistical named-entity tagger for English news: an
// averaged structured perceptron over hashed lexical, shape, part-of-speech,
// context, document-history (what the tagger called the word's earlier
// capitalized occurrences) and lexicon features (known names and given
// names from the gazetteer) that labels tokens with BILOU tags for PER, LOC,
// ORG (and MISC, which it learns but never reports), decoded by Viterbi
// over the allowed transitions, one sentence or line at a time.
//
// It is one candidate source for the entities stage, not a stage itself: the
// entities stage reads Env.NER and calls Model.Tag on the nlp stage's tokens,
// sentences and part-of-speech tags.
//
// The shipped model (Default) is embedded in the binary and was trained only
// on the CoNLL-2003 English training set (eng.train: Reuters newswire, 1996);
// `entente train ner --conll eng.train -o FILE` reproduces it bit for bit
// with the same embedded gazetteer (the model records the gazetteer's
// fingerprint in Meta.Lexicon), because training is deterministic (fixed
// seed and order). The CoNLL data itself is not part of the project. See
// data/SOURCE.md and docs/nermodel.md.
//
// A Model is read-only once built or loaded and safe for concurrent use.
package nermodel
