// Package entente turns news articles into structured knowledge: the
// people, countries, organizations and places they mention (reconciled
// against a gazetteer), the dates, the dated events and the relations
// between them, one Record per article. It is the Go face of entente, as
// the entente command is the shell's:
//
//	x, err := entente.New()   // loads models and gazetteer once; share x
//	rec, err := x.Extract(ctx, entente.Input{ID: "a1", Text: article})
//	for _, e := range rec.Entities { fmt.Println(e.ID, e.Name, e.Count) }
//
// Record is the output contract, the same record `entente extract --format
// json` writes (docs/output.md; SchemaVersion). Extract runs one article;
// ExtractAll streams many through the staged pipeline, several at a time,
// in input order; Graph merges records into the relationship graph of
// `entente graph`. An article's problems (empty text, binary data, a bad
// date) are data in Record.Errors; the methods return an error only when
// the context ends.
//
// New takes the settings of entente.yaml as options (WithPipeline,
// WithStageOptions, WithGazetteer, WithWorkers) or as a viper
// configuration (WithConfig). NewRecord makes a Record from a finished
// pipeline.Document, for programs that run the pipeline package
// themselves.
package entente
