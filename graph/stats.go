package graph

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	dg "github.com/dominikbraun/graph"
)

// NodeStat is one node's degree figures. Degree counts distinct neighbours
// regardless of direction; WeightedDegree sums the weights of every tie
// touching the node; In and Out count the directed ties that end or start at
// it.
type NodeStat struct {
	ID             string `json:"id"`
	Name           string `json:"name"`
	Type           string `json:"type"`
	Degree         int    `json:"degree"`
	WeightedDegree int    `json:"weighted_degree"`
	In             int    `json:"in"`
	Out            int    `json:"out"`
	Docs           int    `json:"docs"`
}

// TieStat is one typed tie with its endpoints, for ranking.
type TieStat struct {
	Source     string `json:"source"`
	Target     string `json:"target"`
	SourceName string `json:"source_name"`
	TargetName string `json:"target_name"`
	*Tie
}

// Component is one connected component, ignoring direction.
type Component struct {
	Size int `json:"size"`
	// Members are node ids, by weighted degree then id.
	Members []string `json:"members"`
}

// Stats summarizes a graph. Nodes is sorted by weighted degree (then id),
// Strongest by weight, then documents, then endpoints, Components by size.
type Stats struct {
	Order      int            `json:"nodes"`
	Size       int            `json:"edges"`
	TieCount   int            `json:"ties"`
	ByRelation map[string]int `json:"by_relation"`
	ByType     map[string]int `json:"by_type"`
	Nodes      []NodeStat     `json:"degrees"`
	Strongest  []TieStat      `json:"strongest"`
	Components []Component    `json:"components"`
}

// Analyze computes degrees, the strongest ties and the connected
// components. Degrees and components come from the dominikbraun/graph
// store: a node's neighbours from its adjacency map, the
// components as the strongly connected components of the store with every
// edge doubled (the weakly connected components of the graph). The error
// is the store's.
func (g *Graph) Analyze() (Stats, error) {
	nodes := g.Nodes()
	edges := g.Edges()
	st := Stats{Order: len(nodes), Size: len(edges), ByRelation: map[string]int{}, ByType: map[string]int{}}
	adj, err := g.g.AdjacencyMap()
	if err != nil {
		return Stats{}, fmt.Errorf("graph: analyze: %w", err)
	}
	// Predecessors from the adjacency map (the store's PredecessorMap would
	// list every edge again).
	pred := make(map[string][]string, len(adj))
	for src, targets := range adj {
		for tgt := range targets {
			pred[tgt] = append(pred[tgt], src)
		}
	}
	idx := make(map[string]int, len(nodes))
	st.Nodes = make([]NodeStat, len(nodes))
	for i, n := range nodes {
		idx[n.ID] = i
		degree := len(adj[n.ID])
		for _, p := range pred[n.ID] {
			if _, both := adj[n.ID][p]; !both {
				degree++
			}
		}
		st.Nodes[i] = NodeStat{ID: n.ID, Name: n.Name, Type: n.Type, Docs: n.Docs, Degree: degree}
		st.ByType[n.Type]++
	}
	for _, e := range edges {
		s, t := idx[e.Source], idx[e.Target]
		for _, tie := range e.Ties {
			st.TieCount++
			st.ByRelation[tie.Type]++
			st.Nodes[s].WeightedDegree += tie.Weight
			st.Nodes[t].WeightedDegree += tie.Weight
			if tie.Directed {
				st.Nodes[s].Out++
				st.Nodes[t].In++
			}
			st.Strongest = append(st.Strongest, TieStat{Source: e.Source, Target: e.Target,
				SourceName: nodes[s].Name, TargetName: nodes[t].Name, Tie: tie})
		}
	}
	comps, err := components(nodes, adj)
	if err != nil {
		return Stats{}, err
	}
	byWD := func(a, b NodeStat) bool {
		if a.WeightedDegree != b.WeightedDegree {
			return a.WeightedDegree > b.WeightedDegree
		}
		return a.ID < b.ID
	}
	for _, ids := range comps {
		members := make([]int, len(ids))
		for i, id := range ids {
			members[i] = idx[id]
		}
		sort.Slice(members, func(i, j int) bool { return byWD(st.Nodes[members[i]], st.Nodes[members[j]]) })
		c := Component{Size: len(members)}
		for _, m := range members {
			c.Members = append(c.Members, nodes[m].ID)
		}
		st.Components = append(st.Components, c)
	}
	sort.Slice(st.Components, func(i, j int) bool {
		a, b := st.Components[i], st.Components[j]
		if a.Size != b.Size {
			return a.Size > b.Size
		}
		return a.Members[0] < b.Members[0]
	})
	sort.Slice(st.Nodes, func(i, j int) bool { return byWD(st.Nodes[i], st.Nodes[j]) })
	sort.Slice(st.Strongest, func(i, j int) bool {
		a, b := st.Strongest[i], st.Strongest[j]
		if a.Weight != b.Weight {
			return a.Weight > b.Weight
		}
		if a.Docs != b.Docs {
			return a.Docs > b.Docs
		}
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		if a.Target != b.Target {
			return a.Target < b.Target
		}
		return a.Type < b.Type
	})
	return st, nil
}

// components returns the node ids of each connected component, ignoring
// direction: the strongly connected components (dominikbraun/graph's
// StronglyConnectedComponents) of a copy of the graph with every edge in
// both directions.
func components(nodes []*Node, adj map[string]map[string]dg.Edge[string]) ([][]string, error) {
	both := dg.New(dg.StringHash, dg.Directed())
	for _, n := range nodes {
		if err := both.AddVertex(n.ID); err != nil {
			return nil, fmt.Errorf("graph: components: %w", err)
		}
	}
	for src, targets := range adj {
		for tgt := range targets {
			for _, e := range [2][2]string{{src, tgt}, {tgt, src}} {
				if err := both.AddEdge(e[0], e[1]); err != nil && !errors.Is(err, dg.ErrEdgeAlreadyExists) {
					return nil, fmt.Errorf("graph: components: %w", err)
				}
			}
		}
	}
	comps, err := dg.StronglyConnectedComponents(both)
	if err != nil {
		return nil, fmt.Errorf("graph: components: %w", err)
	}
	return comps, nil
}

// WriteTable prints the statistics as plain-text tables: totals, the top
// nodes by weighted degree, the top strongest ties, and the components
// (largest first, with their leading members). top limits each list; 0
// prints everything.
func (st Stats) WriteTable(w io.Writer, top int) error {
	limit := func(n int) int {
		if top > 0 && n > top {
			return top
		}
		return n
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "Graph: %s, %s, %s, %s\n", count(st.Order, "node"), count(st.Size, "edge"), count(st.TieCount, "typed tie"), count(len(st.Components), "component"))
	fmt.Fprintf(tw, "Node types:\t%s\n", countList(st.ByType))
	fmt.Fprintf(tw, "Relation types:\t%s\n\n", countList(st.ByRelation))

	fmt.Fprintf(tw, "Nodes by weighted degree (%d of %d)\n", limit(len(st.Nodes)), len(st.Nodes))
	fmt.Fprintln(tw, "RANK\tNODE\tTYPE\tDEGREE\tWEIGHTED\tIN\tOUT\tDOCS\tID")
	for i, n := range st.Nodes[:limit(len(st.Nodes))] {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%s\n", i+1, oneLine(n.Name), n.Type, n.Degree, n.WeightedDegree, n.In, n.Out, n.Docs, n.ID)
	}
	fmt.Fprintf(tw, "\nStrongest ties (%d of %d)\n", limit(len(st.Strongest)), len(st.Strongest))
	fmt.Fprintln(tw, "RANK\tSOURCE\tRELATION\tTARGET\tWEIGHT\tDOCS\tFIRST\tLAST\tLABEL")
	for i, t := range st.Strongest[:limit(len(st.Strongest))] {
		arrow := "->"
		if !t.Directed {
			arrow = "--"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s %s\t%s\t%d\t%d\t%s\t%s\t%s\n", i+1, oneLine(t.SourceName), t.Type, arrow, oneLine(t.TargetName), t.Weight, t.Docs,
			dash(t.FirstSeen), dash(t.LastSeen), dash(oneLine(t.Label())))
	}
	fmt.Fprintf(tw, "\nConnected components (%d)\n", len(st.Components))
	fmt.Fprintln(tw, "RANK\tSIZE\tMEMBERS")
	name := make(map[string]string, len(st.Nodes))
	for _, n := range st.Nodes {
		name[n.ID] = oneLine(n.Name)
	}
	for i, c := range st.Components[:limit(len(st.Components))] {
		const show = 6
		var names []string
		for _, id := range c.Members[:min(show, len(c.Members))] {
			names = append(names, name[id])
		}
		m := strings.Join(names, ", ")
		if len(c.Members) > show {
			m += fmt.Sprintf(", … (+%d)", len(c.Members)-show)
		}
		fmt.Fprintf(tw, "%d\t%d\t%s\n", i+1, c.Size, m)
	}
	return tw.Flush()
}

func countList(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// oneLine collapses whitespace so a value cannot break a table row.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
