package output

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"

	"github.com/entente-nlp/entente"
)

// sameAsMarshal fails t unless writeJSON gives json.Marshal's and
// json.MarshalIndent's bytes for v.
func sameAsMarshal(t *testing.T, name string, v any) {
	t.Helper()
	for _, f := range []struct{ prefix, indent string }{{"", ""}, {"  ", "  "}, {"", "\t"}, {">", ""}} {
		var want []byte
		var err error
		if f.prefix == "" && f.indent == "" {
			want, err = json.Marshal(v)
		} else {
			want, err = json.MarshalIndent(v, f.prefix, f.indent)
		}
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := writeJSON(&got, "<", v, ">", f.prefix, f.indent); err != nil {
			t.Fatal(err)
		}
		if want := "<" + string(want) + ">"; got.String() != want {
			t.Errorf("%s, prefix %q indent %q:\n got %s\nwant %s", name, f.prefix, f.indent, got.String(), want)
		}
	}
}

func TestWriteJSONAsMarshal(t *testing.T) {
	for _, d := range sampleDocs(t) {
		sameAsMarshal(t, d.ID, entente.NewRecord(d))
	}
	sameAsMarshal(t, "empty record", &entente.Record{})
	sameAsMarshal(t, "empty lists", &entente.Record{Entities: []entente.Entity{}, Errors: []entente.Error{}, Authors: []string{}})
	r := entente.NewRecord(sampleDocs(t)[0])
	r.Title = `<b>"Tom & Jerry"</b> ` + "\u2028"
	r.Authors = []string{"A", "B <c>"}
	sameAsMarshal(t, "escapes", r)
	type inner struct {
		X int `json:"x,omitempty"`
	}
	type odd struct {
		A     []inner `json:"a"`
		B     []byte  `json:"b"`
		C     *inner  `json:"c,omitempty"`
		D     inner
		e     int
		F     []int          `json:"-"`
		G     map[string]int `json:"g,omitempty"`
		H     bool           `json:"h,omitempty"`
		Inner []inner        `json:"inner,omitempty"`
	}
	sameAsMarshal(t, "odd", &odd{A: []inner{{1}, {}}, B: []byte("xy"), D: inner{2}, e: 1, F: []int{1}, Inner: []inner{{3}}})
	sameAsMarshal(t, "odd empty", &odd{})
	type embedded struct {
		inner
		N int `json:"n,string"`
	}
	sameAsMarshal(t, "not streamed", &embedded{inner{1}, 2})
}

func TestWriteJSONError(t *testing.T) {
	r := entente.NewRecord(sampleDocs(t)[0])
	r.Entities[0].Salience = math.NaN()
	var b bytes.Buffer
	if err := writeJSON(&b, "", r, "", "", ""); err == nil {
		t.Fatal("NaN encoded without an error")
	}
	if b.Len() != 0 {
		t.Errorf("a small record that fails wrote %d bytes", b.Len())
	}
}
