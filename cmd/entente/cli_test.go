package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/entente-nlp/entente"
	"github.com/spf13/cobra"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// binary builds the entente command once per test run.
func binary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "entente-cli-test")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "entente")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

// run runs the binary in dir and returns stdout, stderr and the exit code.
func run(t *testing.T, dir string, env []string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return stdout.String(), stderr.String(), code
}

func TestEveryCommandHasAnExample(t *testing.T) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if !c.Hidden && c.Name() != "help" && c.Name() != "completion" && !strings.HasPrefix(c.CommandPath(), "entente completion") {
			if strings.TrimSpace(c.Example) == "" {
				t.Errorf("%q has no Example", c.CommandPath())
			}
			if c.Short == "" {
				t.Errorf("%q has no Short description", c.CommandPath())
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(newRootCmd())
}

func TestCLIExitStatusAndSummary(t *testing.T) {
	dir := t.TempDir()
	good := write(t, filepath.Join(dir, "good.txt"), []byte("Sergey Lavrov met Mevlut Cavusoglu in Moscow."))
	stdout, stderr, code := run(t, dir, nil, "extract", good, "missing.md", "--format", "jsonl")
	if code != 1 {
		t.Errorf("exit status %d, want 1 when a document failed; stderr:\n%s", code, stderr)
	}
	for _, want := range []string{"missing.md: no such file or directory", "2 documents: 1 ok, 1 failed"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"id":"good"`) || !strings.Contains(lines[1], `"id":"missing"`) {
		t.Errorf("stdout:\n%s", stdout)
	}

	_, stderr, code = run(t, dir, nil, "extract", good, "--quiet")
	if code != 0 || stderr != "" {
		t.Errorf("quiet good run: exit %d, stderr %q", code, stderr)
	}
	_, stderr, code = run(t, dir, nil, "extract", good, "--format", "xml")
	if code != 2 || !strings.Contains(stderr, `"xml"`) {
		t.Errorf("bad format: exit %d, stderr %q", code, stderr)
	}
}

func TestCLIConfig(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "entente.yaml"), []byte("workers: 3\noutput:\n  format: csv\n"))
	stdout, stderr, code := run(t, dir, []string{"ENTENTE_OUTPUT_FORMAT=table"}, "config", "--pipeline", "ingest,clean")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"workers: 3", "format: table", "pipeline:\n  - ingest\n  - clean\n"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("config output lacks %q:\n%s", want, stdout)
		}
	}

	write(t, filepath.Join(dir, "entente.yaml"), []byte("workers: 3\noutptu:\n  format: csv\n"))
	_, stderr, code = run(t, dir, nil, "config")
	if code != 2 || !strings.Contains(stderr, "entente.yaml") || !strings.Contains(stderr, `"outptu.format"`) {
		t.Errorf("misspelt key: exit %d, stderr %q", code, stderr)
	}
	write(t, filepath.Join(dir, "broken.yaml"), []byte("workers: [3\n"))
	_, stderr, code = run(t, dir, nil, "extract", "x.md", "--config", "broken.yaml")
	if code != 2 || !strings.Contains(stderr, "broken.yaml") || !strings.Contains(stderr, "not valid YAML") {
		t.Errorf("malformed file: exit %d, stderr %q", code, stderr)
	}
	os.Remove(filepath.Join(dir, "broken.yaml"))
	os.Remove(filepath.Join(dir, "entente.yaml"))
	_, stderr, code = run(t, dir, nil, "extract", "x.md", "--pipeline", "ingest,frobnicate")
	if code != 2 || !strings.Contains(stderr, `unknown stage "frobnicate"`) {
		t.Errorf("unknown stage: exit %d, stderr %q", code, stderr)
	}
}

// entente config rejects what extract would reject at start-up, and
// reports every problem at once.
func TestCLIConfigChecksWhatExtractChecks(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name, yaml string
		want       []string
	}{
		{"order", "pipeline: [relations, ingest]\n", []string{`stage "relations" requires sentences, tokens, entities, which no earlier stage provides (add nlp and entities before relations)`}},
		{"missing clean", "pipeline: [ingest, nlp]\n", []string{`stage "nlp" requires text, which no earlier stage provides (add clean before nlp)`}},
		{"unknown stage options", "stages:\n  nosuchstage: {}\n", []string{"stages.nosuchstage configures an unknown stage"}},
		{"misspelt option", "stages:\n  dates:\n    vauge: true\n", []string{`stages.dates: unknown option "vauge" (known: vague)`}},
		{"missing gazetteer", "gazetteer:\n  files: [nowhere.yaml]\n", []string{"nowhere.yaml"}},
		{"all at once", "pipeline: [ingest, nlp, dates]\nstages:\n  dates:\n    vague: maybe\n  relations:\n    located_in: sometimes\n",
			[]string{`stage "nlp" requires text`, `stages.dates.vague: want true or false, got "maybe"`}},
		{"missing gazetteer and bad order", "pipeline: [clean, ingest]\ngazetteer:\n  files: [nowhere.yaml]\n",
			[]string{"nowhere.yaml", `stage "clean" requires document, which ingest provides after it`}},
	}
	for _, c := range cases {
		write(t, filepath.Join(dir, "entente.yaml"), []byte(c.yaml))
		for _, cmd := range []string{"config", "extract"} {
			args := []string{cmd}
			if cmd == "extract" {
				args = append(args, "-")
			}
			_, stderr, code := run(t, dir, nil, args...)
			if code != 2 {
				t.Errorf("%s: %s exits %d, want 2; stderr:\n%s", c.name, cmd, code, stderr)
			}
			for _, w := range c.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("%s: %s stderr lacks %q:\n%s", c.name, cmd, w, stderr)
				}
			}
		}
	}
}

func TestCLIHelpHasExamples(t *testing.T) {
	stdout, _, code := run(t, t.TempDir(), nil, "extract", "--help")
	if code != 0 || !strings.Contains(stdout, "Examples:") || !strings.Contains(stdout, "entente extract testdata/moscow-declaration.md") {
		t.Errorf("extract --help (exit %d):\n%s", code, stdout)
	}
}

func TestCLIStdin(t *testing.T) {
	cmd := exec.Command(binary(t), "extract", "-", "--published", "2016-12-22", "--format", "jsonl", "-q")
	cmd.Stdin = strings.NewReader("Vladimir Putin spoke in Moscow on Tuesday.")
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	var r entente.Record
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatal(err)
	}
	if r.ID != "stdin" || r.Source != "-" || r.Published != "2016-12-22" || len(r.Dates) == 0 || r.Dates[0].Value != "2016-12-20" {
		t.Errorf("stdin record %+v", r)
	}
}

// Ctrl-C during a run: exit status 130, and the -o file holds the
// documents finished before it, whole, in order, as a valid JSON array.
func TestCLIInterrupt(t *testing.T) {
	dir := t.TempDir()
	var lines bytes.Buffer
	const n = 5000
	for i := 0; i < n; i++ {
		fmt.Fprintf(&lines, `{"id":"%d","text":"Document %d. Putin met Erdogan in Moscow on December 20, 2016, and Lavrov spoke."}`+"\n", i, i)
	}
	write(t, filepath.Join(dir, "c.jsonl"), lines.Bytes())
	cmd := exec.Command(binary(t), "extract", "c.jsonl", "-o", "out.json", "--workers", "1", "--verbose")
	cmd.Dir = dir
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	var log strings.Builder
	seen := 0
	for sc.Scan() {
		log.WriteString(sc.Text() + "\n")
		if strings.Contains(sc.Text(), "msg=document") {
			seen++
			if seen == 20 {
				if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	err = cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 130 {
		t.Fatalf("exit: %v, want status 130; stderr:\n%s", err, log.String())
	}
	if !strings.Contains(log.String(), "interrupted") {
		t.Errorf("stderr does not say interrupted:\n%s", log.String())
	}
	b, err := os.ReadFile(filepath.Join(dir, "out.json"))
	if err != nil {
		t.Fatal(err)
	}
	var recs []entente.Record
	if err := json.Unmarshal(b, &recs); err != nil {
		t.Fatalf("interrupted output is not valid JSON: %v", err)
	}
	if len(recs) < 20 || len(recs) >= n {
		t.Fatalf("%d records after interrupting at the 20th", len(recs))
	}
	for i, r := range recs {
		if r.ID != fmt.Sprint(i) || len(r.Entities) == 0 || len(r.Errors) != 0 {
			t.Fatalf("record %d: id %s, %d entities, errors %v", i, r.ID, len(r.Entities), r.Errors)
		}
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".out.json.*"))
	if len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestCLIIncludeAndMaxBytesFlags(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "in", "a.xhtml"), []byte("<p>Putin met Erdogan in Moscow.</p>"))
	write(t, filepath.Join(dir, "in", "b.txt"), []byte(strings.Repeat("Lavrov spoke. ", 100)))
	stdout, stderr, code := run(t, dir, nil, "extract", "in", "--include", "*.xhtml,*.txt", "--max-bytes", "1KiB", "--format", "jsonl")
	if code != 1 {
		t.Errorf("exit %d, want 1 (b.txt is over 1 KiB); stderr:\n%s", code, stderr)
	}
	if !strings.Contains(stdout, `"id":"a"`) || !strings.Contains(stderr, "over the limit of 1.0 KiB") {
		t.Errorf("stdout:\n%s\nstderr:\n%s", stdout, stderr)
	}
	_, stderr, code = run(t, dir, nil, "extract", "in", "--max-bytes", "lots")
	if code != 2 || !strings.Contains(stderr, "flag --max-bytes") || !strings.Contains(stderr, `"lots"`) {
		t.Errorf("bad --max-bytes: exit %d, stderr %q", code, stderr)
	}
}
