package graph

import (
	"encoding/json"
	"io"
)

// jsonGraph is the node-link document read by D3 and by NetworkX's
// node_link_graph (with edges="links"; older versions read "links" by
// default).
type jsonGraph struct {
	Directed   bool           `json:"directed"`
	Multigraph bool           `json:"multigraph"`
	Graph      map[string]any `json:"graph"`
	Nodes      []jsonNode     `json:"nodes"`
	Links      []jsonLink     `json:"links"`
}

type jsonNode struct {
	*Node
	Label string `json:"label"`
}

type jsonLink struct {
	Source string `json:"source"`
	Target string `json:"target"`
	// Key is the relation type: the multigraph key of parallel edges.
	Key string `json:"key"`
	*Tie
	Label           string `json:"label,omitempty"`
	EvidenceOmitted int    `json:"evidence_omitted"`
}

// WriteJSON writes g as a node-link JSON document: a directed multigraph
// whose links are the typed ties (key and type = relation type; directed
// false for cooperates_with, written once), with weight, docs, first_seen,
// last_seen, labels and evidence. Order is deterministic.
func WriteJSON(w io.Writer, g *Graph) error {
	doc := jsonGraph{
		Directed:   true,
		Multigraph: true,
		Graph:      map[string]any{"name": "entente", "relation_types": RelationTypes},
		Nodes:      []jsonNode{},
		Links:      []jsonLink{},
	}
	for _, n := range g.Nodes() {
		doc.Nodes = append(doc.Nodes, jsonNode{Node: n, Label: n.Name})
	}
	for _, e := range g.Edges() {
		for _, t := range e.Ties {
			doc.Links = append(doc.Links, jsonLink{Source: e.Source, Target: e.Target, Key: t.Type, Tie: t,
				Label: t.Label(), EvidenceOmitted: t.EvidenceOmitted()})
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}
