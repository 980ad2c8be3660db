package main

import (
	"context"
	"fmt"

	"github.com/entente-nlp/entente/graph"
	"github.com/entente-nlp/entente/internal/app/outfile"
)

// writeGraph writes g in format to path through internal/app/outfile: a
// regular file is replaced only once the graph is complete, a device or
// FIFO is written directly, symbolic links are followed. The csv format
// writes the two files of neo4j-admin import (graph.CSVPaths). It returns
// the files written.
func writeGraph(ctx context.Context, path string, g *graph.Graph, format string, opts graph.DOTOptions) ([]string, error) {
	if format == graph.FormatCSV {
		np, rp := graph.CSVPaths(path)
		nf, err := outfile.Create(np)
		if err != nil {
			return nil, fmt.Errorf("graph: output %w", err)
		}
		defer nf.Abort()
		rf, err := outfile.Create(rp)
		if err != nil {
			return nil, fmt.Errorf("graph: output %w", err)
		}
		defer rf.Abort()
		if err := graph.WriteNeo4jCSV(nf, rf, g); err != nil {
			return nil, err
		}
		for _, f := range []*outfile.File{nf, rf} {
			if err := f.Commit(); err != nil {
				return nil, fmt.Errorf("graph: writing output %w", err)
			}
		}
		return []string{np, rp}, nil
	}
	f, err := outfile.Create(path)
	if err != nil {
		return nil, fmt.Errorf("graph: output %w", err)
	}
	defer f.Abort()
	if err := graph.Write(ctx, f, g, format, opts); err != nil {
		return nil, err
	}
	if err := f.Commit(); err != nil {
		return nil, fmt.Errorf("graph: writing output %w", err)
	}
	return []string{path}, nil
}
