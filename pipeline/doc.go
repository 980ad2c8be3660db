// Package pipeline carries news documents through an ordered list of named
// stages with bounded workers per stage.
//
// The package owns three things: the Document that flows between stages (and
// serializes to JSON losslessly, so a stage can run as a remote worker), the
// Stage contract, and the Registry that turns a configured list of stage names
// into stages. It knows no extractor by name: extractors register themselves
// through a Registry built by the program that wires them.
//
// A Runner executes the stages over a stream of documents: bounded workers
// per stage, small buffers for backpressure, output in input order, and
// per-document errors recorded on the document rather than stopping the run.
package pipeline
