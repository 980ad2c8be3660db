package source

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Count returns how many documents Source(inputs) will emit, reading
// directory listings and counting JSON lines but not reading other files.
// It is for progress displays; the count may be off if files change.
func (o Options) Count(ctx context.Context, inputs []string) (int, error) {
	n := 0
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		if in == Stdin {
			n++
			continue
		}
		st, err := os.Stat(in)
		if err != nil || !st.IsDir() {
			n += o.countFile(in)
			continue
		}
		matched := 0
		_ = filepath.WalkDir(in, func(p string, de fs.DirEntry, err error) error {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if err != nil {
				matched++
				return nil
			}
			if de.IsDir() {
				if p != in && strings.HasPrefix(de.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			rel, _ := filepath.Rel(in, p)
			if o.included(de.Name(), filepath.ToSlash(rel)) {
				matched += o.countFile(p)
			}
			return nil
		})
		if matched == 0 {
			matched = 1 // the "no matching files" error document
		}
		n += matched
	}
	return n, nil
}

// countFile counts the documents of one file: its non-blank lines for JSON
// Lines, else one.
func (o Options) countFile(p string) int {
	if !isJSONL(p) {
		return 1
	}
	f, err := os.Open(p)
	if err != nil {
		return 1
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 64<<10)
	n := 0
	for {
		line, _, err := readLine(br, o.maxBytes())
		if errors.Is(err, errLineTooLong) || len(bytes.TrimSpace(line)) > 0 {
			n++
		}
		if err != nil && !errors.Is(err, errLineTooLong) {
			break
		}
	}
	if n == 0 {
		return 1
	}
	return n
}
