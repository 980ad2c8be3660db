// Package parse is the parse stage: it runs the dependency parser of
// package depparse over the nlp stage's sentences and tokens and stores,
// on each token of a parsed sentence, its Universal Dependencies
// part-of-speech tag (Token.UPOS), its head (Token.Head, an index into
// Document.Tokens, -1 for the sentence root) and its relation (Token.Dep).
// Later stages read the trees through pipeline.Tree.
//
// The words are the nlp stage's tokens and the parser also reads their
// Penn Treebank tags (prose's), as in training.
package parse
