package serve

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

//go:embed assets
var assetFS embed.FS

// assets is the embedded assets directory.
var assets, _ = fs.Sub(assetFS, "assets")

// contentSecurityPolicy allows scripts, styles, images and requests from
// the server only: no inline script or style, no other origin, no plugin,
// no framing. Images may be data: and blob: URLs (the graph's PNG).
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
	"connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// page answers GET / with the page.
func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	s.serveAsset(w, r, "index.html")
}

// asset answers GET /assets/NAME.
func (s *Server) asset(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/assets/")
	if name == "index.html" || name == "openapi.json" {
		http.Redirect(w, r, map[string]string{"index.html": "/", "openapi.json": "/openapi.json"}[name], http.StatusMovedPermanently)
		return
	}
	s.serveAsset(w, r, name)
}

// openapi answers GET /openapi.json with the API's description.
func (s *Server) openapi(w http.ResponseWriter, r *http.Request) {
	s.serveAsset(w, r, "openapi.json")
}

func (s *Server) serveAsset(w http.ResponseWriter, r *http.Request, name string) {
	if !fs.ValidPath(name) || strings.Contains(name, "/") {
		writeError(w, http.StatusNotFound, "no such asset: %s", name)
		return
	}
	b, err := fs.ReadFile(assets, name)
	if err != nil {
		writeError(w, http.StatusNotFound, "no such asset: %s", name)
		return
	}
	ct := mime.TypeByExtension(path.Ext(name))
	switch path.Ext(name) {
	case ".LICENSE", ".SOURCE":
		ct = "text/plain; charset=utf-8"
	case ".js":
		ct = "text/javascript; charset=utf-8"
	case ".json":
		ct = "application/json"
	case ".svg":
		ct = "image/svg+xml"
	}
	if ct == "" {
		ct = "application/octet-stream"
	}
	h := w.Header()
	h.Set("Content-Type", ct)
	h.Set("Cache-Control", "no-cache")
	sum := sha256.Sum256(b)
	h.Set("ETag", `"`+hex.EncodeToString(sum[:8])+`"`)
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(b))
}
