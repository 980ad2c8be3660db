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
