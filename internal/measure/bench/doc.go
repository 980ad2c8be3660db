// Package bench measures entente end to end against prose v3 on the same
// texts: a synthetic or real corpus, a run per worker count, and a table of
// documents/s, tokens/s, MB/s, peak resident memory and time per stage.
//
// It is the engine behind `entente bench`; the numbers it prints are
// measurements of this run on this machine, nothing more.
//
// It is measurement (internal/measure): commands, tests and benchmarks may
// import it; the pipeline, stages and library packages do not.
package bench
