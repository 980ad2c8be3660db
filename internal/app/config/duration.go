package config

import (
	"fmt"
	"reflect"
	"time"
)

// Duration is a length of time. In configuration it is a Go duration
// string such as 30s, 2m or 1h30m.
type Duration time.Duration

// String formats the duration as Go does (30s, 2m0s).
func (d Duration) String() string { return time.Duration(d).String() }

// MarshalYAML writes the duration in its readable form.
func (d Duration) MarshalYAML() (any, error) { return d.String(), nil }

// durationHook decodes strings ("30s") into Duration. A bare number is
// refused: it would be nanoseconds, which nobody means.
func durationHook(from, to reflect.Type, data any) (any, error) {
	if to != reflect.TypeOf(Duration(0)) {
		return data, nil
	}
	switch v := data.(type) {
	case string:
		d, err := time.ParseDuration(v)
		if err != nil {
			return nil, fmt.Errorf("%q is not a duration (examples: 30s, 2m, 1h30m)", v)
		}
		return Duration(d), nil
	case Duration:
		return v, nil
	case time.Duration:
		return Duration(v), nil
	}
	return nil, fmt.Errorf("%v is not a duration (examples: 30s, 2m, 1h30m)", data)
}
