// Package depparse is entente's dependency parser: a part-of-speech tagger
// (Universal Dependencies UPOS) and a greedy transition-based parser
// (arc-hybrid, with a separate arc-label classifier), both averaged
// perceptrons over hashed feature templates in the style of Zhang & Nivre
// (2011): words, tags, labels, valency and distance of stack and buffer
// items. The parser is trained with a dynamic oracle (Goldberg & Nivre
// 2013) and explores its own mistakes.
//
// Everything in the hot loop is integer work on per-token attributes
// computed once per sentence: feature keys are 32-bit hashes, weights are
// int16 rows in open-addressing tables, and a Parser reuses its buffers, so
// parsing allocates nothing per transition.
//
// The shipped model (Default) is embedded and was trained on Universal
// Dependencies English EWT (CC BY-SA 4.0) only; `entente train parser`
// reproduces it byte for byte. See data/SOURCE.md and docs/parser.md.
//
// A Model is read-only and safe for concurrent use; a Parser (Model.NewParser)
// belongs to one goroutine.
package depparse
