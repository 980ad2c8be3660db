package graph

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
)

// GraphML document structure (http://graphml.graphdrawing.org/).
type graphML struct {
	XMLName        xml.Name     `xml:"graphml"`
	XMLNS          string       `xml:"xmlns,attr"`
	XSI            string       `xml:"xmlns:xsi,attr"`
	SchemaLocation string       `xml:"xsi:schemaLocation,attr"`
	Keys           []graphMLKey `xml:"key"`
	Graph          graphMLGraph `xml:"graph"`
}

type graphMLKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type graphMLGraph struct {
	ID          string        `xml:"id,attr"`
	EdgeDefault string        `xml:"edgedefault,attr"`
	Nodes       []graphMLNode `xml:"node"`
	Edges       []graphMLEdge `xml:"edge"`
}

type graphMLNode struct {
	ID   string        `xml:"id,attr"`
	Data []graphMLData `xml:"data"`
}

type graphMLEdge struct {
	ID     string        `xml:"id,attr"`
	Source string        `xml:"source,attr"`
	Target string        `xml:"target,attr"`
	Data   []graphMLData `xml:"data"`
}

type graphMLData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

// WriteGraphML writes g as GraphML with typed attribute keys declared: one
// node per node, one edge per typed tie (parallel edges for several relation
// types on a pair). The graph is directed; symmetric ties carry
// directed=false as data, since a per-edge direction attribute makes
// NetworkX reject the file. Empty values are left out. A graph with a time
// frame (InTime) also has, per period of its window, the key weight_PERIOD
// on edges (occurrences of the tie in the period) and docs_PERIOD on nodes
// (documents published in the period that mention it); absent means 0.
func WriteGraphML(w io.Writer, g *Graph) error {
	doc := graphML{
		XMLNS:          "http://graphml.graphdrawing.org/xmlns",
		XSI:            "http://www.w3.org/2001/XMLSchema-instance",
		SchemaLocation: "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
		Graph:          graphMLGraph{ID: "entente", EdgeDefault: "directed"},
	}
	for i, a := range nodeAttrs {
		doc.Keys = append(doc.Keys, graphMLKey{ID: fmt.Sprintf("n%d", i), For: "node", Name: a.Name, Type: a.Type})
	}
	for i, a := range edgeAttrs {
		doc.Keys = append(doc.Keys, graphMLKey{ID: fmt.Sprintf("e%d", i), For: "edge", Name: a.Name, Type: a.Type})
	}
	periods := g.Periods()
	for _, p := range periods {
		doc.Keys = append(doc.Keys, graphMLKey{ID: "np_" + p.Key, For: "node", Name: "docs_" + p.Key, Type: "int"})
	}
	for _, p := range periods {
		doc.Keys = append(doc.Keys, graphMLKey{ID: "ep_" + p.Key, For: "edge", Name: "weight_" + p.Key, Type: "int"})
	}
	for _, n := range g.Nodes() {
		gn := graphMLNode{ID: n.ID}
		for i, v := range nodeValues(n) {
			if v != "" {
				gn.Data = append(gn.Data, graphMLData{Key: fmt.Sprintf("n%d", i), Value: v})
			}
		}
		for _, pc := range g.NodePeriods(n) {
			gn.Data = append(gn.Data, graphMLData{Key: "np_" + pc.Key, Value: strconv.Itoa(pc.Docs)})
		}
		doc.Graph.Nodes = append(doc.Graph.Nodes, gn)
	}
	id := 0
	for _, e := range g.Edges() {
		for _, t := range e.Ties {
			ge := graphMLEdge{ID: fmt.Sprintf("r%d", id), Source: e.Source, Target: e.Target}
			id++
			for i, v := range edgeValues(t) {
				if v != "" {
					ge.Data = append(ge.Data, graphMLData{Key: fmt.Sprintf("e%d", i), Value: v})
				}
			}
			for _, pc := range g.TiePeriods(t) {
				ge.Data = append(ge.Data, graphMLData{Key: "ep_" + pc.Key, Value: strconv.Itoa(pc.Weight)})
			}
			doc.Graph.Edges = append(doc.Graph.Edges, ge)
		}
	}
	return writeXML(w, doc, "GraphML")
}
