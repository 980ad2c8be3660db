package config

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

func write(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestDefaults(t *testing.T) {
	c, err := Load(Options{Dir: t.TempDir(), Environ: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(c.Pipeline, DefaultStages) || c.Output.Format != "json" || c.Input.MaxBytes != 32<<20 ||
		c.Workers != 0 || c.NLP.ProseNER || !slices.Equal(c.Input.Include, DefaultInclude) || c.File != "" {
		t.Errorf("defaults: %+v", c)
	}
}

func TestDefaultPipelineIsRegisteredSubset(t *testing.T) {
	c, err := Load(Options{Dir: t.TempDir(), Environ: []string{}, Registered: []string{"relations", "nlp", "ingest", "other"}})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"ingest", "nlp", "relations"}; !slices.Equal(c.Pipeline, want) {
		t.Errorf("pipeline %v, want %v", c.Pipeline, want)
	}
}

func TestPrecedence(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, DefaultFile, "workers: 2\noutput:\n  format: csv\nnlp:\n  prose_ner: true\ninput:\n  max_bytes: 1MiB\npublished: 2016-12-01\n")
	fs := pflag.NewFlagSet("x", pflag.ContinueOnError)
	format := fs.String("format", "json", "")
	fs.Int("workers", 0, "")
	_ = format
	if err := fs.Parse([]string{"--format", "table"}); err != nil {
		t.Fatal(err)
	}
	c, err := Load(Options{
		Dir:     dir,
		Environ: []string{"ENTENTE_WORKERS=3", "ENTENTE_OUTPUT_FORMAT=jsonl", "ENTENTE_INPUT_INCLUDE=*.txt,*.md"},
		Flags:   map[string]*pflag.Flag{"output.format": fs.Lookup("format"), "workers": fs.Lookup("workers")},
	})
	if err != nil {
		t.Fatal(err)
	}
	// flag (set) > env > file > default; an unset flag does not override.
	if c.Output.Format != "table" {
		t.Errorf("format %q: the set flag should win", c.Output.Format)
	}
	if c.Workers != 3 {
		t.Errorf("workers %d: env should beat the file and the unset flag", c.Workers)
	}
	if !c.NLP.ProseNER || c.Input.MaxBytes != 1<<20 || c.Published != "2016-12-01" {
		t.Errorf("file values lost: %+v", c)
	}
	if !slices.Equal(c.Input.Include, []string{"*.txt", "*.md"}) {
		t.Errorf("include from env %v", c.Input.Include)
	}
	if c.File != filepath.Join(dir, DefaultFile) {
		t.Errorf("File = %q", c.File)
	}
}

func TestStrictness(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
	}{
		{"misspelt nested key", "output:\n  fromat: csv\n", []string{"bad.yaml", `"output.fromat"`, "unknown key"}},
		{"misspelt top key", "wokers: 2\n", []string{"bad.yaml", `"wokers"`}},
		{"malformed yaml", "output: [csv\n", []string{"bad.yaml", "not valid YAML"}},
		{"bad format", "output:\n  format: xml\n", []string{"bad.yaml", `"xml"`, "json, jsonl, csv, table"}},
		{"bad size", "input:\n  max_bytes: lots\n", []string{"bad.yaml", `"lots"`, "not a size"}},
		{"bad workers", "workers: many\n", []string{"bad.yaml", "workers"}},
		{"bad date", "published: yesterday\n", []string{"bad.yaml", `"yesterday"`, "YYYY-MM-DD"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := write(t, t.TempDir(), "bad.yaml", tc.body)
			_, err := Load(Options{File: p, Environ: []string{}})
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

func TestMissingConfigFile(t *testing.T) {
	_, err := Load(Options{File: "/nonexistent/entente.yaml", Environ: []string{}})
	if err == nil || !strings.Contains(err.Error(), "/nonexistent/entente.yaml") || !strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("error %v", err)
	}
}

func TestStageOptionsPassThrough(t *testing.T) {
	p := write(t, t.TempDir(), "c.yaml", "pipeline: [ingest, clean]\nstages:\n  clean:\n    keep_links: true\n")
	c, err := Load(Options{File: p, Environ: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	if c.Stages["clean"]["keep_links"] != true || !slices.Equal(c.Pipeline, []string{"ingest", "clean"}) {
		t.Errorf("stages %v pipeline %v", c.Stages, c.Pipeline)
	}
	out, err := c.YAML()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"keep_links: true", "max_bytes: 32MiB", "format: json"} {
		if !strings.Contains(string(out), w) {
			t.Errorf("YAML lacks %q:\n%s", w, out)
		}
	}
}

func TestEmptyFileKeepsDefaults(t *testing.T) {
	p := write(t, t.TempDir(), "empty.yaml", "")
	c, err := Load(Options{File: p, Environ: []string{}})
	if err != nil || c.Output.Format != "json" {
		t.Fatalf("%v %+v", err, c)
	}
}

func TestParseByteSize(t *testing.T) {
	for in, want := range map[string]ByteSize{"100": 100, "32MiB": 32 << 20, "1 KB": 1000, "2gib": 2 << 30, "1.5KiB": 1536} {
		got, err := ParseByteSize(in)
		if err != nil || got != want {
			t.Errorf("ParseByteSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	if _, err := ParseByteSize("-1"); err == nil {
		t.Error("negative size accepted")
	}
}

// The configuration shown in README.md is valid and equals the defaults.
func TestREADMEExampleIsTheDefault(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(readme), "```yaml\n")
	block, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 {
		t.Fatal("README.md has no yaml block")
	}
	p := write(t, t.TempDir(), "readme.yaml", block)
	fromReadme, err := Load(Options{File: p, Environ: []string{}})
	if err != nil {
		t.Fatalf("README configuration: %v", err)
	}
	def, err := Load(Options{Dir: t.TempDir(), Environ: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	fromReadme.File = ""
	a, _ := fromReadme.YAML()
	b, _ := def.YAML()
	if string(a) != string(b) {
		t.Errorf("README configuration differs from the defaults:\n%s\nvs\n%s", a, b)
	}
}

func TestPipelineFromEnv(t *testing.T) {
	c, err := Load(Options{Dir: t.TempDir(), Environ: []string{"ENTENTE_PIPELINE=ingest,clean,nlp", "ENTENTE_NLP_PROSE_NER=true", "ENTENTE_INPUT_MAX_BYTES=100MiB"}})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(c.Pipeline, []string{"ingest", "clean", "nlp"}) || !c.NLP.ProseNER || c.Input.MaxBytes != 100<<20 {
		t.Errorf("%+v", c)
	}
}

func TestErrorMessagesAreOneLine(t *testing.T) {
	for body, want := range map[string]string{
		"workers: many\n":              `'workers' cannot parse value as 'int'`,
		"gazetteer: x.yaml\n":          `"gazetteer" is a section with the keys files`,
		"stages:\n  ingest: 5\n":       `stages[ingest]`,
		"nlp:\n  prose_ner: maybe\n":   `'nlp.prose_ner' cannot parse value as 'bool'`,
		"stages:\n  frob:\n    a: 1\n": `stages.frob configures a stage that is not in the pipeline`,
	} {
		p := write(t, t.TempDir(), "c.yaml", body)
		_, err := Load(Options{File: p, Environ: []string{}})
		if err == nil {
			t.Errorf("%q: no error", body)
			continue
		}
		msg := err.Error()
		if !strings.HasPrefix(msg, "config: "+p+": ") || strings.Contains(msg, "\n") || !strings.Contains(msg, want) {
			t.Errorf("%q: error %q, want one line starting with the file and mentioning %q", body, msg, want)
		}
	}
}

// An error names where the bad value came from: the file, the environment
// variable or the flag.
func TestErrorsNameTheOrigin(t *testing.T) {
	dir := t.TempDir()
	file := write(t, dir, DefaultFile, "workers: 2\n")
	fs := pflag.NewFlagSet("x", pflag.ContinueOnError)
	fs.String("format", "json", "")
	if err := fs.Parse([]string{"--format", "xml"}); err != nil {
		t.Fatal(err)
	}
	_, err := Load(Options{Dir: dir, Environ: []string{}, Flags: map[string]*pflag.Flag{"output.format": fs.Lookup("format")}})
	if err == nil || !strings.Contains(err.Error(), "flag --format") || strings.Contains(err.Error(), file) {
		t.Errorf("flag error: %v", err)
	}
	_, err = Load(Options{Dir: dir, Environ: []string{"ENTENTE_WORKERS=many"}})
	if err == nil || !strings.Contains(err.Error(), "environment variable ENTENTE_WORKERS") {
		t.Errorf("env error: %v", err)
	}
	write(t, dir, DefaultFile, "input:\n  max_bytes: -5\n")
	_, err = Load(Options{Dir: dir, Environ: []string{}})
	if err == nil || !strings.Contains(err.Error(), file+": input.max_bytes") {
		t.Errorf("file error: %v", err)
	}
}
