package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"image"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/entente-nlp/entente/internal/testkit/testutil"
)

var updateScreenshot = flag.Bool("update-screenshot", false, "write the browser test's screenshot to docs/images/serve.png")

// chromiumPath finds headless Chromium. Outside CI a missing browser
// skips the test; under CI=true it fails it (.ci/run installs chromium).
func chromiumPath(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test: skipped in -short mode")
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("browser test: chromium not found on PATH under CI (.ci/run installs the Debian package chromium)")
	}
	t.Skip("browser test: chromium not found on PATH; install it (apt-get install chromium) to run this test")
	return ""
}

// browser starts headless Chromium on a fresh profile and records the
// dialogs it opens and the requests it sends.
type browser struct {
	ctx       context.Context
	mu        sync.Mutex
	dialogs   []string
	requests  []string
	responses map[string]int64 // URL: status
}

func newBrowser(t *testing.T) *browser {
	t.Helper()
	exe := chromiumPath(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1400, 1000),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	b := &browser{ctx: ctx, responses: map[string]int64{}}
	// The first call starts the browser; it must not carry a timeout.
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *page.EventJavascriptDialogOpening:
			b.mu.Lock()
			b.dialogs = append(b.dialogs, ev.Message)
			b.mu.Unlock()
			go chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		case *network.EventRequestWillBeSent:
			b.mu.Lock()
			b.requests = append(b.requests, ev.Request.Method+" "+ev.Request.URL)
			b.mu.Unlock()
		case *network.EventResponseReceived:
			b.mu.Lock()
			b.responses[ev.Response.URL] = ev.Response.Status
			b.mu.Unlock()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// timed returns the browser's context bounded for one step.
func (b *browser) timed(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// submit loads the page, fills the form and waits for the result.
func (b *browser) submit(t *testing.T, url, text, format, published string) {
	t.Helper()
	ctx := b.timed(t)
	err := chromedp.Do(ctx,
		chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.CSS(`body[data-state="idle"]`)),
		chromedp.SetValue(chromedp.CSS(`#text`), text),
		chromedp.SetValue(chromedp.CSS(`#format`), format),
		chromedp.SetValue(chromedp.CSS(`#published`), published),
	)
	if err != nil {
		t.Fatalf("page: %v", err)
	}
	evalJS[bool](t, b, `window.__csp = []; document.addEventListener("securitypolicyviolation", e => window.__csp.push(e.violatedDirective + " " + e.blockedURI)); true`)
	err = chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#go`)),
		chromedp.WaitVisible(chromedp.CSS(`body[data-state="ready"], body[data-state="error"]`)),
	)
	if err != nil {
		t.Fatalf("page: %v", err)
	}
	if state := evalJS[string](t, b, `document.body.dataset.state`); state != "ready" {
		t.Fatalf("page state %s: %s", state, evalJS[string](t, b, `document.getElementById("status").textContent`))
	}
}

// evalJS evaluates js in the page.
func evalJS[T any](t *testing.T, b *browser, js string) T {
	t.Helper()
	v, err := chromedp.Run(b.timed(t), chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// The record as the API answers it, for comparison with the page.
type pageRecord struct {
	Entities []struct {
		ID       string `json:"id"`
		Mentions []struct {
			Start int `json:"start"`
		} `json:"mentions"`
	} `json:"entities"`
	Relations []struct {
		Source string `json:"source"`
		Target string `json:"target"`
	} `json:"relations"`
}

func postRecord(t *testing.T, url string, in Input) pageRecord {
	t.Helper()
	body, _ := json.Marshal(in)
	resp, err := http.Post(url+"/v1/extract", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var rec pageRecord
	if err := json.NewDecoder(resp.Body).Decode(&rec); err != nil || resp.StatusCode != 200 {
		t.Fatalf("extract: %d %v", resp.StatusCode, err)
	}
	return rec
}

func TestBrowserReferenceArticle(t *testing.T) {
	b := newBrowser(t)
	srv, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv.SetBackend(realBackend(t))
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	article, err := os.ReadFile(testutil.Testdata(t, "moscow-declaration.md"))
	if err != nil {
		t.Fatal(err)
	}
	b.submit(t, ts.URL, string(article), "markdown", "2016-12-22")
	rec := postRecord(t, ts.URL, Input{ID: "page", Text: string(article), Format: "markdown", Published: "2016-12-22"})

	// Every mention is highlighted, once.
	mentions := 0
	for _, e := range rec.Entities {
		mentions += len(e.Mentions)
	}
	marks := evalJS[int](t, b, `document.querySelectorAll("#article mark.mention").length`)
	if marks != mentions || mentions < 50 {
		t.Errorf("%d highlighted spans, the record has %d mentions", marks, mentions)
	}
	// The graph's nodes are the relation ends.
	ends := map[string]bool{}
	for _, r := range rec.Relations {
		ends[r.Source], ends[r.Target] = true, true
	}
	nodes := evalJS[[]string](t, b, `window.entente.cy.nodes().map(n => n.id())`)
	sort.Strings(nodes)
	var want []string
	for id := range ends {
		want = append(want, id)
	}
	sort.Strings(want)
	if strings.Join(nodes, " ") != strings.Join(want, " ") || len(want) < 5 {
		t.Errorf("graph nodes %v\nrelation ends %v", nodes, want)
	}
	// Clicking an entity marks exactly its mentions.
	id := evalJS[string](t, b, `document.querySelector("#entities li").dataset.entity`)
	if err := chromedp.Do(b.timed(t), chromedp.Click(chromedp.CSS(`#entities li`))); err != nil {
		t.Fatal(err)
	}
	active := evalJS[[]string](t, b, `Array.from(document.querySelectorAll("#article mark.mention.active")).map(m => m.dataset.entity)`)
	wantActive := 0
	for _, e := range rec.Entities {
		if e.ID == id {
			wantActive = len(e.Mentions)
		}
	}
	if len(active) != wantActive || wantActive == 0 {
		t.Errorf("clicking %s lit %d mentions, want %d", id, len(active), wantActive)
	}
	for _, a := range active {
		if a != id {
			t.Errorf("clicking %s lit a mention of %s", id, a)
		}
	}
	nodeActive := evalJS[bool](t, b, `window.entente.cy.getElementById(`+jsString(id)+`).hasClass("active")`)
	if ends[id] && !nodeActive {
		t.Errorf("clicking %s does not mark its graph node", id)
	}
	// The download buttons: the record, the graph from /v1/graph, a PNG
	// of the drawing.
	for _, f := range []string{"json", "dot", "graphml", "gexf", "png"} {
		if err := chromedp.Do(b.timed(t), chromedp.Click(chromedp.CSS(`[data-download="`+f+`"]`))); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"dot", "graphml", "gexf"} {
		u := ts.URL + "/v1/graph?format=" + f
		deadline := time.Now().Add(20 * time.Second)
		for b.status(u) == 0 && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		if st := b.status(u); st != 200 {
			t.Errorf("download %s: status %d", f, st)
		}
	}
	if n := evalJS[int](t, b, `window.entente.cy.png({full: true}).length`); n < 10000 {
		t.Errorf("the graph's PNG is %d bytes of data URL", n)
	}
	if st := evalJS[string](t, b, `document.getElementById("status").className`); st == "error" {
		t.Errorf("the page reports an error after the downloads: %s", evalJS[string](t, b, `document.getElementById("status").textContent`))
	}
	// Nothing was blocked by the Content-Security-Policy, nothing left the server.
	csp := evalJS[[]string](t, b, `window.__csp`)
	if len(csp) > 0 {
		t.Errorf("CSP violations: %v", csp)
	}
	b.checkRequests(t, ts.URL)

	// The screenshot for the README and docs/serve.md.
	// Clicking again clears the focus.
	if err := chromedp.Do(b.timed(t), chromedp.Click(chromedp.CSS(`#entities li`))); err != nil {
		t.Fatal(err)
	}
	if n := evalJS[int](t, b, `document.querySelectorAll("#article mark.active, #entities li.active").length`); n != 0 {
		t.Errorf("a second click leaves %d elements marked", n)
	}
	time.Sleep(300 * time.Millisecond)
	shot, err := chromedp.Run(b.timed(t), chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	// Keep the top of the page: the article, entities, dates and graph.
	bottom := evalJS[float64](t, b, `document.getElementById("graph").closest(".card").getBoundingClientRect().bottom + window.scrollY + 14`)
	if r := img.Bounds(); int(bottom) < r.Dy() {
		img = img.(interface {
			SubImage(image.Rectangle) image.Image
		}).SubImage(image.Rect(0, 0, r.Dx(), int(bottom)))
	}
	var cropped bytes.Buffer
	if err := png.Encode(&cropped, img); err != nil {
		t.Fatal(err)
	}
	shot = cropped.Bytes()
	out := filepath.Join(t.TempDir(), "serve.png")
	if *updateScreenshot {
		out = filepath.Join(testutil.RepoRoot(t), "docs", "images", "serve.png")
	}
	if err := os.WriteFile(out, shot, 0o644); err != nil {
		t.Fatal(err)
	}
}

// status is the status of the last answer to url, 0 when none came.
func (b *browser) status(url string) int64 {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.responses[url]
}

// checkRequests fails on any request to another origin, and on requests
// to the server other than the page's own.
func (b *browser) checkRequests(t *testing.T, origin string) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	allowed := []string{"GET " + origin + "/", "GET " + origin + "/assets/", "POST " + origin + "/v1/extract"}
	for _, f := range []string{"json", "dot", "graphml", "gexf"} {
		allowed = append(allowed, "POST "+origin+"/v1/graph?format="+f)
	}
	for _, r := range b.requests {
		if strings.HasPrefix(r, "GET data:") || strings.HasPrefix(r, "GET blob:"+origin+"/") {
			continue // the browser's own icons, the page's downloads: they never leave the browser
		}
		ok := false
		for _, a := range allowed {
			if r == a || strings.HasSuffix(a, "/") && strings.HasPrefix(r, a) && a != "GET "+origin+"/" {
				ok = true
			}
		}
		if !ok {
			t.Errorf("unexpected request: %s", r)
		}
	}
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// hostile is an article that tries to run script in every way a
// document can.
const hostile = `<html><head><title>Putin <script>alert("title")</script></title></head><body>
<h1>Vladimir Putin met <img src="/pwned-img" onerror="alert('img')"> Recep Tayyip Erdogan in Moscow</h1>
<p>Russia and Turkey <script>alert('script')</script> agreed on December 20, 2016.
<a href="javascript:alert('link')">Read more</a> <svg onload="alert('svg')"></svg>
<iframe src="javascript:alert('frame')"></iframe> <object data="/pwned-object"></object>
<style>body{background:url(/pwned-css)}</style> <div style="background:url(/pwned-style)">Iran</div>
"><script>alert('attr')</script> ' onmouseover='alert(1)' <base href="https://evil.example/"></p>
</body></html>`

func TestBrowserHostileArticleRunsNothing(t *testing.T) {
	b := newBrowser(t)
	srv, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv.SetBackend(realBackend(t))
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	for _, format := range []string{"html", "text", "markdown"} {
		b.submit(t, ts.URL, hostile, format, "2016-12-22")
		// Hover and click every highlighted span, too.
		evalJS[int](t, b, `document.querySelectorAll("#article mark").forEach(m => { m.dispatchEvent(new MouseEvent("mouseover", {bubbles: true})); m.click(); }); document.querySelectorAll("#article mark").length`)
		elems := evalJS[int](t, b, `document.querySelectorAll("#article *:not(mark), #entities script, #entities img, #events *:is(script,img,a,svg,iframe), #relations *:is(script,img,a,svg,iframe), #doc-title *").length`)
		if elems != 0 {
			t.Errorf("%s: %d elements made from the document's markup", format, elems)
		}
		shown := evalJS[string](t, b, `document.querySelector("#article").textContent`)
		if !strings.Contains(shown, `<script>alert('script')</script>`) {
			t.Errorf("%s: the article's markup is not shown as text", format)
		}
	}
	time.Sleep(300 * time.Millisecond)
	b.mu.Lock()
	dialogs := b.dialogs
	b.mu.Unlock()
	if len(dialogs) > 0 {
		t.Errorf("the hostile article opened dialogs: %v", dialogs)
	}
	b.checkRequests(t, ts.URL)
}
