package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/entente-nlp/entente/graph"
)

// The rows of the graph's Parquet tables (`entente graph --format parquet
// -o DIR`, docs/output.md "Graph tables"). Node ids join nodes.parquet to
// the source and target of edges.parquet and observations.parquet, and
// doc_id of observations.parquet joins the extract tables.

// GraphNodeRow is one row of nodes.parquet.
type GraphNodeRow struct {
	ID       string   `parquet:"id"`
	Kind     string   `parquet:"kind"`
	Type     string   `parquet:"type"`
	Name     string   `parquet:"name"`
	Aliases  []string `parquet:"aliases,list"`
	Docs     int32    `parquet:"docs"`
	Mentions int32    `parquet:"mentions"`
	Linked   bool     `parquet:"linked"`
	Date     string   `parquet:"date"`
	CAMEO    string   `parquet:"cameo"`
}

// GraphEdgeRow is one row of edges.parquet: one typed tie.
type GraphEdgeRow struct {
	Source          string   `parquet:"source"`
	Target          string   `parquet:"target"`
	Type            string   `parquet:"type"`
	Directed        bool     `parquet:"directed"`
	Label           string   `parquet:"label"`
	Weight          int32    `parquet:"weight"`
	Docs            int32    `parquet:"docs"`
	FirstSeen       string   `parquet:"first_seen"`
	LastSeen        string   `parquet:"last_seen"`
	Evidence        []string `parquet:"evidence,list"`
	EvidenceDocs    []string `parquet:"evidence_docs,list"`
	EvidenceOmitted int32    `parquet:"evidence_omitted"`
}

// GraphObservationRow is one row of observations.parquet: one dated
// occurrence of a tie. Period, PeriodStart and PeriodEnd are the window's
// period of Day when the graph has a time frame, else "".
type GraphObservationRow struct {
	Source      string `parquet:"source"`
	Target      string `parquet:"target"`
	Type        string `parquet:"type"`
	DocID       string `parquet:"doc_id"`
	Date        string `parquet:"date"`
	Day         string `parquet:"day"`
	Period      string `parquet:"period"`
	PeriodStart string `parquet:"period_start"`
	PeriodEnd   string `parquet:"period_end"`
	Kind        string `parquet:"kind"`
	Label       string `parquet:"label"`
	Rule        string `parquet:"rule"`
	Evidence    string `parquet:"evidence"`
}

// GraphPeriodRow is one row of edge_periods.parquet: a tie's strength in
// one period of the time frame (the rows of graph.WriteTimeline).
type GraphPeriodRow struct {
	Source   string `parquet:"source"`
	Target   string `parquet:"target"`
	Type     string `parquet:"type"`
	Directed bool   `parquet:"directed"`
	Period   string `parquet:"period"`
	Start    string `parquet:"start"`
	End      string `parquet:"end"`
	Weight   int32  `parquet:"weight"`
	Docs     int32  `parquet:"docs"`
}

// GraphTableNames are the tables WriteGraphTables can write, without
// ".parquet": observations only for a graph built with observations,
// edge_periods only for a graph with a time frame.
var GraphTableNames = []string{"nodes", "edges", "observations", "edge_periods"}

// WriteGraphTables writes g as Parquet tables in dir (created when
// missing): nodes.parquet and edges.parquet, observations.parquet when the
// ties kept their observations (graph.Options.Observations), and
// edge_periods.parquet when g has a time frame (Graph.InTime). Each file
// appears atomically when complete; on an error before closing, none
// does. It returns the files written.
func WriteGraphTables(dir string, g *graph.Graph) (files []string, err error) {
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return nil, fmt.Errorf("output: %s is a file; the parquet format writes a directory of tables (-o DIR)", dir)
	}
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	var closers []func() error
	var aborters []func()
	defer func() {
		if err != nil {
			for _, a := range aborters {
				a()
			}
		}
	}()
	nodes, err := newTable[GraphNodeRow](dir, "nodes")
	if err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	closers, aborters = append(closers, nodes.close), append(aborters, nodes.abort)
	edges, err := newTable[GraphEdgeRow](dir, "edges")
	if err != nil {
		return nil, fmt.Errorf("output: %w", err)
	}
	closers, aborters = append(closers, edges.close), append(aborters, edges.abort)
	files = []string{filepath.Join(dir, "nodes.parquet"), filepath.Join(dir, "edges.parquet")}
	var obs *table[GraphObservationRow]
	if g.Observed() {
		if obs, err = newTable[GraphObservationRow](dir, "observations"); err != nil {
			return nil, fmt.Errorf("output: %w", err)
		}
		closers, aborters = append(closers, obs.close), append(aborters, obs.abort)
		files = append(files, filepath.Join(dir, "observations.parquet"))
	}
	frame := g.Frame()
	var periods *table[GraphPeriodRow]
	if frame != nil {
		if periods, err = newTable[GraphPeriodRow](dir, "edge_periods"); err != nil {
			return nil, fmt.Errorf("output: %w", err)
		}
		closers, aborters = append(closers, periods.close), append(aborters, periods.abort)
		files = append(files, filepath.Join(dir, "edge_periods.parquet"))
	}

	for _, n := range g.Nodes() {
		err = errors.Join(err, nodes.add(GraphNodeRow{ID: n.ID, Kind: n.Kind, Type: n.Type, Name: n.Name, Aliases: n.Aliases,
			Docs: int32(n.Docs), Mentions: int32(n.Mentions), Linked: n.Linked, Date: n.Date, CAMEO: n.CAMEO}))
	}
	for _, e := range g.Edges() {
		for _, t := range e.Ties {
			row := GraphEdgeRow{Source: e.Source, Target: e.Target, Type: t.Type, Directed: t.Directed, Label: t.Label(),
				Weight: int32(t.Weight), Docs: int32(t.Docs), FirstSeen: t.FirstSeen, LastSeen: t.LastSeen,
				EvidenceOmitted: int32(t.EvidenceOmitted())}
			seen := map[string]bool{}
			for _, ev := range t.Evidence {
				row.Evidence = append(row.Evidence, ev.Sentence)
				if !seen[ev.Doc] {
					seen[ev.Doc] = true
					row.EvidenceDocs = append(row.EvidenceDocs, ev.Doc)
				}
			}
			err = errors.Join(err, edges.add(row))
			if obs != nil {
				for _, o := range t.Observations {
					r := GraphObservationRow{Source: e.Source, Target: e.Target, Type: t.Type, DocID: o.Doc, Date: o.Date,
						Day: o.Day, Kind: o.Kind, Label: o.Label, Rule: o.Rule, Evidence: o.Sentence}
					if frame != nil {
						if p, ok := frame.Period(o.Day); ok {
							r.Period, r.PeriodStart, r.PeriodEnd = p.Key, p.Start, p.End
						}
					}
					err = errors.Join(err, obs.add(r))
				}
			}
			if periods != nil {
				for _, pc := range g.TiePeriods(t) {
					err = errors.Join(err, periods.add(GraphPeriodRow{Source: e.Source, Target: e.Target, Type: t.Type,
						Directed: t.Directed, Period: pc.Key, Start: pc.Start, End: pc.End, Weight: int32(pc.Weight), Docs: int32(pc.Docs)}))
				}
			}
		}
	}
	if err != nil {
		return nil, fmt.Errorf("output: writing the graph tables in %s: %w", dir, err)
	}
	for _, c := range closers {
		err = errors.Join(err, c())
	}
	if err != nil {
		return nil, fmt.Errorf("output: writing the graph tables in %s: %w", dir, err)
	}
	return files, nil
}
