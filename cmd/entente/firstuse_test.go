package main

// firstuse_test.go: what a first-time user meets — --version, exit
// statuses, messages without Go internals, readable stderr on a terminal,
// table limits, graph type names, safe -o everywhere.

import (
	"bytes"
	"image/png"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/entente-nlp/entente/internal/testkit/testutil"
	"github.com/entente-nlp/entente/pipeline"
)

func TestVersionOf(t *testing.T) {
	bi := &debug.BuildInfo{GoVersion: "go1.99", Main: debug.Module{Path: "github.com/entente-nlp/entente", Version: "v1.2.3"},
		Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "abc123"}, {Key: "vcs.time", Value: "2026-12-04T20:00:00Z"}, {Key: "vcs.modified", Value: "true"}}}
	got := versionOf(bi, true)
	for _, want := range []string{"entente v1.2.3\n", "revision abc123 (2026-12-04T20:00:00Z), with uncommitted changes\n", "go1.99 "} {
		if !strings.Contains(got, want) {
			t.Errorf("version %q lacks %q", got, want)
		}
	}
	got = versionOf(&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, true)
	if !strings.HasPrefix(got, "entente (development build)\nrevision unknown") || !strings.Contains(got, runtime.Version()) {
		t.Errorf("development build: %q", got)
	}
	if got := versionOf(nil, false); !strings.Contains(got, "version unknown") {
		t.Errorf("no build info: %q", got)
	}
}

func TestCLIVersion(t *testing.T) {
	stdout, stderr, code := run(t, t.TempDir(), nil, "--version")
	if code != 0 || !strings.HasPrefix(stdout, "entente ") || !strings.Contains(stdout, "revision ") || stderr != "" {
		t.Errorf("--version: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// Exit status 0 with warnings only, 1 when a document failed, 2 for a
// bad command line or configuration; no Go internals in the messages.
func TestCLIExitStatuses(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "warn.jsonl"), []byte(`{"id":"a","text":"Putin met Erdogan in Moscow.","published":"2016-13-45"}`+"\n"+
		`{"id":"b","text":"Lavrov spoke in Ankara.","published":123}`+"\n"+`{"id":"c","text":"Zarif spoke."}`+"\n"))
	stdout, stderr, code := run(t, dir, nil, "extract", "warn.jsonl", "--format", "jsonl")
	if code != 0 {
		t.Errorf("warnings only: exit %d, want 0; stderr:\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "3 documents: 1 ok, 2 with warnings, 0 failed") {
		t.Errorf("summary does not separate warnings:\n%s", stderr)
	}
	for _, want := range []string{`"id":"a"`, `"id":"b"`, `"id":"c"`, `"published":""`} {
		if !strings.Contains(stdout, want) {
			t.Errorf("records lack %s:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, `"published":"2016-13-45"`) {
		t.Errorf("an impossible publication date is copied to the output:\n%s", stdout)
	}

	_, stderr, code = run(t, dir, nil, "extract", "warn.jsonl", "missing.md", "--format", "jsonl")
	if code != 1 || !strings.Contains(stderr, "4 documents: 1 ok, 2 with warnings, 1 failed") {
		t.Errorf("a failed document: exit %d, want 1; stderr:\n%s", code, stderr)
	}

	for _, c := range []struct {
		args, env []string
		want      []string
	}{
		{[]string{"extract", "warn.jsonl", "--workers", "2.5"}, nil, []string{`flag --workers: "2.5" is not a whole number`}},
		{[]string{"extract", "warn.jsonl", "--nosuchflag"}, nil, []string{"unknown flag: --nosuchflag", "entente extract --help"}},
		{[]string{"extract"}, nil, []string{"extract: no inputs"}},
		{[]string{"frobnicate"}, nil, []string{`unknown command "frobnicate"`}},
		{[]string{"config"}, []string{"ENTENTE_WORKERS=2.5", "ENTENTE_OUTPUT_FORMAT=xml", "ENTENTE_NLP_PROSE_NER=maybe"},
			[]string{"environment variable ENTENTE_WORKERS: workers must be a whole number, not \"2.5\"",
				`environment variable ENTENTE_OUTPUT_FORMAT: output.format "xml" is not one of`,
				`environment variable ENTENTE_NLP_PROSE_NER: nlp.prose_ner must be true or false, not "maybe"`}},
		{[]string{"graph", "warn.jsonl", "--types", "PEOPLE", "-o", "g.dot"}, nil, []string{`unknown entity type "PEOPLE" (known: PERSON, COUNTRY, ORGANIZATION, LOCATION`}},
		{[]string{"eval"}, nil, []string{"eval: nothing to score"}},
		{[]string{"eval", "--gold", "nope.json"}, nil, []string{"eval: answer key nope.json: no such file or directory"}},
		{[]string{"gazetteer", "lookup", "x", "--gazetteer", "nope.yaml"}, nil, []string{"gazetteer: nope.yaml: no such file or directory"}},
	} {
		_, stderr, code := run(t, dir, c.env, c.args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2; stderr:\n%s", c.args, code, stderr)
		}
		for _, w := range c.want {
			if !strings.Contains(stderr, w) {
				t.Errorf("%v: stderr lacks %q:\n%s", c.args, w, stderr)
			}
		}
		for _, internal := range []string{"strconv", "ParseInt", "mapstructure", "invalid syntax", "open "} {
			if strings.Contains(stderr, internal) {
				t.Errorf("%v: stderr shows Go internals (%s):\n%s", c.args, internal, stderr)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "g.dot")); err == nil {
		t.Error("graph with an unknown type wrote its output")
	}
}

// A misspelt ENTENTE_ variable is warned about; --format is
// case-insensitive.
func TestCLIEnvironmentAndFormatCase(t *testing.T) {
	dir := t.TempDir()
	_, stderr, code := run(t, dir, []string{"ENTENTE_OUTPT_FORMAT=table"}, "config")
	if code != 0 || !strings.Contains(stderr, "ENTENTE_OUTPT_FORMAT is not a setting of entente and is ignored (did you mean ENTENTE_OUTPUT_FORMAT?)") {
		t.Errorf("misspelt variable: exit %d, stderr:\n%s", code, stderr)
	}
	article := filepath.Join(testutil.RepoRoot(t), "testdata", "moscow-declaration.md")
	stdout, stderr, code := run(t, dir, nil, "extract", article, "--format", "TABLE", "-q")
	if code != 0 || !strings.Contains(stdout, "== Moscow Declaration") || !strings.Contains(stdout, "more (extract --limit 0 lists all)") {
		t.Errorf("--format TABLE: exit %d, stderr %s, stdout:\n%.300s", code, stderr, stdout)
	}
	all, _, _ := run(t, dir, nil, "extract", article, "--format", "table", "--limit", "0", "-q")
	if strings.Contains(all, "more (extract --limit 0") || strings.Count(all, "\n") <= strings.Count(stdout, "\n") {
		t.Errorf("--limit 0 does not list every row:\n%s", all)
	}
}

// On a terminal, stderr reads as sentences: the summary is a plain line,
// warnings say so, nothing is a level=… record.
func TestHumanLog(t *testing.T) {
	s := newSession()
	var buf bytes.Buffer
	s.setupLoggingAs(&buf, true)
	app := &App{s: s}
	s.log.Warn("ingest: a.jsonl:1: publication date \"x\" is not a date", "doc", "a", "stage", "ingest")
	app.reportSummary(pipeline.Summary{OK: 1, Warned: 1, Failed: 1, Elapsed: 1234 * time.Millisecond}, nil)
	s.log.Debug("hidden")
	want := "entente: warning: ingest: a.jsonl:1: publication date \"x\" is not a date (doc a, stage ingest)\n" +
		"entente: 3 documents: 1 ok, 1 with warnings, 1 failed (elapsed 1.2s)\n"
	if buf.String() != want {
		t.Errorf("terminal log:\n%s\nwant:\n%s", buf.String(), want)
	}
	buf.Reset()
	s.setupLoggingAs(&buf, false)
	app.reportSummary(pipeline.Summary{OK: 1}, nil)
	if got := buf.String(); !strings.HasPrefix(got, `level=INFO msg="1 document: 1 ok, 0 failed"`) || strings.Contains(got, "summary") {
		t.Errorf("piped log: %q", got)
	}
	if l := slog.New(newHumanHandler(&buf, slog.LevelInfo)).With("k", []string{"a", "b"}); l == nil {
		t.Fatal("WithAttrs")
	}
}

// graph -o follows a symbolic link instead of replacing it, and one
// article's event graph is drawn about square, not as a strip.
func TestGraphOutput(t *testing.T) {
	t.Parallel()
	article := filepath.Join(testutil.RepoRoot(t), "testdata", "moscow-declaration.md")
	dir := t.TempDir()
	real := filepath.Join(dir, "real.json")
	if err := os.WriteFile(real, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "g.json")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	if _, err := runEntente(t, "graph", article, "-o", link); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("graph -o replaced the link")
	}
	if fi, err := os.Stat(real); err != nil || fi.Mode().Perm() != 0o640 || fi.Size() < 100 {
		t.Errorf("graph -o target: %v %v", fi, err)
	}
	if _, err := exec.LookPath("dot"); err != nil {
		t.Skip("Graphviz's dot is not installed: the drawing is not checked")
	}
	out := filepath.Join(dir, "events.png")
	if _, err := runEntente(t, "graph", article, "--events", "-o", out); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.DecodeConfig(f)
	if err != nil {
		t.Fatal(err)
	}
	if w, h := img.Width, img.Height; w > 2*h || h > 2*w || w > 6000 {
		t.Errorf("the event graph of one article is %d x %d pixels", w, h)
	}
}

// The answer key in testdata scores the reference article from a clone,
// as the README shows.
func TestEvalTestdataGold(t *testing.T) {
	t.Parallel()
	root := testutil.RepoRoot(t)
	out, err := runEntente(t, "eval", "--gold", filepath.Join(root, "testdata", "gold", "moscow-declaration.gold.json"),
		filepath.Join(root, "testdata", "moscow-declaration.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "entities") || !strings.Contains(out, "relations") {
		t.Errorf("eval output:\n%s", out)
	}
}

type modelBytes string

func (m modelBytes) Write(w io.Writer) error { _, err := io.WriteString(w, string(m)); return err }

// Models, parses and imports are written through internal/app/outfile
// too: a link is followed, the file keeps its mode, and an error names the
// output, never a temporary file.
func TestWriteModelFile(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.bin")
	if err := os.WriteFile(real, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "model.bin")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	n, err := writeModelFile(link, "train ner", modelBytes("weights"))
	if err != nil || n != 7 {
		t.Fatalf("%d, %v", n, err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced")
	}
	if b, _ := os.ReadFile(real); string(b) != "weights" {
		t.Errorf("target holds %q", b)
	}
	if fi, _ := os.Stat(real); fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v", fi.Mode().Perm())
	}
	_, err = writeModelFile(filepath.Join(dir, "no", "such", "m.bin"), "train ner", modelBytes("x"))
	if err == nil || !strings.Contains(err.Error(), "m.bin") || strings.Contains(err.Error(), ".model-") || strings.Contains(err.Error(), "open ") {
		t.Errorf("error %v", err)
	}
}
