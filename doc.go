// Package entente turns news articles into structured knowledge: the
// people, countries, organizations and places they mention (reconciled
// against a gazetteer), the dates, the dated events, and the relations
// between them, as one Record per article.
//
// Record is the output contract, the same record `entente extract --format
// json` writes (docs/output.md; SchemaVersion). NewRecord makes it from a
// finished pipeline.Document, for programs that run the pipeline
// themselves.
package entente
