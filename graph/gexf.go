package graph

import (
	"encoding/xml"
	"io"
	"strconv"
)

// GEXF 1.2 document structure (https://gexf.net/), the version NetworkX
// reads by default and Gephi imports.
type gexfDoc struct {
	XMLName xml.Name  `xml:"gexf"`
	XMLNS   string    `xml:"xmlns,attr"`
	Viz     string    `xml:"xmlns:viz,attr"`
	Version string    `xml:"version,attr"`
	Meta    gexfMeta  `xml:"meta"`
	Graph   gexfGraph `xml:"graph"`
}

type gexfMeta struct {
	Creator     string `xml:"creator"`
	Description string `xml:"description"`
}

type gexfGraph struct {
	Mode        string           `xml:"mode,attr"`
	EdgeDefault string           `xml:"defaultedgetype,attr"`
	Attributes  []gexfAttributes `xml:"attributes"`
	Nodes       []gexfNode       `xml:"nodes>node"`
	Edges       []gexfEdge       `xml:"edges>edge"`
}

type gexfAttributes struct {
	Class string          `xml:"class,attr"`
	Attrs []gexfAttribute `xml:"attribute"`
}

type gexfAttribute struct {
	ID    string `xml:"id,attr"`
	Title string `xml:"title,attr"`
	Type  string `xml:"type,attr"`
}

type gexfNode struct {
	ID     string         `xml:"id,attr"`
	Label  string         `xml:"label,attr"`
	Values []gexfAttValue `xml:"attvalues>attvalue"`
	Color  gexfColor      `xml:"viz:color"`
}

type gexfEdge struct {
	ID     string         `xml:"id,attr"`
	Source string         `xml:"source,attr"`
	Target string         `xml:"target,attr"`
	Type   string         `xml:"type,attr,omitempty"`
	Label  string         `xml:"label,attr"`
	Weight string         `xml:"weight,attr"`
	Values []gexfAttValue `xml:"attvalues>attvalue"`
	Color  gexfColor      `xml:"viz:color"`
}

type gexfAttValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

type gexfColor struct {
	R int `xml:"r,attr"`
	G int `xml:"g,attr"`
	B int `xml:"b,attr"`
}

// gexfSkip lists edge attributes GEXF carries natively (the weight
// attribute of an edge), which must not be declared again.
var gexfSkip = map[string]bool{"weight": true}

// gexfType maps GraphML attribute types to GEXF ones.
func gexfType(t string) string {
	if t == "int" {
		return "integer"
	}
	return t
}

// WriteGEXF writes g as GEXF 1.2 with typed node and edge attributes
// declared, viz colours by entity and relation type, and one edge per typed
// tie. Symmetric ties (cooperates_with) have type="mutual", which Gephi
// draws without direction and NetworkX accepts in a directed graph; the
// label is the relation type and the weight its occurrences; the tie's own
// label (the role for holds_role) is the "qualifier" attribute. A graph
// with a time frame (InTime) is written as GEXF 1.3 in dynamic mode
// instead, with spells and per-period weights (see writeGEXFDynamic).
func WriteGEXF(w io.Writer, g *Graph) error {
	if g.frame != nil {
		return writeGEXFDynamic(w, g)
	}
	doc := gexfDoc{
		XMLNS:   "http://www.gexf.net/1.2draft",
		Viz:     "http://www.gexf.net/1.2draft/viz",
		Version: "1.2",
		Meta:    gexfMeta{Creator: "entente", Description: "entity relationship graph"},
		Graph:   gexfGraph{Mode: "static", EdgeDefault: "directed"},
	}
	na := gexfAttributes{Class: "node"}
	for i, a := range nodeAttrs[1:] { // label is the node's own attribute
		na.Attrs = append(na.Attrs, gexfAttribute{ID: "n" + strconv.Itoa(i), Title: a.Name, Type: gexfType(a.Type)})
	}
	ea := gexfAttributes{Class: "edge"}
	for i, a := range edgeAttrs {
		if gexfSkip[a.Name] {
			continue
		}
		title := a.Name
		if title == "label" {
			title = "qualifier" // Gephi's Label column holds the relation type
		}
		ea.Attrs = append(ea.Attrs, gexfAttribute{ID: "e" + strconv.Itoa(i), Title: title, Type: gexfType(a.Type)})
	}
	doc.Graph.Attributes = []gexfAttributes{na, ea}
	for _, n := range g.Nodes() {
		r, gg, b := hexRGB(styleOfNode(n.Type).Fill)
		gn := gexfNode{ID: n.ID, Label: n.Name, Color: gexfColor{r, gg, b}}
		for i, v := range nodeValues(n)[1:] {
			if v != "" {
				gn.Values = append(gn.Values, gexfAttValue{For: "n" + strconv.Itoa(i), Value: v})
			}
		}
		doc.Graph.Nodes = append(doc.Graph.Nodes, gn)
	}
	id := 0
	for _, e := range g.Edges() {
		for _, t := range e.Ties {
			r, gg, b := hexRGB(styleOfEdge(t.Type).Color)
			ge := gexfEdge{ID: strconv.Itoa(id), Source: e.Source, Target: e.Target, Label: t.Type,
				Weight: strconv.Itoa(t.Weight), Color: gexfColor{r, gg, b}}
			if !t.Directed {
				ge.Type = "mutual"
			}
			id++
			for i, v := range edgeValues(t) {
				if v != "" && !gexfSkip[edgeAttrs[i].Name] {
					ge.Values = append(ge.Values, gexfAttValue{For: "e" + strconv.Itoa(i), Value: v})
				}
			}
			doc.Graph.Edges = append(doc.Graph.Edges, ge)
		}
	}
	return writeXML(w, doc, "GEXF")
}
