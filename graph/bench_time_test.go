package graph

import (
	"testing"
)

// BenchmarkBuildObservations is BenchmarkBuild with every observation kept
// (what `entente graph` does with a time option or --format parquet).
func BenchmarkBuildObservations(b *testing.B) {
	docs := synthDocs(1000)
	b.SetBytes(docBytes(docs))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		bl := NewBuilder(Options{Observations: true})
		for _, d := range docs {
			if err := bl.Add(d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkInTime cuts the graph of 1,000 synthetic documents to a
// quarter with monthly periods and writes its timeline.
func BenchmarkInTime(b *testing.B) {
	bl := NewBuilder(Options{Observations: true})
	for _, d := range synthDocs(1000) {
		if err := bl.Add(d); err != nil {
			b.Fatal(err)
		}
	}
	g := bl.Graph()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cut, err := g.InTime(TimeFrame{Since: "2016-04", Until: "2016-06", Window: Window{Unit: UnitMonth}})
		if err != nil {
			b.Fatal(err)
		}
		if err := WriteTimeline(discard{}, cut); err != nil {
			b.Fatal(err)
		}
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
