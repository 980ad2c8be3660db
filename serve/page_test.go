package serve

import (
	"encoding/json"
	"io/fs"
	"regexp"
	"sort"
	"strings"
	"testing"
)

func TestPage(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	w := do(s.Handler(), "GET", "/", "", "")
	if w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") {
		t.Fatalf("GET /: %d %q", w.Code, w.Header().Get("Content-Type"))
	}
	csp := w.Header().Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %s", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe") {
		t.Errorf("CSP allows unsafe sources: %s", csp)
	}
	html := w.Body.String()
	// Nothing inline: every script has a src, no style element or
	// attribute, no event handler attribute.
	for _, bad := range []*regexp.Regexp{
		regexp.MustCompile(`<script(?:\s[^>]*)?>[^<]+</script>`),
		regexp.MustCompile(`<script(?:(?:\s(?:defer|type="[^"]*"))*)?>`),
		regexp.MustCompile(`<style`),
		regexp.MustCompile(`\sstyle=`),
		regexp.MustCompile(`\son[a-z]+=`),
		regexp.MustCompile(`javascript:`),
	} {
		if loc := bad.FindStringIndex(html); loc != nil {
			t.Errorf("page has inline code: %q", html[loc[0]:loc[1]])
		}
	}
	// Every local reference resolves; nothing points elsewhere.
	refs := regexp.MustCompile(`(?:src|href)="([^"]+)"`).FindAllStringSubmatch(html, -1)
	if len(refs) < 4 {
		t.Fatalf("only %d references in the page", len(refs))
	}
	for _, m := range refs {
		ref := m[1]
		if !strings.HasPrefix(ref, "/") || strings.HasPrefix(ref, "//") {
			t.Errorf("page refers outside the server: %s", ref)
			continue
		}
		if w := do(s.Handler(), "GET", ref, "", ""); w.Code != 200 {
			t.Errorf("GET %s: %d", ref, w.Code)
		}
	}
	if w := do(s.Handler(), "HEAD", "/", "", ""); w.Code != 200 || w.Body.Len() != 0 {
		t.Errorf("HEAD /: %d, %d bytes", w.Code, w.Body.Len())
	}
}

// TestAssetsStayLocal checks that the page's own code requests nothing
// from another origin and never parses document text as HTML.
func TestAssetsStayLocal(t *testing.T) {
	for _, name := range []string{"app.js", "app.css", "index.html"} {
		b, err := fs.ReadFile(assets, name)
		if err != nil {
			t.Fatal(err)
		}
		src := string(b)
		if m := regexp.MustCompile(`(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}`).FindString(src); m != "" {
			t.Errorf("%s refers to another origin: %s", name, m)
		}
		for _, bad := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"} {
			if strings.Contains(src, bad) {
				t.Errorf("%s uses %s", name, bad)
			}
		}
	}
	for _, name := range []string{"cytoscape.min.js", "cytoscape.LICENSE", "cytoscape.SOURCE"} {
		if _, err := fs.Stat(assets, name); err != nil {
			t.Errorf("vendored cytoscape: %v", err)
		}
	}
}

func TestAssetTypes(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	for path, ct := range map[string]string{
		"/assets/app.js":            "text/javascript; charset=utf-8",
		"/assets/cytoscape.min.js":  "text/javascript; charset=utf-8",
		"/assets/app.css":           "text/css; charset=utf-8",
		"/assets/favicon.svg":       "image/svg+xml",
		"/assets/cytoscape.LICENSE": "text/plain; charset=utf-8",
		"/openapi.json":             "application/json",
	} {
		w := do(s.Handler(), "GET", path, "", "")
		if w.Code != 200 || w.Header().Get("Content-Type") != ct || w.Header().Get("ETag") == "" {
			t.Errorf("%s: %d %q etag %q", path, w.Code, w.Header().Get("Content-Type"), w.Header().Get("ETag"))
		}
	}
	w := do(s.Handler(), "GET", "/assets/index.html", "", "")
	if w.Code != 301 {
		t.Errorf("/assets/index.html: %d", w.Code)
	}
}

// TestOpenAPI checks that /openapi.json is OpenAPI 3.1 and documents
// exactly the server's routes and methods.
func TestOpenAPI(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	w := do(s.Handler(), "GET", "/openapi.json", "", "")
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.OpenAPI != "3.1.0" {
		t.Errorf("openapi %q", doc.OpenAPI)
	}
	var routes, documented []string
	for _, r := range s.routeList() {
		if r.path == "/assets/" {
			continue
		}
		routes = append(routes, r.path)
		for _, m := range r.methods {
			if m == "HEAD" {
				continue
			}
			if _, ok := doc.Paths[r.path][strings.ToLower(m)]; !ok {
				t.Errorf("%s %s is not documented", m, r.path)
			}
		}
	}
	for p := range doc.Paths {
		documented = append(documented, p)
	}
	sort.Strings(routes)
	sort.Strings(documented)
	if strings.Join(routes, " ") != strings.Join(documented, " ") {
		t.Errorf("routes %v, documented %v", routes, documented)
	}
	// Every $ref resolves.
	var all map[string]any
	json.Unmarshal(w.Body.Bytes(), &all)
	for _, m := range regexp.MustCompile(`"\$ref":\s*"#/([^"]+)"`).FindAllStringSubmatch(w.Body.String(), -1) {
		var cur any = all
		for _, part := range strings.Split(m[1], "/") {
			obj, _ := cur.(map[string]any)
			cur = obj[part]
		}
		if cur == nil {
			t.Errorf("$ref #/%s does not resolve", m[1])
		}
	}
}
