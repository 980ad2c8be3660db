package gazetteer

import (
	"os"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/internal/testutil"
)

// BenchmarkBuildDefault measures building the default gazetteer from the
// embedded data (what Default does once per process). Target: < 200 ms.
func BenchmarkBuildDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := buildDefault(); err != nil {
			b.Fatal(err)
		}
	}
}

func benchMatch(b *testing.B, text string) {
	g := mustDefault(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		g.Match(text)
	}
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
