package graph

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
)

// frameInfo is what InTime records on the graph it returns.
type frameInfo struct {
	TimeFrame
	// undated counts the occurrences left out for want of a date, outside
	// those outside Since..Until.
	undated, outside int
}

// ErrNoObservations is returned (wrapped) by InTime when the graph was
// built without Options.Observations.
var ErrNoObservations = errors.New("graph built without observations")

// InTime returns the graph of a time frame: every tie keeps only the
// occurrences placed on a day (Observation.Day) within f.Since..f.Until,
// and its weight, documents, labels, first and last dates and evidence are
// counted again from them; ties left without occurrences go. Occurrences
// without any date cannot be placed and are left out (UndatedLeftOut
// counts them). With Since or Until, a node's documents and mentions count
// only the documents published within the frame. The returned graph
// remembers the frame: exports then carry the periods of f.Window (GEXF
// 1.3 with spells, per-period weights in GraphML and JSON) and
// WriteTimeline counts ties per period. The graph must have been built with
// Options.Observations. Nodes and ties are copies: g is not changed.
func (g *Graph) InTime(f TimeFrame) (*Graph, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	if !g.observed {
		return nil, fmt.Errorf("graph: a time frame needs the dated observations of every tie (build with Options.Observations): %w", ErrNoObservations)
	}
	info := &frameInfo{TimeFrame: f}
	bounded := f.Since != "" || f.Until != ""
	out := New()
	out.observed, out.maxEvidence, out.frame = true, g.maxEvidence, info
	var first time.Time
	type cut struct {
		e    *Edge
		ties []*Tie
	}
	var cuts []cut
	for _, e := range g.Edges() {
		var ties []*Tie
		for _, t := range e.Ties {
			nt := &Tie{Type: t.Type, Directed: t.Directed}
			for _, o := range t.Observations {
				day, err := time.Parse(dayLayout, o.Day)
				if err != nil {
					info.undated++
					continue
				}
				if !info.contains(day) {
					info.outside++
					continue
				}
				if first.IsZero() || day.Before(first) {
					first = day
				}
				nt.Observations = append(nt.Observations, o)
			}
			if len(nt.Observations) > 0 {
				nt.recount(g.maxEvidence)
				ties = append(ties, nt)
			}
		}
		if len(ties) > 0 {
			cuts = append(cuts, cut{e, ties})
		}
	}
	info.anchor = info.since
	if info.anchor.IsZero() {
		info.anchor = first
	}
	for _, n := range g.Nodes() {
		nn := *n
		nn.seen = nil
		if bounded {
			nn.Docs, nn.Mentions = 0, 0
		}
		for day, c := range n.seen {
			t, err := time.Parse(dayLayout, day)
			if err != nil || !info.contains(t) {
				continue
			}
			nn.see(day, c.docs, c.mentions)
			if bounded {
				nn.Docs += c.docs
				nn.Mentions += c.mentions
			}
		}
		if _, err := out.addNode(&nn); err != nil {
			return nil, err
		}
	}
	for _, c := range cuts {
		ne, err := out.edge(c.e.Source, c.e.Target)
		if err != nil {
			return nil, err
		}
		ne.Ties = c.ties
		if err := out.syncWeight(ne); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// recount sets the tie's counts from its observations.
func (t *Tie) recount(maxEvidence int) {
	t.Weight = len(t.Observations)
	docs := map[string]bool{}
	t.Labels, t.Evidence, t.FirstSeen, t.LastSeen = nil, nil, "", ""
	for _, o := range t.Observations {
		docs[o.Doc] = true
		t.addLabel(o.Label)
		t.addDate(o.Date)
		t.addEvidence(Evidence{Doc: o.Doc, Sentence: o.Sentence, Date: o.Date, Rule: o.Rule, seq: o.seq, off: o.off}, maxEvidence)
	}
	t.Docs = len(docs)
}

// Observed reports whether the ties keep their observations
// (Options.Observations, or a graph cut or filtered from such a graph).
func (g *Graph) Observed() bool { return g.observed }

// Frame returns the time frame of a graph returned by InTime (or filtered
// from one), else nil.
func (g *Graph) Frame() *TimeFrame {
	if g.frame == nil {
		return nil
	}
	f := g.frame.TimeFrame
	return &f
}

// UndatedLeftOut returns how many occurrences InTime left out because they
// had no date, and how many because they fell outside Since..Until.
func (g *Graph) UndatedLeftOut() (undated, outside int) {
	if g.frame == nil {
		return 0, 0
	}
	return g.frame.undated, g.frame.outside
}

// PeriodCount is a tie's or a node's count in one period.
type PeriodCount struct {
	Period
	// Weight is the tie's occurrences in the period (0 for nodes).
	Weight int `json:"weight,omitempty"`
	// Docs is the number of documents: with an occurrence of the tie, or
	// published in the period and mentioning the node.
	Docs int `json:"docs"`
}

// TiePeriods returns the tie's occurrences and documents per period of
// the graph's time frame, in time order; nil when the graph has no frame.
func (g *Graph) TiePeriods(t *Tie) []PeriodCount {
	if g.frame == nil {
		return nil
	}
	idx := map[string]int{}
	var out []PeriodCount
	docs := map[[2]string]bool{}
	for _, o := range t.Observations {
		p, ok := g.frame.Period(o.Day)
		if !ok {
			continue
		}
		i, seen := idx[p.Key]
		if !seen {
			i = len(out)
			idx[p.Key] = i
			out = append(out, PeriodCount{Period: p})
		}
		out[i].Weight++
		if k := [2]string{p.Key, o.Doc}; !docs[k] {
			docs[k] = true
			out[i].Docs++
		}
	}
	sortPeriods(out)
	return out
}

// NodePeriods returns, per period of the graph's time frame, the documents
// published in it that mention the node; nil without a frame.
func (g *Graph) NodePeriods(n *Node) []PeriodCount {
	if g.frame == nil {
		return nil
	}
	idx := map[string]int{}
	var out []PeriodCount
	for day, c := range n.seen {
		p, ok := g.frame.Period(day)
		if !ok || c.docs == 0 {
			continue
		}
		i, seen := idx[p.Key]
		if !seen {
			i = len(out)
			idx[p.Key] = i
			out = append(out, PeriodCount{Period: p})
		}
		out[i].Docs += c.docs
	}
	sortPeriods(out)
	return out
}

// Periods returns every period in which some tie of the graph occurs, in
// time order; nil without a frame.
func (g *Graph) Periods() []Period {
	if g.frame == nil {
		return nil
	}
	seen := map[string]Period{}
	for _, e := range g.edges {
		for _, t := range e.Ties {
			for _, o := range t.Observations {
				if p, ok := g.frame.Period(o.Day); ok {
					seen[p.Key] = p
				}
			}
		}
	}
	out := make([]Period, 0, len(seen))
	for _, p := range seen {
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b Period) int { return strings.Compare(a.Start, b.Start) })
	return out
}

func sortPeriods(ps []PeriodCount) {
	sort.Slice(ps, func(i, j int) bool { return ps[i].Start < ps[j].Start })
}
