package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/entente-nlp/entente"
	"github.com/entente-nlp/entente/internal/app/config"
	"github.com/entente-nlp/entente/internal/app/output"
	"github.com/entente-nlp/entente/internal/testkit/testutil"
	"github.com/entente-nlp/entente/pipeline"
)

// loadTestConfig loads the default configuration, as the program would
// with no file, no environment and no flags.
func loadTestConfig(t testing.TB) (*config.Config, error) {
	o := configOptions()
	o.Dir, o.Environ = t.TempDir(), []string{}
	return config.Load(o)
}

// testApp builds the app on the default configuration (no file, no
// environment), with edits applied.
func testApp(t *testing.T, edit func(*config.Config)) *App {
	t.Helper()
	cfg, err := loadTestConfig(t)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Workers = 2
	if edit != nil {
		edit(cfg)
	}
	app, err := testSession().buildApp(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return app
}

// testSession returns a session whose log goes to a buffer (see logsOf),
// as newRoot's would at the default level.
func testSession() *session {
	s := newSession()
	s.setupLogging(&syncBuffer{})
	return s
}

// logsOf returns the buffer app's session logs to.
func logsOf(app *App) *syncBuffer {
	app.s.logOut.mu.Lock()
	defer app.s.logOut.mu.Unlock()
	return app.s.logOut.w.(*syncBuffer)
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func extractJSON(t *testing.T, app *App, inputs ...string) ([]entente.Record, error) {
	t.Helper()
	var out bytes.Buffer
	err := runExtract(context.Background(), &out, app, inputs, "")
	var recs []entente.Record
	if jerr := json.Unmarshal(out.Bytes(), &recs); jerr != nil {
		t.Fatalf("output is not a JSON array of records: %v\n%s", jerr, out.Bytes())
	}
	return recs, err
}

// The done-when test of issue 2: the reference article comes out as one
// valid record whose every mention offset slices the original file to the
// mention text.
func TestExtractReferenceArticleOffsets(t *testing.T) {
	t.Parallel()
	path := testutil.Testdata(t, "moscow-declaration.md")
	orig, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := extractJSON(t, testApp(t, nil), path)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 {
		t.Fatalf("%d records", len(recs))
	}
	r := recs[0]
	if r.ID != "moscow-declaration" || r.Source != path || len(r.Errors) != 0 {
		t.Errorf("record header: id %q source %q errors %v", r.ID, r.Source, r.Errors)
	}
	if len(r.Entities) == 0 {
		t.Fatal("no entities found in the reference article")
	}
	n := 0
	for _, e := range r.Entities {
		if e.ID == "" || e.Type == "" || e.Name == "" {
			t.Errorf("incomplete entity %+v", e)
		}
		for _, m := range e.Mentions {
			n++
			if m.Start < 0 || m.End > len(orig) || m.Start >= m.End {
				t.Errorf("%s: mention [%d,%d) out of range", e.ID, m.Start, m.End)
				continue
			}
			if got := string(orig[m.Start:m.End]); got != m.Text {
				t.Errorf("%s: original[%d:%d] = %q, mention text %q", e.ID, m.Start, m.End, got, m.Text)
			}
		}
	}
	for _, d := range r.Dates {
		if got := string(orig[d.Start:d.End]); got != d.Text {
			t.Errorf("date original[%d:%d] = %q, text %q", d.Start, d.End, got, d.Text)
		}
	}
	if n == 0 {
		t.Error("no mentions")
	}
	t.Logf("%d entities, %d mentions, %d dates, %d events, %d relations", len(r.Entities), n, len(r.Dates), len(r.Events), len(r.Relations))
}

func write(t *testing.T, p string, body []byte) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, body, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// Each bad input of issue 2 gets one clear error naming the input and the
// reason, the other documents still come out, the run reports failure and
// the summary counts ok/failed.
func TestExtractBadInputs(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	good := func(name string) string {
		return write(t, filepath.Join(dir, name), []byte("Vladimir Putin met Recep Tayyip Erdogan in Moscow on Tuesday.\n"))
	}
	noMatch := filepath.Join(dir, "pdfs")
	write(t, filepath.Join(noMatch, "a.pdf"), []byte("%PDF-1.4"))
	inputs := []struct {
		path string
		want []string // "" path means a good document
	}{
		{good("first.txt"), nil},
		{filepath.Join(dir, "missing.md"), []string{"missing.md", "no such file"}},
		{noMatch, []string{"pdfs", "no files matching"}},
		{write(t, filepath.Join(dir, "empty.txt"), nil), []string{"empty.txt", "empty"}},
		{write(t, filepath.Join(dir, "binary.txt"), []byte("PK\x03\x04\x00\x00\x01\x02binary")), []string{"binary.txt", "binary"}},
		{write(t, filepath.Join(dir, "latin1.txt"), []byte("Caf\xe9 in Moscow")), []string{"latin1.txt", "invalid UTF-8"}},
		{write(t, filepath.Join(dir, "huge.txt"), bytes.Repeat([]byte("word "), 1000)), []string{"huge.txt", "4.9 KiB", "limit of 4.0 KiB", "input.max_bytes"}},
		{good("middle.md"), nil},
		{write(t, filepath.Join(dir, "lines.jsonl"), []byte(`{"text":"Putin spoke."}`+"\n"+`{"text": oops}`+"\n")), nil},
		{good("last.html"), nil},
	}
	var paths []string
	for _, in := range inputs {
		paths = append(paths, in.path)
	}
	app := testApp(t, func(c *config.Config) { c.Input.MaxBytes = 4096 })
	logs := logsOf(app)
	recs, err := extractJSON(t, app, paths...)
	if !errors.Is(err, errReported) {
		t.Errorf("extract returned %v, want the failure status", err)
	}
	// lines.jsonl yields two records: a good one and line 2's error.
	if len(recs) != len(inputs)+1 {
		t.Fatalf("%d records for %d inputs (+1 JSONL line)", len(recs), len(inputs))
	}
	check := func(r entente.Record, want []string) {
		t.Helper()
		if want == nil {
			if len(r.Errors) != 0 {
				t.Errorf("%s: unexpected errors %+v", r.ID, r.Errors)
			}
			if len(r.Entities) == 0 {
				t.Errorf("%s: good document has no entities", r.ID)
			}
			return
		}
		if len(r.Errors) != 1 || !r.Errors[0].Fatal {
			t.Errorf("%s: want one fatal error, got %+v", r.ID, r.Errors)
			return
		}
		for _, w := range want {
			if !strings.Contains(r.Errors[0].Message, w) {
				t.Errorf("%s: error %q does not mention %q", r.ID, r.Errors[0].Message, w)
			}
		}
	}
	for i, in := range inputs[:8] {
		check(recs[i], in.want)
	}
	check(recs[8], nil)
	check(recs[9], []string{"lines.jsonl:2", "invalid JSON"})
	check(recs[10], nil)
	for _, want := range []string{"11 documents: 4 ok, 7 failed", "missing.md: no such file"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, logs)
		}
	}
}

// 1,000 generated documents in a directory and in a JSON Lines file keep
// input order through the whole pipeline.
func TestExtractThousandDocumentsKeepOrder(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("short")
	}
	const n = 1000
	dir := t.TempDir()
	var lines bytes.Buffer
	for i := 0; i < n; i++ {
		text := fmt.Sprintf("Document %d. Sergey Lavrov met Mevlut Cavusoglu in Ankara on December %d, 2016.", i, 1+i%28)
		write(t, filepath.Join(dir, "docs", fmt.Sprintf("%04d.txt", i)), []byte(text))
		fmt.Fprintf(&lines, `{"id":"line-%04d","text":%q}`+"\n", i, text)
	}
	jsonl := write(t, filepath.Join(dir, "corpus.jsonl"), lines.Bytes())
	app := testApp(t, nil)
	for _, input := range []string{filepath.Join(dir, "docs"), jsonl} {
		var out bytes.Buffer
		app.Config.Output.Format = "jsonl"
		if err := runExtract(context.Background(), &out, app, []string{input}, ""); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(&out)
		sc.Buffer(nil, 1<<20)
		i := 0
		for ; sc.Scan(); i++ {
			var r entente.Record
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				t.Fatalf("line %d: %v", i+1, err)
			}
			want := fmt.Sprintf("%04d", i)
			if strings.HasSuffix(input, ".jsonl") {
				want = "line-" + want
			}
			if r.ID != want || len(r.Errors) != 0 {
				t.Fatalf("%s: record %d is %s (errors %v), want %s", input, i, r.ID, r.Errors, want)
			}
		}
		if i != n {
			t.Errorf("%s: %d records, want %d", input, i, n)
		}
	}
}

// cancelAfter is an output that cancels the run after its n-th write.
type cancelAfter struct {
	bytes.Buffer
	n      int
	cancel context.CancelFunc
}

func (c *cancelAfter) Write(p []byte) (int, error) {
	c.n--
	if c.n == 0 {
		c.cancel()
	}
	return c.Buffer.Write(p)
}

// A cancelled run writes the documents finished before it, whole and in
// order, and the output stays valid.
func TestExtractCancelWritesWholeDocuments(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var lines bytes.Buffer
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&lines, `{"id":"%d","text":"Document %d: Putin met Erdogan in Moscow."}`+"\n", i, i)
	}
	in := write(t, filepath.Join(dir, "c.jsonl"), lines.Bytes())
	for _, format := range []string{"json", "jsonl"} {
		t.Run(format, func(t *testing.T) {
			app := testApp(t, func(c *config.Config) { c.Output.Format = format })
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			out := &cancelAfter{n: 5, cancel: cancel}
			err := runExtract(ctx, out, app, []string{in}, "")
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("extract returned %v, want context.Canceled", err)
			}
			var recs []entente.Record
			if format == "json" {
				if err := json.Unmarshal(out.Bytes(), &recs); err != nil {
					t.Fatalf("cancelled json output is invalid: %v\n%s", err, out.Bytes())
				}
			} else {
				for _, line := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
					var r entente.Record
					if err := json.Unmarshal([]byte(line), &r); err != nil {
						t.Fatalf("cancelled jsonl output has a broken line %q: %v", line, err)
					}
					recs = append(recs, r)
				}
			}
			if len(recs) < 5 || len(recs) >= 300 {
				t.Fatalf("%d records after cancelling at the 5th", len(recs))
			}
			for i, r := range recs {
				if r.ID != fmt.Sprint(i) || len(r.Errors) != 0 || len(r.Entities) == 0 {
					t.Fatalf("record %d: id %s errors %v entities %d", i, r.ID, r.Errors, len(r.Entities))
				}
			}
		})
	}
}

// -o writes through a temporary file: a finished file appears whole, and
// no temporary file is left behind.
func TestExtractOutputFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := write(t, filepath.Join(dir, "a.txt"), []byte("Putin met Erdogan in Moscow."))
	dst := filepath.Join(dir, "out", "entities.csv")
	if err := os.Mkdir(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	app := testApp(t, func(c *config.Config) { c.Output.Format = "csv" })
	var stdout bytes.Buffer
	if err := runExtract(context.Background(), &stdout, app, []string{in}, dst); err != nil {
		t.Fatal(err)
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout written with -o: %q", stdout.String())
	}
	b, err := os.ReadFile(dst)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), strings.Join(output.CSVHeader, ",")+"\n") || !strings.Contains(string(b), "a,"+in) {
		t.Errorf("csv output:\n%s", b)
	}
	left, _ := os.ReadDir(filepath.Dir(dst))
	if len(left) != 1 {
		t.Errorf("files left beside the output: %v", left)
	}
	if err := runExtract(context.Background(), &stdout, app, []string{in}, filepath.Join(dir, "no-such-dir", "x.csv")); err == nil ||
		!strings.Contains(err.Error(), "no-such-dir") {
		t.Errorf("unwritable output: %v", err)
	}
}

// -o follows a symbolic link, keeps the mode of the file it replaces, and
// refuses a read-only file without touching it (internal/app/outfile tests
// devices, FIFOs and the rest).
func TestExtractOutputTargets(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := write(t, filepath.Join(dir, "a.txt"), []byte("Putin met Erdogan in Moscow."))
	app := testApp(t, func(c *config.Config) { c.Output.Format = "jsonl" })
	real := write(t, filepath.Join(dir, "real.jsonl"), []byte("old\n"))
	if err := os.Chmod(real, 0o640); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.jsonl")
	if err := os.Symlink("real.jsonl", link); err != nil {
		t.Skip("no symbolic links:", err)
	}
	if err := runExtract(context.Background(), io.Discard, app, []string{in}, link); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Lstat(link); info.Mode()&os.ModeSymlink == 0 {
		t.Error("-o replaced the symbolic link")
	}
	if b, _ := os.ReadFile(real); !strings.Contains(string(b), `"id":"a"`) {
		t.Errorf("link target holds %q", b)
	}
	if info, _ := os.Stat(real); info.Mode().Perm() != 0o640 {
		t.Errorf("mode %v after -o, want -rw-r-----", info.Mode().Perm())
	}
	ro := write(t, filepath.Join(dir, "ro.jsonl"), []byte("keep\n"))
	if err := os.Chmod(ro, 0o444); err != nil {
		t.Fatal(err)
	}
	err := runExtract(context.Background(), io.Discard, app, []string{in}, ro)
	if err == nil || !strings.Contains(err.Error(), ro) {
		t.Errorf("read-only output: error %v, want a refusal naming it", err)
	}
	if b, _ := os.ReadFile(ro); string(b) != "keep\n" {
		t.Errorf("read-only output overwritten: %q", b)
	}
}

// Without a terminal, progress is logged: rate and ETA lines, and with
// --verbose a line per document with done/of.
func TestLoggedProgress(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var inputs []string
	for i := 0; i < 3; i++ {
		inputs = append(inputs, write(t, filepath.Join(dir, fmt.Sprintf("%d.txt", i)), []byte("Putin met Erdogan.")))
	}
	for _, verbose := range []bool{false, true} {
		app := testApp(t, nil)
		app.s.verbose = verbose
		app.s.setupLoggingAs(&syncBuffer{}, false)
		app.s.progressEvery = 0 // a progress line after every document
		sum, err := app.Run(context.Background(), inputs, func(*pipeline.Document) error { return nil })
		if err != nil || sum.OK != 3 {
			t.Fatalf("%+v %v", sum, err)
		}
		out := logsOf(app).String()
		for _, want := range []string{"msg=progress done=2 rate=", "eta=", "3 documents: 3 ok, 0 failed"} {
			if !strings.Contains(out, want) {
				t.Errorf("verbose %v: log lacks %q:\n%s", verbose, want, out)
			}
		}
		for _, want := range []string{"msg=document id=0", "done=1 of=3", "done=3 of=3"} {
			if strings.Contains(out, want) != verbose {
				t.Errorf("verbose %v: per-document line %q shown: %v:\n%s", verbose, want, !verbose, out)
			}
		}
	}
}
