package pipeline

import "sort"

// OffsetMap maps byte offsets in a Document's clean Text back to its
// Original bytes. It is a sorted list of segments; text between segments was
// inserted by cleaning (for example a newline for a <p>) and maps to the
// nearest segment boundary. An empty map is the identity.
type OffsetMap []Segment

// Segment says that Text[Text:Text+Len] came from
// Original[Orig:Orig+OrigLen]. When Len == OrigLen the bytes correspond one
// to one; otherwise (an HTML entity, say) inner offsets map to the segment's
// start.
type Segment struct {
	Text    int `json:"t"`
	Orig    int `json:"o"`
	Len     int `json:"n"`
	OrigLen int `json:"on"`
}

// ToOriginal maps a start offset of Text to Original.
func (m OffsetMap) ToOriginal(off int) int {
	if len(m) == 0 {
		return off
	}
	i := sort.Search(len(m), func(i int) bool { return m[i].Text+m[i].Len > off })
	if i == len(m) {
		last := m[len(m)-1]
		return last.Orig + last.OrigLen
	}
	s := m[i]
	if off <= s.Text {
		return s.Orig
	}
	if s.Len == s.OrigLen {
		return s.Orig + (off - s.Text)
	}
	return s.Orig
}

// EndToOriginal maps an exclusive end offset of Text to Original.
func (m OffsetMap) EndToOriginal(end int) int {
	if len(m) == 0 {
		return end
	}
	// The segment holding the last byte before end.
	i := sort.Search(len(m), func(i int) bool { return m[i].Text+m[i].Len >= end })
	if i == len(m) {
		last := m[len(m)-1]
		return last.Orig + last.OrigLen
	}
	s := m[i]
	if end <= s.Text {
		if i == 0 {
			return s.Orig
		}
		p := m[i-1]
		return p.Orig + p.OrigLen
	}
	if s.Len == s.OrigLen {
		return s.Orig + (end - s.Text)
	}
	return s.Orig + s.OrigLen
}

// SpanToOriginal maps a Text span to an Original span. The result is never
// inverted: an empty span at a point where markup was removed maps to an
// empty span.
func (m OffsetMap) SpanToOriginal(s Span) Span {
	out := Span{Start: m.ToOriginal(s.Start), End: m.EndToOriginal(s.End)}
	if out.End < out.Start {
		out.End = out.Start
	}
	return out
}
