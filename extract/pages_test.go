package extract_test

import (
	"os"
	"strings"
	"testing"

	"github.com/entente-nlp/entente"
	"github.com/entente-nlp/entente/internal/testkit/pipetest"
	"github.com/entente-nlp/entente/internal/testkit/testutil"
	"github.com/entente-nlp/entente/pipeline"
)

// TestRealPage runs the default pipeline over a page in the shape of a real
// news page (testdata/pages): the article is kept, navigation, teasers,
// share bars and the caption font menu are dropped, no entity comes from
// them, and the publication date and author are the article's.
func TestRealPage(t *testing.T) {
	path := testutil.Testdata(t, "pages/harbor-gazette.html")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d := &pipeline.Document{ID: "harbor-gazette", Source: path, Original: src}
	d = pipetest.Run(t, pipetest.Stages(t, []string{"ingest", "clean", "nlp", "entities", "dates", "events", "relations"}, nil), d)
	if d.Failed() {
		t.Fatalf("failed: %v", d.Errors)
	}
	if d.Published != "2016-12-29" || d.Meta["charset"] != "windows-1252" {
		t.Errorf("published %q (%s), charset %q; want 2016-12-29 from JSON-LD, windows-1252", d.Published, d.Meta["published_meta"], d.Meta["charset"])
	}
	if strings.Join(d.Authors, "|") != "Lena Marsh" {
		t.Errorf("authors %q, want Lena Marsh only", d.Authors)
	}
	text := entente.MainText(d)
	for _, kept := range []string{"Turkey and Iran back Astana talks", "Turkey and Iran said on Thursday",
		"Mevlüt Çavusoglu speaking in Ankara", "Mohammad Javad Zarif", "collapsed within weeks"} {
		if !strings.Contains(text, kept) {
			t.Errorf("main text lost %q:\n%s", kept, text)
		}
	}
	for _, gone := range []string{"cookies", "Login", "My Saved Items", "Accessibility Help", "Business", "Facebook",
		"Times New Roman", "Georgia", "Related stories", "Angela Merkel", "Oprah Winfrey", "Justin Trudeau", "Messi", "All rights reserved"} {
		if strings.Contains(text, gone) {
			t.Errorf("main text keeps %q:\n%s", gone, text)
		}
	}
	names := map[string]bool{}
	for _, e := range d.Entities {
		names[e.Name] = true
		for _, a := range e.Aliases {
			names[a] = true
		}
	}
	for _, want := range []string{"Turkey", "Iran", "Syria", "Ankara", "Astana", "Mohammad Javad Zarif"} {
		if !names[want] {
			t.Errorf("entity %q not found; entities: %v", want, names)
		}
	}
	for n := range names {
		for _, junk := range []string{"Login", "Saved", "Accessibility", "Times New Roman", "Georgia", "Merkel", "Paes", "Macron", "Oprah", "Trudeau", "Messi", "Nairobi", "Lagos", "Normandy", "Harbor Gazette"} {
			if strings.Contains(n, junk) {
				t.Errorf("entity %q comes from page furniture", n)
			}
		}
	}
	// Every mention slices the original (windows-1252) bytes.
	for _, m := range d.Mentions {
		o := d.Offsets.SpanToOriginal(m.Span)
		if o.Start < 0 || o.End > len(src) || o.Start >= o.End {
			t.Errorf("mention %q maps to %v", d.Slice(m.Span), o)
		}
	}
	r := entente.NewRecord(d)
	for _, e := range r.Entities {
		for _, m := range e.Mentions {
			if string(src[m.Start:m.End]) != m.Text {
				t.Errorf("mention text %q is not the original bytes %q", m.Text, src[m.Start:m.End])
			}
		}
	}
	if len(d.Events) == 0 {
		t.Errorf("no events from the article")
	}
}
