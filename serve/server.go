package serve

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Options configure a Server. The zero value of a field means its default.
type Options struct {
	// Addr is the address Run listens on (default 127.0.0.1:8080).
	Addr string
	// MaxBody is the largest request body in bytes (default 8 MiB);
	// larger bodies are refused with 413 before they are read.
	MaxBody int64
	// MaxInflight is how many /v1 requests run at once (default 64); more
	// are refused with 503 and Retry-After.
	MaxInflight int
	// Timeout bounds the work of one request (of one document in a JSON
	// Lines stream); past it the answer is 504 (default 30 s).
	Timeout time.Duration
	// CORS is the origin allowed to call the API from a browser; empty
	// (the default) sends no CORS headers, so browsers refuse other
	// origins.
	CORS string
	// Version is reported by /healthz.
	Version string
}

// Defaults of Options.
const (
	DefaultAddr        = "127.0.0.1:8080"
	DefaultMaxBody     = 8 << 20
	DefaultMaxInflight = 64
	DefaultTimeout     = 30 * time.Second
)

// withDefaults returns o with zero fields set to their defaults.
func (o Options) withDefaults() Options {
	if o.Addr == "" {
		o.Addr = DefaultAddr
	}
	if o.MaxBody <= 0 {
		o.MaxBody = DefaultMaxBody
	}
	if o.MaxInflight <= 0 {
		o.MaxInflight = DefaultMaxInflight
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	return o
}

// Validate reports options that cannot work.
func (o Options) Validate() error {
	if o.MaxBody < 0 {
		return fmt.Errorf("serve: --max-body %d is negative", o.MaxBody)
	}
	if o.MaxInflight < 0 {
		return fmt.Errorf("serve: --max-inflight %d is negative", o.MaxInflight)
	}
	if o.Timeout < 0 {
		return fmt.Errorf("serve: --timeout %s is negative", o.Timeout)
	}
	if o.CORS != "" && o.CORS != "*" && !strings.HasPrefix(o.CORS, "http://") && !strings.HasPrefix(o.CORS, "https://") {
		return fmt.Errorf("serve: --cors %q is not an origin (scheme://host[:port], or *)", o.CORS)
	}
	if o.CORS != "" && o.CORS != "*" && strings.Count(o.CORS, "/") > 2 {
		return fmt.Errorf("serve: --cors %q is not an origin: it has a path", o.CORS)
	}
	return nil
}

// Server is entente's HTTP service. Its handler answers /healthz and
// /metrics from the start; the /v1 routes answer 503 until SetBackend is
// called (models loading), when /readyz turns 200.
type Server struct {
	opts     Options
	backend  atomic.Pointer[Backend]
	inflight chan struct{}
	metrics  *metrics
	registry *prometheus.Registry
	handler  http.Handler
	draining atomic.Bool
}

// New returns a server with opts. It serves no /v1 request until
// SetBackend.
func New(opts Options) (*Server, error) {
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	opts = opts.withDefaults()
	s := &Server{opts: opts, inflight: make(chan struct{}, opts.MaxInflight), registry: prometheus.NewRegistry()}
	s.metrics = newMetrics(s.registry, func() float64 { return float64(len(s.inflight)) })
	s.handler = s.routes()
	return s, nil
}

// SetBackend makes the server ready: /v1 requests go to b.
func (s *Server) SetBackend(b Backend) { s.backend.Store(&b) }

// Options returns the server's options with defaults applied.
func (s *Server) Options() Options { return s.opts }

// Handler returns the server's HTTP handler.
func (s *Server) Handler() http.Handler { return s.handler }

// ready returns the backend, or nil while models load.
func (s *Server) ready() Backend {
	if b := s.backend.Load(); b != nil {
		return *b
	}
	return nil
}

// route is one path of the API: the methods it answers and its handler.
type route struct {
	path    string
	methods []string
	handle  http.HandlerFunc
	// work marks routes that count against MaxInflight and need the
	// backend.
	work bool
}

// routeList is the server's routes; /openapi.json documents each one.
func (s *Server) routeList() []route {
	return []route{
		{path: "/", methods: []string{http.MethodGet, http.MethodHead}, handle: s.page},
		{path: "/assets/", methods: []string{http.MethodGet, http.MethodHead}, handle: s.asset},
		{path: "/openapi.json", methods: []string{http.MethodGet, http.MethodHead}, handle: s.openapi},
		{path: "/healthz", methods: []string{http.MethodGet, http.MethodHead}, handle: s.healthz},
		{path: "/readyz", methods: []string{http.MethodGet, http.MethodHead}, handle: s.readyz},
		{path: "/metrics", methods: []string{http.MethodGet, http.MethodHead}, handle: s.metricsHandler()},
		{path: "/v1/extract", methods: []string{http.MethodPost}, handle: s.extract, work: true},
		{path: "/v1/graph", methods: []string{http.MethodPost}, handle: s.graph, work: true},
		{path: "/v1/gazetteer/lookup", methods: []string{http.MethodGet, http.MethodHead}, handle: s.lookup, work: true},
	}
}

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	for _, r := range s.routeList() {
		mux.Handle(r.path, s.wrap(r))
	}
	return s.common(mux)
}

// wrap adds to a route's handler: the method check, metrics, and for work
// routes the readiness check and the in-flight limit.
func (s *Server) wrap(r route) http.Handler {
	allow := strings.Join(append(r.methods, http.MethodOptions), ", ")
	label := r.path
	if label == "/assets/" {
		label = "/assets"
	}
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		start := time.Now()
		rec := &statusWriter{ResponseWriter: w}
		defer func() { s.metrics.observe(label, rec.status(), time.Since(start)) }()
		if r.path == "/" && req.URL.Path != "/" || r.path == "/assets/" && req.URL.Path == "/assets/" {
			writeError(rec, http.StatusNotFound, "no such page: %s (see /openapi.json)", req.URL.Path)
			return
		}
		if req.Method == http.MethodOptions {
			rec.Header().Set("Allow", allow)
			rec.WriteHeader(http.StatusNoContent)
			return
		}
		if !contains(r.methods, req.Method) {
			rec.Header().Set("Allow", allow)
			writeError(rec, http.StatusMethodNotAllowed, "%s does not answer %s (allowed: %s)", r.path, req.Method, allow)
			return
		}
		if !r.work {
			r.handle(rec, req)
			return
		}
		if s.ready() == nil {
			rec.Header().Set("Retry-After", "2")
			writeError(rec, http.StatusServiceUnavailable, "entente is loading its models; retry shortly")
			return
		}
		select {
		case s.inflight <- struct{}{}:
		default:
			rec.Header().Set("Retry-After", "1")
			writeError(rec, http.StatusServiceUnavailable, "too many requests in flight (limit %d, --max-inflight); retry shortly", s.opts.MaxInflight)
			return
		}
		sl := newSlot(func() { <-s.inflight })
		defer sl.release()
		r.handle(rec, req.WithContext(context.WithValue(req.Context(), slotKey{}, sl)))
	})
}

// common sets the headers every answer carries (security, CORS), answers
// CORS preflights, and turns a handler panic into a 500.
func (s *Server) common(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		if s.opts.CORS != "" {
			h.Set("Access-Control-Allow-Origin", s.opts.CORS)
			h.Add("Vary", "Origin")
			if req.Method == http.MethodOptions {
				h.Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
				h.Set("Access-Control-Allow-Headers", "Content-Type")
				h.Set("Access-Control-Max-Age", "600")
			}
		}
		if s.draining.Load() {
			h.Set("Connection", "close")
		}
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				slog.Error("serve: handler panic", "path", req.URL.Path, "panic", v)
				writeError(w, http.StatusInternalServerError, "internal error: %v", v)
			}
		}()
		next.ServeHTTP(w, req)
	})
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}
