package entities

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"testing"

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
	txt := regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`).ReplaceAllString(string(b), "$1")
	txt = regexp.MustCompile(`[*]+`).ReplaceAllString(txt, "")
	m, _ := nlp.SharedModels()
	n, _ := nlp.New(m, nlp.Options{ProseNER: os.Getenv("ENT_PROSE") != ""})
	d := &pipeline.Document{ID: "x", Text: txt}
	n.Process(context.Background(), d)
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
