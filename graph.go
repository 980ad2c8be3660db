package entente

import (
	"strings"

	"github.com/entente-nlp/entente/graph"
	"github.com/entente-nlp/entente/pipeline"
)

// Graph merges records into one relationship graph, the graph
// `entente graph` builds from the same articles (opts as its --events and
// --max-evidence flags; the zero Options are its defaults): nodes are the
// entities (and with opts.Events the events), edges carry one tie per
// relation type with its weight, documents, dates and evidence. Records
// with a fatal error are skipped. Records are taken in slice order, which
// decides ties between names and the order of evidence, as input order
// does for the CLI. Filter, Analyze and export the result with the graph
// package; `entente graph` applies graph.Filter{} (entities without ties
// left out) before it exports. The error is the graph store's, when it
// refuses a node or an edge.
func Graph(records []*Record, opts graph.Options) (*graph.Graph, error) {
	b := graph.NewBuilder(opts)
	for i, r := range records {
		if r != nil {
			if err := b.Add(r.document(i)); err != nil {
				return nil, err
			}
		}
	}
	return b.Graph(), nil
}

// document rebuilds the part of a finished document that the graph
// builder reads: entities, relations and events, their evidence sentences
// as a text of their own, and the errors.
func (r *Record) document(seq int) *pipeline.Document {
	d := &pipeline.Document{Seq: seq, ID: r.ID, Source: r.Source, Title: r.Title, Published: r.Published}
	for _, e := range r.Errors {
		d.Errors = append(d.Errors, pipeline.DocError{Stage: e.Stage, Message: e.Message, Fatal: e.Fatal})
	}
	for _, e := range r.Entities {
		d.Entities = append(d.Entities, pipeline.Entity{ID: e.ID, Type: e.Type, Name: e.Name, Aliases: e.Aliases,
			Count: e.Count, Salience: e.Salience, Linked: e.Linked, Ambiguous: e.Ambiguous, Attrs: e.Attrs})
	}
	// Each evidence sentence gets a sentence of the rebuilt text, so the
	// builder quotes it as it is.
	var text strings.Builder
	sentence := func(s string) pipeline.Span {
		sp := pipeline.Span{Start: text.Len(), End: text.Len() + len(s)}
		text.WriteString(s)
		text.WriteByte('\n')
		if sp.End > sp.Start {
			d.Sentences = append(d.Sentences, pipeline.Sentence{Span: sp})
		}
		return sp
	}
	for _, rel := range r.Relations {
		d.Relations = append(d.Relations, pipeline.Relation{Source: rel.Source, Type: rel.Type, Target: rel.Target,
			Label: rel.Label, Evidence: sentence(rel.Evidence), Confidence: rel.Confidence, Date: rel.Date,
			Rule: rel.Rule, Events: rel.Events})
	}
	for _, ev := range r.Events {
		parts := make([]pipeline.Participant, len(ev.Participants))
		for i, p := range ev.Participants {
			parts[i] = pipeline.Participant{Entity: p.ID, Role: p.Role}
		}
		d.Events = append(d.Events, pipeline.Event{ID: ev.ID, Kind: ev.Kind, CAMEO: ev.CAMEO, QuadClass: ev.QuadClass,
			Participants: parts, Source: ev.Source, Target: ev.Target, SourceCode: ev.SourceCode, TargetCode: ev.TargetCode,
			Location: ev.Location, Date: ev.Date, DateSource: ev.DateSource,
			Evidence: sentence(ev.Evidence)})
	}
	d.Text = text.String()
	return d
}
