package clean

import (
	"github.com/entente-nlp/entente/internal/charset"
	"github.com/entente-nlp/entente/pipeline"
)

// toOriginal rewrites an offset map over decoded text (dec.Text) into one
// over the original bytes: characters whose width changed in decoding
// (é: one windows-1252 byte, two UTF-8 bytes) get segments of their own;
// runs of same-width characters stay one segment.
func toOriginal(m pipeline.OffsetMap, textLen int, dec charset.Decoded) pipeline.OffsetMap {
	if dec.Pos == nil || textLen == 0 {
		return m
	}
	if len(m) == 0 {
		m = pipeline.OffsetMap{{Text: 0, Orig: 0, Len: textLen, OrigLen: textLen}}
	}
	pos := dec.Pos
	out := make(pipeline.OffsetMap, 0, len(m))
	first := 0 // merging stays within one segment of m: a replaced space is not a copy
	add := func(s pipeline.Segment) {
		if n := len(out); n > first && s.Len == s.OrigLen {
			last := &out[n-1]
			if last.Len == last.OrigLen && last.Text+last.Len == s.Text && last.Orig+last.OrigLen == s.Orig {
				last.Len += s.Len
				last.OrigLen += s.OrigLen
				return
			}
		}
		out = append(out, s)
	}
	for _, s := range m {
		if s.Len != s.OrigLen || s.Len == 0 {
			a, b := pos[s.Orig], pos[s.Orig+s.OrigLen]
			out = append(out, pipeline.Segment{Text: s.Text, Orig: a, Len: s.Len, OrigLen: b - a})
			continue
		}
		first = len(out)
		end := s.Orig + s.Len
		for i := s.Orig; i < end; {
			j := i + 1
			for j < end && pos[j] == pos[i] {
				j++
			}
			add(pipeline.Segment{Text: s.Text + i - s.Orig, Orig: pos[i], Len: j - i, OrigLen: pos[j] - pos[i]})
			i = j
		}
	}
	return out
}
