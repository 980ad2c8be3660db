package graph

import (
	"fmt"
	"sort"
	"strings"

	"github.com/entente-nlp/entente/entity"
)

// Filter selects part of a graph. The zero Filter keeps every node that has
// a tie.
type Filter struct {
	// Types keeps only nodes of these entity types (case-insensitive,
	// EVENT for event nodes); empty keeps all.
	Types []string
	// Relations keeps only ties of these relation types; empty keeps all.
	Relations []string
	// MinWeight drops ties with fewer occurrences.
	MinWeight int
	// Top keeps the Top nodes with the largest weighted degree (computed
	// after the other filters; ties broken by id); 0 keeps all.
	Top int
	// KeepIsolated keeps nodes left without any tie.
	KeepIsolated bool
}

// NodeTypes are the node types Filter.Types accepts: the entity types of
// records, and EVENT for event nodes.
var NodeTypes = []string{entity.Person, entity.Country, entity.Organization, entity.Location, entity.NORP, entity.Index, EventType}

// Validate reports a bad filter: an unknown node or relation type (naming
// the known ones) or a negative number.
func (f Filter) Validate() error {
	for _, t := range f.Types {
		known := false
		for _, k := range NodeTypes {
			if strings.EqualFold(strings.TrimSpace(t), k) {
				known = true
			}
		}
		if !known {
			return fmt.Errorf("graph: unknown entity type %q (known: %s)", t, strings.Join(NodeTypes, ", "))
		}
	}
	for _, r := range f.Relations {
		known := false
		for _, k := range RelationTypes {
			if strings.EqualFold(r, k) {
				known = true
			}
		}
		if !known {
			return fmt.Errorf("graph: unknown relation type %q (known: %s)", r, strings.Join(RelationTypes, ", "))
		}
	}
	if f.MinWeight < 0 {
		return fmt.Errorf("graph: minimum weight %d is negative", f.MinWeight)
	}
	if f.Top < 0 {
		return fmt.Errorf("graph: top %d is negative", f.Top)
	}
	return nil
}

func foldSet(xs []string) map[string]bool {
	if len(xs) == 0 {
		return nil
	}
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[strings.ToLower(strings.TrimSpace(x))] = true
	}
	return m
}

// Filter returns a new graph with the nodes and ties f selects, in this
// order: relation types and minimum weight on ties, entity types on nodes,
// isolated nodes, then the top nodes. Nodes and ties are shared with g, not
// copied: treat both graphs as read-only afterwards.
func (g *Graph) Filter(f Filter) (*Graph, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	rels, types := foldSet(f.Relations), foldSet(f.Types)
	keepNode := map[string]*Node{}
	for _, n := range g.Nodes() {
		if types == nil || types[strings.ToLower(n.Type)] {
			keepNode[n.ID] = n
		}
	}
	var edges []*Edge
	for _, e := range g.Edges() {
		if keepNode[e.Source] == nil || keepNode[e.Target] == nil {
			continue
		}
		var ties []*Tie
		for _, t := range e.Ties {
			if (rels == nil || rels[t.Type]) && t.Weight >= f.MinWeight {
				ties = append(ties, t)
			}
		}
		if len(ties) > 0 {
			edges = append(edges, &Edge{Source: e.Source, Target: e.Target, Ties: ties})
		}
	}
	if !f.KeepIsolated {
		keepNode = touched(edges, keepNode)
	}
	if f.Top > 0 && len(keepNode) > f.Top {
		wd := map[string]int{}
		for _, e := range edges {
			wd[e.Source] += e.Weight()
			wd[e.Target] += e.Weight()
		}
		ids := make([]string, 0, len(keepNode))
		for id := range keepNode {
			ids = append(ids, id)
		}
		sort.Slice(ids, func(i, j int) bool {
			if wd[ids[i]] != wd[ids[j]] {
				return wd[ids[i]] > wd[ids[j]]
			}
			return ids[i] < ids[j]
		})
		top := map[string]*Node{}
		for _, id := range ids[:f.Top] {
			top[id] = keepNode[id]
		}
		kept := edges[:0:0]
		for _, e := range edges {
			if top[e.Source] != nil && top[e.Target] != nil {
				kept = append(kept, e)
			}
		}
		edges, keepNode = kept, top
		if !f.KeepIsolated {
			keepNode = touched(edges, keepNode)
		}
	}

	out := New()
	out.observed, out.maxEvidence, out.frame = g.observed, g.maxEvidence, g.frame
	ids := make([]string, 0, len(keepNode))
	for id := range keepNode {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if _, err := out.addNode(keepNode[id]); err != nil {
			return nil, err
		}
	}
	for _, e := range edges {
		ne, err := out.edge(e.Source, e.Target)
		if err != nil {
			return nil, err
		}
		ne.Ties = e.Ties
		if err := out.syncWeight(ne); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// touched returns the nodes of keep that some edge touches.
func touched(edges []*Edge, keep map[string]*Node) map[string]*Node {
	out := map[string]*Node{}
	for _, e := range edges {
		out[e.Source] = keep[e.Source]
		out[e.Target] = keep[e.Target]
	}
	return out
}
