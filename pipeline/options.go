package pipeline

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"

	"github.com/go-viper/mapstructure/v2"
)

// OptionError is a bad option of one stage: an unknown key, a value of the
// wrong type, or a value the stage refuses. Its message names the
// configuration key: "stages.dates.vague: want true or false, got "yes"".
type OptionError struct {
	Stage string
	// Key is the option as written in the configuration.
	Key string
	// Unknown says the stage has no option Key.
	Unknown bool
	Msg     string
}

func (e *OptionError) Error() string {
	if e.Unknown {
		return fmt.Sprintf("stages.%s: unknown option %q (%s)", e.Stage, e.Key, e.Msg)
	}
	return "stages." + e.Stage + "." + e.Key + ": " + e.Msg
}

// DecodeOptions decodes a stage's options into out, a pointer to a struct
// whose fields carry `mapstructure:"key"` tags (untagged exported fields
// are matched by their lower-cased name). Fields for keys that opts does
// not have keep their value, so out may hold the defaults on entry.
//
// Keys are matched regardless of case. An unknown key, a key given twice
// (in two cases), and a value that does not fit its field (a string for a
// bool, 2.5 for an int, a map for a list) are errors. A single value is
// accepted for a list of one. DecodeOptions reports every bad key, each as
// an *OptionError, joined with errors.Join in a fixed order: unknown keys
// sorted, then the fields' order.
func DecodeOptions(stage string, opts map[string]any, out any) error {
	rv := reflect.ValueOf(out)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return fmt.Errorf("pipeline: DecodeOptions(%s) wants a pointer to a struct, not %T", stage, out)
	}
	sv := rv.Elem()
	type field struct {
		key string
		i   int
	}
	var fields []field
	for i := range sv.NumField() {
		f := sv.Type().Field(i)
		if !f.IsExported() {
			continue
		}
		key, _, _ := strings.Cut(f.Tag.Get("mapstructure"), ",")
		if key == "-" {
			continue
		}
		if key == "" {
			key = strings.ToLower(f.Name)
		}
		fields = append(fields, field{strings.ToLower(key), i})
	}

	given := map[string]string{} // lower-cased key -> key as written
	var written []string
	for k := range opts {
		written = append(written, k)
	}
	slices.Sort(written)
	var errs []error
	var unknown []string
	for _, k := range written {
		lk := strings.ToLower(k)
		if prev, dup := given[lk]; dup {
			errs = append(errs, &OptionError{Stage: stage, Key: k, Msg: fmt.Sprintf("given twice (as %s and %s)", prev, k)})
			continue
		}
		given[lk] = k
		if !slices.ContainsFunc(fields, func(f field) bool { return f.key == lk }) {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		names := make([]string, len(fields))
		for i, f := range fields {
			names[i] = f.key
		}
		slices.Sort(names)
		knownList := stage + " takes no options"
		if len(names) > 0 {
			knownList = "known: " + strings.Join(names, ", ")
		}
		for _, k := range unknown {
			errs = append(errs, &OptionError{Stage: stage, Key: k, Unknown: true, Msg: knownList})
		}
	}
	for _, f := range fields {
		k, ok := given[f.key]
		if !ok {
			continue
		}
		if err := decodeValue(opts[k], sv.Field(f.i)); err != nil {
			errs = append(errs, &OptionError{Stage: stage, Key: k, Msg: err.Error()})
		}
	}
	return errors.Join(errs...)
}

// decodeValue decodes v into the field dst, leaving dst alone on error.
func decodeValue(v any, dst reflect.Value) error {
	if v == nil {
		return fmt.Errorf("no value: want %s", want(dst.Type()))
	}
	tmp := reflect.New(dst.Type())
	dec, err := mapstructure.NewDecoder(&mapstructure.DecoderConfig{
		Result:      tmp.Interface(),
		ErrorUnused: true,
		DecodeHook:  mapstructure.ComposeDecodeHookFunc(exactNumberHook, singleToSliceHook),
	})
	if err != nil {
		return err
	}
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("want %s, got %s", want(dst.Type()), describe(v))
	}
	dst.Set(tmp.Elem())
	return nil
}

// exactNumberHook refuses numbers that an integer field could only hold by
// truncating or wrapping them (2.5, 1e300, -1 for an unsigned field).
func exactNumberHook(from, to reflect.Type, data any) (any, error) {
	switch to.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		switch n := data.(type) {
		case float64:
			if n != math.Trunc(n) || math.Abs(n) > 1<<53 {
				return nil, errors.New("not an integer")
			}
		case uint64:
			if n > math.MaxInt64 {
				return nil, errors.New("too large")
			}
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		switch n := data.(type) {
		case float64:
			if n != math.Trunc(n) || n < 0 || n > 1<<53 {
				return nil, errors.New("not a non-negative integer")
			}
		case int:
			if n < 0 {
				return nil, errors.New("negative")
			}
		case int64:
			if n < 0 {
				return nil, errors.New("negative")
			}
		}
	}
	return data, nil
}

// singleToSliceHook accepts one value where a list is wanted.
func singleToSliceHook(from, to reflect.Type, data any) (any, error) {
	if to.Kind() != reflect.Slice || from.Kind() == reflect.Slice || from.Kind() == reflect.Array || from.Kind() == reflect.Map {
		return data, nil
	}
	return []any{data}, nil
}

// want describes what a field of type t accepts.
func want(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Bool:
		return "true or false"
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return "an integer"
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a non-negative integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		switch t.Elem().Kind() {
		case reflect.String:
			return "a list of strings"
		case reflect.Int, reflect.Int64, reflect.Float64:
			return "a list of numbers"
		}
		return "a list"
	case reflect.Map, reflect.Struct:
		return "a section of keys and values"
	}
	return t.String()
}

// describe shows a configuration value in an error.
func describe(v any) string {
	switch x := v.(type) {
	case string:
		return fmt.Sprintf("%q", x)
	case []any, []string:
		return fmt.Sprintf("the list %v", x)
	case map[string]any:
		return "a section"
	}
	return fmt.Sprintf("%v", v)
}
