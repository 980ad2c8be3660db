package gazetteer

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/entente-nlp/entente/internal/testkit/testutil"
)

// BenchmarkBuildDefault measures building the default gazetteer from the
// embedded data (what Default does once per process). Target: < 200 ms.
func BenchmarkBuildDefault(b *testing.B) {
	b.ReportAllocs()
	c0 := cpuTime()
	for b.Loop() {
		if _, err := buildDefault(); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, c0, 0)
}

// reportCPU adds CPU time per operation (and CPU-time throughput when
// bytes > 0): on a shared machine wall time also counts others' work. The
// CPU time is the whole process's, garbage collection included.
func reportCPU(b *testing.B, c0 time.Duration, bytes int) {
	d := cpuTime() - c0
	if d <= 0 || b.N == 0 {
		return
	}
	perOp := float64(d.Nanoseconds()) / float64(b.N)
	b.ReportMetric(perOp, "cpu-ns/op")
	if bytes > 0 {
		b.ReportMetric(float64(bytes)/perOp*1e9/1e6, "cpu-MB/s")
	}
}

func benchMatch(b *testing.B, text string) {
	g := mustDefault(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	c0 := cpuTime()
	for b.Loop() {
		g.Match(text)
	}
	reportCPU(b, c0, len(text))
}

// BenchmarkMatchArticle matches the reference article. Target: > 50 MB/s.
func BenchmarkMatchArticle(b *testing.B) {
	data, err := os.ReadFile(testutil.Testdata(b, "moscow-declaration.md"))
	if err != nil {
		b.Fatal(err)
	}
	benchMatch(b, string(data))
}

// BenchmarkMatch1MB matches 1 MB of news text (the reference article
// repeated). Target: > 50 MB/s.
func BenchmarkMatch1MB(b *testing.B) {
	data, err := os.ReadFile(testutil.Testdata(b, "moscow-declaration.md"))
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		sb.Write(data)
	}
	benchMatch(b, sb.String()[:1<<20])
}
