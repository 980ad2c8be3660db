package graph

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// DOTOptions configure WriteDOT.
type DOTOptions struct {
	// Layout is the Graphviz engine named in the file (dot, neato, fdp,
	// sfdp, circo, twopi); empty means DefaultLayout, or sfdp for graphs
	// of more than LargeGraph nodes.
	Layout string
	// Title is drawn above the graph; empty draws none.
	Title string
	// NoLegend leaves out the legend of node and relation types.
	NoLegend bool
}

// DefaultLayout is the Graphviz engine WriteDOT asks for by default: neato
// (stress majorization with overlaps removed during the layout) keeps a
// relationship graph compact and triangles looking like triangles.
const DefaultLayout = "neato"

// LargeGraph is the node count above which WriteDOT asks for sfdp instead
// of DefaultLayout when DOTOptions.Layout is empty: neato gets slow on
// large graphs.
const LargeGraph = 300

// Layouts lists the Graphviz engines accepted in DOTOptions.Layout.
var Layouts = []string{"dot", "neato", "fdp", "sfdp", "circo", "twopi"}

// WriteDOT writes g as a Graphviz digraph. Output is deterministic: nodes by
// id, edges by source then target, ties by type. Each typed tie is its own
// edge statement; symmetric ties (cooperates_with) are written once with
// dir=none. Node shape and colour follow the entity type, edge colour and
// style the relation type; every string is quoted and escaped (quotes,
// backslashes, newlines; UTF-8 kept, invalid bytes replaced), and nodes and
// edges carry tooltips with counts and evidence for SVG viewers.
func WriteDOT(w io.Writer, g *Graph, opts DOTOptions) error {
	if err := opts.Validate(); err != nil {
		return err
	}
	layout := opts.Layout
	if layout == "" {
		layout = DefaultLayout
		if g.Order() > LargeGraph {
			layout = "sfdp"
		}
	}
	bw := bufio.NewWriter(w)
	nodes, edges := g.Nodes(), g.Edges()

	fmt.Fprintln(bw, "digraph entente {")
	fmt.Fprintf(bw, "  graph [layout=%s, charset=\"UTF-8\", fontname=\"Helvetica,Arial,sans-serif\", bgcolor=\"white\", pad=0.4, outputorder=edgesfirst", layout)
	switch layout {
	case "dot":
		bw.WriteString(", rankdir=LR, nodesep=0.35, ranksep=0.9")
	case "neato":
		if hasEvents(nodes) {
			// Event nodes (many leaves around a few hubs) make the ipsep
			// layout degenerate into a strip thousands of pixels wide;
			// stress majorization with overlaps removed afterwards
			// (prism) stays about square.
			bw.WriteString(", mode=major, overlap=prism, splines=true, sep=\"+6\", esep=\"+4\", pack=true, packmode=\"graph\", start=1")
			break
		}
		// Overlaps removed during the layout (ipsep) keep the drawing
		// compact; removing them afterwards (overlap=false) spreads it out.
		bw.WriteString(", mode=ipsep, overlap=ipsep, splines=true, sep=\"+10\", esep=\"+4\", pack=true, packmode=\"graph\", start=1")
	case "fdp", "sfdp":
		bw.WriteString(", overlap=false, splines=true, sep=\"+10\", esep=\"+4\", pack=true, packmode=\"graph\"")
	default:
		bw.WriteString(", overlap=false, splines=true")
	}
	if opts.Title != "" {
		fmt.Fprintf(bw, ", label=%s, labelloc=t, fontsize=18", dotQuote(opts.Title))
	}
	bw.WriteString("];\n")
	bw.WriteString("  node [fontname=\"Helvetica,Arial,sans-serif\", fontsize=12, style=\"filled\", penwidth=1.4, margin=\"0.12,0.06\"];\n")
	bw.WriteString("  edge [fontname=\"Helvetica,Arial,sans-serif\", fontsize=10, arrowsize=0.8];\n")

	offices := officesOf(edges)
	for _, n := range nodes {
		s := styleOfNode(n.Type)
		style := "filled"
		if s.Shape == "box" {
			style = "rounded,filled"
		}
		label := dotQuote(n.Name)
		if o := offices[n.ID]; len(o) > 0 {
			label = officeLabel(n.Name, o)
		}
		fmt.Fprintf(bw, "  %s [label=%s, shape=%s, style=%s, fillcolor=%s, color=%s, tooltip=%s];\n",
			dotQuote(n.ID), label, s.Shape, dotQuote(style), dotQuote(s.Fill), dotQuote(s.Line), dotQuote(nodeTooltip(n)))
	}
	for _, e := range edges {
		for _, t := range e.Ties {
			s := styleOfEdge(t.Type)
			fmt.Fprintf(bw, "  %s -> %s [", dotQuote(e.Source), dotQuote(e.Target))
			fmt.Fprintf(bw, "class=%s, color=%s, fontcolor=%s, style=%s, penwidth=%s",
				dotQuote(t.Type), dotQuote(s.Color), dotQuote(s.Color), s.Style, strconv.FormatFloat(penWidth(t.Weight), 'f', 2, 64))
			if layout != "dot" {
				fmt.Fprintf(bw, ", len=%s", strconv.FormatFloat(s.Len, 'f', 1, 64))
				if s.Spring != 1 {
					fmt.Fprintf(bw, ", weight=%s", strconv.FormatFloat(s.Spring, 'f', 1, 64))
				}
			}
			if !t.Directed {
				bw.WriteString(", dir=none")
			} else {
				fmt.Fprintf(bw, ", arrowhead=%s", s.Arrow)
			}
			if l := edgeLabel(t); l != "" {
				fmt.Fprintf(bw, ", label=%s", dotQuote(l))
			}
			fmt.Fprintf(bw, ", tooltip=%s];\n", dotQuote(tieTooltip(g, e, t)))
		}
	}
	if !opts.NoLegend && len(nodes) > 0 {
		writeLegend(bw, nodes, edges)
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

// hasEvents reports whether any node is an event (Options.Events).
func hasEvents(nodes []*Node) bool {
	for _, n := range nodes {
		if n.Kind == KindEvent {
			return true
		}
	}
	return false
}

// Validate reports an unknown layout engine.
func (o DOTOptions) Validate() error {
	if o.Layout == "" {
		return nil
	}
	for _, k := range Layouts {
		if o.Layout == k {
			return nil
		}
	}
	return fmt.Errorf("graph: unknown Graphviz layout %q (known: %s)", o.Layout, strings.Join(Layouts, ", "))
}

// maxOffices caps the offices drawn under a name.
const maxOffices = 2

// officesOf returns, per node, the offices of its holds_role ties (most
// frequent label of each, strongest tie first). WriteDOT draws them under
// the holder's name rather than on the edge, where neato would lay the
// label over short edges and neighbouring nodes.
func officesOf(edges []*Edge) map[string][]string {
	type office struct {
		label  string
		weight int
	}
	by := map[string][]office{}
	for _, e := range edges {
		if t := e.Tie("holds_role"); t != nil && t.Label() != "" {
			by[e.Source] = append(by[e.Source], office{t.Label(), t.Weight})
		}
	}
	out := make(map[string][]string, len(by))
	for id, os := range by {
		sort.SliceStable(os, func(i, j int) bool { return os[i].weight > os[j].weight })
		seen := map[string]bool{}
		for _, o := range os {
			if !seen[o.label] && len(out[id]) < maxOffices {
				seen[o.label] = true
				out[id] = append(out[id], o.label)
			}
		}
	}
	return out
}

// officeLabel is an HTML-like label: the name, then the offices in a
// smaller font.
func officeLabel(name string, offices []string) string {
	var b strings.Builder
	b.WriteByte('<')
	for i, line := range strings.Split(name, "\n") {
		if i > 0 {
			b.WriteString("<BR/>")
		}
		b.WriteString(htmlEscape(line))
	}
	fmt.Fprintf(&b, `<BR/><FONT POINT-SIZE="9" COLOR="#1c4587">%s</FONT>>`, htmlEscape(strings.Join(offices, ", ")))
	return b.String()
}

// edgeLabel is the qualifier (the role of a participant, the nature of an
// affiliation; offices are drawn under the holder's name) and the weight
// when the tie was seen more than once.
func edgeLabel(t *Tie) string {
	l := ""
	switch t.Type {
	case "affiliated_with", ParticipatesIn:
		l = t.Label()
	}
	if t.Weight > 1 {
		if l != "" {
			l += " "
		}
		l += "×" + strconv.Itoa(t.Weight)
	}
	return l
}

func nodeTooltip(n *Node) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s, %s)\n%s in %s", n.Name, n.Type, n.ID, count(n.Mentions, "mention"), count(n.Docs, "document"))
	if n.Date != "" {
		fmt.Fprintf(&b, "\ndate %s", n.Date)
	}
	if len(n.Aliases) > 0 {
		fmt.Fprintf(&b, "\nalso: %s", strings.Join(n.Aliases, ", "))
	}
	return b.String()
}

// tooltipEvidence caps the evidence sentences shown in a tooltip.
const tooltipEvidence = 3

func tieTooltip(g *Graph, e *Edge, t *Tie) string {
	name := func(id string) string {
		if n := g.Node(id); n != nil {
			return n.Name
		}
		return id
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %s", name(e.Source), strings.ReplaceAll(t.Type, "_", " "), name(e.Target))
	if l := t.Label(); l != "" {
		fmt.Fprintf(&b, " (%s)", l)
	}
	fmt.Fprintf(&b, "\n%s in %s", count(t.Weight, "occurrence"), count(t.Docs, "document"))
	if t.FirstSeen != "" {
		if t.FirstSeen == t.LastSeen {
			fmt.Fprintf(&b, ", %s", t.FirstSeen)
		} else {
			fmt.Fprintf(&b, ", %s to %s", t.FirstSeen, t.LastSeen)
		}
	}
	for i, ev := range t.Evidence {
		if i == tooltipEvidence {
			break
		}
		fmt.Fprintf(&b, "\n[%s] %s", ev.Doc, ev.Sentence)
	}
	if more := t.Weight - min(len(t.Evidence), tooltipEvidence); more > 0 && len(t.Evidence) > 0 {
		fmt.Fprintf(&b, "\n(+%d more)", more)
	}
	return b.String()
}

// writeLegend adds a table node listing the node and relation types in use.
func writeLegend(w *bufio.Writer, nodes []*Node, edges []*Edge) {
	types := map[string]bool{}
	for _, n := range nodes {
		types[strings.ToUpper(n.Type)] = true
	}
	rels := map[string]bool{}
	for _, e := range edges {
		for _, t := range e.Ties {
			rels[t.Type] = true
		}
	}
	var b strings.Builder
	b.WriteString(`<<TABLE BORDER="1" COLOR="#999999" CELLBORDER="0" CELLSPACING="2" CELLPADDING="3" BGCOLOR="white">`)
	b.WriteString(`<TR><TD COLSPAN="2"><B>Legend</B></TD></TR>`)
	for _, t := range orderedKeys(types, nodeTypeOrder) {
		s := styleOfNode(t)
		fmt.Fprintf(&b, `<TR><TD BGCOLOR="%s" BORDER="1" COLOR="%s" WIDTH="28"> </TD><TD ALIGN="LEFT">%s</TD></TR>`,
			s.Fill, s.Line, htmlEscape(strings.ToLower(t)))
	}
	for _, r := range orderedKeys(rels, RelationTypes) {
		s := styleOfEdge(r)
		glyph := "———"
		switch s.Style {
		case "dashed":
			glyph = "– – –"
		case "dotted":
			glyph = "· · · ·"
		}
		if s.Arrow != "none" {
			glyph += "▸"
			if s.Arrow == "tee" {
				glyph = strings.TrimSuffix(glyph, "▸") + "┤"
			}
		}
		fmt.Fprintf(&b, `<TR><TD><FONT COLOR="%s"><B>%s</B></FONT></TD><TD ALIGN="LEFT">%s</TD></TR>`,
			s.Color, glyph, htmlEscape(s.Legend))
	}
	b.WriteString(`</TABLE>>`)
	fmt.Fprintf(w, "  \"entente:legend\" [shape=plain, style=\"\", fontsize=10, tooltip=\"legend\", label=%s];\n", b.String())
}

// count writes n and the noun, plural unless n is 1: "1 mention",
// "3 documents".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// orderedKeys returns the keys of set, those in order first (in that order),
// then the others sorted.
func orderedKeys(set map[string]bool, order []string) []string {
	var out []string
	done := map[string]bool{}
	for _, k := range order {
		if set[k] {
			out = append(out, k)
			done[k] = true
		}
	}
	var rest []string
	for k := range set {
		if !done[k] {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

// dotQuote returns s as a DOT double-quoted string: quotes and backslashes
// escaped, newlines as \n (a centred line break in labels), other control
// characters dropped, invalid UTF-8 replaced by U+FFFD.
func dotQuote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteByte(' ')
		case r < 0x20 || r == 0x7f:
			// drop other control characters (including \r)
		default:
			b.WriteRune(r) // RuneError for invalid bytes writes U+FFFD
		}
	}
	b.WriteByte('"')
	return b.String()
}

// htmlEscape escapes s for a Graphviz HTML-like label.
func htmlEscape(s string) string {
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		default:
			if r >= 0x20 && r != 0x7f {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}
