package graph

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/entente-nlp/entente/pipeline"
)

// synthDocs makes n documents, each with 40 entities drawn from a pool of
// 2,000 and 30 relations among them, with sentence evidence.
func synthDocs(n int) []*pipeline.Document {
	types := []string{pipeline.Person, pipeline.Country, pipeline.Organization, pipeline.Location}
	rtypes := []string{pipeline.CooperatesWith, pipeline.Opposes, pipeline.HoldsRole, pipeline.MemberOf, pipeline.LocatedIn}
	docs := make([]*pipeline.Document, n)
	for i := range docs {
		var sentences []string
		var ents []ent
		for j := 0; j < 40; j++ {
			k := (i*7919 + j*104729) % 2000
			ents = append(ents, ent{fmt.Sprintf("org:entity-%d", k), types[k%4], fmt.Sprintf("Entity %d", k), 2, nil})
		}
		var rels []rel
		for j := 0; j < 30; j++ {
			sentences = append(sentences, fmt.Sprintf("Sentence %d of document %d says that entity %d and entity %d met in the capital on Tuesday.", j, i, j, j+1))
			rels = append(rels, rel{ents[j].id, rtypes[(i+j)%5], ents[(j*3+1)%40].id, "label", j, fmt.Sprintf("2016-%02d-%02d", 1+i%12, 1+j%28)})
		}
		docs[i] = makeDoc(fmt.Sprintf("doc-%d", i), i, "2016-12-22", sentences, ents, rels)
	}
	return docs
}

func docBytes(docs []*pipeline.Document) int64 {
	var n int64
	for _, d := range docs {
		n += int64(len(d.Text))
	}
	return n
}

func BenchmarkBuild(b *testing.B) {
	docs := synthDocs(1000)
	b.SetBytes(docBytes(docs))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		bl := NewBuilder(Options{})
		for _, d := range docs {
			bl.Add(d)
		}
	}
}

func benchExport(b *testing.B, write func(io.Writer, *Graph) error) {
	bl := NewBuilder(Options{})
	for _, d := range synthDocs(1000) {
		bl.Add(d)
	}
	g := bl.Graph()
	var buf bytes.Buffer
	if err := write(&buf, g); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		buf.Reset()
		if err := write(&buf, g); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteDOT(b *testing.B) {
	benchExport(b, func(w io.Writer, g *Graph) error { return WriteDOT(w, g, DOTOptions{}) })
}
func BenchmarkWriteJSON(b *testing.B)    { benchExport(b, WriteJSON) }
func BenchmarkWriteGraphML(b *testing.B) { benchExport(b, WriteGraphML) }
func BenchmarkWriteGEXF(b *testing.B)    { benchExport(b, WriteGEXF) }
func BenchmarkWriteNeo4jCSV(b *testing.B) {
	benchExport(b, func(w io.Writer, g *Graph) error { return WriteNeo4jCSV(w, io.Discard, g) })
}
func BenchmarkAnalyze(b *testing.B) {
	benchExport(b, func(w io.Writer, g *Graph) error { _ = g.Analyze(); _, err := w.Write([]byte{0}); return err })
}
