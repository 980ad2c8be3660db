package pipeline

// Span is a half-open byte range [Start, End) into Document.Text, the clean
// text. Spans are offsets, never copies; Document.Original maps them back to
// the input bytes.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the span length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies within s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }
