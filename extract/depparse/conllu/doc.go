// Package conllu reads and writes CoNLL-U, the Universal Dependencies file
// format: sentences of tab-separated word lines (ID FORM LEMMA UPOS XPOS
// FEATS HEAD DEPREL DEPS MISC), with comment lines, multiword token ranges
// ("1-2") and empty nodes ("8.1").
//
// Reading keeps every line, so that writing a sentence back reproduces the
// input (a file with LF line ends and a blank line after each sentence comes
// back byte for byte); tools change only the columns they own, such as UPOS,
// HEAD and DEPREL for the parser.
package conllu
