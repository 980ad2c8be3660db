package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/entente-nlp/entente/pipeline"
)

var defaultInclude = []string{"*.txt", "*.md", "*.markdown", "*.html", "*.htm", "*.jsonl", "*.ndjson"}

func writeFile(t *testing.T, p, body string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func read(t *testing.T, o Options, inputs ...string) []*pipeline.Document {
	t.Helper()
	if o.Include == nil {
		o.Include = defaultInclude
	}
	docs, err := o.Read(context.Background(), inputs)
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range docs {
		if d.Seq != i {
			t.Fatalf("document %d has Seq %d", i, d.Seq)
		}
	}
	n, err := o.Count(context.Background(), inputs)
	if err != nil || n != len(docs) {
		t.Errorf("Count = %d, %v; Source emitted %d", n, err, len(docs))
	}
	return docs
}

// failure returns the single fatal error of d, failing the test otherwise.
func failure(t *testing.T, d *pipeline.Document) string {
	t.Helper()
	if len(d.Errors) != 1 || !d.Errors[0].Fatal || d.Errors[0].Stage != Stage {
		t.Fatalf("document %s: want one fatal source error, got %+v", d.ID, d.Errors)
	}
	return d.Errors[0].Message
}

func mustContain(t *testing.T, msg string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(msg, p) {
			t.Errorf("message %q does not mention %q", msg, p)
		}
	}
}

func TestFilesInOrderWithFormatHints(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, filepath.Join(dir, "a.md"), "# A")
	b := writeFile(t, filepath.Join(dir, "b.html"), "<p>B</p>")
	c := writeFile(t, filepath.Join(dir, "c.txt"), "C")
	e := writeFile(t, filepath.Join(dir, "e.article"), "E")
	docs := read(t, Options{}, c, a, b, e)
	want := []struct{ id, format, text string }{{"c", "text", "C"}, {"a", "markdown", "# A"}, {"b", "html", "<p>B</p>"}, {"e", "", "E"}}
	if len(docs) != len(want) {
		t.Fatalf("%d documents", len(docs))
	}
	for i, w := range want {
		d := docs[i]
		if d.ID != w.id || d.Format != w.format || string(d.Original) != w.text || len(d.Errors) != 0 {
			t.Errorf("doc %d = id %q format %q text %q errors %v; want %+v", i, d.ID, d.Format, d.Original, d.Errors, w)
		}
	}
	if docs[1].Source != a {
		t.Errorf("source %q, want %q", docs[1].Source, a)
	}
}

func TestDirectoryRecursiveWithIncludes(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "b.md"), "b")
	writeFile(t, filepath.Join(dir, "a.txt"), "a")
	writeFile(t, filepath.Join(dir, "sub", "c.html"), "c")
	writeFile(t, filepath.Join(dir, "sub", "skip.pdf"), "%PDF")
	writeFile(t, filepath.Join(dir, ".git", "x.md"), "hidden")
	docs := read(t, Options{}, dir)
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ID)
	}
	if got := strings.Join(ids, " "); got != "a b sub/c" {
		t.Errorf("ids %q, want lexical order a b sub/c without hidden or excluded files", got)
	}

	only := read(t, Options{Include: []string{"sub/*.html"}}, dir)
	if len(only) != 1 || only[0].ID != "sub/c" {
		t.Errorf("slash pattern matched %v", only)
	}
}

func TestStdinAndPublishedOverride(t *testing.T) {
	docs := read(t, Options{Stdin: strings.NewReader("from stdin"), Published: "2016-12-22"}, "-")
	if len(docs) != 1 {
		t.Fatal(len(docs))
	}
	d := docs[0]
	if d.ID != "stdin" || d.Source != "-" || string(d.Original) != "from stdin" || d.Published != "2016-12-22" || d.PublishedFrom != "flag" {
		t.Errorf("stdin doc %+v", d)
	}
}

func TestDuplicateIDsAreMadeUnique(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, filepath.Join(dir, "x", "same.md"), "1")
	b := writeFile(t, filepath.Join(dir, "y", "same.md"), "2")
	docs := read(t, Options{}, a, b)
	if docs[0].ID != "same" || docs[1].ID != "same#2" {
		t.Errorf("ids %q %q", docs[0].ID, docs[1].ID)
	}
}

// Each bad input yields one failed document naming it and the reason, and
// the good documents around it still come out.
func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	good1 := writeFile(t, filepath.Join(dir, "good1.md"), "one")
	good2 := writeFile(t, filepath.Join(dir, "good2.md"), "two")
	big := writeFile(t, filepath.Join(dir, "big.txt"), strings.Repeat("x", 2048))
	empty := filepath.Join(dir, "nothing-here")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(empty, "notes.pdf"), "%PDF")
	missing := filepath.Join(dir, "missing.md")

	cases := []struct {
		name  string
		input string
		want  []string
	}{
		{"missing file", missing, []string{missing, "no such file"}},
		{"directory without matches", empty, []string{empty, "no files matching", "*.md", "input.include"}},
		{"file over max bytes", big, []string{big, "2.0 KiB (2048 bytes)", "limit of 1.0 KiB (1024 bytes)", "input.max_bytes"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			docs := read(t, Options{MaxBytes: 1024}, good1, tc.input, good2)
			if len(docs) != 3 {
				t.Fatalf("%d documents, want 3", len(docs))
			}
			if string(docs[0].Original) != "one" || string(docs[2].Original) != "two" || len(docs[0].Errors)+len(docs[2].Errors) != 0 {
				t.Errorf("good documents disturbed: %+v %+v", docs[0], docs[2])
			}
			mustContain(t, failure(t, docs[1]), tc.want...)
			if docs[1].Source != tc.input {
				t.Errorf("failed document source %q, want %q", docs[1].Source, tc.input)
			}
		})
	}
}

func TestStdinOverLimit(t *testing.T) {
	docs := read(t, Options{Stdin: strings.NewReader(strings.Repeat("x", 100)), MaxBytes: 10}, "-")
	mustContain(t, failure(t, docs[0]), "standard input", "10 bytes", "input.max_bytes")
}

func TestJSONL(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, filepath.Join(dir, "corpus.jsonl"), strings.Join([]string{
		`{"id":"a1","text":"Putin met Erdogan.","title":"T","published":"2016-12-20","url":"http://x","authors":["A","B"],"section":"world","score":3}`,
		``,
		`{"text":"no id here","author":"C","format":"markdown"}`,
		`{"text": "broken",`,
		`{"title":"no text"}`,
		`[1,2]`,
		`{"id":7,"text":"numeric id","published":null}`,
		`{"text":"` + strings.Repeat("y", 300) + `"}`,
		`{"text":"last"}`,
	}, "\n"))
	docs := read(t, Options{MaxBytes: 200}, p)
	if len(docs) != 8 {
		t.Fatalf("%d documents, want 8 (blank line skipped)", len(docs))
	}
	d := docs[0]
	if d.ID != "a1" || string(d.Original) != "Putin met Erdogan." || d.Title != "T" || d.Published != "2016-12-20" ||
		d.PublishedFrom != "jsonl" || d.URL != "http://x" || strings.Join(d.Authors, ",") != "A,B" ||
		d.Meta["section"] != "world" || d.Meta["score"] != "3" || d.Source != p+":1" || len(d.Errors) != 0 {
		t.Errorf("line 1: %+v", d)
	}
	if d := docs[1]; d.ID != "corpus:3" || d.Authors[0] != "C" || d.Format != "markdown" || d.Source != p+":3" {
		t.Errorf("line 3: %+v", d)
	}
	mustContain(t, failure(t, docs[2]), p+":4: invalid JSON")
	mustContain(t, failure(t, docs[3]), p+":5", `no "text" field`)
	mustContain(t, failure(t, docs[4]), p+":6", "not an object")
	if d := docs[5]; d.ID != "7" || string(d.Original) != "numeric id" || len(d.Errors) != 0 {
		t.Errorf("line 7: %+v", d)
	}
	mustContain(t, failure(t, docs[6]), p+":8", "over the limit of 200 bytes", "input.max_bytes")
	if d := docs[7]; string(d.Original) != "last" || d.ID != "corpus:9" || len(d.Errors) != 0 {
		t.Errorf("line 9 after an oversized line: %+v", d)
	}
}

// A "text" of the wrong type fails the line, keeping its id; a metadata
// field of the wrong type is left out with a warning, and the document is
// read.
func TestJSONLWrongFieldType(t *testing.T) {
	p := writeFile(t, filepath.Join(t.TempDir(), "c.ndjson"), strings.Join([]string{
		`{"id":"t1","text":["a"]}`,
		`{"text":"ok","authors":5}`,
		`{"id":"b","text":"Putin spoke.","published":123,"title":{"a":1}}`,
		`{"id":["x"],"text":"list id"}`,
		`{"id":"n","title":"no text"}`,
	}, "\n"))
	docs := read(t, Options{}, p)
	if docs[0].ID != "t1" {
		t.Errorf("failed line lost its id: %q", docs[0].ID)
	}
	mustContain(t, failure(t, docs[0]), p+":1", `"text" must be a string, not a list`)
	warns := func(d *pipeline.Document, want ...string) {
		t.Helper()
		if d.Failed() || len(d.Errors) != len(want) {
			t.Fatalf("%s: errors %+v, want %d warnings", d.ID, d.Errors, len(want))
		}
		for i, w := range want {
			mustContain(t, d.Errors[i].Message, w)
		}
	}
	warns(docs[1], p+`:2: field "authors" must be a list of strings or a string, not a number; left out`)
	if d := docs[2]; d.ID != "b" || string(d.Original) != "Putin spoke." || d.Published != "" || d.Title != "" {
		t.Errorf("line 3: %+v", d)
	}
	warns(docs[2], p+`:3: field "title" must be a string, not an object; left out`, `field "published" must be a string, not a number; left out`)
	if docs[3].ID != "c:4" || string(docs[3].Original) != "list id" {
		t.Errorf("line 4: %+v", docs[3])
	}
	warns(docs[3], `field "id" must be a string, not a list; the line's position is used instead`)
	if docs[4].ID != "n" {
		t.Errorf("line 5 lost its id: %q", docs[4].ID)
	}
	mustContain(t, failure(t, docs[4]), p+":5", `no "text" field`)
}

func TestEmptyJSONLFile(t *testing.T) {
	p := writeFile(t, filepath.Join(t.TempDir(), "e.jsonl"), "\n\n")
	docs := read(t, Options{}, p)
	mustContain(t, failure(t, docs[0]), p, "no JSON lines")
}

func TestThousandJSONLinesInOrder(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&b, `{"id":"d%04d","text":"document %d"}`+"\n", i, i)
	}
	p := writeFile(t, filepath.Join(t.TempDir(), "big.jsonl"), b.String())
	docs := read(t, Options{}, p)
	if len(docs) != 1000 {
		t.Fatalf("%d documents", len(docs))
	}
	for i, d := range docs {
		if d.ID != fmt.Sprintf("d%04d", i) || string(d.Original) != fmt.Sprintf("document %d", i) {
			t.Fatalf("document %d: %s %q", i, d.ID, d.Original)
		}
	}
}

func TestCancelStopsReading(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 10; i++ {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("%d.txt", i)), "x")
	}
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	err := Options{Include: defaultInclude}.Source([]string{dir})(ctx, func(d *pipeline.Document) error {
		n++
		if n == 3 {
			cancel()
			return ctx.Err()
		}
		return nil
	})
	if err == nil || n != 3 {
		t.Errorf("err %v after %d documents", err, n)
	}
}

func FuzzParseLine(f *testing.F) {
	for _, s := range []string{`{"text":"a","id":"b"}`, `{"authors":"x","text":""}`, `[]`, `null`, `{"text":1}`, `{`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		d, warnings, err := parseLine([]byte(line))
		if err == nil && d == nil {
			t.Fatal("nil document without error")
		}
		if err != nil && (len(warnings) > 0 || d != nil && len(d.Original) > 0) {
			t.Fatal("a document's text or warnings with an error")
		}
	})
}

// A 100 MB file is refused from its size alone, without reading it.
func TestHundredMegabyteFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "huge.md")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(100 << 20); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	f.Close()
	docs := read(t, Options{MaxBytes: 32 << 20}, p)
	mustContain(t, failure(t, docs[0]), p, "100.0 MiB (104857600 bytes)", "limit of 32.0 MiB", "input.max_bytes")
	if docs[0].Original != nil {
		t.Error("the oversized file was read")
	}
}

// FuzzJSONLFile: whatever a JSON Lines file holds, every document is
// either read (perhaps with warnings naming file:line) or carries one
// fatal error naming file:line, and
// Count agrees with what Source emits.
func FuzzJSONLFile(f *testing.F) {
	f.Add([]byte(`{"text":"a"}`+"\n"+`{"text":"b","id":"x"}`), 20)
	f.Add([]byte("\n\n{\n"+`{"text":"`+strings.Repeat("z", 40)+`"}`+"\r\n"), 16)
	f.Add([]byte(`{"text":"a"}{"text":"b"}`), 1000)
	f.Fuzz(func(t *testing.T, body []byte, max int) {
		if max < 1 || max > 1<<16 {
			return
		}
		p := filepath.Join(t.TempDir(), "f.jsonl")
		if err := os.WriteFile(p, body, 0o644); err != nil {
			t.Fatal(err)
		}
		o := Options{Include: defaultInclude, MaxBytes: int64(max)}
		docs, err := o.Read(context.Background(), []string{p})
		if err != nil {
			t.Fatal(err)
		}
		if len(docs) == 0 {
			t.Fatal("no document for a file")
		}
		n, _ := o.Count(context.Background(), []string{p})
		if n != len(docs) {
			t.Errorf("Count %d, Source %d", n, len(docs))
		}
		for _, d := range docs {
			switch {
			case !d.Failed():
				if int64(len(d.Original)) > int64(max) {
					t.Errorf("%s: %d bytes read past the limit %d", d.ID, len(d.Original), max)
				}
				for _, e := range d.Errors { // warnings
					if !strings.Contains(e.Message, p) {
						t.Errorf("%s: warning %q does not name the file", d.ID, e.Message)
					}
				}
			case len(d.Errors) != 1 || !strings.Contains(d.Errors[0].Message, p):
				t.Errorf("%s: errors %+v", d.ID, d.Errors)
			}
		}
	})
}

func TestCountLongLines(t *testing.T) {
	p := writeFile(t, filepath.Join(t.TempDir(), "l.jsonl"), `{"text":"a"}`+"\n"+`{"text":"`+strings.Repeat("x", 100<<10)+`"}`+"\n"+`{"text":"b"}`)
	read(t, Options{MaxBytes: 1 << 20}, p) // read checks Count against Source
	read(t, Options{MaxBytes: 1000}, p)
}

func TestStdinJSONLines(t *testing.T) {
	in := "\n" + `{"id":"a","text":"first"}` + "\n" + `{"text":"second"}` + "\n" + `{"text":` + "\n"
	docs, err := Options{Stdin: strings.NewReader(in), Include: defaultInclude}.Read(context.Background(), []string{"-"})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 3 {
		t.Fatalf("%d documents from JSON Lines on stdin", len(docs))
	}
	if docs[0].ID != "a" || string(docs[0].Original) != "first" || docs[0].Source != "-:2" {
		t.Errorf("first: %+v", docs[0])
	}
	if docs[1].ID != "stdin:3" || string(docs[1].Original) != "second" {
		t.Errorf("second: %+v", docs[1])
	}
	mustContain(t, failure(t, docs[2]), "-:4", "invalid JSON")

	// Text that merely starts with a brace is one document.
	for _, text := range []string{"{not json} but prose\nmore", `{"title":"no text field"}` + "\n", "plain"} {
		docs, err := Options{Stdin: strings.NewReader(text)}.Read(context.Background(), []string{"-"})
		if err != nil || len(docs) != 1 || string(docs[0].Original) != text || len(docs[0].Errors) != 0 {
			t.Errorf("%q: %d docs, %v", text, len(docs), err)
		}
	}
}

func TestJSONLWithByteOrderMark(t *testing.T) {
	p := writeFile(t, filepath.Join(t.TempDir(), "bom.jsonl"), "\xef\xbb\xbf"+`{"text":"first"}`+"\r\n"+`{"text":"second"}`+"\r\n")
	docs := read(t, Options{}, p)
	if len(docs) != 2 || string(docs[0].Original) != "first" || len(docs[0].Errors) != 0 || string(docs[1].Original) != "second" {
		t.Errorf("BOM/CRLF JSON Lines: %+v", docs)
	}
}

// A run reading standard input stops when its context is cancelled, even
// while the input is still open (Ctrl-C on `extract -` typed at a
// terminal), for a plain document and for JSON Lines.
func TestStdinStopsOnCancel(t *testing.T) {
	for _, first := range []string{"Some text, and the writer never closes", `{"text": "one line"}` + "\n"} {
		pr, pw := io.Pipe()
		defer pw.Close()
		go pw.Write([]byte(first))
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() {
			_, err := Options{Stdin: pr, Include: defaultInclude}.Read(ctx, []string{"-"})
			done <- err
		}()
		time.Sleep(50 * time.Millisecond)
		cancel()
		select {
		case err := <-done:
			if !errors.Is(err, context.Canceled) {
				t.Errorf("%.20q: error %v, want context.Canceled", first, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%.20q: reading standard input did not stop on cancel", first)
		}
	}
}
