package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/entente-nlp/entente"
	"github.com/entente-nlp/entente/internal/app/config"
	"github.com/entente-nlp/entente/internal/testkit/testutil"
	"github.com/entente-nlp/entente/serve"
)

// TestServeRecordIsExtractRecord checks the contract of POST /v1/extract:
// the record equals what `entente extract --format json` writes for the
// same document (read from a JSON Lines line with the same fields), but
// for "source", which says where each came from.
func TestServeRecordIsExtractRecord(t *testing.T) {
	article, err := os.ReadFile(testutil.Testdata(t, "moscow-declaration.md"))
	if err != nil {
		t.Fatal(err)
	}
	in := map[string]string{"id": "moscow", "text": string(article), "format": "markdown", "published": "2016-12-22"}
	line, _ := json.Marshal(in)
	jsonl := filepath.Join(t.TempDir(), "one.jsonl")
	if err := os.WriteFile(jsonl, append(line, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	app := testApp(t, nil)
	srv, err := serve.New(serve.Options{})
	if err != nil {
		t.Fatal(err)
	}
	backend, err := newServeBackend(app.Config)
	if err != nil {
		t.Fatal(err)
	}
	srv.SetBackend(backend)
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	for _, withText := range []bool{false, true} {
		app.WithText = withText
		var cli bytes.Buffer
		if err := runExtract(t.Context(), &cli, app, []string{jsonl}, ""); err != nil {
			t.Fatal(err)
		}
		var want []map[string]any
		if err := json.Unmarshal(cli.Bytes(), &want); err != nil || len(want) != 1 {
			t.Fatalf("extract wrote %d records (%v)", len(want), err)
		}
		resp, err := http.Post(ts.URL+"/v1/extract?text="+strconv.FormatBool(withText), "application/json", bytes.NewReader(line))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("%d %s", resp.StatusCode, body)
		}
		var got map[string]any
		if err := json.Unmarshal(body, &got); err != nil {
			t.Fatal(err)
		}
		if len(got["entities"].([]any)) < 10 || (got["text"] != nil) != withText {
			t.Fatalf("text=%v: %d entities, text %v", withText, len(got["entities"].([]any)), got["text"] != nil)
		}
		delete(got, "source")
		delete(want[0], "source")
		if !reflect.DeepEqual(got, want[0]) {
			g, _ := json.MarshalIndent(got, "", " ")
			w, _ := json.MarshalIndent(want[0], "", " ")
			t.Errorf("text=%v: serve's record differs from extract's:\n%.2000s\n---\n%.2000s", withText, g, w)
		}
	}
}

// TestServeStopsOnSIGTERM runs the binary, waits until it is ready,
// sends SIGTERM and expects exit status 0.
func TestServeStopsOnSIGTERM(t *testing.T) {
	bin := binary(t)
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0")
	cmd.Dir = t.TempDir()
	cmd.Env = append(os.Environ(), "ENTENTE_CONFIG=")
	var stderr syncBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(stderr.String(), "serve: ready") {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("not ready after 30 s:\n%s", stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("exit after SIGTERM: %v\n%s", err, stderr.String())
		}
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("still running 30 s after SIGTERM:\n%s", stderr.String())
	}
	if !strings.Contains(stderr.String(), "serve: stopped") {
		t.Errorf("stderr:\n%s", stderr.String())
	}
}

// TestServeBackendReadsConfiguration checks that serve runs on the
// configuration extract runs on (here: published and the pipeline).
func TestServeBackendReadsConfiguration(t *testing.T) {
	app := testApp(t, func(c *config.Config) {
		c.Published = "2020-01-02"
		c.Pipeline = []string{"ingest", "clean", "nlp", "entities"}
	})
	backend, err := newServeBackend(app.Config)
	if err != nil {
		t.Fatal(err)
	}
	res, err := backend.Extract(t.Context(), serve.Input{ID: "a", Text: "Putin met Erdogan in Moscow on Tuesday.", Published: "2016-12-22"})
	if err != nil {
		t.Fatal(err)
	}
	rec := res.Record.(*entente.Record)
	if rec.Published != "2020-01-02" {
		t.Errorf("published %q: the configuration's published is not applied", rec.Published)
	}
	if len(rec.Entities) == 0 || len(rec.Dates) != 0 {
		t.Errorf("pipeline without dates: %d entities, %d dates", len(rec.Entities), len(rec.Dates))
	}
}

// TestServeBadFlags checks that serve refuses bad limits before listening,
// naming the flag, with exit status 2.
func TestServeBadFlags(t *testing.T) {
	for _, c := range []struct {
		args []string
		says string
	}{
		{[]string{"--max-body", "0"}, "--max-body 0"},
		{[]string{"--max-body", "lots"}, "--max-body"},
		{[]string{"--max-inflight", "0"}, "--max-inflight 0"},
		{[]string{"--timeout", "-1s"}, "--timeout -1s"},
		{[]string{"--cors", "example.org"}, "--cors"},
		{[]string{"--addr", "nonsense"}, "nonsense"},
	} {
		_, stderr, code := run(t, t.TempDir(), nil, append([]string{"serve"}, c.args...)...)
		if code != 2 || !strings.Contains(stderr, c.says) {
			t.Errorf("serve %v: exit %d, stderr %q", c.args, code, stderr)
		}
	}
}
