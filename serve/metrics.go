package serve

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the server's Prometheus collectors, on a registry of its own.
type metrics struct {
	requests  *prometheus.CounterVec
	latency   *prometheus.HistogramVec
	documents *prometheus.CounterVec
	tokens    prometheus.Counter
}

func newMetrics(reg *prometheus.Registry, inflight func() float64) *metrics {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "entente_http_requests_total",
			Help: "HTTP requests answered, by route and status code.",
		}, []string{"route", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "entente_http_request_duration_seconds",
			Help:    "Time to answer an HTTP request, by route.",
			Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60},
		}, []string{"route"}),
		documents: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "entente_documents_total",
			Help: "Documents extracted, by outcome (ok, failed: entente could not read them).",
		}, []string{"outcome"}),
		tokens: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "entente_tokens_total",
			Help: "Tokens of the documents extracted.",
		}),
	}
	reg.MustRegister(m.requests, m.latency, m.documents, m.tokens,
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "entente_http_requests_in_flight",
			Help: "/v1 requests being worked on.",
		}, inflight),
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	return m
}

func (m *metrics) observe(route string, code int, d time.Duration) {
	m.requests.WithLabelValues(route, strconv.Itoa(code)).Inc()
	m.latency.WithLabelValues(route).Observe(d.Seconds())
}

// document counts one extracted document.
func (m *metrics) document(r *Result) {
	if r.Fatal != "" {
		m.documents.WithLabelValues("failed").Inc()
		return
	}
	m.documents.WithLabelValues("ok").Inc()
	m.tokens.Add(float64(r.Tokens))
}

func (s *Server) metricsHandler() http.HandlerFunc {
	h := promhttp.HandlerFor(s.registry, promhttp.HandlerOpts{})
	return h.ServeHTTP
}
