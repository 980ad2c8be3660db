package main

import (
	"bytes"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/entente-nlp/entente/internal/testkit/testutil"
)

// freePort returns a loopback port nobody listens on right now.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// startBackground runs the binary until the test ends.
func startBackground(t *testing.T, dir string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		if t.Failed() {
			t.Logf("%s stderr:\n%s", strings.Join(args, " "), stderr.String())
		}
	})
	return cmd
}

func sortedLines(s string) []string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	slices.Sort(lines)
	return lines
}

// The four commands end to end against an embedded server: the collected
// records equal extract's for the same inputs, a resubmission adds
// nothing, and a bad input ends as a record with its error.
func TestNatsCommandsMatchExtract(t *testing.T) {
	dir := t.TempDir()
	root := testutil.RepoRoot(t)
	inputs := []string{
		filepath.Join(root, "testdata", "moscow-declaration.md"),
		filepath.Join(root, "testdata", "example.md"),
		filepath.Join(root, "testdata", "ingest", "wire.html"),
		filepath.Join(dir, "missing.txt"),
	}
	want, _, _ := run(t, dir, nil, append([]string{"extract", "--format", "jsonl"}, inputs...)...)

	port := freePort(t)
	url := "nats://127.0.0.1:" + strconv.Itoa(port)
	startBackground(t, dir, "nats", "serve", "--store", filepath.Join(dir, "store"), "--port", strconv.Itoa(port))
	deadline := time.Now().Add(20 * time.Second)
	for {
		c, err := net.Dial("tcp", "127.0.0.1:"+strconv.Itoa(port))
		if err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("nats serve did not start listening")
		}
		time.Sleep(50 * time.Millisecond)
	}

	_, stderr, code := run(t, dir, nil, append([]string{"nats", "submit", "--nats", url}, inputs...)...)
	if code != 1 || !strings.Contains(stderr, "4 submitted, 0 already") || !strings.Contains(stderr, "missing.txt") {
		t.Fatalf("submit: exit %d (want 1 for the missing file), stderr:\n%s", code, stderr)
	}
	_, stderr, _ = run(t, dir, nil, append([]string{"nats", "submit", "--nats", url}, inputs...)...)
	if !strings.Contains(stderr, "0 submitted, 4 already") {
		t.Errorf("resubmission was not deduplicated:\n%s", stderr)
	}

	startBackground(t, dir, "nats", "work", "--nats", url, "--workers", "2")
	out := filepath.Join(dir, "records.jsonl")
	graphFile := filepath.Join(dir, "graph.json")
	_, stderr, code = run(t, dir, nil, "nats", "collect", "--nats", url, "--expect", "4", "--sort", "-o", out, "--graph", graphFile)
	if code != 0 || !strings.Contains(stderr, "4 records, 0 dead letters") {
		t.Fatalf("collect: exit %d, stderr:\n%s", code, stderr)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if g, w := sortedLines(string(got)), sortedLines(want); !slices.Equal(g, w) {
		t.Errorf("collected records differ from extract's:\n got %d lines\nwant %d lines\nfirst got:  %.300s\nfirst want: %.300s", len(g), len(w), g[0], w[0])
	}
	if b, err := os.ReadFile(graphFile); err != nil || !bytes.Contains(b, []byte("country:RU")) {
		t.Errorf("collect --graph wrote no usable graph: %v", err)
	}
}
