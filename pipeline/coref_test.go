package pipeline

import "testing"

func TestCoreferenceAt(t *testing.T) {
	d := &Document{Coreferences: []Coreference{
		{Span: Span{Start: 5, End: 7}, Entity: "a"},
		{Span: Span{Start: 20, End: 31}, Entity: "b"},
		{Span: Span{Start: 40, End: 44}, Entity: "c"},
	}}
	for _, c := range []struct {
		s    Span
		want string
	}{
		{Span{5, 7}, "a"}, {Span{20, 23}, "b"}, {Span{20, 31}, "b"}, {Span{40, 44}, "c"},
		{Span{0, 4}, ""}, {Span{8, 19}, ""}, {Span{45, 50}, ""}, {Span{30, 41}, ""},
	} {
		got := ""
		if x := d.CoreferenceAt(c.s); x != nil {
			got = x.Entity
		}
		if got != c.want {
			t.Errorf("CoreferenceAt(%v) = %q, want %q", c.s, got, c.want)
		}
	}
}
