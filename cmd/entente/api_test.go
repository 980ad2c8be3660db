package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/entente-nlp/entente"
	"github.com/entente-nlp/entente/graph"
	"github.com/entente-nlp/entente/internal/testkit/testutil"
)

// The Go API gives the records and the graph the CLI gives, byte for
// byte: articles through `entente extract` and `entente graph` (the built
// binary, default configuration) and through entente.New, Extract,
// ExtractAll and entente.Graph.
func TestGoAPIMatchesCLI(t *testing.T) {
	root := testutil.RepoRoot(t)
	dir := t.TempDir() // no entente.yaml here
	ref := filepath.Join(root, "testdata", "moscow-declaration.md")
	paths := []string{ref, filepath.Join(root, "testdata", "example.md"), filepath.Join(root, "testdata", "ingest", "wire.html")}

	// The reference article in five lines.
	x, err := entente.New()
	if err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(ref)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := x.Extract(context.Background(), entente.Input{ID: "moscow-declaration", Source: ref, Text: string(text)})
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.Marshal(rec)
	if err != nil {
		t.Fatal(err)
	}
	cli, stderr, code := run(t, dir, nil, "extract", ref, "--format", "jsonl")
	if code != 0 {
		t.Fatalf("entente extract: exit %d\n%s", code, stderr)
	}
	if want := strings.TrimSuffix(cli, "\n"); string(got) != want {
		t.Fatalf("Extract's record differs from entente extract's:\n--- Go API\n%s\n--- CLI\n%s", got, want)
	}

	// Several articles through ExtractAll, then the graph.
	inputs := func(yield func(entente.Input) bool) {
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Error(err)
				return
			}
			id := strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
			if !yield(entente.Input{ID: id, Source: p, Text: string(b)}) {
				return
			}
		}
	}
	var recs []*entente.Record
	var jsonl bytes.Buffer
	for r, err := range x.ExtractAll(context.Background(), inputs) {
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, r)
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		jsonl.Write(append(b, '\n'))
	}
	cli, stderr, code = run(t, dir, nil, slices.Concat([]string{"extract", "--format", "jsonl"}, paths)...)
	if code != 0 {
		t.Fatalf("entente extract: exit %d\n%s", code, stderr)
	}
	if jsonl.String() != cli {
		t.Fatalf("ExtractAll's records differ from entente extract's:\n--- Go API\n%s\n--- CLI\n%s", jsonl.String(), cli)
	}
	for _, events := range []bool{false, true} {
		args := slices.Concat([]string{"graph", "-o", "-", "--format", "json"}, paths)
		if events {
			args = append(args, "--events")
		}
		cli, stderr, code := run(t, dir, nil, args...)
		if code != 0 {
			t.Fatalf("entente %v: exit %d\n%s", args, code, stderr)
		}
		// entente graph drops entities without relations by default.
		all, err := entente.Graph(recs, graph.Options{Events: events})
		if err != nil {
			t.Fatal(err)
		}
		g, err := all.Filter(graph.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := graph.Write(context.Background(), &buf, g, graph.FormatJSON, graph.DOTOptions{}); err != nil {
			t.Fatal(err)
		}
		if buf.String() != cli {
			t.Errorf("entente.Graph (events %v) differs from entente graph:\n--- Go API\n%s\n--- CLI\n%s", events, buf.String(), cli)
		}
	}
}
