package graph

import (
	"fmt"
	"slices"
	"strings"

	dg "github.com/dominikbraun/graph"
)

// Graph is a relationship graph: nodes keyed by id, and one Edge per ordered
// pair holding the typed ties. The structure lives in a directed
// github.com/dominikbraun/graph graph whose vertices are *Node and whose
// edges carry the *Edge as data and its total weight, so that library's
// algorithms run on Store(); Analyze takes degrees and connected components
// from it. The Graph also indexes nodes and edges by id, so that lookups
// need neither the store's errors nor type assertions on edge data.
//
// A Graph is not safe for concurrent mutation; read-only use (exports,
// Analyze, Filter) from several goroutines is safe once building is over.
type Graph struct {
	g     dg.Graph[string, *Node]
	nodes map[string]*Node
	edges map[pair]*Edge

	// observed is true when ties keep their observations
	// (Options.Observations); maxEvidence is the builder's evidence cap.
	observed    bool
	maxEvidence int
	// frame is the time frame of a graph cut by InTime, nil otherwise.
	frame *frameInfo
}

// pair is an ordered pair of node ids.
type pair struct{ source, target string }

func nodeHash(n *Node) string { return n.ID }

// New returns an empty graph.
func New() *Graph {
	return &Graph{g: dg.New(nodeHash, dg.Directed()), nodes: map[string]*Node{}, edges: map[pair]*Edge{}}
}

// Store returns the underlying dominikbraun/graph graph, for its
// algorithms. Vertex values are *Node; each edge's Properties.Data is the
// *Edge with its ties and Properties.Weight its total weight. Change the
// graph through the Builder only.
func (g *Graph) Store() dg.Graph[string, *Node] { return g.g }

// Node returns the node with the given id, or nil.
func (g *Graph) Node(id string) *Node { return g.nodes[id] }

// Edge returns the edge from source to target, or nil. Symmetric ties are
// on the edge from the smaller id to the larger; use Between to look a pair
// up in both directions.
func (g *Graph) Edge(source, target string) *Edge { return g.edges[pair{source, target}] }

// Between returns the tie of relation type typ between a and b: for a
// symmetric type in either order, else from a to b. It returns nil when
// there is none.
func (g *Graph) Between(a, b, typ string) *Tie {
	if Symmetric(typ) && b < a {
		a, b = b, a
	}
	e := g.Edge(a, b)
	if e == nil {
		return nil
	}
	return e.Tie(typ)
}

// Nodes returns every node sorted by id.
func (g *Graph) Nodes() []*Node {
	out := make([]*Node, 0, len(g.nodes))
	for _, n := range g.nodes {
		out = append(out, n)
	}
	slices.SortFunc(out, func(a, b *Node) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// Edges returns every edge sorted by source id, then target id.
func (g *Graph) Edges() []*Edge {
	out := make([]*Edge, 0, len(g.edges))
	for _, e := range g.edges {
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b *Edge) int {
		if c := strings.Compare(a.Source, b.Source); c != 0 {
			return c
		}
		return strings.Compare(a.Target, b.Target)
	})
	return out
}

// Order returns the number of nodes.
func (g *Graph) Order() int { return len(g.nodes) }

// Size returns the number of edges (ordered pairs with at least one tie).
func (g *Graph) Size() int { return len(g.edges) }

// Ties returns the number of typed ties over all edges.
func (g *Graph) Ties() int {
	n := 0
	for _, e := range g.edges {
		n += len(e.Ties)
	}
	return n
}

// addNode adds n, or returns the node already stored under n.ID.
func (g *Graph) addNode(n *Node) (*Node, error) {
	if old := g.nodes[n.ID]; old != nil {
		return old, nil
	}
	if err := g.g.AddVertex(n); err != nil {
		return nil, fmt.Errorf("graph: adding node %s: %w", n.ID, err)
	}
	g.nodes[n.ID] = n
	return n, nil
}

// edge returns the edge from source to target, creating it. Both nodes must
// exist.
func (g *Graph) edge(source, target string) (*Edge, error) {
	if e := g.Edge(source, target); e != nil {
		return e, nil
	}
	e := &Edge{Source: source, Target: target}
	if err := g.g.AddEdge(source, target, dg.EdgeData(e)); err != nil {
		return nil, fmt.Errorf("graph: adding edge %s -> %s: %w", source, target, err)
	}
	g.edges[pair{source, target}] = e
	return e, nil
}

// syncWeight copies e's total weight to the store's edge weight.
func (g *Graph) syncWeight(e *Edge) error {
	if err := g.g.UpdateEdge(e.Source, e.Target, dg.EdgeWeight(e.Weight())); err != nil {
		return fmt.Errorf("graph: weighting edge %s -> %s: %w", e.Source, e.Target, err)
	}
	return nil
}
