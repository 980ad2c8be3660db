package config

// decode.go: strict decoding of numbers and booleans, and decoding errors
// in the words of the configuration (workers must be a whole number, not
// 2.5), never the decoder's (strconv.ParseInt: invalid syntax).

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"

	"github.com/go-viper/mapstructure/v2"
)

// valueError is a value of the wrong kind, said in the configuration's
// words; decodeErrors puts the key in front.
type valueError struct{ msg string }

func (e *valueError) Error() string { return e.msg }

// scalarHook decodes whole numbers and booleans strictly: 2.5 is not a
// number of workers (the decoder alone would make it 2) and "maybe" is not
// true or false. Sizes and durations have their own hooks, which run
// before it.
func scalarHook(from, to reflect.Type, data any) (any, error) {
	if data == nil || reflect.TypeOf(data) == to {
		return data, nil
	}
	switch to.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		switch v := data.(type) {
		case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
			return data, nil
		case float32:
			return wholeNumber(float64(v))
		case float64:
			return wholeNumber(v)
		case string:
			n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
			if err != nil {
				return nil, &valueError{fmt.Sprintf("must be a whole number, not %q", v)}
			}
			return n, nil
		case bool:
			return nil, &valueError{fmt.Sprintf("must be a whole number, not %v", v)}
		}
	case reflect.Bool:
		switch v := data.(type) {
		case string:
			b, err := strconv.ParseBool(strings.TrimSpace(v))
			if err != nil {
				return nil, &valueError{fmt.Sprintf("must be true or false, not %q", v)}
			}
			return b, nil
		case int, int64, float64:
			return nil, &valueError{fmt.Sprintf("must be true or false, not %v", v)}
		}
	}
	return data, nil
}

func wholeNumber(f float64) (any, error) {
	if f != math.Trunc(f) || math.IsInf(f, 0) || math.Abs(f) > 1<<53 {
		return nil, &valueError{fmt.Sprintf("must be a whole number, not %v", f)}
	}
	return int64(f), nil
}

// decodeErrors turns the decoder's error into one SettingError per key,
// each naming the key in the form entente.yaml writes it (stages.ingest,
// not stages[ingest]). Errors it cannot attribute to a key keep key "".
func decodeErrors(err error) []*SettingError {
	var out []*SettingError
	var walk func(error)
	walk = func(err error) {
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				walk(e)
			}
			return
		}
		var de *mapstructure.DecodeError
		if !errors.As(err, &de) {
			out = append(out, &SettingError{Msg: strings.TrimSpace(err.Error())})
			return
		}
		inner := de.Unwrap()
		var nested *mapstructure.DecodeError
		if j, ok := inner.(interface{ Unwrap() []error }); ok || errors.As(inner, &nested) {
			if ok {
				for _, e := range j.Unwrap() {
					walk(e)
				}
			} else {
				walk(inner)
			}
			return
		}
		key := keyName(de.Name())
		out = append(out, &SettingError{Key: key, Msg: key + " " + valueMessage(inner)})
	}
	walk(err)
	return out
}

// keyName writes a decoder's field name as a configuration key:
// stages[ingest] → stages.ingest.
func keyName(name string) string {
	name = strings.ReplaceAll(name, "[", ".")
	return strings.ReplaceAll(name, "]", "")
}

// valueMessage says what is wrong with a value: "must be ..., not ...".
func valueMessage(err error) string {
	var ve *valueError
	if errors.As(err, &ve) {
		return ve.msg
	}
	var ut *mapstructure.UnconvertibleTypeError
	if errors.As(err, &ut) {
		return fmt.Sprintf("must be %s, not %s", wants(ut.Expected.Type()), kindOfValue(ut.Value))
	}
	var pe *mapstructure.ParseError
	if errors.As(err, &pe) {
		return fmt.Sprintf("must be %s, not %s", wants(pe.Expected.Type()), kindOfValue(pe.Value))
	}
	// The size and duration hooks say it themselves ("x" is not a size).
	return "is invalid: " + err.Error()
}

// wants says what a value of type t is, for a user.
func wants(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Bool:
		return "true or false"
	case reflect.String:
		return "a text value"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Map, reflect.Struct:
		return "a section (keys and values)"
	}
	return "a " + t.Kind().String()
}

// kindOfValue says what a decoded YAML or environment value is.
func kindOfValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "empty"
	case string:
		return strconv.Quote(x)
	case bool, int, int64, uint64, float64:
		return fmt.Sprint(x)
	}
	switch reflect.TypeOf(v).Kind() {
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Map, reflect.Struct:
		return "a section"
	}
	return fmt.Sprint(v)
}
