package graph

import (
	"encoding/xml"
	"io"
	"slices"
	"strconv"
	"strings"
)

// GEXF 1.3 document structure for graphs over time (the gexf.net 1.3
// schema, dynamics included): Gephi's timeline reads the spells of nodes
// and edges and the dynamic weight.
type gexf13Doc struct {
	XMLName xml.Name    `xml:"gexf"`
	XMLNS   string      `xml:"xmlns,attr"`
	Version string      `xml:"version,attr"`
	Meta    gexfMeta    `xml:"meta"`
	Graph   gexf13Graph `xml:"graph"`
}

type gexf13Graph struct {
	Mode               string             `xml:"mode,attr"`
	TimeFormat         string             `xml:"timeformat,attr"`
	TimeRepresentation string             `xml:"timerepresentation,attr"`
	Start              string             `xml:"start,attr,omitempty"`
	End                string             `xml:"end,attr,omitempty"`
	EdgeDefault        string             `xml:"defaultedgetype,attr"`
	Attributes         []gexf13Attributes `xml:"attributes"`
	Nodes              []gexf13Node       `xml:"nodes>node"`
	Edges              []gexf13Edge       `xml:"edges>edge"`
}

type gexf13Attributes struct {
	Class string          `xml:"class,attr"`
	Mode  string          `xml:"mode,attr"`
	Attrs []gexfAttribute `xml:"attribute"`
}

type gexf13Node struct {
	ID     string           `xml:"id,attr"`
	Label  string           `xml:"label,attr"`
	Values []gexf13AttValue `xml:"attvalues>attvalue"`
	Spells []gexfSpell      `xml:"spells>spell"`
}

type gexf13Edge struct {
	ID     string           `xml:"id,attr"`
	Source string           `xml:"source,attr"`
	Target string           `xml:"target,attr"`
	Type   string           `xml:"type,attr,omitempty"`
	Kind   string           `xml:"kind,attr"`
	Label  string           `xml:"label,attr"`
	Weight string           `xml:"weight,attr"`
	Values []gexf13AttValue `xml:"attvalues>attvalue"`
	Spells []gexfSpell      `xml:"spells>spell"`
}

type gexf13AttValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
	Start string `xml:"start,attr,omitempty"`
	End   string `xml:"end,attr,omitempty"`
}

type gexfSpell struct {
	Start string `xml:"start,attr"`
	End   string `xml:"end,attr"`
}

// gexfDynamicWeight is the id and title Gephi reserves for an edge weight
// that changes over time.
const gexfDynamicWeight = "weight"

// writeGEXFDynamic writes a graph with a time frame as GEXF 1.3 in dynamic
// mode with timeformat="date": every node and edge has one spell per
// period of the frame's window in which it occurs (first and last day,
// inclusive), each edge a dynamic weight per period (the attribute Gephi
// reserves, "weight") and its relation type as kind, each node its
// documents per period. The static attributes are those of WriteGEXF. No
// viz colours: the 1.3 XSD and RELAX NG schemas disagree on their
// namespace, and the file validates against both without them.
func writeGEXFDynamic(w io.Writer, g *Graph) error {
	f := g.frame
	desc := "entity relationship graph by " + f.Window.String()
	doc := gexf13Doc{
		XMLNS:   "http://gexf.net/1.3",
		Version: "1.3",
		Graph: gexf13Graph{Mode: "dynamic", TimeFormat: "date", TimeRepresentation: "interval",
			EdgeDefault: "directed"},
	}
	periods := g.Periods()
	if f.Since != "" {
		doc.Graph.Start = f.since.Format(dayLayout)
	} else if len(periods) > 0 {
		doc.Graph.Start = periods[0].Start
	}
	if f.Until != "" {
		doc.Graph.End = f.until.Format(dayLayout)
	} else if len(periods) > 0 {
		doc.Graph.End = periods[len(periods)-1].End
	}
	if doc.Graph.Start != "" || doc.Graph.End != "" {
		desc += ", " + doc.Graph.Start + ".." + doc.Graph.End
	}
	doc.Meta = gexfMeta{Creator: "entente", Description: desc}

	na := gexf13Attributes{Class: "node", Mode: "static"}
	for i, a := range nodeAttrs[1:] {
		na.Attrs = append(na.Attrs, gexfAttribute{ID: "n" + strconv.Itoa(i), Title: a.Name, Type: gexfType(a.Type)})
	}
	nd := gexf13Attributes{Class: "node", Mode: "dynamic",
		Attrs: []gexfAttribute{{ID: "docs_period", Title: "docs_in_period", Type: "integer"}}}
	ea := gexf13Attributes{Class: "edge", Mode: "static"}
	for i, a := range edgeAttrs {
		if gexfSkip[a.Name] {
			continue
		}
		title := a.Name
		if title == "label" {
			title = "qualifier"
		}
		ea.Attrs = append(ea.Attrs, gexfAttribute{ID: "e" + strconv.Itoa(i), Title: title, Type: gexfType(a.Type)})
	}
	ed := gexf13Attributes{Class: "edge", Mode: "dynamic",
		Attrs: []gexfAttribute{{ID: gexfDynamicWeight, Title: gexfDynamicWeight, Type: "double"}}}
	doc.Graph.Attributes = []gexf13Attributes{na, nd, ea, ed}

	// A node lives in the periods of its documents and of its ties.
	alive := map[string]map[string]Period{}
	live := func(id string, p Period) {
		if alive[id] == nil {
			alive[id] = map[string]Period{}
		}
		alive[id][p.Key] = p
	}
	for _, e := range g.Edges() {
		for _, t := range e.Ties {
			for _, pc := range g.TiePeriods(t) {
				live(e.Source, pc.Period)
				live(e.Target, pc.Period)
			}
		}
	}
	for _, n := range g.Nodes() {
		gn := gexf13Node{ID: n.ID, Label: n.Name}
		for i, v := range nodeValues(n)[1:] {
			if v != "" {
				gn.Values = append(gn.Values, gexf13AttValue{For: "n" + strconv.Itoa(i), Value: v})
			}
		}
		for _, pc := range g.NodePeriods(n) {
			live(n.ID, pc.Period)
			gn.Values = append(gn.Values, gexf13AttValue{For: "docs_period", Value: strconv.Itoa(pc.Docs), Start: pc.Start, End: pc.End})
		}
		gn.Spells = spells(alive[n.ID])
		doc.Graph.Nodes = append(doc.Graph.Nodes, gn)
	}
	id := 0
	for _, e := range g.Edges() {
		for _, t := range e.Ties {
			ge := gexf13Edge{ID: strconv.Itoa(id), Source: e.Source, Target: e.Target, Kind: t.Type, Label: t.Type,
				Weight: strconv.Itoa(t.Weight)}
			if !t.Directed {
				ge.Type = "mutual"
			}
			id++
			for i, v := range edgeValues(t) {
				if v != "" && !gexfSkip[edgeAttrs[i].Name] {
					ge.Values = append(ge.Values, gexf13AttValue{For: "e" + strconv.Itoa(i), Value: v})
				}
			}
			in := map[string]Period{}
			for _, pc := range g.TiePeriods(t) {
				ge.Values = append(ge.Values, gexf13AttValue{For: gexfDynamicWeight, Value: strconv.Itoa(pc.Weight), Start: pc.Start, End: pc.End})
				in[pc.Key] = pc.Period
			}
			ge.Spells = spells(in)
			doc.Graph.Edges = append(doc.Graph.Edges, ge)
		}
	}
	return writeXML(w, doc, "GEXF")
}

// spells returns one spell per period, in time order, merging periods
// that follow each other without a gap.
func spells(ps map[string]Period) []gexfSpell {
	list := make([]Period, 0, len(ps))
	for _, p := range ps {
		list = append(list, p)
	}
	slices.SortFunc(list, func(a, b Period) int { return strings.Compare(a.Start, b.Start) })
	var out []gexfSpell
	for _, p := range list {
		if n := len(out); n > 0 && nextDay(out[n-1].End) == p.Start {
			out[n-1].End = p.End
			continue
		}
		out = append(out, gexfSpell{Start: p.Start, End: p.End})
	}
	return out
}
