package main

// serve.go: the "entente serve" command, and the backend that gives the
// serve package entente's pipeline, graph and gazetteer.

import (
	"errors"
	"fmt"
	"time"

	"github.com/entente-nlp/entente/gazetteer"
	"github.com/entente-nlp/entente/internal/app/config"
	"github.com/entente-nlp/entente/serve"
	"github.com/spf13/cobra"
)

func newServeCmd() *cobra.Command {
	var opts serve.Options
	var maxBody string
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the API over HTTP, and a page to read an article's entities, events and graph",
		Long: `serve answers HTTP requests: POST /v1/extract (one document, or JSON Lines
streamed back), POST /v1/graph, GET /v1/gazetteer/lookup, /healthz, /readyz,
/metrics (Prometheus) and /openapi.json; GET / is a page where you paste an
article and see its mentions highlighted, its entities, dates, events,
relations and graph. See docs/serve.md.

It reads the same configuration as extract (entente.yaml, ENTENTE_*, the
global flags); models and gazetteer are loaded once and shared. It listens on
localhost unless --addr says otherwise, never fetches a file or URL named in
a request, and on SIGTERM or Ctrl-C finishes the requests in flight, then
exits 0.`,
		Example: `  entente serve
  entente serve --addr 127.0.0.1:9000 --max-inflight 16 --timeout 10s
  curl -s localhost:8080/v1/extract -H 'Content-Type: text/markdown' \
    --data-binary @testdata/moscow-declaration.md | jq '.entities | length'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			n, err := config.ParseByteSize(maxBody)
			if err != nil {
				return usage(fmt.Errorf("serve: --max-body: %w", err))
			}
			opts.MaxBody = int64(n)
			// Zero means "the default" in serve.Options; on the command
			// line the defaults are explicit, so zero is a mistake.
			switch {
			case opts.MaxBody <= 0:
				return usage(fmt.Errorf("serve: --max-body %s: give a positive size such as 8MiB", maxBody))
			case opts.MaxInflight <= 0:
				return usage(fmt.Errorf("serve: --max-inflight %d: give 1 or more", opts.MaxInflight))
			case opts.Timeout <= 0:
				return usage(fmt.Errorf("serve: --timeout %s: give a positive duration such as 30s", opts.Timeout))
			}
			return runServe(cmd, opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Addr, "addr", serve.DefaultAddr, "address to listen on (host:port)")
	fl.StringVar(&maxBody, "max-body", "8MiB", "largest request body; larger ones are refused with 413")
	fl.IntVar(&opts.MaxInflight, "max-inflight", serve.DefaultMaxInflight, "requests worked on at once; more get 503 with Retry-After")
	fl.DurationVar(&opts.Timeout, "timeout", serve.DefaultTimeout, "longest extraction of one document; past it the answer is 504")
	fl.StringVar(&opts.CORS, "cors", "", "origin allowed to call the API from a browser (default: none)")
	return cmd
}

// errStopped is returned by serve after a signal asked it to stop and the
// requests in flight finished: main exits 0.
var errStopped = errors.New("stopped")

// runServe listens first (so /healthz answers and a busy port fails fast),
// then loads the models, then serves until the context ends.
func runServe(cmd *cobra.Command, opts serve.Options) error {
	ctx := cmd.Context()
	srv, err := serve.New(opts)
	if err != nil {
		return usage(err)
	}
	cfg, err := loadConfig(cmd)
	if err != nil {
		return err
	}
	ln, err := srv.Listen()
	if err != nil {
		return usage(err) // --addr
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx, ln) }()
	sessionOf(cmd).log.Info("serve: listening, loading models", "addr", "http://"+ln.Addr().String())
	t0 := time.Now()
	backend, err := newServeBackend(cfg)
	if err != nil {
		ln.Close()
		<-served
		return err
	}
	srv.SetBackend(backend)
	sessionOf(cmd).log.Info("serve: ready", "addr", "http://"+ln.Addr().String(), "loaded_in", time.Since(t0).Round(time.Millisecond))
	if err := <-served; err != nil {
		return err
	}
	return errStopped
}

// newServeBackend builds entente's Extractor on the effective
// configuration (file, ENTENTE_*, flags: the configuration extract runs
// on) and the gazetteer it links against.
func newServeBackend(cfg *config.Config) (*serve.ExtractorBackend, error) {
	x, err := newExtractor(cfg)
	if err != nil {
		return nil, err
	}
	gaz, err := gazetteer.Load(cfg.Gazetteer.Files...)
	if err != nil {
		return nil, err
	}
	return serve.NewBackend(x, gaz), nil
}
