package ingest

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/entente-nlp/entente/pipeline"
)

// FuzzIngest feeds arbitrary bytes, with and without a format hint:
// Process never panics, fails only with a message naming the source, and
// any Published it sets is a real YYYY-MM-DD date.
func FuzzIngest(f *testing.F) {
	for _, s := range []string{
		"# T\n\nBy [A B](#)\n\nGlobal Research, December 22, 2016\n\nText.",
		"T\n\nMOSCOW, Dec. 22 (Reuters) - x\n\nCopyright 2016",
		`<html><head><meta property="article:published_time" content="2016-12-20"><script type="application/ld+json">{"author":[{"name":"X"}]}</script></head><body><time datetime="x">`,
		"---\ntitle: t\ndate: 2016-13-45\n---\n",
		"\xef\xbb\xbf\x00\xff", "",
	} {
		f.Add([]byte(s), "")
		f.Add([]byte(s), "html")
	}
	s, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte, format string) {
		d := &pipeline.Document{Source: "fz.txt", Original: src, Format: format}
		err := attach(d, s.Process(context.Background(), d))
		if err != nil && !strings.HasPrefix(err.Error(), "ingest: fz.txt: ") {
			t.Fatalf("error does not name the source: %v", err)
		}
		for _, e := range d.Errors {
			if !strings.HasPrefix(e.Message, "ingest: fz.txt: ") {
				t.Fatalf("error does not name the source: %q", e.Message)
			}
		}
		if d.Failed() {
			return
		}
		if d.Format != Text && d.Format != Markdown && d.Format != HTML {
			t.Fatalf("format %q", d.Format)
		}
		if d.Published != "" {
			if _, err := time.Parse("2006-01-02", d.Published); err != nil {
				t.Fatalf("Published %q is not YYYY-MM-DD", d.Published)
			}
		}
	})
}
