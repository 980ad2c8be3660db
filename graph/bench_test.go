package graph

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"testing"

	"github.com/entente-nlp/entente/pipeline"
)

// synthDoc makes document i of a synthetic corpus: 40 entities drawn from
// a pool of 2,000 and 30 relations among them, with sentence evidence.
func synthDoc(i int) *pipeline.Document {
	types := []string{pipeline.Person, pipeline.Country, pipeline.Organization, pipeline.Location}
	rtypes := []string{pipeline.CooperatesWith, pipeline.Opposes, pipeline.HoldsRole, pipeline.MemberOf, pipeline.LocatedIn}
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
	return makeDoc(fmt.Sprintf("doc-%d", i), i, "2016-12-22", sentences, ents, rels)
}

func synthDocs(n int) []*pipeline.Document {
	docs := make([]*pipeline.Document, n)
	for i := range docs {
		docs[i] = synthDoc(i)
	}
	return docs
}

// BenchmarkBuildHeap reports the live heap of a graph built from 1,000,
// 4,000 and 12,000 documents that repeat the relations of 500 distinct ones (as a
// corpus repeats its stories), each document made and dropped as it
// streams: memory follows the distinct entities and relations, not the
// number of documents (once every tie holds its capped evidence, from 4,000
// documents on, the heap stays flat). Run it with -benchtime 1x.
func BenchmarkBuildHeap(b *testing.B) {
	for _, n := range []int{1000, 4000, 12000} {
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				var before, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				bl := NewBuilder(Options{})
				for j := 0; j < n; j++ {
					d := synthDoc(j % 500)
					d.ID, d.Seq = fmt.Sprintf("doc-%d", j), j
					if err := bl.Add(d); err != nil {
						b.Fatal(err)
					}
				}
				runtime.GC()
				runtime.ReadMemStats(&after)
				b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc), "heap-B")
				b.ReportMetric(float64(bl.Graph().Ties()), "ties")
				runtime.KeepAlive(bl)
			}
		})
	}
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
			if err := bl.Add(d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func benchExport(b *testing.B, write func(io.Writer, *Graph) error) {
	b.Helper()
	bl := NewBuilder(Options{})
	for _, d := range synthDocs(1000) {
		if err := bl.Add(d); err != nil {
			b.Fatal(err)
		}
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
	// Both files go to the one buffer, so SetBytes counts nodes and
	// relationships.
	benchExport(b, func(w io.Writer, g *Graph) error { return WriteNeo4jCSV(w, w, g) })
}

// BenchmarkAnalyze measures Analyze plus the stats table, bytes being the
// table printed.
func BenchmarkAnalyze(b *testing.B) {
	benchExport(b, func(w io.Writer, g *Graph) error {
		st, err := g.Analyze()
		if err != nil {
			return err
		}
		return st.WriteTable(w, 20)
	})
}
