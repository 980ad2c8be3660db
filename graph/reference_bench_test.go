package graph_test

import (
	"bytes"
	"io"
	"testing"

	"github.com/entente-nlp/entente/graph"
	"github.com/entente-nlp/entente/internal/testkit/pipetest"
	"github.com/entente-nlp/entente/pipeline"
)

// referenceDocument runs the default pipeline over the reference article
// and returns the finished document.
func referenceDocument(b *testing.B) *pipeline.Document {
	b.Helper()
	d := pipetest.Run(b, pipetest.Stages(b, nil, nil), pipetest.Reference(b))
	if len(d.Entities) == 0 || len(d.Relations) == 0 {
		b.Fatalf("reference article gave %d entities, %d relations", len(d.Entities), len(d.Relations))
	}
	return d
}

// BenchmarkReferenceBuild builds the graph of the finished reference
// article. MB/s counts the article's bytes.
func BenchmarkReferenceBuild(b *testing.B) {
	d := referenceDocument(b)
	b.SetBytes(int64(len(d.Original)))
	b.ReportAllocs()
	for b.Loop() {
		bl := graph.NewBuilder(graph.Options{})
		if err := bl.Add(d); err != nil {
			b.Fatal(err)
		}
		if bl.Graph() == nil {
			b.Fatal("no graph")
		}
	}
}

// BenchmarkReferenceExport writes the reference article's graph in each
// export format. MB/s counts the bytes written.
func BenchmarkReferenceExport(b *testing.B) {
	d := referenceDocument(b)
	bl := graph.NewBuilder(graph.Options{})
	if err := bl.Add(d); err != nil {
		b.Fatal(err)
	}
	g := bl.Graph()
	formats := []struct {
		name  string
		write func(io.Writer, *graph.Graph) error
	}{
		{"dot", func(w io.Writer, g *graph.Graph) error { return graph.WriteDOT(w, g, graph.DOTOptions{}) }},
		{"json", graph.WriteJSON},
		{"graphml", graph.WriteGraphML},
		{"gexf", graph.WriteGEXF},
		{"neo4j-csv", func(w io.Writer, g *graph.Graph) error { return graph.WriteNeo4jCSV(w, w, g) }},
	}
	for _, f := range formats {
		b.Run(f.name, func(b *testing.B) {
			var buf bytes.Buffer
			if err := f.write(&buf, g); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(buf.Len()))
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := f.write(&buf, g); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
