package graph

import (
	"errors"
	"fmt"
	"sort"

	dg "github.com/dominikbraun/graph"
)

// Graph is a relationship graph: nodes keyed by id, and one Edge per ordered
// pair holding the typed ties. It is stored in a directed
// github.com/dominikbraun/graph graph whose vertices are *Node and whose edge
// data is *Edge (edge weight mirrors Edge.Weight), so that library's
// algorithms can run on Store().
//
// A Graph is not safe for concurrent mutation; read-only use (exports,
// Analyze, Filter) from several goroutines is safe once building is over.
type Graph struct {
	g dg.Graph[string, *Node]
}

func nodeHash(n *Node) string { return n.ID }

// New returns an empty graph.
func New() *Graph {
	return &Graph{g: dg.New(nodeHash, dg.Directed())}
}

// Store returns the underlying dominikbraun/graph graph. Vertex values are
// *Node; each edge's Properties.Data is the *Edge with its ties.
func (g *Graph) Store() dg.Graph[string, *Node] { return g.g }

// Node returns the node with the given id, or nil.
func (g *Graph) Node(id string) *Node {
	n, err := g.g.Vertex(id)
	if err != nil {
		return nil
	}
	return n
}

// Edge returns the edge from source to target, or nil. Symmetric ties are
// on the edge from the smaller id to the larger; use Between to look a pair
// up in both directions.
func (g *Graph) Edge(source, target string) *Edge {
	e, err := g.g.Edge(source, target)
	if err != nil {
		return nil
	}
	return e.Properties.Data.(*Edge)
}

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
	adj, _ := g.g.AdjacencyMap()
	out := make([]*Node, 0, len(adj))
	for id := range adj {
		if n, err := g.g.Vertex(id); err == nil {
			out = append(out, n)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Edges returns every edge sorted by source id, then target id.
func (g *Graph) Edges() []*Edge {
	es, _ := g.g.Edges()
	out := make([]*Edge, 0, len(es))
	for _, e := range es {
		out = append(out, e.Properties.Data.(*Edge))
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Source != out[j].Source {
			return out[i].Source < out[j].Source
		}
		return out[i].Target < out[j].Target
	})
	return out
}

// Order returns the number of nodes.
func (g *Graph) Order() int {
	n, _ := g.g.Order()
	return n
}

// Size returns the number of edges (ordered pairs with at least one tie).
func (g *Graph) Size() int {
	n, _ := g.g.Size()
	return n
}

// Ties returns the number of typed ties over all edges.
func (g *Graph) Ties() int {
	n := 0
	for _, e := range g.Edges() {
		n += len(e.Ties)
	}
	return n
}

// addNode adds n, or returns the node already stored under n.ID.
func (g *Graph) addNode(n *Node) *Node {
	err := g.g.AddVertex(n)
	if errors.Is(err, dg.ErrVertexAlreadyExists) {
		old, _ := g.g.Vertex(n.ID)
		return old
	}
	return n
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
	return e, nil
}

// syncWeight copies e's total weight to the store's edge weight.
func (g *Graph) syncWeight(e *Edge) {
	_ = g.g.UpdateEdge(e.Source, e.Target, dg.EdgeWeight(e.Weight()))
}
