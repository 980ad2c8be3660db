package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/entente-nlp/entente"
	"github.com/entente-nlp/entente/gazetteer"
	"github.com/entente-nlp/entente/graph"
	"github.com/entente-nlp/entente/pipeline"
)

// PipelineBackend is the Backend over built stages and a gazetteer: what
// `entente extract`, `entente graph` and `entente gazetteer lookup` run.
type PipelineBackend struct {
	stages    []pipeline.Stage
	gaz       *gazetteer.Gazetteer
	published string
}

var _ Backend = (*PipelineBackend)(nil)

// NewPipelineBackend returns the backend that runs stages (shared,
// read-only) over each document and looks names up in gaz. published,
// when set, overrides every document's publication date (configuration
// key published).
func NewPipelineBackend(stages []pipeline.Stage, gaz *gazetteer.Gazetteer, published string) *PipelineBackend {
	return &PipelineBackend{stages: stages, gaz: gaz, published: published}
}

// Extract runs the stages over in, as extract does for a JSON Lines
// document with the same fields.
func (b *PipelineBackend) Extract(ctx context.Context, in Input) (*Result, error) {
	d := &pipeline.Document{ID: in.ID, Source: "http", Title: in.Title, Format: in.Format, URL: in.URL,
		Published: in.Published, Original: []byte(in.Text)}
	if in.Published != "" {
		d.PublishedFrom = "jsonl"
	}
	if b.published != "" {
		d.Published, d.PublishedFrom = b.published, "flag"
	}
	if err := pipeline.ProcessDocument(ctx, b.stages, d); err != nil {
		return nil, err
	}
	res := &Result{Record: entente.NewRecord(d), Text: d.Text, Tokens: len(d.Tokens), Data: d}
	for _, e := range d.Errors {
		if e.Fatal {
			res.Fatal = e.Message
			break
		}
	}
	return res, nil
}

// Graph builds the graph of the results' documents as `entente graph`
// does (isolated entities left out; a one-document DOT graph titled with
// the document's title and date) and writes it.
func (b *PipelineBackend) Graph(ctx context.Context, w io.Writer, results []*Result, opts GraphOptions) error {
	gb := graph.NewBuilder(graph.Options{MaxEvidence: graph.DefaultMaxEvidence})
	var title string
	for _, r := range results {
		d, ok := r.Data.(*pipeline.Document)
		if !ok {
			return errors.New("graph: a result without its document")
		}
		if gb.Documents() == 0 && !d.Failed() {
			title = docTitle(d)
		}
		gb.Add(d)
	}
	g, err := gb.Graph().Filter(graph.Filter{})
	if err != nil {
		return err
	}
	if opts.Format == graph.FormatCSV {
		nodes, rels := io.Discard, io.Discard
		if opts.Part == "relationships" {
			rels = w
		} else {
			nodes = w
		}
		return graph.WriteNeo4jCSV(nodes, rels, g)
	}
	var dot graph.DOTOptions
	if gb.Documents() == 1 {
		dot.Title = title
	}
	var buf bytes.Buffer
	if err := graph.Write(ctx, &buf, g, opts.Format, dot); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// docTitle is the title of a one-document graph, as `entente graph` draws
// it: the title (else the id) and the publication date.
func docTitle(d *pipeline.Document) string {
	t := d.Title
	if t == "" {
		t = d.ID
	}
	if p, ok := d.PublishedDate(); ok {
		t += " (" + p.Format("2 January 2006") + ")"
	}
	return t
}

// LookupResult is one name's answer: `entente gazetteer lookup --json`
// prints a list of them.
type LookupResult struct {
	Name       string            `json:"name"`
	Candidates []LookupCandidate `json:"candidates"`
}

// LookupCandidate is a gazetteer candidate with the roles held on the
// date asked for.
type LookupCandidate struct {
	gazetteer.Candidate
	RolesOn []gazetteer.Role `json:"roles_on,omitempty"`
}

// Lookup returns name's candidates, best first.
func (b *PipelineBackend) Lookup(ctx context.Context, name, date string) (any, error) {
	if b.gaz == nil {
		return nil, fmt.Errorf("no gazetteer loaded")
	}
	r := LookupResult{Name: name, Candidates: []LookupCandidate{}}
	for _, c := range b.gaz.Lookup(name) {
		lc := LookupCandidate{Candidate: c}
		if date != "" {
			lc.RolesOn = b.gaz.RoleOn(c.Entry.ID, date)
		}
		r.Candidates = append(r.Candidates, lc)
	}
	return r, nil
}
