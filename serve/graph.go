package serve

import (
	"bytes"
	"context"
	"net/http"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// graph answers POST /v1/graph: the documents of the body (JSON Lines, one
// JSON document, or one raw text, Markdown or HTML body) are extracted and
// their relationship graph written in ?format= (json by default).
func (s *Server) graph(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if e := checkQuery(q, "format", "part", "id", "title", "published", "url"); e != nil {
		writeError(w, e.status, "%s", e.msg)
		return
	}
	opts := GraphOptions{Format: q.Get("format"), Part: q.Get("part")}
	if opts.Format == "" {
		opts.Format = "json"
	}
	if _, ok := GraphFormats[opts.Format]; !ok {
		writeError(w, http.StatusBadRequest, "query parameter \"format\" is %q: use %s", opts.Format, strings.Join(graphFormatNames(), ", "))
		return
	}
	switch {
	case opts.Format == "csv" && opts.Part == "":
		opts.Part = "nodes"
	case opts.Format == "csv" && opts.Part != "nodes" && opts.Part != "relationships":
		writeError(w, http.StatusBadRequest, "query parameter \"part\" is %q: use nodes or relationships", opts.Part)
		return
	case opts.Format != "csv" && opts.Part != "":
		writeError(w, http.StatusBadRequest, "query parameter \"part\" is for format=csv only")
		return
	}
	mt, body, e := s.body(w, r)
	if e != nil {
		writeError(w, e.status, "%s", e.msg)
		return
	}
	var inputs []Input
	if mt == typeNDJSON || mt == typeJSONL {
		err := lines(body, func(n int, line []byte) error {
			in, err := decodeInput(line)
			if err != nil {
				return errorf(http.StatusBadRequest, "line %d: %v", n, err)
			}
			if in.ID == "" {
				in.ID = "line:" + strconv.Itoa(n)
			}
			in.Source = "http:" + strconv.Itoa(n)
			inputs = append(inputs, in)
			return nil
		})
		if err != nil {
			he, ok := err.(*httpError)
			if !ok {
				he = s.readErr(err)
			}
			writeError(w, he.status, "%s", he.msg)
			return
		}
		if len(inputs) == 0 {
			writeError(w, http.StatusBadRequest, "empty body: send documents as JSON Lines")
			return
		}
	} else {
		in, e := s.readOne(mt, body, q)
		if e != nil {
			writeError(w, e.status, "%s", e.msg)
			return
		}
		inputs = []Input{in}
	}
	results, e := s.runAll(w, r, inputs)
	if e != nil {
		writeError(w, e.status, "%s", e.msg)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.Timeout)
	defer cancel()
	var buf bytes.Buffer
	if err := s.ready().Graph(ctx, &buf, results, opts); err != nil {
		writeError(w, http.StatusInternalServerError, "graph: %v", err)
		return
	}
	w.Header().Set("Content-Type", GraphFormats[opts.Format])
	name := "graph." + opts.Format
	if opts.Format == "csv" {
		name = "graph." + opts.Part + ".csv"
	}
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.Write(buf.Bytes())
}

func graphFormatNames() []string {
	names := make([]string, 0, len(GraphFormats))
	for f := range GraphFormats {
		names = append(names, f)
	}
	sort.Strings(names)
	return names
}

// runAll extracts inputs, up to GOMAXPROCS at once, each under the
// timeout. A document entente cannot read is a result (it adds nothing to
// a graph); any other failure stops the others and is returned.
func (s *Server) runAll(w http.ResponseWriter, r *http.Request, inputs []Input) ([]*Result, *httpError) {
	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()
	rc := http.NewResponseController(w)
	results := make([]*Result, len(inputs))
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first *httpError
	)
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, in := range inputs {
		sem <- struct{}{}
		if ctx.Err() != nil {
			break
		}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			res, e := s.run(ctx, in)
			mu.Lock()
			defer mu.Unlock()
			// The answer may take as long as the documents do.
			_ = rc.SetWriteDeadline(time.Now().Add(s.opts.Timeout + writeSlack))
			if e != nil && (res == nil || res.Fatal == "") {
				if first == nil {
					first = e
					cancel()
				}
				return
			}
			results[i] = res
		}()
	}
	wg.Wait()
	if first == nil && r.Context().Err() != nil {
		first = errorf(499, "request cancelled")
	}
	return results, first
}
