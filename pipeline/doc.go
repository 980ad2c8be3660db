// Package pipeline carries news documents through an ordered list of named
// stages with bounded workers per stage.
//
// The package owns four things: the Document that flows between stages (and
// serializes to JSON losslessly, so a stage can run as a remote worker), the
// Stage contract, the Registry that turns a configured list of stage names
// into stages, and the Runner. It knows no extractor by name: extractors
// register themselves through a Registry built by the program that wires
// them.
//
// # Stages and their contract
//
// A Stage has a name and one method, Process, which enriches a Document in
// place. A stage is described to a Registry by a Spec: its name, the
// artifacts (parts of the Document, see Artifacts: document, text, blocks,
// sentences, tokens, parse, entities, dates, events, relations) it
// requires, uses when present, and provides, and a Constructor that builds
// it from its options. A stage package offers a function returning its
// Spec, so that wiring it is one line:
//
//	r := pipeline.NewRegistry()
//	r.Register(ingest.Spec())                // in the default pipeline's order
//	r.Register(nlp.Spec(models, nlpOptions)) // shared resources as arguments
//
// Registry.Default is the default pipeline: the registered stages that are
// not Optional, in registration order. Registry.Build checks a pipeline
// before building it (every name registered and listed once, every stage
// after the stages that provide what it requires or uses, options only for
// registered stages), builds each stage and reports every problem at once.
//
// # Options
//
// A stage's options are its section of the configuration (stages.<name>),
// a map decoded by DecodeOptions into a typed struct with mapstructure
// tags: keys match in any case; unknown keys and values of the wrong type
// are errors (*OptionError) that name the stage and the key, in a fixed
// order. The constructor then validates the values, reporting a bad one as
// an *OptionError too.
//
// # Running
//
// A Runner executes the stages over a stream of documents: bounded workers
// per stage, small buffers for backpressure, output in input order, and
// per-document errors recorded on the document rather than stopping the
// run. The Runner owns failure and cancellation: a document with a fatal
// error skips the remaining stages, and the context is checked between
// stages, so a stage checks neither at its top (only inside long loops).
// ProcessDocument runs stages over one document the same way.
//
// With WithSections (or ProcessSections), a document whose clean text is
// longer than the section size runs the stages from the one that receives
// the text on section by section, the results merged into the document
// (sections.go): its memory grows with its results, not its text.
package pipeline
