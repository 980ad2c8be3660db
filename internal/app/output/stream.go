package output

import (
	"bufio"
	"encoding/json"
	"io"
	"reflect"
	"strings"
)

// A record of a long document (a book, a site dump) holds hundreds of
// thousands of mentions and events: encoding it whole with json.Marshal
// would hold its JSON, and for the indented format a second, indented copy,
// beside the record itself, several times the memory of the pipeline's
// work on a section of the text. writeJSON therefore writes a record field
// by field and the elements of its lists one by one, through a buffer,
// giving exactly json.Marshal's (or json.MarshalIndent's) bytes.

// streamBuffer is the buffer between writeJSON and the writer: a record
// smaller than this is written in one Write.
const streamBuffer = 64 << 10

// writeJSON writes before, then v, a pointer to a struct, as
// json.MarshalIndent(v, prefix, indent) would (json.Marshal when both are
// empty), then after, to w, encoding each element of v's top-level slices
// apart. A struct
// the streaming does not handle (embedded fields, tag options other than
// omitempty, a MarshalJSON method) is encoded whole. When an element
// fails to encode, the bytes before it may have been written.
func writeJSON(w io.Writer, before string, v any, after, prefix, indent string) error {
	bw := bufio.NewWriterSize(w, streamBuffer)
	bw.WriteString(before)
	if err := encodeStruct(bw, v, prefix, indent); err != nil {
		return err
	}
	bw.WriteString(after)
	return bw.Flush()
}

// jsonField is an exported field of a struct as encoding/json sees it.
type jsonField struct {
	index     int
	name      string
	omitEmpty bool
}

// streamFields returns t's fields for streaming, or false when t has a
// field encoding/json treats in a way encodeStruct does not follow.
func streamFields(t reflect.Type) ([]jsonField, bool) {
	if t.Implements(marshalerType) || reflect.PointerTo(t).Implements(marshalerType) {
		return nil, false
	}
	var out []jsonField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous {
			return nil, false
		}
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if opts != "" && opts != "omitempty" {
			return nil, false
		}
		if name == "" {
			name = f.Name
		}
		out = append(out, jsonField{index: i, name: name, omitEmpty: opts == "omitempty"})
	}
	return out, true
}

var marshalerType = reflect.TypeFor[json.Marshaler]()

// encodeStruct writes the struct v points to, streaming its slices.
func encodeStruct(w *bufio.Writer, v any, prefix, indent string) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.Elem().Kind() != reflect.Struct {
		return writeValue(w, v, prefix, indent)
	}
	fields, ok := streamFields(rv.Elem().Type())
	if !ok {
		return writeValue(w, v, prefix, indent)
	}
	rv = rv.Elem()
	pretty := prefix != "" || indent != ""
	in1 := prefix + indent // a field's line
	in2 := in1 + indent    // an element's line
	w.WriteByte('{')
	n := 0
	for _, f := range fields {
		fv := rv.Field(f.index)
		if f.omitEmpty && isEmpty(fv) {
			continue
		}
		if n > 0 {
			w.WriteByte(',')
		}
		n++
		if pretty {
			w.WriteString("\n" + in1)
		}
		key, _ := json.Marshal(f.name)
		w.Write(key)
		w.WriteByte(':')
		if pretty {
			w.WriteByte(' ')
		}
		if fv.Kind() != reflect.Slice || fv.Len() == 0 || fv.Type().Elem().Kind() == reflect.Uint8 {
			if err := writeValue(w, fv.Interface(), in1, indent); err != nil {
				return err
			}
			continue
		}
		w.WriteByte('[')
		for i := 0; i < fv.Len(); i++ {
			if i > 0 {
				w.WriteByte(',')
			}
			if pretty {
				w.WriteString("\n" + in2)
			}
			if err := writeValue(w, fv.Index(i).Interface(), in2, indent); err != nil {
				return err
			}
		}
		if pretty {
			w.WriteString("\n" + in1)
		}
		w.WriteByte(']')
	}
	if pretty && n > 0 {
		w.WriteString("\n" + prefix)
	}
	w.WriteByte('}')
	return nil
}

// writeValue writes v encoded whole, starting on the current line.
func writeValue(w *bufio.Writer, v any, prefix, indent string) error {
	var b []byte
	var err error
	if prefix == "" && indent == "" {
		b, err = json.Marshal(v)
	} else {
		b, err = json.MarshalIndent(v, prefix, indent)
	}
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// isEmpty reports whether encoding/json's omitempty leaves v out.
func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool,
		reflect.Float32, reflect.Float64,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Interface, reflect.Pointer,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.IsZero()
	}
	return false
}
