package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestExtractJSON(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	w := do(s.Handler(), "POST", "/v1/extract", "application/json",
		`{"id":"a","title":"T","text":"Putin spoke.","format":"markdown","published":"2016-12-22","url":"https://example.org/a"}`)
	if w.Code != 200 {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	m := decode(t, w.Body.Bytes())
	for k, v := range map[string]any{"id": "a", "title": "T", "format": "markdown", "published": "2016-12-22", "url": "https://example.org/a"} {
		if m[k] != v {
			t.Errorf("%s = %v, want %v", k, m[k], v)
		}
	}
	if m["source"] != "http" {
		t.Errorf("source %v", m["source"])
	}
	if w.Header().Get("Content-Type") != "application/json" {
		t.Errorf("Content-Type %q", w.Header().Get("Content-Type"))
	}
}

func TestExtractDefaults(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	w := do(s.Handler(), "POST", "/v1/extract", "application/json", `{"text":"x"}`)
	m := decode(t, w.Body.Bytes())
	if m["id"] != "document" || m["text"] != nil {
		t.Errorf("id %v, text %v", m["id"], m["text"])
	}
	w = do(s.Handler(), "POST", "/v1/extract?text=true", "text/plain", `x`)
	if m := decode(t, w.Body.Bytes()); m["text"] != "main text of document" {
		t.Errorf("?text=true: text %v", m["text"])
	}
	if !strings.HasPrefix(w.Body.String(), "{\n  \"") || !strings.HasSuffix(w.Body.String(), "\n}\n") {
		t.Errorf("record is not indented like extract's: %q", w.Body.String())
	}
}

func TestExtractRaw(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	for ct, format := range map[string]string{"text/plain": "text", "text/markdown; charset=utf-8": "markdown", "text/html": "html"} {
		w := do(s.Handler(), "POST", "/v1/extract?published=2016-12-22&id=x&title=Hello", ct, "<p>Putin</p>")
		if w.Code != 200 {
			t.Fatalf("%s: status %d: %s", ct, w.Code, w.Body)
		}
		m := decode(t, w.Body.Bytes())
		if m["format"] != format || m["published"] != "2016-12-22" || m["id"] != "x" || m["title"] != "Hello" || m["bytes"] != 12.0 {
			t.Errorf("%s: %v", ct, m)
		}
	}
}

func TestExtractBadRequests(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	for _, c := range []struct {
		name, target, ct, body string
		status                 int
		says                   string
	}{
		{"bad JSON", "/v1/extract", "application/json", `{"text": }`, 400, "bad JSON"},
		{"truncated JSON", "/v1/extract", "application/json", `{"text": "a"`, 400, "ends early"},
		{"unknown field", "/v1/extract", "application/json", `{"text":"a","body":"b"}`, 400, `unknown field "body"`},
		{"wrong type", "/v1/extract", "application/json", `{"text":"a","title":3}`, 400, `field "title" must be a string`},
		{"not an object", "/v1/extract", "application/json", `["a"]`, 400, "must be a JSON object"},
		{"no text", "/v1/extract", "application/json", `{"title":"a"}`, 400, `field "text" is required`},
		{"two values", "/v1/extract", "application/json", `{"text":"a"}{"text":"b"}`, 400, "more than one JSON value"},
		{"empty body", "/v1/extract", "application/json", ``, 400, "empty body"},
		{"bad format", "/v1/extract", "application/json", `{"text":"a","format":"pdf"}`, 400, `field "format"`},
		{"bad published", "/v1/extract", "application/json", `{"text":"a","published":"yesterday"}`, 400, `field "published"`},
		{"bad url", "/v1/extract", "application/json", `{"text":"a","url":"not a url"}`, 400, `field "url"`},
		{"query on JSON", "/v1/extract?published=2016-01-01", "application/json", `{"text":"a"}`, 400, `put "published" in the JSON`},
		{"unknown query", "/v1/extract?foo=1", "text/plain", `a`, 400, `unknown query parameter "foo"`},
		{"bad bool", "/v1/extract?text=yes", "text/plain", `a`, 400, `"text" is "yes"`},
		{"bad raw published", "/v1/extract?published=22/12/2016", "text/plain", `a`, 400, `query parameter "published"`},
		{"empty raw", "/v1/extract", "text/plain", "  \n", 400, "empty body"},
		{"no content type", "/v1/extract", "", `a`, 415, "no Content-Type"},
		{"pdf", "/v1/extract", "application/pdf", `a`, 415, "application/pdf is not read here"},
		{"form", "/v1/extract", "application/x-www-form-urlencoded", `a=b`, 415, "not read here"},
		{"latin1", "/v1/extract", "text/plain; charset=iso-8859-1", `a`, 415, "charset iso-8859-1"},
		{"bad media type", "/v1/extract", "text/plain; charset", `a`, 415, "Content-Type"},
		{"unreadable", "/v1/extract", "application/json", `{"text":"BINARY"}`, 422, "binary data"},
		{"method", "/v1/extract", "", ``, 405, "does not answer GET"},
	} {
		t.Run(c.name, func(t *testing.T) {
			method := "POST"
			if c.status == 405 {
				method = "GET"
			}
			wantError(t, do(s.Handler(), method, c.target, c.ct, c.body), c.status, c.says)
		})
	}
}

func TestMethodNotAllowedSaysAllow(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	w := do(s.Handler(), "DELETE", "/healthz", "", "")
	wantError(t, w, 405, "does not answer DELETE")
	if a := w.Header().Get("Allow"); !strings.Contains(a, "GET") {
		t.Errorf("Allow %q", a)
	}
	w = do(s.Handler(), "OPTIONS", "/v1/extract", "", "")
	if w.Code != 204 || !strings.Contains(w.Header().Get("Allow"), "POST") {
		t.Errorf("OPTIONS: %d, Allow %q", w.Code, w.Header().Get("Allow"))
	}
}

func TestNotFound(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	wantError(t, do(s.Handler(), "GET", "/nope", "", ""), 404, "no such page")
	wantError(t, do(s.Handler(), "GET", "/assets/nope.js", "", ""), 404, "no such asset")
	wantError(t, do(s.Handler(), "GET", "/assets/", "", ""), 404, "no such page")
	wantError(t, do(s.Handler(), "GET", "/v1/nope", "", ""), 404, "no such page")
}

func TestPanicIs500(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	wantError(t, do(s.Handler(), "POST", "/v1/extract", "text/plain", "PANIC"), 500, "boom")
}

// countingReader counts the bytes read from it.
type countingReader struct {
	n int64
	r io.Reader
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func TestBodyTooLargeRefusedBeforeReading(t *testing.T) {
	s, f := newTestServer(t, Options{MaxBody: 1024})
	body := &countingReader{r: strings.NewReader(strings.Repeat("a", 4096))}
	req := httptest.NewRequest("POST", "/v1/extract", body)
	req.Header.Set("Content-Type", "text/plain")
	req.ContentLength = 4096
	w := httptest.NewRecorder()
	s.Handler().ServeHTTP(w, req)
	wantError(t, w, 413, "over the limit of 1.0 KiB")
	if body.n != 0 {
		t.Errorf("read %d bytes of a body declared too large", body.n)
	}
	if w.Header().Get("Connection") != "close" {
		t.Error("413 does not close the connection")
	}
	if f.calls.Load() != 0 {
		t.Error("backend called")
	}
}

func TestBodyTooLargeUndeclared(t *testing.T) {
	s, _ := newTestServer(t, Options{MaxBody: 1024})
	for _, ct := range []string{"text/plain", "application/json"} {
		req := httptest.NewRequest("POST", "/v1/extract", io.MultiReader(strings.NewReader(strings.Repeat("a", 4096))))
		req.ContentLength = -1 // chunked
		req.Header.Set("Content-Type", ct)
		w := httptest.NewRecorder()
		s.Handler().ServeHTTP(w, req)
		wantError(t, w, 413, "over the limit")
	}
	w := do(s.Handler(), "POST", "/v1/extract", "text/plain", strings.Repeat("a", 1024))
	if w.Code != 200 {
		t.Errorf("a body of exactly --max-body: %d %s", w.Code, w.Body)
	}
}

func TestInflightLimit(t *testing.T) {
	s, f := newTestServer(t, Options{MaxInflight: 1, Timeout: time.Minute})
	done := make(chan *httptest.ResponseRecorder)
	go func() { done <- do(s.Handler(), "POST", "/v1/extract", "text/plain", "SLOW") }()
	<-f.started
	w := do(s.Handler(), "POST", "/v1/extract", "text/plain", "quick")
	wantError(t, w, 503, "too many requests in flight (limit 1")
	if w.Header().Get("Retry-After") == "" {
		t.Error("503 without Retry-After")
	}
	// Routes that do no work still answer.
	if w := do(s.Handler(), "GET", "/healthz", "", ""); w.Code != 200 {
		t.Errorf("healthz while busy: %d", w.Code)
	}
	close(f.release)
	if w := <-done; w.Code != 200 {
		t.Errorf("slow request: %d %s", w.Code, w.Body)
	}
	if w := do(s.Handler(), "POST", "/v1/extract", "text/plain", "quick"); w.Code != 200 {
		t.Errorf("after the slow one: %d %s", w.Code, w.Body)
	}
}

func TestTimeout(t *testing.T) {
	s, f := newTestServer(t, Options{MaxInflight: 1, Timeout: 50 * time.Millisecond})
	start := time.Now()
	w := do(s.Handler(), "POST", "/v1/extract", "text/plain", "SLOW")
	wantError(t, w, 504, "longer than 50ms (--timeout)")
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("504 after %s", el)
	}
	// The extraction still runs: it keeps its in-flight slot.
	wantError(t, do(s.Handler(), "POST", "/v1/extract", "text/plain", "quick"), 503, "in flight")
	close(f.release)
	deadline := time.Now().Add(5 * time.Second)
	for len(s.inflight) > 0 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if w := do(s.Handler(), "POST", "/v1/extract", "text/plain", "quick"); w.Code != 200 {
		t.Errorf("after the timed-out work ended: %d %s", w.Code, w.Body)
	}
}

func TestNotReady(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if w := do(s.Handler(), "GET", "/healthz", "", ""); w.Code != 200 {
		t.Errorf("healthz while loading: %d", w.Code)
	}
	w := do(s.Handler(), "GET", "/readyz", "", "")
	wantError(t, w, 503, "loading")
	w = do(s.Handler(), "POST", "/v1/extract", "text/plain", "a")
	wantError(t, w, 503, "loading its models")
	if w.Header().Get("Retry-After") == "" {
		t.Error("no Retry-After")
	}
	s.SetBackend(newFake())
	if w := do(s.Handler(), "GET", "/readyz", "", ""); w.Code != 200 {
		t.Errorf("readyz when ready: %d %s", w.Code, w.Body)
	}
}

func TestStream(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	body := `{"id":"one","text":"a"}` + "\n\n" + `{"text": oops}` + "\n" + `{"text":"BINARY"}` + "\n" + `{"text":"c","published":"2016-12-22"}`
	w := do(s.Handler(), "POST", "/v1/extract?text=true", "application/x-ndjson", body)
	if w.Code != 200 || w.Header().Get("Content-Type") != "application/x-ndjson" {
		t.Fatalf("%d %q", w.Code, w.Header().Get("Content-Type"))
	}
	var got []map[string]any
	sc := bufio.NewScanner(w.Body)
	for sc.Scan() {
		got = append(got, decode(t, sc.Bytes()))
	}
	if len(got) != 4 {
		t.Fatalf("%d lines: %s", len(got), w.Body)
	}
	if got[0]["id"] != "one" || got[0]["source"] != "http:1" || got[0]["text"] != "main text of one" {
		t.Errorf("line 1: %v", got[0])
	}
	if got[1]["status"] != 400.0 || got[1]["line"] != 3.0 || !strings.Contains(got[1]["error"].(string), "line 3") {
		t.Errorf("line 3: %v", got[1])
	}
	if got[2]["id"] != "line:4" {
		t.Errorf("unreadable document: %v", got[2])
	}
	if got[3]["id"] != "line:5" || got[3]["published"] != "2016-12-22" {
		t.Errorf("line 5: %v", got[3])
	}
}

func TestStreamOverLimit(t *testing.T) {
	s, _ := newTestServer(t, Options{MaxBody: 100})
	line := `{"text":"` + strings.Repeat("a", 30) + `"}` + "\n"
	req := httptest.NewRequest("POST", "/v1/extract", strings.NewReader(strings.Repeat(line, 5)))
	req.ContentLength = -1
	req.Header.Set("Content-Type", "application/x-ndjson")
	w := httptest.NewRecorder()
	s.Handler().ServeHTTP(w, req)
	lines := strings.Split(strings.TrimSpace(w.Body.String()), "\n")
	last := decode(t, []byte(lines[len(lines)-1]))
	if last["status"] != 413.0 || len(lines) != 3 {
		t.Errorf("stream over the limit: %s", w.Body)
	}
}

func TestGraph(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	body := `{"id":"a","text":"x"}` + "\n" + `{"text":"BINARY"}` + "\n" + `{"id":"c","text":"y"}` + "\n"
	for _, c := range []struct{ query, want, ct string }{
		{"", "json  a,c", "application/json"},
		{"?format=dot", "dot  a,c", "text/vnd.graphviz; charset=utf-8"},
		{"?format=graphml", "graphml  a,c", "application/graphml+xml"},
		{"?format=gexf", "gexf  a,c", "application/gexf+xml"},
		{"?format=csv", "csv nodes a,c", "text/csv; charset=utf-8"},
		{"?format=csv&part=relationships", "csv relationships a,c", "text/csv; charset=utf-8"},
	} {
		w := do(s.Handler(), "POST", "/v1/graph"+c.query, "application/x-ndjson", body)
		if w.Code != 200 || w.Body.String() != c.want || w.Header().Get("Content-Type") != c.ct {
			t.Errorf("%s: %d %q %q", c.query, w.Code, w.Body, w.Header().Get("Content-Type"))
		}
	}
	if w := do(s.Handler(), "POST", "/v1/graph?format=dot&id=raw", "text/plain", "x"); w.Body.String() != "dot  raw" {
		t.Errorf("raw body: %q", w.Body)
	}
	if w := do(s.Handler(), "POST", "/v1/graph", "application/json", `{"id":"one","text":"x"}`); w.Body.String() != "json  one" {
		t.Errorf("JSON body: %q", w.Body)
	}
	wantError(t, do(s.Handler(), "POST", "/v1/graph?format=svg", "application/x-ndjson", body), 400, `"format" is "svg"`)
	wantError(t, do(s.Handler(), "POST", "/v1/graph?part=nodes", "application/x-ndjson", body), 400, "format=csv only")
	wantError(t, do(s.Handler(), "POST", "/v1/graph?format=csv&part=edges", "application/x-ndjson", body), 400, `"part" is "edges"`)
	wantError(t, do(s.Handler(), "POST", "/v1/graph", "application/x-ndjson", "{\"text\":\"a\"}\n{\"txt\":\"b\"}"), 400, "line 2")
	wantError(t, do(s.Handler(), "POST", "/v1/graph", "application/x-ndjson", "\n\n"), 400, "empty body")
	wantError(t, do(s.Handler(), "POST", "/v1/graph", "image/png", "x"), 415, "")
	wantError(t, do(s.Handler(), "GET", "/v1/graph", "", ""), 405, "")
}

func TestLookup(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	w := do(s.Handler(), "GET", "/v1/gazetteer/lookup?name=Lavrov&name=Putin&date=2016-12-20", "", "")
	var got []map[string]string
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil || w.Code != 200 {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
	if len(got) != 2 || got[0]["name"] != "Lavrov" || got[1]["name"] != "Putin" || got[0]["date"] != "2016-12-20" {
		t.Errorf("%v", got)
	}
	wantError(t, do(s.Handler(), "GET", "/v1/gazetteer/lookup", "", ""), 400, `"name" is required`)
	wantError(t, do(s.Handler(), "GET", "/v1/gazetteer/lookup?name=", "", ""), 400, `"name" must be`)
	wantError(t, do(s.Handler(), "GET", "/v1/gazetteer/lookup?name=a&date=soon", "", ""), 400, `"date" is "soon"`)
	wantError(t, do(s.Handler(), "GET", "/v1/gazetteer/lookup?name=a&lang=en", "", ""), 400, `unknown query parameter "lang"`)
	wantError(t, do(s.Handler(), "POST", "/v1/gazetteer/lookup?name=a", "", ""), 405, "")
}

func TestHeadersAndCORS(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	w := do(s.Handler(), "GET", "/healthz", "", "")
	if w.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Error("CORS header without --cors")
	}
	for _, h := range []string{"Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy"} {
		if w.Header().Get(h) == "" {
			t.Errorf("no %s", h)
		}
	}
	s, _ = newTestServer(t, Options{CORS: "https://app.example.org"})
	w = do(s.Handler(), "OPTIONS", "/v1/extract", "", "")
	if w.Header().Get("Access-Control-Allow-Origin") != "https://app.example.org" || !strings.Contains(w.Header().Get("Access-Control-Allow-Methods"), "POST") {
		t.Errorf("preflight headers: %v", w.Header())
	}
	for _, bad := range []string{"app.example.org", "https://app.example.org/path", "ftp://x"} {
		if _, err := New(Options{CORS: bad}); err == nil {
			t.Errorf("--cors %q accepted", bad)
		}
	}
	if _, err := New(Options{MaxBody: -1}); err == nil {
		t.Error("negative --max-body accepted")
	}
}

func TestMetrics(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	do(s.Handler(), "POST", "/v1/extract", "text/plain", "a")
	do(s.Handler(), "POST", "/v1/extract", "text/plain", "BINARY")
	do(s.Handler(), "POST", "/v1/extract", "application/pdf", "a")
	w := do(s.Handler(), "GET", "/metrics", "", "")
	body := w.Body.String()
	for _, want := range []string{
		`entente_http_requests_total{code="200",route="/v1/extract"} 1`,
		`entente_http_requests_total{code="422",route="/v1/extract"} 1`,
		`entente_http_requests_total{code="415",route="/v1/extract"} 1`,
		`entente_http_request_duration_seconds_count{route="/v1/extract"} 3`,
		`entente_documents_total{outcome="ok"} 1`,
		`entente_documents_total{outcome="failed"} 1`,
		`entente_tokens_total 3`,
		`entente_http_requests_in_flight 0`,
		`process_resident_memory_bytes`,
		`go_goroutines`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

// TestServeDrains checks that cancelling Serve's context (SIGTERM) lets
// a request in flight finish and then returns nil.
func TestServeDrains(t *testing.T) {
	s, f := newTestServer(t, Options{Timeout: 10 * time.Second})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()
	url := "http://" + ln.Addr().String()
	answer := make(chan int, 1)
	go func() {
		resp, err := http.Post(url+"/v1/extract", "text/plain", strings.NewReader("SLOW"))
		if err != nil {
			answer <- -1
			return
		}
		resp.Body.Close()
		answer <- resp.StatusCode
	}()
	<-f.started
	cancel()
	time.Sleep(50 * time.Millisecond)
	if _, err := http.Get(url + "/healthz"); err == nil {
		t.Error("new connections accepted while draining")
	}
	select {
	case err := <-served:
		t.Fatalf("Serve returned with a request in flight: %v", err)
	default:
	}
	close(f.release)
	if code := <-answer; code != 200 {
		t.Errorf("request in flight got %d", code)
	}
	if err := <-served; err != nil {
		t.Errorf("Serve: %v", err)
	}
}

func TestServeListenError(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	s, _ := newTestServer(t, Options{Addr: ln.Addr().String()})
	if _, err := s.Listen(); err == nil || !strings.Contains(err.Error(), "serve:") {
		t.Errorf("listening on a busy port: %v", err)
	}
}

// TestStreamOverRealConnection streams a large chunked JSON Lines body
// through a real HTTP/1.1 server: every line is answered, in order,
// although documents finish out of order and records are written while
// the body is still being sent.
func TestStreamOverRealConnection(t *testing.T) {
	s, _ := newTestServer(t, Options{})
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	const n = 3000
	pr, pw := io.Pipe()
	go func() {
		for i := 1; i <= n; i++ {
			sleep := 0
			if i%7 == 0 {
				sleep = 3
			}
			fmt.Fprintf(pw, `{"id":"d%d","text":"sleep:%d","title":"%s"}`+"\n", i, sleep, strings.Repeat("t", 200))
		}
		pw.Close()
	}()
	resp, err := http.Post(ts.URL+"/v1/extract", "application/x-ndjson", pr)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	i := 0
	for sc.Scan() {
		i++
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("line %d: %v: %s", i, err, sc.Bytes())
		}
		if m["id"] != fmt.Sprintf("d%d", i) {
			t.Fatalf("line %d is %v", i, m)
		}
	}
	if i != n {
		t.Errorf("%d records for %d lines", i, n)
	}
}

func TestGraphTimeout(t *testing.T) {
	s, f := newTestServer(t, Options{Timeout: 50 * time.Millisecond})
	defer close(f.release)
	body := `{"text":"a"}` + "\n" + `{"id":"slow","text":"SLOW"}` + "\n" + `{"text":"b"}` + "\n"
	wantError(t, do(s.Handler(), "POST", "/v1/graph", "application/x-ndjson", body), 504, "slow: extraction took longer than 50ms")
}
