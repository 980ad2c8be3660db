// Package serve is entente's HTTP face: `entente serve` answers extraction,
// graph and gazetteer requests over HTTP and serves a page that shows an
// article with its mentions, entities, dates, events, relations and
// relationship graph.
//
// Like the command line it is a face over entente's Go API: it receives a
// Backend (the root package's Extractor behind a small adapter) and knows no
// stage by name. Nothing imports it but cmd/entente.
//
// The server never reads a file or URL named in a request, refuses bodies
// over Options.MaxBody before reading them, answers 503 with Retry-After
// past Options.MaxInflight concurrent requests and 504 past Options.Timeout,
// reports every error as JSON {"error": "...", "status": N}, exports
// Prometheus metrics at /metrics and documents itself as OpenAPI 3.1 at
// /openapi.json (assets/openapi.json; docs/serve.md). Its page and assets
// are embedded; the page makes no request outside the server and runs
// under a Content-Security-Policy that forbids inline scripts and other
// origins.
package serve
