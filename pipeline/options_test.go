package pipeline

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

type testOptions struct {
	Vague    bool     `mapstructure:"vague"`
	MaxBytes int      `mapstructure:"max_bytes"`
	Min      float64  `mapstructure:"min_confidence"`
	Types    []string `mapstructure:"types"`
	Lexicon  string   // matched as "lexicon"
	Skipped  string   `mapstructure:"-"`
}

func TestDecodeOptions(t *testing.T) {
	o := testOptions{Vague: true, MaxBytes: 7}
	err := DecodeOptions("x", map[string]any{
		"MAX_BYTES": 1.0 * (1 << 20), "min_confidence": 1, "types": "holds_role", "Lexicon": "l.yaml",
	}, &o)
	want := testOptions{Vague: true, MaxBytes: 1 << 20, Min: 1, Types: []string{"holds_role"}, Lexicon: "l.yaml"}
	if err != nil || !reflect.DeepEqual(o, want) {
		t.Errorf("decoded %+v, %v; want %+v (defaults kept, keys in any case, one value for a list)", o, err, want)
	}
	if err := DecodeOptions("x", nil, &o); err != nil {
		t.Errorf("no options: %v", err)
	}
}

func TestDecodeOptionsErrors(t *testing.T) {
	cases := []struct {
		opts map[string]any
		want []string
	}{
		{map[string]any{"vauge": true}, []string{`stages.x: unknown option "vauge" (known: lexicon, max_bytes, min_confidence, types, vague)`}},
		{map[string]any{"skipped": "a"}, []string{`unknown option "skipped"`}},
		{map[string]any{"vague": "yes"}, []string{`stages.x.vague: want true or false, got "yes"`}},
		{map[string]any{"vague": nil}, []string{`stages.x.vague: no value: want true or false`}},
		{map[string]any{"max_bytes": 2.5}, []string{`stages.x.max_bytes: want an integer, got 2.5`}},
		{map[string]any{"max_bytes": true}, []string{`stages.x.max_bytes: want an integer, got true`}},
		{map[string]any{"types": []any{"a", 1}}, []string{`stages.x.types: want a list of strings, got the list [a 1]`}},
		{map[string]any{"types": map[string]any{"a": 1}}, []string{`stages.x.types: want a list of strings, got a section`}},
		{map[string]any{"lexicon": 3}, []string{`stages.x.lexicon: want a string, got 3`}},
		{map[string]any{"Vague": true, "vague": false}, []string{`stages.x.vague: given twice (as Vague and vague)`}},
		// Every problem, in a fixed order: unknown keys sorted, then fields.
		{map[string]any{"zz": 1, "aa": 1, "types": 5.5, "vague": 1}, []string{
			`unknown option "aa"`, `unknown option "zz"`, `stages.x.vague: want true or false, got 1`, `stages.x.types: want a list of strings`,
		}},
	}
	for _, c := range cases {
		for range 5 { // map order must not show
			var o testOptions
			err := DecodeOptions("x", c.opts, &o)
			if err == nil {
				t.Errorf("%v accepted", c.opts)
				break
			}
			lines := strings.Split(err.Error(), "\n")
			if len(lines) != len(c.want) {
				t.Errorf("%v: %d errors, want %d: %v", c.opts, len(lines), len(c.want), err)
				break
			}
			for i, w := range c.want {
				if !strings.Contains(lines[i], w) {
					t.Errorf("%v: error %q, want %q", c.opts, lines[i], w)
				}
			}
			var oe *OptionError
			if !errors.As(err, &oe) || oe.Stage != "x" {
				t.Errorf("%v: not an *OptionError: %#v", c.opts, err)
			}
		}
	}
	var none struct{}
	if err := DecodeOptions("nlp", map[string]any{"a": 1}, &none); err == nil || err.Error() != `stages.nlp: unknown option "a" (nlp takes no options)` {
		t.Errorf("stage without options: %v", err)
	}
	if err := DecodeOptions("x", nil, testOptions{}); err == nil {
		t.Error("non-pointer accepted")
	}
}
