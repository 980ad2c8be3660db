package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/entente-nlp/entente"
	"github.com/entente-nlp/entente/internal/app/config"
	"github.com/entente-nlp/entente/internal/testkit/testutil"
)

var updateDocs = flag.Bool("update-docs", false, "rewrite the json and csv examples in docs/output.md from the current pipeline")

// TestDocsOutputExample runs the real pipeline on testdata/example.md, the
// input shown in docs/output.md, and checks that the result keeps the
// contract (every section present, offsets slice the input). With
// -update-docs it refreshes the examples in docs/output.md.
func TestDocsOutputExample(t *testing.T) {
	input := testutil.Testdata(t, "example.md")
	orig, err := os.ReadFile(input)
	if err != nil {
		t.Fatal(err)
	}
	rel := "testdata/example.md"
	extractAs := func(format string) []byte {
		app := testApp(t, func(c *config.Config) { c.Output.Format = format })
		var out bytes.Buffer
		// Run from the repository root so that source reads as in the docs.
		wd, _ := os.Getwd()
		if err := os.Chdir(testutil.RepoRoot(t)); err != nil {
			t.Fatal(err)
		}
		defer os.Chdir(wd)
		if err := runExtract(context.Background(), &out, app, []string{rel}, ""); err != nil {
			t.Fatal(err)
		}
		return out.Bytes()
	}
	js := extractAs("json")
	var recs []entente.Record
	if err := json.Unmarshal(js, &recs); err != nil || len(recs) != 1 {
		t.Fatalf("%v: %s", err, js)
	}
	r := recs[0]
	if r.Published != "2016-12-22" || len(r.Entities) == 0 || len(r.Dates) == 0 || len(r.Events) == 0 || len(r.Relations) == 0 {
		t.Errorf("the example no longer shows every section: %d entities, %d dates, %d events, %d relations, published %q",
			len(r.Entities), len(r.Dates), len(r.Events), len(r.Relations), r.Published)
	}
	for _, e := range r.Entities {
		for _, m := range e.Mentions {
			if string(orig[m.Start:m.End]) != m.Text {
				t.Errorf("%s: [%d,%d) is %q, text %q", e.ID, m.Start, m.End, orig[m.Start:m.End], m.Text)
			}
		}
	}
	if !*updateDocs {
		return
	}
	docPath := filepath.Join(testutil.RepoRoot(t), "docs", "output.md")
	doc, err := os.ReadFile(docPath)
	if err != nil {
		t.Fatal(err)
	}
	replace := func(doc []byte, lang string, body []byte) []byte {
		re := regexp.MustCompile("(?s)```" + lang + "\n.*?\n```")
		if !re.Match(doc) {
			t.Fatalf("docs/output.md has no ```%s block", lang)
		}
		block := "```" + lang + "\n" + strings.TrimRight(string(body), "\n") + "\n```"
		return re.ReplaceAllLiteral(doc, []byte(block))
	}
	doc = replace(doc, "json", js)
	doc = replace(doc, "csv", extractAs("csv"))
	if err := os.WriteFile(docPath, doc, 0o644); err != nil {
		t.Fatal(err)
	}
}
