package serve

import (
	"context"
	"net/http"
)

// lookup answers GET /v1/gazetteer/lookup?name=…[&name=…][&date=…] with
// what `entente gazetteer lookup --json` prints: for each name, its
// candidates best first.
func (s *Server) lookup(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if e := checkQuery(q, "name", "date"); e != nil {
		writeError(w, e.status, "%s", e.msg)
		return
	}
	names := q["name"]
	if len(names) == 0 {
		writeError(w, http.StatusBadRequest, "query parameter \"name\" is required")
		return
	}
	if len(names) > 100 {
		writeError(w, http.StatusBadRequest, "%d names: at most 100 per request", len(names))
		return
	}
	for _, n := range names {
		if n == "" || len(n) > 1000 {
			writeError(w, http.StatusBadRequest, "query parameter \"name\" must be 1 to 1000 bytes")
			return
		}
	}
	date := q.Get("date")
	if date != "" && !validDate(date) {
		writeError(w, http.StatusBadRequest, "query parameter \"date\" is %q: use YYYY-MM-DD", date)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.Timeout)
	defer cancel()
	out := make([]any, 0, len(names))
	for _, n := range names {
		v, err := s.ready().Lookup(ctx, n, date)
		if err != nil {
			writeError(w, http.StatusInternalServerError, "lookup %q: %v", n, err)
			return
		}
		out = append(out, v)
	}
	writeJSON(w, http.StatusOK, out)
}
