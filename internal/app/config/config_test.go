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

// testPipeline stands for the stage registry's default pipeline (cmd/entente
// TestREADMEPipelineIsTheRegistryDefault keeps the two equal).
var testPipeline = []string{"ingest", "clean", "nlp", "parse", "entities", "coref", "dates", "events", "relations"}

// load is Load with the stages of testPipeline registered.
func load(o Options) (*Config, error) {
	if o.DefaultPipeline == nil {
		o.DefaultPipeline = testPipeline
	}
	if o.Stages == nil {
		o.Stages = testPipeline
	}
	return Load(o)
}

func TestDefaults(t *testing.T) {
	c, err := load(Options{Dir: t.TempDir(), Environ: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(c.Pipeline, testPipeline) || c.Output.Format != "json" || c.Input.MaxBytes != 4<<20 ||
		c.Workers != 0 || c.NLP.ProseNER || !slices.Equal(c.Input.Include, DefaultInclude) || c.File != "" {
		t.Errorf("defaults: %+v", c)
	}
}

func TestDefaultPipelineFromOptions(t *testing.T) {
	want := []string{"ingest", "nlp", "relations"}
	c, err := Load(Options{Dir: t.TempDir(), Environ: []string{}, DefaultPipeline: want})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(c.Pipeline, want) {
		t.Errorf("pipeline %v, want %v", c.Pipeline, want)
	}
	want[0] = "changed"
	if c.Pipeline[0] != "ingest" {
		t.Error("the configuration shares the default pipeline's array")
	}
	if _, err := Load(Options{Dir: t.TempDir(), Environ: []string{}}); err == nil || !strings.Contains(err.Error(), "pipeline is empty") {
		t.Errorf("no default pipeline: %v", err)
	}
}

// Every bad value is reported, each with where it came from.
func TestAllErrorsReported(t *testing.T) {
	p := write(t, t.TempDir(), "c.yaml", "workers: -1\noutput:\n  format: xml\npublished: 2016-13-45\nstages:\n  frob: {}\n  clean: {}\n")
	_, err := load(Options{File: p, Environ: []string{"ENTENTE_INPUT_INCLUDE=["}})
	if err == nil {
		t.Fatal("no error")
	}
	lines := strings.Split(err.Error(), "\n")
	want := []string{"workers must be 0", `output.format "xml"`, "input.include pattern", `published "2016-13-45"`, "stages.frob configures an unknown stage"}
	if len(lines) != len(want) {
		t.Fatalf("%d errors, want %d:\n%v", len(lines), len(want), err)
	}
	for i, w := range want {
		if !strings.Contains(lines[i], w) {
			t.Errorf("error %d %q does not mention %q", i, lines[i], w)
		}
	}
	if !strings.Contains(lines[2], "environment variable ENTENTE_INPUT_INCLUDE") || !strings.HasPrefix(lines[0], "config: "+p+": ") {
		t.Errorf("origins not named: %v", err)
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
	c, err := load(Options{
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
			_, err := load(Options{File: p, Environ: []string{}})
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
	_, err := load(Options{File: "/nonexistent/entente.yaml", Environ: []string{}})
	if err == nil || !strings.Contains(err.Error(), "/nonexistent/entente.yaml") || !strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("error %v", err)
	}
}

func TestStageOptionsPassThrough(t *testing.T) {
	p := write(t, t.TempDir(), "c.yaml", "pipeline: [ingest, clean]\nstages:\n  clean:\n    keep_links: true\n")
	c, err := load(Options{File: p, Environ: []string{}})
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
	for _, w := range []string{"keep_links: true", "max_bytes: 4MiB", "format: json"} {
		if !strings.Contains(string(out), w) {
			t.Errorf("YAML lacks %q:\n%s", w, out)
		}
	}
}

func TestEmptyFileKeepsDefaults(t *testing.T) {
	p := write(t, t.TempDir(), "empty.yaml", "")
	c, err := load(Options{File: p, Environ: []string{}})
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
	fromReadme, err := load(Options{File: p, Environ: []string{}})
	if err != nil {
		t.Fatalf("README configuration: %v", err)
	}
	def, err := load(Options{Dir: t.TempDir(), Environ: []string{}})
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
	c, err := load(Options{Dir: t.TempDir(), Environ: []string{"ENTENTE_PIPELINE=ingest,clean,nlp", "ENTENTE_NLP_PROSE_NER=true", "ENTENTE_INPUT_MAX_BYTES=100MiB"}})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(c.Pipeline, []string{"ingest", "clean", "nlp"}) || !c.NLP.ProseNER || c.Input.MaxBytes != 100<<20 {
		t.Errorf("%+v", c)
	}
}

func TestErrorMessagesAreOneLine(t *testing.T) {
	for body, want := range map[string]string{
		"workers: many\n":              `workers must be a whole number, not "many"`,
		"workers: 2.5\n":               `workers must be a whole number, not 2.5`,
		"gazetteer: x.yaml\n":          `"gazetteer" is a section with the keys files`,
		"stages:\n  ingest: 5\n":       `stages.ingest must be a section (keys and values), not 5`,
		"nlp:\n  prose_ner: maybe\n":   `nlp.prose_ner must be true or false, not "maybe"`,
		"nlp:\n  prose_ner: 3\n":       `nlp.prose_ner must be true or false, not 3`,
		"stages:\n  frob:\n    a: 1\n": `stages.frob configures an unknown stage (known: ingest, clean`,
	} {
		p := write(t, t.TempDir(), "c.yaml", body)
		_, err := load(Options{File: p, Environ: []string{}})
		if err == nil {
			t.Errorf("%q: no error", body)
			continue
		}
		msg := err.Error()
		for _, internal := range []string{"strconv", "ParseInt", "mapstructure", "'", "[ingest]"} {
			if strings.Contains(msg, internal) {
				t.Errorf("%q: error %q shows the decoder's internals (%s)", body, msg, internal)
			}
		}
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
	_, err := load(Options{Dir: dir, Environ: []string{}, Flags: map[string]*pflag.Flag{"output.format": fs.Lookup("format")}})
	if err == nil || !strings.Contains(err.Error(), "flag --format") || strings.Contains(err.Error(), file) {
		t.Errorf("flag error: %v", err)
	}
	_, err = load(Options{Dir: dir, Environ: []string{"ENTENTE_WORKERS=many"}})
	if err == nil || !strings.Contains(err.Error(), "environment variable ENTENTE_WORKERS") {
		t.Errorf("env error: %v", err)
	}
	write(t, dir, DefaultFile, "input:\n  max_bytes: -5\n")
	_, err = load(Options{Dir: dir, Environ: []string{}})
	if err == nil || !strings.Contains(err.Error(), file+": input.max_bytes") {
		t.Errorf("file error: %v", err)
	}
}

// Values that do not decode are reported together with the values that
// do not validate, and with unknown keys: every problem at once.
func TestDecodeAndValueErrorsReportedTogether(t *testing.T) {
	p := write(t, t.TempDir(), "c.yaml", "workers: 2.5\nmemory_limit: 12XB\noutput:\n  format: xml\nnlp:\n  prose_ner: maybe\nstages:\n  nosuch: {}\nwokers: 3\n")
	_, err := load(Options{File: p, Environ: []string{"ENTENTE_INPUT_MAX_BYTES=lots"}})
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		`unknown key "wokers"`,
		p + ": workers must be a whole number, not 2.5",
		`memory_limit is invalid: "12XB" is not a size`,
		`environment variable ENTENTE_INPUT_MAX_BYTES: input.max_bytes is invalid: "lots" is not a size`,
		p + `: nlp.prose_ner must be true or false, not "maybe"`,
		`output.format "xml" is not one of`,
		"stages.nosuch configures an unknown stage",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("errors lack %q:\n%v", want, err)
		}
	}
	if n := len(strings.Split(err.Error(), "\n")); n != 7 {
		t.Errorf("%d errors, want 7:\n%v", n, err)
	}
}

func TestWholeNumbersFromEveryOrigin(t *testing.T) {
	for _, env := range []string{"ENTENTE_WORKERS=2.5", "ENTENTE_WORKERS=two"} {
		_, err := load(Options{Dir: t.TempDir(), Environ: []string{env}})
		if err == nil || !strings.Contains(err.Error(), "environment variable ENTENTE_WORKERS: workers must be a whole number") {
			t.Errorf("%s: %v", env, err)
		}
	}
	c, err := load(Options{File: write(t, t.TempDir(), "c.yaml", "workers: 3.0\n"), Environ: []string{"ENTENTE_NATS_MAX_DELIVER= 7 "}})
	if err != nil || c.Workers != 3 || c.Nats.MaxDeliver != 7 {
		t.Errorf("whole values refused: %v %+v", err, c)
	}
}

func TestFormatIsCaseInsensitive(t *testing.T) {
	c, err := load(Options{Dir: t.TempDir(), Environ: []string{"ENTENTE_OUTPUT_FORMAT=TABLE"}})
	if err != nil || c.Output.Format != "table" {
		t.Fatalf("%v %+v", err, c)
	}
}

// A misspelt ENTENTE_* variable is warned about with the closest name;
// known ones and the variables tests read are not.
func TestUnknownEnvironmentVariablesWarned(t *testing.T) {
	c, err := load(Options{Dir: t.TempDir(), Environ: []string{
		"ENTENTE_OUTPT_FORMAT=table", "ENTENTE_WORKERS=2", "ENTENTE_SHARED=/x", "ENTENTENTE=1", "HOME=/root", "ENTENTE_ZZZZZZZZZZZZZ=1",
	}})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"config: environment variable ENTENTE_OUTPT_FORMAT is not a setting of entente and is ignored (did you mean ENTENTE_OUTPUT_FORMAT?)",
		"config: environment variable ENTENTE_ZZZZZZZZZZZZZ is not a setting of entente and is ignored",
	}
	if !slices.Equal(c.Warnings, want) {
		t.Errorf("warnings\n%q\nwant\n%q", c.Warnings, want)
	}
}
