package clean

import (
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/entente-nlp/entente/pipeline"
)

// checkInvariants verifies the clean-text contract for src cleaned into r:
// Text is valid UTF-8; segments are ordered, non-overlapping and in range;
// copied segments hold the original bytes; every word of Text maps back to
// an in-range span of Original, in order, and a word inside one copied
// segment maps to exactly its own bytes.
func checkInvariants(t testing.TB, src []byte, r Result) {
	t.Helper()
	text := r.Text
	if !utf8.ValidString(text) {
		t.Fatalf("Text is not valid UTF-8: %q", text)
	}
	prevT, prevO := 0, 0
	for i, s := range r.Offsets {
		if s.Len <= 0 || s.OrigLen < 0 || s.Text < prevT || s.Orig < prevO || s.Text+s.Len > len(text) || s.Orig+s.OrigLen > len(src) {
			t.Fatalf("segment %d %+v out of order or range (prev end text %d orig %d; len text %d orig %d)", i, s, prevT, prevO, len(text), len(src))
		}
		if s.Len == s.OrigLen {
			got, orig := text[s.Text:s.Text+s.Len], string(src[s.Orig:s.Orig+s.OrigLen])
			// A page decoded from another charset keeps only its ASCII
			// byte for byte (a UTF-16 surrogate pair is four bytes in
			// both encodings, but not the same four).
			decoded := !utf8.Valid(src) && strings.ContainsFunc(got, func(r rune) bool { return r >= utf8.RuneSelf })
			if got != orig && !decoded && !(strings.TrimSpace(got) == "" && strings.TrimSpace(orig) == "") && !strings.Contains(orig, "&") && !strings.Contains(got, "\uFFFD") {
				t.Fatalf("segment %d %+v: text %q != original %q", i, s, got, orig)
			}
		}
		prevT, prevO = s.Text+s.Len, s.Orig+s.OrigLen
	}
	if len(r.Offsets) == 0 && text != "" && text != string(src) && !(bomLen(src) > 0 && text == string(src[3:])) {
		t.Fatalf("empty offset map but Text differs from Original")
	}
	// Any non-empty span, however small, maps to an in-range,
	// non-inverted span.
	prev, prev2 := 0, 0
	ends := func(yield func(int) bool) {
		for i := range text {
			if !yield(i) {
				return
			}
		}
		yield(len(text))
	}
	for i := range ends {
		for _, sp := range []pipeline.Span{{Start: prev, End: i}, {Start: prev2, End: i}} {
			if sp.Start >= sp.End {
				continue
			}
			o := r.Offsets.SpanToOriginal(sp)
			if o.Start < 0 || o.End > len(src) || o.Start > o.End {
				t.Fatalf("span %v maps to %v (len %d)", sp, o, len(src))
			}
		}
		prev, prev2 = i, prev
	}
	lastStart := 0
	for _, w := range words(text) {
		o := r.Offsets.SpanToOriginal(w)
		if o.Start < 0 || o.End > len(src) || o.Start > o.End {
			t.Fatalf("word %q %v maps to %v, out of range (len %d)", text[w.Start:w.End], w, o, len(src))
		}
		if o.Start < lastStart {
			t.Fatalf("word %q %v maps to %v before the previous word (%d)", text[w.Start:w.End], w, o, lastStart)
		}
		lastStart = o.Start
		if seg, ok := copiedSegment(r.Offsets, w, text, src); ok || len(r.Offsets) == 0 {
			_ = seg
			if got := string(src[o.Start:o.End]); got != text[w.Start:w.End] {
				t.Fatalf("word %q %v maps to %v = %q", text[w.Start:w.End], w, o, got)
			}
		}
	}
}

// copiedSegment returns the one-to-one segment holding all of w, if any.
func copiedSegment(m pipeline.OffsetMap, w pipeline.Span, text string, src []byte) (pipeline.Segment, bool) {
	i := sort.Search(len(m), func(i int) bool { return m[i].Text+m[i].Len > w.Start })
	if i < len(m) {
		if s := m[i]; s.Text <= w.Start && w.End <= s.Text+s.Len {
			ok := s.Len == s.OrigLen && text[w.Start:w.End] == string(src[s.Orig+w.Start-s.Text:s.Orig+w.End-s.Text])
			return s, ok
		}
	}
	return pipeline.Segment{}, false
}

// words returns the maximal runs of letters and digits of text.
func words(text string) []pipeline.Span {
	var out []pipeline.Span
	start := -1
	for i, r := range text {
		in := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, pipeline.Span{Start: start, End: i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, pipeline.Span{Start: start, End: len(text)})
	}
	return out
}

// checkBoilerplate verifies that boilerplate spans are ordered and in range.
func checkBoilerplate(t testing.TB, d *pipeline.Document) {
	t.Helper()
	prev := 0
	for _, b := range d.Boilerplate {
		if b.Start < prev || b.End < b.Start || b.End > len(d.Text) {
			t.Fatalf("boilerplate span %v out of order or range (len %d)", b, len(d.Text))
		}
		prev = b.End
	}
}
