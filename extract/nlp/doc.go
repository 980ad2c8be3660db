// Package nlp is the pipeline stage that tokenizes, segments and tags a
// document's clean text with prose v3, and optionally runs prose's entity
// model as one candidate source for the entities stage.
package nlp
