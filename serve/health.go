package serve

import (
	"encoding/json"
	"net/http"
)

// writeJSON answers status with v as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "encoding the answer: %v", err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}

// healthz answers 200 while the process serves, even while models load.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok", "version": s.opts.Version})
}

// readyz answers 200 once the models are loaded and the server is not
// draining, else 503.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	switch {
	case s.draining.Load():
		writeError(w, http.StatusServiceUnavailable, "shutting down")
	case s.ready() == nil:
		w.Header().Set("Retry-After", "2")
		writeError(w, http.StatusServiceUnavailable, "loading models")
	default:
		writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
	}
}
