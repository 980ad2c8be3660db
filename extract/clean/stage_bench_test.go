package clean

import (
	"context"
	"testing"

	"github.com/entente-nlp/entente/pipeline"
)

// BenchmarkStageReference runs the clean stage on the reference article
// (Markdown), as the pipeline does.
func BenchmarkStageReference(b *testing.B) {
	src := readFixture(&testing.T{}, "moscow-declaration.md")
	s, err := New(DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		d := &pipeline.Document{Source: "moscow-declaration.md", Format: Markdown, Original: src}
		if err := s.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
}
