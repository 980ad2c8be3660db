package source

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/entente-nlp/entente/pipeline"
)

// jsonl emits one document per non-blank line of a JSON Lines file. Each
// line is an object with "text" (required) and optionally "id", "title",
// "published", "url", "authors" (a list or a string), "author" and
// "format"; other fields go to Meta. A malformed line becomes a failed
// document named by its "id" when it has one, else "file.jsonl:LINE"; a
// metadata field of the wrong type is left out with a warning.
func (r *reader) jsonl(ctx context.Context, p, id string) error {
	f, err := os.Open(p)
	if err != nil {
		return r.fail(id, p, describe(p, err))
	}
	defer f.Close()
	return r.jsonlStream(ctx, bufio.NewReaderSize(f, 64<<10), p, id)
}

// looksLikeJSONL reports whether head (the start of a stream) is JSON
// Lines: its first line is a JSON object with a "text" field.
func looksLikeJSONL(head []byte) bool {
	first, _, found := bytes.Cut(bytes.TrimLeft(head, " \t\r\n\ufeff"), []byte("\n"))
	if !found && len(head) >= 64<<10 {
		return false // first line longer than we looked at
	}
	if len(first) == 0 || first[0] != '{' {
		return false
	}
	var fields map[string]json.RawMessage
	if json.Unmarshal(first, &fields) != nil {
		return false
	}
	_, ok := fields["text"]
	return ok
}

// jsonlStream emits the documents of a JSON Lines stream named p (a path,
// or "-"); ids default to "id:LINE".
func (r *reader) jsonlStream(ctx context.Context, br *bufio.Reader, p, id string) error {
	max := r.opts.maxBytes()
	docs := 0
	for lineNo := 1; ; lineNo++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, n, err := readLine(br, max)
		if cerr := ctx.Err(); cerr != nil {
			return cerr // interrupted while reading (standard input)
		}
		if lineNo == 1 {
			line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf")) // UTF-8 byte-order mark
		}
		if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, errLineTooLong) {
			return r.fail(fmt.Sprintf("%s:%d", id, lineNo), fmt.Sprintf("%s:%d", p, lineNo),
				fmt.Errorf("source: reading %s: %w", p, err))
		}
		at := fmt.Sprintf("%s:%d", p, lineNo)
		lineID := fmt.Sprintf("%s:%d", id, lineNo)
		switch {
		case errors.Is(err, errLineTooLong):
			docs++
			if ferr := r.fail(lineID, at, fmt.Errorf("source: %s: line is %s, over the limit of %s; raise input.max_bytes in entente.yaml (or ENTENTE_INPUT_MAX_BYTES) to read it",
				at, size(n), size(max))); ferr != nil {
				return ferr
			}
		case len(bytes.TrimSpace(line)) > 0:
			docs++
			d, warnings, perr := parseLine(line)
			if perr != nil {
				failID := lineID
				if d != nil && d.ID != "" {
					failID = d.ID // the failure keeps the line's id
				}
				if ferr := r.fail(failID, at, fmt.Errorf("source: %s: %w", at, perr)); ferr != nil {
					return ferr
				}
				break
			}
			if d.ID == "" {
				d.ID = lineID
			}
			d.Source = at
			for _, w := range warnings {
				d.AddError(Stage, fmt.Errorf("source: %s: %s", at, w), false)
			}
			if serr := r.send(d); serr != nil {
				return serr
			}
		}
		if errors.Is(err, io.EOF) {
			break
		}
	}
	if docs == 0 {
		return r.fail(id, p, fmt.Errorf("source: %s: no JSON lines in the file", p))
	}
	return nil
}

var errLineTooLong = errors.New("line too long")

// readLine reads one line (without its newline). A line longer than max is
// skipped to its end and reported with errLineTooLong and its length.
func readLine(br *bufio.Reader, max int64) ([]byte, int64, error) {
	var buf []byte
	var n int64
	for {
		chunk, err := br.ReadSlice('\n')
		n += int64(len(chunk))
		if n <= max+1 { // +1 for the newline
			buf = append(buf, chunk...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		line := bytes.TrimRight(buf, "\r\n")
		if n > max+1 {
			return nil, n, errLineTooLong
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return line, n, err
		}
		if err != nil && errors.Is(err, io.EOF) {
			return line, n, io.EOF
		}
		return line, n, nil
	}
}

// parseLine decodes one JSON line into a document. A line that is not a
// JSON object, or whose "text" is missing or not a string, is an error;
// the document is then returned too when the line names its "id", so
// that the failure keeps it. A metadata field of the wrong type (a
// number for "published", a list for "title") is not: the field is left
// out and a warning says so.
func parseLine(line []byte) (*pipeline.Document, []string, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(line, &fields); err != nil {
		return nil, nil, fmt.Errorf("invalid JSON: %v", describeJSON(err))
	}
	if fields == nil {
		return nil, nil, errors.New("invalid JSON: the line is null, not an object")
	}
	d := &pipeline.Document{}
	var warnings []string
	// str returns the string value of key; a value of another kind is an
	// error.
	str := func(key string) (string, error) {
		raw, ok := fields[key]
		if !ok {
			return "", nil
		}
		delete(fields, key)
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			var num json.Number
			if json.Unmarshal(raw, &num) == nil && key == "id" {
				return num.String(), nil
			}
			if string(raw) == "null" {
				return "", nil
			}
			return "", fmt.Errorf("field %q must be a string, not %s", key, kind(raw))
		}
		return s, nil
	}
	// meta is str for a metadata field: a value of another kind is left
	// out with a warning.
	meta := func(key string) string {
		v, err := str(key)
		if err != nil {
			warnings = append(warnings, err.Error()+"; left out")
		}
		return v
	}
	if id, err := str("id"); err != nil {
		warnings = append(warnings, err.Error()+"; the line's position is used instead")
	} else {
		d.ID = id
	}
	if _, ok := fields["text"]; !ok {
		return d, nil, errors.New(`no "text" field: each line needs the article text in "text"`)
	}
	t, err := str("text")
	if err != nil {
		return d, nil, err
	}
	d.Original = []byte(t)
	d.Title = meta("title")
	d.Published = meta("published")
	if d.Published != "" {
		d.PublishedFrom = "jsonl"
	}
	d.URL = meta("url")
	d.Format = meta("format")
	if raw, ok := fields["authors"]; ok {
		delete(fields, "authors")
		var list []string
		var one string
		switch {
		case json.Unmarshal(raw, &list) == nil:
			d.Authors = list
		case json.Unmarshal(raw, &one) == nil:
			d.Authors = []string{one}
		case string(raw) != "null":
			warnings = append(warnings, fmt.Sprintf(`field "authors" must be a list of strings or a string, not %s; left out`, kind(raw)))
		}
	}
	if a := meta("author"); a != "" {
		d.Authors = append(d.Authors, a)
	}
	if len(fields) > 0 {
		keys := make([]string, 0, len(fields))
		for k := range fields {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		d.Meta = make(map[string]string, len(fields))
		for _, k := range keys {
			raw := fields[k]
			var s string
			if json.Unmarshal(raw, &s) == nil {
				d.Meta[k] = s
			} else {
				d.Meta[k] = string(raw)
			}
		}
	}
	return d, warnings, nil
}

// describeJSON makes a JSON syntax error say where it is.
func describeJSON(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%s (at byte %d)", se.Error(), se.Offset)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("the line is a JSON %s, not an object", te.Value)
	}
	return err.Error()
}

func kind(raw json.RawMessage) string {
	s := strings.TrimSpace(string(raw))
	switch {
	case s == "":
		return "empty"
	case s[0] == '{':
		return "an object"
	case s[0] == '[':
		return "a list"
	case s[0] == '"':
		return "a string"
	case s == "true" || s == "false":
		return "a boolean"
	case s == "null":
		return "null"
	}
	return "a number"
}
