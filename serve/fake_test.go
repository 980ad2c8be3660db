package serve

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// fakeBackend answers without a pipeline. Its records echo the input;
// text "BINARY" is a document entente cannot read, text "SLOW" waits for
// the context (or for release), text "PANIC" panics.
type fakeBackend struct {
	release chan struct{}
	started chan struct{}
	running atomic.Int32
	calls   atomic.Int32
}

func newFake() *fakeBackend {
	return &fakeBackend{release: make(chan struct{}), started: make(chan struct{}, 100)}
}

func (f *fakeBackend) Extract(ctx context.Context, in Input) (*Result, error) {
	f.calls.Add(1)
	f.running.Add(1)
	defer f.running.Add(-1)
	rec := map[string]any{"id": in.ID, "title": in.Title, "format": in.Format, "published": in.Published,
		"url": in.URL, "bytes": len(in.Text), "entities": []any{}, "errors": []any{}}
	switch in.Text {
	case "BINARY":
		return &Result{Record: rec, Fatal: "binary data (NUL byte at offset 0)"}, nil
	case "SLOW":
		f.started <- struct{}{}
		select {
		case <-f.release:
		case <-ctx.Done():
			<-f.release // keeps running past the deadline until released
			return nil, ctx.Err()
		}
	case "PANIC":
		panic("boom")
	}
	if d, ok := strings.CutPrefix(in.Text, "sleep:"); ok {
		ms, _ := strconv.Atoi(d)
		time.Sleep(time.Duration(ms) * time.Millisecond)
	}
	rec["source"] = in.Source
	if in.WithText {
		rec["text"] = "main text of " + in.ID
	}
	return &Result{Record: rec, Tokens: 3}, nil
}

func (f *fakeBackend) Graph(ctx context.Context, w io.Writer, results []*Result, opts GraphOptions) error {
	ids := []string{}
	for _, r := range results {
		if r.Fatal == "" {
			ids = append(ids, r.Record.(map[string]any)["id"].(string))
		}
	}
	_, err := fmt.Fprintf(w, "%s %s %s", opts.Format, opts.Part, strings.Join(ids, ","))
	return err
}

func (f *fakeBackend) Lookup(ctx context.Context, name, date string) (any, error) {
	return map[string]string{"name": name, "date": date}, nil
}

// newTestServer returns a ready server over a fake backend.
func newTestServer(t *testing.T, opts Options) (*Server, *fakeBackend) {
	t.Helper()
	s, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	f := newFake()
	s.SetBackend(f)
	return s, f
}

// do sends a request to h and returns the recorded answer.
func do(h http.Handler, method, target, contentType, body string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

// wantError checks an error answer's status and JSON body.
func wantError(t *testing.T, w *httptest.ResponseRecorder, status int, contains string) {
	t.Helper()
	if w.Code != status {
		t.Fatalf("status %d, want %d; body %s", w.Code, status, w.Body)
	}
	if ct := w.Header().Get("Content-Type"); ct != "application/json" {
		t.Errorf("error Content-Type %q", ct)
	}
	var e apiError
	if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil {
		t.Fatalf("error body is not JSON: %v: %s", err, w.Body)
	}
	if e.Status != status {
		t.Errorf("body status %d, want %d", e.Status, status)
	}
	if !strings.Contains(e.Error, contains) {
		t.Errorf("error %q does not say %q", e.Error, contains)
	}
}

func decode(t *testing.T, b []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("not a JSON object: %v: %s", err, b)
	}
	return m
}
