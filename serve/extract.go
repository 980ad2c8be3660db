package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"
)

// extract answers POST /v1/extract: one document (a JSON object or a raw
// text, Markdown or HTML body) gets its record; JSON Lines get a stream of
// records, in order.
func (s *Server) extract(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if e := checkQuery(q, "text", "id", "title", "published", "url"); e != nil {
		writeError(w, e.status, "%s", e.msg)
		return
	}
	withText, e := boolParam(q, "text")
	if e != nil {
		writeError(w, e.status, "%s", e.msg)
		return
	}
	mt, body, e := s.body(w, r)
	if e != nil {
		writeError(w, e.status, "%s", e.msg)
		return
	}
	if mt == typeNDJSON || mt == typeJSONL {
		s.extractStream(w, r, body, withText)
		return
	}
	in, e := s.readOne(mt, body, q)
	if e != nil {
		writeError(w, e.status, "%s", e.msg)
		return
	}
	in.WithText = withText
	res, e := s.run(r.Context(), in)
	if e != nil {
		writeError(w, e.status, "%s", e.msg)
		return
	}
	b, err := recordJSON(res, true)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "encoding the record: %v", err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.Write(b)
}

// readOne reads the single document of a JSON or raw body.
func (s *Server) readOne(mt string, body io.Reader, q map[string][]string) (Input, *httpError) {
	b, err := io.ReadAll(body)
	if err != nil {
		return Input{}, s.readErr(err)
	}
	var in Input
	if mt == typeJSON {
		for _, k := range []string{"id", "title", "published", "url"} {
			if _, ok := q[k]; ok {
				return in, errorf(http.StatusBadRequest, "query parameter %q is for raw bodies; put %q in the JSON document", k, k)
			}
		}
		in, err = decodeInput(b)
	} else {
		in, err = rawInput(b, mt, q)
		if err == nil && len(bytes.TrimSpace(b)) == 0 {
			err = errors.New("empty body: send the article")
		}
	}
	if err != nil {
		return in, errorf(http.StatusBadRequest, "%v", err)
	}
	if in.ID == "" {
		in.ID = "document"
	}
	in.Source = "http"
	return in, nil
}

// run extracts one document under the timeout. Past the timeout it
// answers at once; the work goes on in the background until the backend's
// next check of the context, holding the request's in-flight slot so that
// the limit counts the work really running.
func (s *Server) run(ctx context.Context, in Input) (*Result, *httpError) {
	ctx, cancel := context.WithTimeout(ctx, s.opts.Timeout)
	defer cancel()
	b := s.ready()
	sl := slotFrom(ctx)
	if sl != nil {
		sl.retain()
	}
	type outcome struct {
		res *Result
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		defer func() {
			if v := recover(); v != nil {
				done <- outcome{err: fmt.Errorf("panic: %v", v)}
			}
			if sl != nil {
				sl.release()
			}
		}()
		res, err := b.Extract(ctx, in)
		done <- outcome{res, err}
	}()
	var o outcome
	select {
	case o = <-done:
	case <-ctx.Done():
		select {
		case o = <-done: // finished as the deadline passed
		default:
			o.err = ctx.Err()
		}
	}
	if o.err != nil {
		if errors.Is(o.err, context.DeadlineExceeded) {
			return nil, errorf(http.StatusGatewayTimeout, "%s: extraction took longer than %s (--timeout)", in.ID, s.opts.Timeout)
		}
		if errors.Is(o.err, context.Canceled) {
			return nil, errorf(499, "%s: request cancelled", in.ID)
		}
		return nil, errorf(http.StatusInternalServerError, "%s: %v", in.ID, o.err)
	}
	s.metrics.document(o.res)
	if o.res.Fatal != "" {
		return o.res, errorf(http.StatusUnprocessableEntity, "%s: %s", in.ID, o.res.Fatal)
	}
	return o.res, nil
}

// recordJSON encodes a result's record, indented like
// `entente extract --format json` or on one line like --format jsonl.
func recordJSON(res *Result, indent bool) ([]byte, error) {
	var b []byte
	var err error
	if indent {
		b, err = json.MarshalIndent(res.Record, "", "  ")
	} else {
		b, err = json.Marshal(res.Record)
	}
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// streamError is a line of a JSON Lines answer that replaces a document's
// record when the document could not be processed.
type streamError struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
	Line   int    `json:"line"`
}

// extractStream answers a JSON Lines body with one line per document, in
// order, written as each document finishes. A bad line or a document
// entente cannot read gets an error line and the stream goes on; a body
// over the limit ends it with an error line.
func (s *Server) extractStream(w http.ResponseWriter, r *http.Request, body io.Reader, withText bool) {
	rc := http.NewResponseController(w)
	w.Header().Set("Content-Type", typeNDJSON)
	w.WriteHeader(http.StatusOK)
	writeLine := func(b []byte) error {
		if _, err := w.Write(b); err != nil {
			return err
		}
		return rc.Flush()
	}
	lineErr := func(n int, e *httpError) error {
		b, _ := json.Marshal(streamError{Error: e.msg, Status: e.status, Line: n})
		return writeLine(append(b, '\n'))
	}
	err := lines(body, func(n int, line []byte) error {
		// Each document gets the full timeouts, however long the stream.
		deadline := time.Now().Add(s.opts.Timeout + writeSlack)
		_ = rc.SetReadDeadline(deadline)
		_ = rc.SetWriteDeadline(deadline)
		in, err := decodeInput(line)
		if err != nil {
			return lineErr(n, errorf(http.StatusBadRequest, "line %d: %v", n, err))
		}
		if in.ID == "" {
			in.ID = "line:" + strconv.Itoa(n)
		}
		in.Source = "http:" + strconv.Itoa(n)
		in.WithText = withText
		res, e := s.run(r.Context(), in)
		switch {
		case e != nil && e.status == 499:
			return errors.New(e.msg)
		case e != nil && res != nil && res.Fatal != "":
			// The record says why; keep it, as `entente extract` does.
		case e != nil:
			return lineErr(n, e)
		}
		b, err := recordJSON(res, false)
		if err != nil {
			return lineErr(n, errorf(http.StatusInternalServerError, "line %d: encoding the record: %v", n, err))
		}
		return writeLine(b)
	})
	if err != nil && r.Context().Err() == nil {
		e := s.readErr(err)
		b, _ := json.Marshal(streamError{Error: e.msg, Status: e.status})
		writeLine(append(b, '\n'))
	}
}
