package source

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/entente-nlp/entente/pipeline"
)

// Stage is the name recorded on errors raised while reading inputs.
const Stage = "source"

// Stdin is the input name that reads standard input.
const Stdin = "-"

// Options configure how inputs are read.
type Options struct {
	// Include are glob patterns for files read from directories, matched
	// against the file name, or against the slash-separated path below
	// the directory when the pattern contains a slash.
	Include []string
	// MaxBytes is the largest document read (a file, or one JSON line).
	MaxBytes int64
	// Published, when set, overrides each document's publication date.
	Published string
	// Stdin is read for the input "-"; nil means os.Stdin.
	Stdin io.Reader
}

// Source returns a pipeline.Source that reads inputs in order: each file,
// each matching file of each directory (recursively, in lexical order),
// and each line of JSON Lines files.
func (o Options) Source(inputs []string) pipeline.Source {
	return func(ctx context.Context, emit func(*pipeline.Document) error) error {
		r := &reader{opts: o, emit: emit, ids: map[string]int{}}
		for _, in := range inputs {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := r.input(ctx, in); err != nil {
				return err
			}
		}
		return nil
	}
}

// Read collects all documents of inputs; for tests and small runs.
func (o Options) Read(ctx context.Context, inputs []string) ([]*pipeline.Document, error) {
	var docs []*pipeline.Document
	err := o.Source(inputs)(ctx, func(d *pipeline.Document) error {
		docs = append(docs, d)
		return nil
	})
	return docs, err
}

// reader holds the state of one pass over the inputs.
type reader struct {
	opts Options
	emit func(*pipeline.Document) error
	seq  int
	ids  map[string]int
}

// send numbers d, applies overrides and emits it.
func (r *reader) send(d *pipeline.Document) error {
	d.Seq = r.seq
	r.seq++
	d.ID = r.uniqueID(d.ID)
	if r.opts.Published != "" {
		d.Published = r.opts.Published
		d.PublishedFrom = "flag"
	}
	return r.emit(d)
}

// uniqueID makes id unique within the run by appending #2, #3, ...
func (r *reader) uniqueID(id string) string {
	r.ids[id]++
	if n := r.ids[id]; n > 1 {
		return fmt.Sprintf("%s#%d", id, n)
	}
	return id
}

// fail emits a document for input that carries one fatal error.
func (r *reader) fail(id, src string, err error) error {
	d := &pipeline.Document{ID: id, Source: src}
	d.AddError(Stage, err, true)
	return r.send(d)
}

func (r *reader) input(ctx context.Context, in string) error {
	if in == Stdin {
		return r.stdin(ctx)
	}
	st, err := os.Stat(in)
	if err != nil {
		return r.fail(fileID(in), in, describe(in, err))
	}
	if st.IsDir() {
		return r.dir(ctx, in)
	}
	return r.file(ctx, in, fileID(in), st)
}

// describe turns a file system error into a message naming the input.
func describe(in string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("source: %s: no such file or directory", in)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("source: %s: permission denied", in)
	}
	return fmt.Errorf("source: %s: %w", in, err)
}

// stdin reads standard input as one document, or as JSON Lines when its
// first line is a JSON object with a "text" field.
func (r *reader) stdin(ctx context.Context) error {
	in := r.opts.Stdin
	if in == nil {
		in = os.Stdin
	}
	br := bufio.NewReaderSize(newCtxReader(ctx, in), 64<<10)
	if head, _ := br.Peek(64 << 10); looksLikeJSONL(head) {
		return r.jsonlStream(ctx, br, Stdin, "stdin")
	}
	b, err := io.ReadAll(io.LimitReader(br, r.opts.maxBytes()+1))
	if cerr := ctx.Err(); cerr != nil {
		return cerr
	}
	if err != nil {
		return r.fail("stdin", Stdin, fmt.Errorf("source: reading standard input: %w", err))
	}
	if int64(len(b)) > r.opts.maxBytes() {
		return r.fail("stdin", Stdin, fmt.Errorf("source: standard input is larger than the limit of %s; raise input.max_bytes (ENTENTE_INPUT_MAX_BYTES) to read it",
			size(r.opts.maxBytes())))
	}
	return r.send(&pipeline.Document{ID: "stdin", Source: Stdin, Original: b})
}

func (r *reader) dir(ctx context.Context, root string) error {
	matched := 0
	err := filepath.WalkDir(root, func(p string, de fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			// An unreadable subdirectory or file: report it and go on.
			if p == root {
				return err
			}
			matched++
			if ferr := r.fail(fileID(p), p, describe(p, err)); ferr != nil {
				return ferr
			}
			if de != nil && de.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if de.IsDir() {
			if p != root && strings.HasPrefix(de.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if !de.Type().IsRegular() && de.Type()&fs.ModeSymlink == 0 {
			return nil
		}
		if !r.opts.included(de.Name(), rel) {
			return nil
		}
		st, err := os.Stat(p)
		if err != nil {
			matched++
			return r.fail(fileID(p), p, describe(p, err))
		}
		if st.IsDir() {
			return nil // symlink to a directory: not followed
		}
		matched++
		return r.file(ctx, p, dirID(root, p), st)
	})
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if matched == 0 {
			return r.fail(fileID(root), root, describe(root, err))
		}
		return err
	}
	if matched == 0 {
		return r.fail(fileID(root), root, fmt.Errorf("source: directory %s has no files matching %s (set input.include to read other files)",
			root, strings.Join(r.opts.Include, " ")))
	}
	return nil
}

// included reports whether a file found in a directory is read.
func (o Options) included(name, rel string) bool {
	for _, pat := range o.Include {
		target := name
		if strings.Contains(pat, "/") {
			target = rel
		}
		if ok, _ := filepath.Match(pat, target); ok {
			return true
		}
	}
	return false
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return 4 << 20
	}
	return o.MaxBytes
}

func (r *reader) file(ctx context.Context, p, id string, st fs.FileInfo) error {
	if isJSONL(p) {
		return r.jsonl(ctx, p, id)
	}
	if st.Size() > r.opts.maxBytes() {
		return r.fail(id, p, tooBig(p, st.Size(), r.opts.maxBytes()))
	}
	b, err := readLimited(p, r.opts.maxBytes())
	if err != nil {
		return r.fail(id, p, err)
	}
	return r.send(&pipeline.Document{ID: id, Source: p, Format: FormatOf(p), Original: b})
}

// readLimited reads p, failing if it grew past max since it was checked.
func readLimited(p string, max int64) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, describe(p, err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, fmt.Errorf("source: reading %s: %w", p, err)
	}
	if int64(len(b)) > max {
		return nil, tooBig(p, int64(len(b)), max)
	}
	return b, nil
}

func tooBig(p string, n, max int64) error {
	return fmt.Errorf("source: %s is %s, over the limit of %s; raise input.max_bytes in entente.yaml (or ENTENTE_INPUT_MAX_BYTES) to read it",
		p, size(n), size(max))
}

// size formats a byte count for messages.
func size(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB (%d bytes)", float64(n)/(1<<30), n)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB (%d bytes)", float64(n)/(1<<20), n)
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB (%d bytes)", float64(n)/(1<<10), n)
	}
	return fmt.Sprintf("%d bytes", n)
}

// FormatOf returns the format hint for a path by its extension: markdown,
// html, text, or "" when the extension says nothing (ingest detects it).
func FormatOf(p string) string {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".md", ".markdown":
		return "markdown"
	case ".html", ".htm":
		return "html"
	case ".txt", ".text":
		return "text"
	}
	return ""
}

func isJSONL(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".jsonl", ".ndjson":
		return true
	}
	return false
}

// fileID derives a document id from a path given on the command line: the
// file name without its extension.
func fileID(p string) string {
	base := filepath.Base(p)
	if id := strings.TrimSuffix(base, filepath.Ext(base)); id != "" {
		return id
	}
	return base
}

// dirID derives a document id for a file found below root: its
// slash-separated path below root, without the extension.
func dirID(root, p string) string {
	rel, err := filepath.Rel(root, p)
	if err != nil {
		return fileID(p)
	}
	rel = filepath.ToSlash(rel)
	return strings.TrimSuffix(rel, filepath.Ext(rel))
}
