package graph

import (
	"math"
	"strings"

	"github.com/entente-nlp/entente/pipeline"
)

// nodeStyle is how a node type is drawn.
type nodeStyle struct {
	Shape, Fill, Line string
}

// edgeStyle is how a relation type is drawn.
type edgeStyle struct {
	Color, Style, Arrow, Legend string
	// Len is the preferred edge length in inches and Spring its strength
	// in spring layouts (neato, fdp): strong short cooperation edges keep
	// the guarantor triangle a triangle, weak long opposition edges push
	// the opposed groups outside it.
	Len, Spring float64
}

var nodeStyles = map[string]nodeStyle{
	pipeline.Country:      {"box", "#cfe2f3", "#1f4e79"},
	pipeline.Person:       {"ellipse", "#fff2cc", "#7f6000"},
	pipeline.Organization: {"hexagon", "#d9ead3", "#274e13"},
	pipeline.Location:     {"note", "#ead1dc", "#741b47"},
	EventType:             {"diamond", "#fce5cd", "#b45f06"},
}

var otherNode = nodeStyle{"ellipse", "#eeeeee", "#444444"}

// nodeTypeOrder is the legend order of node types.
var nodeTypeOrder = []string{pipeline.Country, pipeline.Person, pipeline.Organization, pipeline.Location, EventType}

var edgeStyles = map[string]edgeStyle{
	pipeline.CooperatesWith: {"#38761d", "bold", "none", "cooperates with", 2.6, 4},
	pipeline.Opposes:        {"#cc0000", "bold", "tee", "opposes", 3.4, 0.4},
	pipeline.HoldsRole:      {"#1c4587", "solid", "normal", "holds role (office under the name)", 1.7, 1},
	pipeline.MemberOf:       {"#674ea7", "dashed", "empty", "member of", 2.0, 1},
	pipeline.AffiliatedWith: {"#666666", "dotted", "normal", "affiliated with", 1.8, 1},
	pipeline.LocatedIn:      {"#b45f06", "dotted", "vee", "located in", 1.4, 1},
	ParticipatesIn:          {"#999999", "dashed", "normal", "participates in (label: role)", 1.6, 1},
	OccursIn:                {"#b45f06", "dashed", "vee", "occurs in", 1.4, 1},
}

var otherEdge = edgeStyle{"#000000", "solid", "normal", "", 1.8, 1}

func styleOfNode(typ string) nodeStyle {
	if s, ok := nodeStyles[strings.ToUpper(typ)]; ok {
		return s
	}
	return otherNode
}

func styleOfEdge(typ string) edgeStyle {
	if s, ok := edgeStyles[typ]; ok {
		return s
	}
	s := otherEdge
	s.Legend = strings.ReplaceAll(typ, "_", " ")
	return s
}

// penWidth grows with the logarithm of the weight, from 1.5 to 6.
func penWidth(weight int) float64 {
	w := 1.5 + math.Log2(float64(max(weight, 1)))
	return math.Min(w, 6)
}

// hexRGB splits "#rrggbb" into its components.
func hexRGB(c string) (r, g, b int) {
	var v [3]int
	for i := 0; i < 3 && len(c) >= 7; i++ {
		for _, ch := range c[1+2*i : 3+2*i] {
			v[i] *= 16
			switch {
			case ch >= '0' && ch <= '9':
				v[i] += int(ch - '0')
			case ch >= 'a' && ch <= 'f':
				v[i] += int(ch-'a') + 10
			}
		}
	}
	return v[0], v[1], v[2]
}
