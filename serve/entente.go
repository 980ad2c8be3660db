package serve

import (
	"bytes"
	"context"
	"errors"
	"io"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/entente-nlp/entente"
	"github.com/entente-nlp/entente/gazetteer"
	"github.com/entente-nlp/entente/graph"
)

// ExtractorBackend is the Backend over entente's Go API: an Extractor
// (models, gazetteer and stages loaded once, shared by every request) and
// the gazetteer it links against, for lookups.
type ExtractorBackend struct {
	x   *entente.Extractor
	gaz *gazetteer.Gazetteer
}

var _ Backend = (*ExtractorBackend)(nil)

// NewBackend returns the backend that extracts with x and looks names up
// in gaz (the gazetteer x was built with: the embedded data plus the same
// gazetteer files).
func NewBackend(x *entente.Extractor, gaz *gazetteer.Gazetteer) *ExtractorBackend {
	return &ExtractorBackend{x: x, gaz: gaz}
}

// Extract returns the record of in, the record `entente extract` writes
// for a JSON Lines document with the same fields.
func (b *ExtractorBackend) Extract(ctx context.Context, in Input) (*Result, error) {
	ein := entente.Input{ID: in.ID, Source: in.Source, Title: in.Title, Text: in.Text,
		Format: in.Format, Published: in.Published, URL: in.URL}
	extract := b.x.Extract
	if in.WithText {
		extract = b.x.ExtractWithText
	}
	rec, err := extract(ctx, ein)
	if err != nil {
		return nil, err
	}
	res := &Result{Record: rec, Tokens: words(in.Text), Data: rec}
	for _, e := range rec.Errors {
		if e.Fatal {
			res.Fatal = e.Message
			break
		}
	}
	return res, nil
}

// Graph builds the graph of the results' records as `entente graph`
// does (isolated entities left out; a one-document DOT graph titled with
// the document's title and date) and writes it.
func (b *ExtractorBackend) Graph(ctx context.Context, w io.Writer, results []*Result, opts GraphOptions) error {
	recs := make([]*entente.Record, 0, len(results))
	for _, r := range results {
		rec, ok := r.Data.(*entente.Record)
		if !ok {
			return errors.New("graph: a result without its record")
		}
		recs = append(recs, rec)
	}
	all, err := entente.Graph(recs, graph.Options{})
	if err != nil {
		return err
	}
	g, err := all.Filter(graph.Filter{})
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
	if len(recs) == 1 && !recs[0].Fatal() {
		dot.Title = graphTitle(recs[0])
	}
	var buf bytes.Buffer
	if err := graph.Write(ctx, &buf, g, opts.Format, dot); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// graphTitle is the title `entente graph` draws for one document: its
// title (else its id) and publication date.
func graphTitle(r *entente.Record) string {
	t := r.Title
	if t == "" {
		t = r.ID
	}
	if p, err := time.Parse(time.DateOnly, r.Published); err == nil {
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

// LookupCandidate is a gazetteer candidate with the offices held on the
// date asked for.
type LookupCandidate struct {
	gazetteer.Candidate
	RolesOn []gazetteer.Role `json:"roles_on,omitempty"`
}

// Lookup returns name's candidates, best first.
func (b *ExtractorBackend) Lookup(ctx context.Context, name, date string) (any, error) {
	if b.gaz == nil {
		return nil, errors.New("no gazetteer loaded")
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

// words counts the runs of letters and digits in s: the word tokens the
// metrics report (the record does not carry the pipeline's token count).
func words(s string) int {
	n := 0
	in := false
	for i := 0; i < len(s); {
		c := s[i]
		var isWord bool
		if c < utf8.RuneSelf {
			isWord = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			isWord = unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
			i += size
		}
		if isWord && !in {
			n++
		}
		in = isWord
	}
	return n
}
