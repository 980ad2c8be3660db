package clean

import (
	"context"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/extract/nlp"
	"github.com/entente-nlp/entente/pipeline"
)

// TestSentencesOnReferenceArticle runs the real nlp stage over the cleaned
// reference article: headings, byline and dateline must be sentences of
// their own, not glued onto the lede, and every token must map back to the
// original bytes.
func TestSentencesOnReferenceArticle(t *testing.T) {
	d := process(t, string(readFixture(t, "moscow-declaration.md")), Markdown)
	m, err := nlp.SharedModels()
	if err != nil {
		t.Fatal(err)
	}
	st, err := nlp.New(m, nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	sents := map[string]bool{}
	for _, s := range d.Sentences {
		sents[strings.TrimSpace(d.Slice(s.Span))] = true
	}
	for _, want := range []string{
		"Moscow Declaration: Russia, Turkey and Iran Join Together to End Syria's Tragedy.",
		"By Andrei Akulov.",
		"Global Research, December 22, 2016.",
		"December 20 will go down in history as a memorable day to turn the tide of Syria's conflict.",
		"Become a Member of Global Research.",
	} {
		if !sents[want] {
			t.Errorf("no sentence %q", want)
		}
	}
	// Sentences in the closing furniture are boilerplate; sentences of the
	// body are not.
	for _, s := range d.Sentences {
		text := d.Slice(s.Span)
		bp := d.InBoilerplate(s.Span)
		switch {
		case strings.HasPrefix(text, "Become a Member"), strings.HasPrefix(text, "Disclaimer:"), strings.HasPrefix(text, "Comment on Global Research"):
			if !bp {
				t.Errorf("sentence %q not in boilerplate", text)
			}
		case strings.Contains(text, "Lavrov"), strings.Contains(text, "guarantors"):
			if bp {
				t.Errorf("body sentence %q in boilerplate", text)
			}
		}
	}
	for _, tok := range d.Tokens {
		text := d.Slice(tok.Span)
		o := d.Offsets.SpanToOriginal(tok.Span)
		if got := string(d.Original[o.Start:o.End]); got != text && text != "." {
			t.Errorf("token %q maps to %q", text, got)
		}
	}
}

func BenchmarkCleanMarkdown(b *testing.B) {
	src := readFixture(&testing.T{}, "moscow-declaration.md")
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		Clean(src, Markdown)
	}
}

func BenchmarkCleanHTML(b *testing.B) {
	src := readFixture(&testing.T{}, "ingest/entities.html")
	var big []byte
	for len(big) < 64<<10 {
		big = append(big, src...)
	}
	b.SetBytes(int64(len(big)))
	for b.Loop() {
		Clean(big, HTML)
	}
}

var _ = pipeline.Span{}
