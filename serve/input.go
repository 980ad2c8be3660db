package serve

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Media types the /v1 routes read.
const (
	typeJSON     = "application/json"
	typeNDJSON   = "application/x-ndjson"
	typeJSONL    = "application/jsonl"
	typeText     = "text/plain"
	typeMarkdown = "text/markdown"
	typeHTML     = "text/html"
)

// rawFormats maps the raw body media types to entente's input formats.
var rawFormats = map[string]string{typeText: "text", typeMarkdown: "markdown", typeHTML: "html"}

// inputFormats are the values of Input.Format.
var inputFormats = []string{"text", "markdown", "html"}

// body checks the request's declared length against MaxBody and returns
// its media type and a reader that fails past MaxBody. A body declared
// larger than the limit is refused before any of it is read.
func (s *Server) body(w http.ResponseWriter, r *http.Request) (string, io.Reader, *httpError) {
	if r.ContentLength > s.opts.MaxBody {
		// Do not read (or drain) the rest: close the connection after
		// answering.
		w.Header().Set("Connection", "close")
		return "", nil, errorf(http.StatusRequestEntityTooLarge, "request body is %s, over the limit of %s (--max-body)",
			size(r.ContentLength), size(s.opts.MaxBody))
	}
	ct := r.Header.Get("Content-Type")
	if ct == "" {
		return "", nil, errorf(http.StatusUnsupportedMediaType, "no Content-Type: send %s", acceptedTypes)
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return "", nil, errorf(http.StatusUnsupportedMediaType, "Content-Type %q: %v", ct, err)
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") && !strings.EqualFold(cs, "us-ascii") {
		return "", nil, errorf(http.StatusUnsupportedMediaType, "Content-Type %q: charset %s; send UTF-8", ct, cs)
	}
	switch mt {
	case typeJSON, typeNDJSON, typeJSONL, typeText, typeMarkdown, typeHTML:
	default:
		return "", nil, errorf(http.StatusUnsupportedMediaType, "Content-Type %s is not read here: send %s", mt, acceptedTypes)
	}
	return mt, http.MaxBytesReader(w, r.Body, s.opts.MaxBody), nil
}

const acceptedTypes = "application/json (one document), application/x-ndjson (JSON Lines), text/plain, text/markdown or text/html"

// readErr turns an error reading the body into the answer it calls for.
func (s *Server) readErr(err error) *httpError {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return errorf(http.StatusRequestEntityTooLarge, "request body is over the limit of %s (--max-body)", size(s.opts.MaxBody))
	}
	return errorf(http.StatusBadRequest, "reading the request body: %v", err)
}

// decodeInput parses one JSON document. Unknown fields, wrong types and
// bad values are errors naming the field.
func decodeInput(b []byte) (Input, error) {
	var in Input
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return in, describeJSON(err)
	}
	if dec.More() {
		return in, errors.New("more than one JSON value: send one document, or JSON Lines as application/x-ndjson")
	}
	if in.Text == "" {
		return in, errors.New(`field "text" is required: the article as a non-empty string`)
	}
	return in, checkInput(in)
}

// describeJSON names the field a JSON decoding error is about.
func describeJSON(err error) error {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &te):
		if te.Field == "" {
			return fmt.Errorf("the document must be a JSON object, not %s", te.Value)
		}
		return fmt.Errorf("field %q must be a %s, not %s", te.Field, te.Type, te.Value)
	case errors.As(err, &se):
		return fmt.Errorf("bad JSON at byte %d: %v", se.Offset, err)
	case errors.Is(err, io.EOF):
		return errors.New("empty body: send a JSON object with a \"text\" field")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("bad JSON: the document ends early")
	}
	if f, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return fmt.Errorf("unknown field %s (fields: id, title, text, format, published, url)", f)
	}
	return fmt.Errorf("bad JSON: %v", err)
}

// checkInput validates the fields of in other than text.
func checkInput(in Input) error {
	if in.Format != "" && !contains(inputFormats, in.Format) {
		return fmt.Errorf("field \"format\" is %q: use text, markdown or html", in.Format)
	}
	if in.Published != "" && !validDate(in.Published) {
		return fmt.Errorf("field \"published\" is %q: use YYYY-MM-DD or an RFC 3339 timestamp", in.Published)
	}
	if in.URL != "" {
		if u, err := url.Parse(in.URL); err != nil || !u.IsAbs() {
			return fmt.Errorf("field \"url\" is %q: not an absolute URL", in.URL)
		}
	}
	return nil
}

func validDate(s string) bool {
	if _, err := time.Parse(time.DateOnly, s); err == nil {
		return true
	}
	_, err := time.Parse(time.RFC3339, s)
	return err == nil
}

// rawInput makes the document of a raw text, Markdown or HTML body; its
// metadata comes from the query (id, title, published, url).
func rawInput(body []byte, mt string, q url.Values) (Input, error) {
	in := Input{ID: q.Get("id"), Title: q.Get("title"), Published: q.Get("published"), URL: q.Get("url"),
		Format: rawFormats[mt], Text: string(body)}
	for _, k := range []string{"id", "title", "published", "url"} {
		if len(q[k]) > 1 {
			return in, fmt.Errorf("query parameter %q is given %d times", k, len(q[k]))
		}
	}
	if err := checkInput(in); err != nil {
		return in, errors.New(strings.Replace(err.Error(), "field", "query parameter", 1))
	}
	return in, nil
}

// checkQuery refuses query parameters a route does not know, naming them.
func checkQuery(q url.Values, known ...string) *httpError {
	for k := range q {
		if !contains(known, k) {
			return errorf(http.StatusBadRequest, "unknown query parameter %q (known: %s)", k, strings.Join(known, ", "))
		}
	}
	return nil
}

// boolParam reads a true/false query parameter.
func boolParam(q url.Values, name string) (bool, *httpError) {
	switch v := q.Get(name); v {
	case "", "false", "0":
		return false, nil
	case "true", "1":
		return true, nil
	default:
		return false, errorf(http.StatusBadRequest, "query parameter %q is %q: use true or false", name, v)
	}
}

// lines reads a JSON Lines body: it calls fn with each non-blank line and
// its number, and stops at fn's error or the body's end.
func lines(body io.Reader, fn func(n int, line []byte) error) error {
	br := bufio.NewReaderSize(body, 64<<10)
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf"))
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return err // a cut line (over the limit) is not parsed
		}
		if len(bytes.TrimSpace(line)) > 0 {
			if ferr := fn(n, line); ferr != nil {
				return ferr
			}
		}
		if err != nil {
			return nil
		}
	}
}

// size formats n bytes for messages.
func size(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
