package serve

import (
	"context"
	"io"
)

// Input is one document sent to the server, as the JSON body of
// POST /v1/extract or one line of a JSON Lines body.
type Input struct {
	ID string `json:"id"`
	// Source says where the document came from: "http", or "http:LINE"
	// for a line of a JSON Lines body. It is not read from the request.
	Source string `json:"-"`
	// WithText asks for the record's main text (?text=true), as
	// `entente extract --text` writes it.
	WithText  bool   `json:"-"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Format    string `json:"format"`
	Published string `json:"published"`
	URL       string `json:"url"`
}

// Result is the outcome of extracting one document.
type Result struct {
	// Record is the document's record: it marshals to exactly the object
	// `entente extract --format json` writes for the document.
	Record any
	// Fatal, when not empty, says why the document could not be read
	// (binary, not UTF-8, empty): the server answers 422 with it.
	Fatal string
	// Tokens counts the document's word tokens, for the metrics.
	Tokens int
	// Data is the backend's own, for its Graph; the server does not read
	// it.
	Data any
}

// Backend is what the server needs from entente: extraction of one
// document, the relationship graph of finished documents, and gazetteer
// lookups. Implementations are safe for concurrent use and share their
// models between calls.
type Backend interface {
	// Extract runs the pipeline over in. It returns ctx.Err() when ctx
	// ends first; a document entente cannot read is a Result with Fatal
	// set, not an error.
	Extract(ctx context.Context, in Input) (*Result, error)
	// Graph writes the relationship graph of results to w, as
	// `entente graph` writes it in opts.Format (one of GraphFormats).
	Graph(ctx context.Context, w io.Writer, results []*Result, opts GraphOptions) error
	// Lookup returns what `entente gazetteer lookup --json NAME` prints
	// for name (roles held on date when date is not empty), as a value
	// that marshals to JSON.
	Lookup(ctx context.Context, name, date string) (any, error)
}

// GraphOptions say how POST /v1/graph writes the graph.
type GraphOptions struct {
	// Format is one of GraphFormats.
	Format string
	// Part is, for csv, which of neo4j-admin import's two files to write:
	// "nodes" or "relationships".
	Part string
}

// GraphFormats are the formats of POST /v1/graph, with their media types.
var GraphFormats = map[string]string{
	"json":    "application/json",
	"dot":     "text/vnd.graphviz; charset=utf-8",
	"graphml": "application/graphml+xml",
	"gexf":    "application/gexf+xml",
	"csv":     "text/csv; charset=utf-8",
}
