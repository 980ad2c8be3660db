package graph

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
)

// TimelineHeader is the header row of WriteTimeline.
var TimelineHeader = []string{"source", "source_name", "target", "target_name", "relation", "directed",
	"period", "start", "end", "weight", "docs"}

// WriteTimeline writes the strength of every tie per period of the graph's
// time frame as CSV (TimelineHeader): one row per pair, relation type and
// period in which the tie occurs, weight being its occurrences in the
// period and docs the documents they come from. A period without an
// occurrence has no row: its weight is 0. Rows are sorted by source,
// target, relation type (the order of Edges and Ties), then time;
// cooperates_with is written once per pair, from the smaller id. The graph
// must have a time frame (InTime).
func WriteTimeline(w io.Writer, g *Graph) error {
	if g.frame == nil {
		return fmt.Errorf("graph: the timeline needs a graph cut to a time frame (Graph.InTime)")
	}
	cw := csv.NewWriter(w)
	cw.Write(TimelineHeader)
	for _, e := range g.Edges() {
		src, tgt := g.Node(e.Source), g.Node(e.Target)
		for _, t := range e.Ties {
			for _, pc := range g.TiePeriods(t) {
				cw.Write([]string{clean(e.Source), clean(src.Name), clean(e.Target), clean(tgt.Name), t.Type,
					strconv.FormatBool(t.Directed), pc.Key, pc.Start, pc.End, strconv.Itoa(pc.Weight), strconv.Itoa(pc.Docs)})
			}
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("graph: writing the timeline: %w", err)
	}
	return nil
}
