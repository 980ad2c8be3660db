package serve

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// Timeouts of the HTTP server besides Options.Timeout.
const (
	readHeaderTimeout = 10 * time.Second
	// readTimeout bounds reading a request body (MaxBody at a slow
	// client's pace).
	readTimeout = 60 * time.Second
	idleTimeout = 120 * time.Second
	// writeSlack is added to Options.Timeout for writing an answer.
	writeSlack = 10 * time.Second
)

// HTTPServer returns the http.Server for s with its timeouts set.
func (s *Server) HTTPServer() *http.Server {
	return &http.Server{
		Addr:              s.opts.Addr,
		Handler:           s.handler,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      readTimeout + s.opts.Timeout + writeSlack,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(slog.Default().Handler(), slog.LevelDebug),
	}
}

// Listen opens the listener on Options.Addr.
func (s *Server) Listen() (net.Listener, error) {
	ln, err := net.Listen("tcp", s.opts.Addr)
	if err != nil {
		return nil, fmt.Errorf("serve: %w", err)
	}
	return ln, nil
}

// Serve answers requests on ln until ctx ends, then stops accepting,
// lets the requests in flight finish (for at most the request timeout
// plus a margin) and returns nil. It returns an error when the listener
// fails or the drain does not finish in time.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := s.HTTPServer()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	s.draining.Store(true)
	slog.Info("serve: draining requests in flight", "in_flight", len(s.inflight))
	dctx, cancel := context.WithTimeout(context.Background(), s.opts.Timeout+writeSlack)
	defer cancel()
	err := srv.Shutdown(dctx)
	if serr := <-errc; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	if err != nil {
		srv.Close()
		return fmt.Errorf("serve: stopping: %w", err)
	}
	slog.Info("serve: stopped")
	return nil
}
