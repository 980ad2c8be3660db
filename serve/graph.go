package serve

import (
	"bytes"
	"context"
	"net/http"
	"sort"
	"strconv"
	"strings"
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
	rc := http.NewResponseController(w)
	results := make([]*Result, 0, len(inputs))
	for _, in := range inputs {
		_ = rc.SetWriteDeadline(time.Now().Add(s.opts.Timeout + writeSlack))
		res, e := s.run(r.Context(), in)
		if e != nil && (res == nil || res.Fatal == "") {
			writeError(w, e.status, "%s", e.msg)
			return
		}
		results = append(results, res) // a document entente cannot read adds nothing
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
