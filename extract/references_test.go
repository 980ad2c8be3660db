package extract_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/entente-nlp/entente/internal/measure/bench"
	"github.com/entente-nlp/entente/internal/testkit/pipetest"
	"github.com/entente-nlp/entente/pipeline"
)

// TestFactsReferToDocumentEntities checks, over every article in testdata
// and a synthetic corpus, that each event participant and location and each
// relation endpoint is an entity of the same document: output consumers
// (the table, the graph, users' joins) must never meet a dangling id.
func TestFactsReferToDocumentEntities(t *testing.T) {
	stages := pipetest.Stages(t, nil, nil)
	var docs []*pipeline.Document
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "*.md"))
	more, _ := filepath.Glob(filepath.Join("..", "testdata", "ingest", "*.*"))
	for _, p := range append(paths, more...) {
		if filepath.Ext(p) == ".golden" {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, &pipeline.Document{ID: p, Source: p, Original: b, Published: "2016-12-22"})
	}
	c, err := bench.NewCorpus(bench.DefaultSentences(), 40, 12, 3)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < c.Len(); i++ {
		text, pub := c.Article(i)
		docs = append(docs, &pipeline.Document{ID: "synthetic", Source: "synthetic", Format: "text", Original: []byte(text), Published: pub})
	}
	facts := 0
	for _, d := range docs {
		pipetest.Run(t, stages, d)
		known := map[string]bool{}
		for _, e := range d.Entities {
			known[e.ID] = true
		}
		check := func(what, id string) {
			facts++
			if !known[id] {
				t.Errorf("%s: %s refers to %q, which is not an entity of the document", d.Source, what, id)
			}
		}
		for _, ev := range d.Events {
			for _, p := range ev.Participants {
				check("event "+ev.ID+" participant", p.Entity)
			}
			if ev.Location != "" {
				check("event "+ev.ID+" location", ev.Location)
			}
		}
		for _, r := range d.Relations {
			check("relation "+r.Type+" source", r.Source)
			check("relation "+r.Type+" target", r.Target)
		}
	}
	if facts < 100 {
		t.Errorf("only %d facts checked over %d documents: the test data no longer exercises events and relations", facts, len(docs))
	}
}
