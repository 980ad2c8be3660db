package graph

import (
	"encoding/json"
	"io"
)

// jsonGraph is the node-link document read by D3 and by NetworkX's
// node_link_graph (with edges="links"; older versions read "links" by
// default).
type jsonGraph struct {
	Directed   bool       `json:"directed"`
	Multigraph bool       `json:"multigraph"`
	Graph      jsonMeta   `json:"graph"`
	Nodes      []jsonNode `json:"nodes"`
	Links      []jsonLink `json:"links"`
}

// jsonMeta is the graph's own data; the time fields only with a frame.
type jsonMeta struct {
	Name          string   `json:"name"`
	RelationTypes []string `json:"relation_types"`
	Since         string   `json:"since,omitempty"`
	Until         string   `json:"until,omitempty"`
	Window        string   `json:"window,omitempty"`
	Periods       []Period `json:"periods,omitempty"`
}

type jsonNode struct {
	*Node
	Label   string        `json:"label"`
	Periods []PeriodCount `json:"periods,omitempty"`
}

type jsonLink struct {
	Source string `json:"source"`
	Target string `json:"target"`
	// Key is the relation type: the multigraph key of parallel edges.
	Key string `json:"key"`
	*Tie
	Label           string        `json:"label,omitempty"`
	EvidenceOmitted int           `json:"evidence_omitted"`
	Periods         []PeriodCount `json:"periods,omitempty"`
	Observations    []Observation `json:"observations,omitempty"`
}

// WriteJSON writes g as a node-link JSON document: a directed multigraph
// whose links are the typed ties (key and type = relation type; directed
// false for cooperates_with, written once), with weight, docs, first_seen,
// last_seen, labels and evidence. Order is deterministic. A graph with a
// time frame (InTime) adds since, until, window and periods to "graph",
// periods (documents per period) to nodes, and periods (weight and
// documents per period) and every observation to links.
func WriteJSON(w io.Writer, g *Graph) error {
	doc := jsonGraph{
		Directed:   true,
		Multigraph: true,
		Graph:      jsonMeta{Name: "entente", RelationTypes: RelationTypes},
		Nodes:      []jsonNode{},
		Links:      []jsonLink{},
	}
	for _, n := range g.Nodes() {
		doc.Nodes = append(doc.Nodes, jsonNode{Node: n, Label: n.Name, Periods: g.NodePeriods(n)})
	}
	for _, e := range g.Edges() {
		for _, t := range e.Ties {
			l := jsonLink{Source: e.Source, Target: e.Target, Key: t.Type, Tie: t,
				Label: t.Label(), EvidenceOmitted: t.EvidenceOmitted()}
			if g.frame != nil {
				l.Periods, l.Observations = g.TiePeriods(t), t.Observations
			}
			doc.Links = append(doc.Links, l)
		}
	}
	if f := g.frame; f != nil {
		doc.Graph.Since, doc.Graph.Until, doc.Graph.Window, doc.Graph.Periods = f.Since, f.Until, f.Window.String(), g.Periods()
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}
