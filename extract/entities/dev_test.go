package entities

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/entente-nlp/entente/extract/clean"
	"github.com/entente-nlp/entente/extract/ingest"
	"github.com/entente-nlp/entente/extract/nermodel"
	"github.com/entente-nlp/entente/extract/nlp"
	"github.com/entente-nlp/entente/internal/eval"
	"github.com/entente-nlp/entente/pipeline"
)

type nerSrc struct{ m *nermodel.Model }

func (s nerSrc) Candidates(d *pipeline.Document) []Candidate {
	var out []Candidate
	for _, c := range s.m.TagDocument(d) {
		out = append(out, Candidate{Span: c.Span, Type: c.Type, Source: "nermodel", Score: c.Confidence})
	}
	return out
}

func TestDevDump(t *testing.T) {
	if os.Getenv("ENT_DEV") == "" {
		t.Skip()
	}
	b, _ := os.ReadFile("../../testdata/moscow-declaration.md")
	d := &pipeline.Document{ID: "x", Source: "moscow-declaration.md", Original: b}
	ig, _ := ingest.New(nil)
	cl, _ := clean.New(nil)
	m, _ := nlp.SharedModels()
	n, _ := nlp.New(m, nlp.Options{ProseNER: os.Getenv("ENT_PROSE") != ""})
	for _, st := range []pipeline.Stage{ig, cl, n} {
		if err := st.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	if os.Getenv("ENT_TEXT") != "" {
		fmt.Println(d.Title, "|", d.Published, "|", d.Text)
	}
	var srcs []Source
	if os.Getenv("ENT_NER") != "" {
		nm, _ := nermodel.Default()
		srcs = append(srcs, nerSrc{nm})
	}
	s, _ := New(newFakeGaz(), DefaultOptions(), srcs...)
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	for _, e := range d.Entities {
		fmt.Printf("%-13s %-40s %-30s n=%d s=%.2f %v %v\n", e.Type, e.ID, e.Name, e.Count, e.Salience, e.Aliases, e.Attrs)
	}
	if os.Getenv("ENT_MENTIONS") != "" {
		for _, mm := range d.Mentions {
			fmt.Printf("  %q %s %s %s %s %v\n", d.Slice(mm.Span), mm.EntityID, mm.Source, mm.Form, mm.Reason, mm.Evidence)
		}
	}
	g, _ := eval.ReadGold("../../../shared/gold/moscow-declaration.gold.json")
	eval.ScoreDocument(g, d).WriteText(os.Stdout)
}
