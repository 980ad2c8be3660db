package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/go-viper/mapstructure/v2"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
	"gopkg.in/yaml.v3"
)

// DefaultFile is the configuration file read from the current directory
// when --config is not given.
const DefaultFile = "entente.yaml"

// EnvPrefix prefixes environment variables: ENTENTE_WORKERS,
// ENTENTE_OUTPUT_FORMAT, ENTENTE_NLP_PROSE_NER, ...
const EnvPrefix = "ENTENTE"

// DefaultInclude are the file patterns read from directories.
var DefaultInclude = []string{"*.txt", "*.md", "*.markdown", "*.html", "*.htm", "*.jsonl", "*.ndjson"}

// DefaultMaxBytes is the largest input document read: 4 MiB, far above a
// news article (tens of KB) or page (a few MB of HTML, much less text),
// and small enough that one document's worst case (plain text, about 120
// bytes of memory per byte at its peak: docs/performance.md) fits in a few
// hundred MB.
const DefaultMaxBytes ByteSize = 4 << 20

// DefaultMemoryLimit is the memory a run is kept within (memory_limit):
// the Go runtime's soft limit, and the budget documents are admitted
// against (internal/app/memlimit).
const DefaultMemoryLimit ByteSize = 1 << 30

// Output formats of entente extract.
var Formats = []string{"json", "jsonl", "csv", "table", "parquet"}

// Config is entente's effective configuration.
type Config struct {
	// Pipeline lists the stages to run, in order.
	Pipeline []string `mapstructure:"pipeline" yaml:"pipeline"`
	// Workers is the number of concurrent workers per stage; 0 means one
	// per CPU.
	Workers   int       `mapstructure:"workers" yaml:"workers"`
	Gazetteer Gazetteer `mapstructure:"gazetteer" yaml:"gazetteer"`
	Output    Output    `mapstructure:"output" yaml:"output"`
	NLP       NLP       `mapstructure:"nlp" yaml:"nlp"`
	Input     Input     `mapstructure:"input" yaml:"input"`
	Nats      Nats      `mapstructure:"nats" yaml:"nats"`
	// Published, when set (YYYY-MM-DD), overrides every document's
	// publication date.
	Published string `mapstructure:"published" yaml:"published"`
	// MemoryLimit is the memory the run is kept within: the garbage
	// collector's soft limit, and documents wait (or, when one alone could
	// never fit, fail) rather than exceed it. 0 means no limit (GOMEMLIMIT,
	// when set, still applies).
	MemoryLimit ByteSize `mapstructure:"memory_limit" yaml:"memory_limit"`
	// Stages holds options per stage name, validated by the stage.
	Stages map[string]map[string]any `mapstructure:"stages" yaml:"stages"`

	// File is the configuration file that was read, empty when none.
	File string `mapstructure:"-" yaml:"-"`
	// Warnings are problems that do not stop a run, for the command to
	// show: an ENTENTE_* environment variable that configures nothing.
	Warnings []string `mapstructure:"-" yaml:"-"`
}

// Gazetteer configures entity linking.
type Gazetteer struct {
	// Files are user gazetteer files loaded on top of the embedded data.
	Files []string `mapstructure:"files" yaml:"files"`
}

// Output configures what entente extract writes.
type Output struct {
	// Format is json, jsonl, csv or table.
	Format string `mapstructure:"format" yaml:"format"`
}

// NLP configures the nlp stage.
type NLP struct {
	// ProseNER runs prose's entity model as one candidate source.
	ProseNER bool `mapstructure:"prose_ner" yaml:"prose_ner"`
}

// Input configures how inputs become documents.
type Input struct {
	// Include are glob patterns (matched against file names, or against
	// the path below the directory when they contain a slash) of the files
	// read from directories.
	Include []string `mapstructure:"include" yaml:"include"`
	// MaxBytes is the largest document read; larger inputs are reported
	// as errors. Accepts a number of bytes or a size such as 64MiB.
	MaxBytes ByteSize `mapstructure:"max_bytes" yaml:"max_bytes"`
}

// Options say where Load looks.
type Options struct {
	// File is the --config value; empty means ./entente.yaml when present.
	File string
	// Flags maps configuration keys (output.format) to command line flags;
	// a flag overrides the key only when set on the command line.
	Flags map[string]*pflag.Flag
	// DefaultPipeline is the pipeline when the configuration sets none:
	// the stage registry's default (pipeline.Registry.Default), in order.
	DefaultPipeline []string
	// Stages are the names of every stage the program offers
	// (pipeline.Registry.Names): options under stages.<name> for any
	// other name are an error. The pipeline's names and order are checked
	// by the registry when it builds the stages.
	Stages []string
	// Environ is the environment, as os.Environ; nil means os.Environ().
	Environ []string
	// Dir is the directory searched for DefaultFile; empty means the
	// current directory.
	Dir string
}

// defaults returns the built-in defaults as viper keys.
func defaults(pipe []string) map[string]any {
	defs := map[string]any{
		"pipeline":        slices.Clone(pipe),
		"workers":         0,
		"gazetteer.files": []string{},
		"output.format":   "json",
		"nlp.prose_ner":   false,
		"input.include":   slices.Clone(DefaultInclude),
		"input.max_bytes": int64(DefaultMaxBytes),
		"memory_limit":    int64(DefaultMemoryLimit),
		"published":       "",
		"stages":          map[string]any{},
	}
	for k, v := range natsDefaults() {
		defs[k] = v
	}
	return defs
}

// Load builds the effective configuration.
func Load(o Options) (*Config, error) {
	v := viper.New()
	defs := defaults(o.DefaultPipeline)
	for k, val := range defs {
		v.SetDefault(k, val)
	}

	file, err := findFile(o)
	if err != nil {
		return nil, err
	}
	var raw map[string]any
	var keyErr error
	var unknown []string
	if file != "" {
		if raw, err = readFile(v, file); err != nil {
			return nil, err
		}
		unknown, keyErr = checkKeys(v, defs, file)
	}

	// origin records where each overridden key came from, for errors.
	origin := map[string]string{}
	if file != "" {
		for k := range defs {
			if v.InConfig(k) {
				origin[k] = file
			}
		}
	}
	environ := o.Environ
	if environ == nil {
		environ = os.Environ()
	}
	for key, name := range bindEnv(v, defs, environ) {
		origin[key] = "environment variable " + name
	}
	for key, f := range o.Flags {
		if f == nil {
			return nil, fmt.Errorf("config: no flag bound to %s", key)
		}
		if _, ok := defs[key]; !ok {
			return nil, fmt.Errorf("config: flag --%s bound to unknown key %q", f.Name, key)
		}
		if !f.Changed {
			continue
		}
		origin[key] = "flag --" + f.Name
		if sv, ok := f.Value.(pflag.SliceValue); ok {
			v.Set(key, sv.GetSlice())
		} else {
			v.Set(key, f.Value.String())
		}
	}

	c, err := decode(v, origin, file, raw, o.Stages, keyErr, unknown)
	if err != nil {
		return nil, err
	}
	c.Warnings = unknownEnv(defs, environ)
	return c, nil
}

// decode decodes v into a Config and validates it; origin names where each
// overridden key came from, for errors; raw is the file as read (nil for
// none); stages, when not nil, are the stage names the program offers;
// keyErr reports the keys of the file entente does not know, unknown (nil
// for none); a value under them that does not decode is not reported again.
// Every problem is reported, not only the first: a value that does not
// decode is reported and replaced by its default, and decoding goes on.
func decode(v *viper.Viper, origin map[string]string, file string, raw map[string]any, stages []string, keyErr error, unknown []string) (*Config, error) {
	var c Config
	hook := mapstructure.ComposeDecodeHookFunc(
		byteSizeHook,
		durationHook,
		timeToStringHook,
		scalarHook,
		mapstructure.StringToSliceHookFunc(","),
	)
	var errs []error
	if keyErr != nil {
		errs = append(errs, keyErr)
	}
	defs := defaults(nil)
	bad := map[string]bool{}
	for {
		c = Config{}
		var err error
		if keyErr != nil {
			// The unknown keys are reported already.
			err = v.Unmarshal(&c, viper.DecodeHook(hook))
		} else {
			err = v.UnmarshalExact(&c, viper.DecodeHook(hook))
		}
		if err == nil {
			break
		}
		retry := false
		for _, se := range decodeErrors(err) {
			section, _, _ := strings.Cut(se.Key, ".")
			reported := slices.Contains(unknown, se.Key) || slices.Contains(unknown, section)
			if se.Key == "" || bad[se.Key] {
				errs = append(errs, fmt.Errorf("config%s: %w", where(originOf(origin, se.Key)), se))
				continue
			}
			bad[se.Key] = true
			if !reported {
				errs = append(errs, fmt.Errorf("config%s: %w", where(originOf(origin, se.Key)), se))
			}
			if def, ok := defs[se.Key]; ok {
				v.Set(se.Key, def)
			} else {
				v.Set(se.Key, map[string]any{}) // stages.<name>
			}
			retry = true
		}
		if !retry {
			return nil, errors.Join(errs...)
		}
	}
	c.File = file
	if c.Stages == nil {
		c.Stages = map[string]map[string]any{}
	}
	// Viper drops empty sections: stages: {frob: {}} still names frob.
	if st, ok := raw["stages"].(map[string]any); ok {
		for name := range st {
			if _, ok := c.Stages[strings.ToLower(name)]; !ok {
				c.Stages[strings.ToLower(name)] = map[string]any{}
			}
		}
	}
	c.Output.Format = strings.ToLower(strings.TrimSpace(c.Output.Format))
	for _, se := range c.validate(stages) {
		if !bad[se.Key] {
			errs = append(errs, fmt.Errorf("config%s: %w", where(originOf(origin, se.Key)), se))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return &c, nil
}

// originOf returns where key (or the section holding it) was set.
func originOf(origin map[string]string, key string) string {
	if o, ok := origin[key]; ok {
		return o
	}
	section, _, _ := strings.Cut(key, ".")
	return origin[section]
}

func where(file string) string {
	if file == "" {
		return ""
	}
	return ": " + file
}

// findFile returns the configuration file to read, or "" for none.
func findFile(o Options) (string, error) {
	if o.File != "" {
		st, err := os.Stat(o.File)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return "", fmt.Errorf("config: file %s does not exist", o.File)
			}
			return "", fmt.Errorf("config: %w", err)
		}
		if st.IsDir() {
			return "", fmt.Errorf("config: %s is a directory, not a configuration file", o.File)
		}
		return o.File, nil
	}
	p := filepath.Join(o.Dir, DefaultFile)
	if _, err := os.Stat(p); err == nil {
		return p, nil
	}
	return "", nil
}

// readFile reads a YAML configuration file into v and returns it as read.
func readFile(v *viper.Viper, file string) (map[string]any, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("config: reading %s: %w", file, err)
	}
	var m map[string]any
	if err := yaml.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("config: %s is not valid YAML: %w", file, err)
	}
	if m == nil {
		return nil, nil // empty file
	}
	if err := v.MergeConfigMap(m); err != nil {
		return nil, fmt.Errorf("config: reading %s: %w", file, err)
	}
	return m, nil
}

// checkKeys reports keys of the file that entente does not know, and
// returns them.
func checkKeys(v *viper.Viper, defs map[string]any, file string) ([]string, error) {
	var unknown []string
	for _, k := range v.AllKeys() {
		if _, ok := defs[k]; ok || strings.HasPrefix(k, "stages.") {
			continue
		}
		unknown = append(unknown, k)
	}
	if len(unknown) == 0 {
		return nil, nil
	}
	sort.Strings(unknown)
	known := make([]string, 0, len(defs))
	for k := range defs {
		if k != "stages" {
			known = append(known, k)
		}
	}
	sort.Strings(known)
	// A section written as a value (gazetteer: x.yaml) is not misspelt.
	var sub []string
	for _, k := range known {
		if strings.HasPrefix(k, unknown[0]+".") {
			sub = append(sub, strings.TrimPrefix(k, unknown[0]+"."))
		}
	}
	if len(sub) > 0 {
		return unknown, fmt.Errorf("config: %s: %q is a section with the keys %s, not a value (for example %s.%s)",
			file, unknown[0], strings.Join(sub, ", "), unknown[0], sub[0])
	}
	return unknown, fmt.Errorf("config: %s: unknown key %q (known keys: %s, stages.<name>)",
		file, strings.Join(unknown, `", "`), strings.Join(known, ", "))
}

// bindEnv makes ENTENTE_<KEY> override each key (dots become
// underscores). Only variables that are set are bound, so an empty
// environment leaves the file and defaults alone. It returns the variable
// name used for each key it set.
func bindEnv(v *viper.Viper, defs map[string]any, environ []string) map[string]string {
	if environ == nil {
		environ = os.Environ()
	}
	env := map[string]string{}
	for _, kv := range environ {
		if k, val, ok := strings.Cut(kv, "="); ok {
			env[k] = val
		}
	}
	set := map[string]string{}
	for key := range defs {
		name := EnvName(key)
		if val, ok := env[name]; ok {
			v.Set(key, val)
			set[key] = name
		}
	}
	return set
}

// EnvName returns the environment variable that overrides key:
// output.format → ENTENTE_OUTPUT_FORMAT.
func EnvName(key string) string {
	return EnvPrefix + "_" + strings.ToUpper(strings.ReplaceAll(key, ".", "_"))
}

// SettingError is a bad value of one configuration key.
type SettingError struct {
	Key string
	Msg string
}

func (e *SettingError) Error() string { return e.Msg }

// Validate checks values that decoding alone cannot, and returns every
// problem it finds, joined (each a *SettingError), or nil. The pipeline's
// stage names and order, and the stages' options, are checked when the
// stages are built (pipeline.Registry.Build).
func (c *Config) Validate() error {
	errs := c.validate(nil)
	out := make([]error, len(errs))
	for i, e := range errs {
		out[i] = e
	}
	return errors.Join(out...)
}

// validate returns the problems of c; stages, when not nil, are the stage
// names the program offers.
func (c *Config) validate(stages []string) []*SettingError {
	var errs []*SettingError
	add := func(key, format string, args ...any) {
		errs = append(errs, &SettingError{Key: key, Msg: fmt.Sprintf(format, args...)})
	}
	if c.Workers < 0 {
		add("workers", "workers must be 0 (one per CPU) or more, not %d", c.Workers)
	}
	if !slices.Contains(Formats, c.Output.Format) {
		add("output.format", "output.format %q is not one of %s", c.Output.Format, strings.Join(Formats, ", "))
	}
	if c.MemoryLimit < 0 {
		add("memory_limit", "memory_limit must be a size such as 1GiB, or 0 for none, not %d", c.MemoryLimit)
	}
	if c.Input.MaxBytes <= 0 {
		add("input.max_bytes", "input.max_bytes must be positive, not %d", c.Input.MaxBytes)
	}
	if len(c.Input.Include) == 0 {
		add("input.include", "input.include is empty: no file in a directory would be read")
	}
	for _, p := range c.Input.Include {
		if _, err := filepath.Match(p, ""); err != nil {
			add("input.include", "input.include pattern %q: %v", p, err)
		}
	}
	if c.Published != "" {
		if _, err := time.Parse("2006-01-02", c.Published); err != nil {
			add("published", "published %q is not a date of the form YYYY-MM-DD", c.Published)
		}
	}
	if len(c.Pipeline) == 0 {
		add("pipeline", "pipeline is empty")
	}
	c.Nats.validate(add)
	if stages != nil {
		for _, name := range slices.Sorted(maps.Keys(c.Stages)) {
			if !slices.Contains(stages, name) {
				add("stages", "stages.%s configures an unknown stage (known: %s)", name, strings.Join(stages, ", "))
			}
		}
	}
	return errs
}

// YAML returns the configuration as YAML, as entente config prints it.
func (c *Config) YAML() ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(c); err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return buf.Bytes(), nil
}

// timeToStringHook turns dates that YAML decoded as timestamps
// (published: 2016-12-22) back into strings.
func timeToStringHook(from, to reflect.Type, data any) (any, error) {
	t, ok := data.(time.Time)
	if !ok || to.Kind() != reflect.String {
		return data, nil
	}
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.Format("2006-01-02"), nil
	}
	return t.Format(time.RFC3339), nil
}
