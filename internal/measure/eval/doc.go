// Package eval scores entente's output against answer keys: exact-span
// entity scoring on CoNLL-2003 data (conll.go), and the other scorers that
// `entente eval` offers.
//
// It is measurement (internal/measure): commands, tests and benchmarks may
// import it; the pipeline, stages and library packages do not.
package eval
