package graph_test

import (
	"bytes"
	"context"
	"io"
	"os"
	"testing"

	"github.com/entente-nlp/entente/extract"
	"github.com/entente-nlp/entente/extract/nermodel"
	"github.com/entente-nlp/entente/extract/nlp"
	"github.com/entente-nlp/entente/gazetteer"
	"github.com/entente-nlp/entente/graph"
	"github.com/entente-nlp/entente/internal/testutil"
	"github.com/entente-nlp/entente/pipeline"
)

// referenceDocument runs the default pipeline over the reference article
// and returns the finished document.
func referenceDocument(b *testing.B) *pipeline.Document {
	b.Helper()
	src, err := os.ReadFile(testutil.Testdata(b, "moscow-declaration.md"))
	if err != nil {
		b.Fatal(err)
	}
	models, err := nlp.SharedModels()
	if err != nil {
		b.Fatal(err)
	}
	ner, err := nermodel.Default()
	if err != nil {
		b.Fatal(err)
	}
	gz, err := gazetteer.Default()
	if err != nil {
		b.Fatal(err)
	}
	r := pipeline.NewRegistry()
	extract.Register(r, extract.Env{Models: models, NER: ner, Gazetteer: gz})
	stages, err := r.Build([]string{"ingest", "clean", "nlp", "entities", "dates", "events", "relations"}, nil)
	if err != nil {
		b.Fatal(err)
	}
	d := &pipeline.Document{ID: "moscow-declaration", Source: "moscow-declaration.md", Original: src, Published: "2016-12-20"}
	for _, st := range stages {
		if err := st.Process(context.Background(), d); err != nil {
			b.Fatalf("%s: %v", st.Name(), err)
		}
	}
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
		bl.Add(d)
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
	bl.Add(d)
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
