// Package pipetest builds entente's real stages for tests and benchmarks
// in other packages, so each of them runs the pipeline the way the program
// does instead of wiring it again.
//
// It is part of the test kit (internal/testkit): only _test.go files
// import it. It imports the stages, so a stage's in-package tests cannot.
package pipetest

import (
	"context"
	"os"
	"testing"

	"github.com/entente-nlp/entente/extract"
	"github.com/entente-nlp/entente/internal/testkit/testutil"
	"github.com/entente-nlp/entente/pipeline"
)

// Stages builds the named stages (nil: the default pipeline) on the
// embedded resources: prose's models, the entity tagger and the gazetteer.
func Stages(t testing.TB, names []string, opts map[string]map[string]any) []pipeline.Stage {
	t.Helper()
	return StagesGiven(t, nil, names, opts)
}

// StagesGiven is Stages for documents that already carry the given
// artifacts (pipeline.ArtifactText for documents made of clean text, say).
func StagesGiven(t testing.TB, given, names []string, opts map[string]map[string]any) []pipeline.Stage {
	t.Helper()
	if names == nil {
		names = extract.DefaultPipeline()
	}
	env, err := extract.LoadEnv(false)
	if err != nil {
		t.Fatal(err)
	}
	stages, err := extract.BuildStagesGiven(env, given, names, opts)
	if err != nil {
		t.Fatal(err)
	}
	return stages
}

// Run runs stages over d and fails the test when a stage reports an error.
func Run(t testing.TB, stages []pipeline.Stage, d *pipeline.Document) *pipeline.Document {
	t.Helper()
	if err := pipeline.ProcessDocument(context.Background(), stages, d); err != nil {
		t.Fatal(err)
	}
	for _, e := range d.Errors {
		t.Fatalf("%s: stage %s: %s", d.ID, e.Stage, e.Message)
	}
	return d
}

// Reference returns a fresh, unprocessed Document of the reference article
// (testdata/moscow-declaration.md), its publication date left for the
// ingest stage to find in the dateline.
func Reference(t testing.TB) *pipeline.Document {
	t.Helper()
	src, err := os.ReadFile(testutil.Testdata(t, "moscow-declaration.md"))
	if err != nil {
		t.Fatal(err)
	}
	return &pipeline.Document{ID: "moscow-declaration", Source: "moscow-declaration.md", Original: src}
}
