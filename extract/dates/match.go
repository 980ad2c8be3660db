package dates

// match.go: the scanner's token helpers and the readers the matchers
// share (month names, days, years).

import (
	"strings"
	"time"
)

// tok returns token i, or nil when i is out of range.
func (s *scanner) tok(i int) *token {
	if i < 0 || i >= len(s.toks) {
		return nil
	}
	return &s.toks[i]
}

// word returns the lower-cased word at i, or "".
func (s *scanner) word(i int) string {
	if t := s.tok(i); t != nil && t.kind == tWord {
		return t.low
	}
	return ""
}

// punct reports whether token i is the punctuation p.
func (s *scanner) punct(i int, p string) bool {
	t := s.tok(i)
	return t != nil && t.kind == tPunct && t.low == p
}

// adj reports whether tokens i and j touch (no space between).
func (s *scanner) adj(i, j int) bool {
	a, b := s.tok(i), s.tok(j)
	return a != nil && b != nil && a.end == b.start
}

// dash reports whether token i is a hyphen or a dash.
func (s *scanner) dash(i int) bool {
	t := s.tok(i)
	return t != nil && t.kind == tPunct && (t.low == "-" || t.low == "–" || t.low == "—")
}

// month reads a month name or a capitalized abbreviation (with its full
// stop) at j. Lower-case "may", "march" and "august" are words, not months.
func (s *scanner) month(j int) (m time.Month, next int, abbr, ok bool) {
	t := s.tok(j)
	if t == nil || t.kind != tWord {
		return 0, 0, false, false
	}
	if m, ok := monthFull[t.low]; ok && (t.upper || !lowerAmbiguous[t.low]) {
		return m, j + 1, false, true
	}
	if !t.upper {
		return 0, 0, false, false
	}
	if m, ok := monthAbbr[t.low]; ok {
		k := j + 1
		if s.punct(k, ".") && s.adj(j, k) {
			k++
		}
		return m, k, true, true
	}
	return 0, 0, false, false
}

// dayNum reads a day of the month (1-31, optionally "22nd") at k that is
// not part of a time, a decimal, a percentage or a larger number.
func (s *scanner) dayNum(k int) (day, next int, ok bool) {
	t := s.tok(k)
	if t == nil || t.kind != tNum || len(t.low) > 2 || t.num < 1 || t.num > 31 {
		return 0, 0, false
	}
	n := k + 1
	if nt := s.tok(n); nt != nil && nt.start == t.end {
		switch {
		case nt.kind == tWord && ordinalSuffix[nt.low]:
			n++
		case nt.kind == tWord:
			return 0, 0, false
		case nt.low == "%" || nt.low == "/":
			return 0, 0, false
		case nt.low == "." || nt.low == "," || nt.low == ":":
			if s.adj(n, n+1) && s.tok(n+1).kind == tNum {
				return 0, 0, false // 20.5, 20,000, 10:30
			}
		}
	}
	return t.num, n, true
}

// yearAt reads a four-digit number at k that is not glued to letters or
// part of a decimal, a percentage, a time or a larger number.
func (s *scanner) yearAt(k int) (y, next int, ok bool) {
	t := s.tok(k)
	if t == nil || t.kind != tNum || len(t.low) != 4 || t.num < 1000 || t.num > 2999 {
		return 0, 0, false
	}
	if nt := s.tok(k + 1); nt != nil && nt.start == t.end {
		switch {
		case nt.kind == tWord:
			return 0, 0, false
		case nt.low == "%" || nt.low == ":" || nt.low == "/":
			return 0, 0, false
		case nt.low == "." || nt.low == ",":
			if s.adj(k+1, k+2) && s.tok(k+2).kind == tNum {
				return 0, 0, false
			}
		}
	}
	return t.num, k + 1, true
}

// yearAfterDate reads the year that completes a date ("December 22, 2016",
// "21 December 2016"), which may follow a comma.
func (s *scanner) yearAfterDate(k int) (y, next int, ok bool) {
	k2 := k
	comma := s.punct(k2, ",")
	if comma {
		k2++
	}
	y, n, ok := s.yearAt(k2)
	if !ok || y < 1800 || y > 2199 {
		return 0, 0, false
	}
	if comma {
		// "December 20, 2000 people" is a count.
		if w := s.tok(n); w != nil && w.kind == tWord && !w.upper && !yearFollow[w.low] {
			return 0, 0, false
		}
	}
	return y, n, true
}

// prevBlocksYear reports whether the token before i makes a number there
// a quantity, a label or part of a code ("S-300", "$2007", "flight 2007").
func (s *scanner) prevBlocksYear(i int) bool {
	p := s.tok(i - 1)
	if p == nil {
		return false
	}
	glued := p.end == s.toks[i].start
	if glued && p.kind != tPunct {
		return true
	}
	if glued && (p.low == "-" || p.low == "/" || p.low == "." || p.low == ":" || p.low == "–") {
		switch s.word(i - 2) {
		case "mid", "pre", "post":
			return false
		}
		return true
	}
	switch p.low {
	case "$", "#", "€", "£", "¥":
		return true
	}
	if p.kind == tNum {
		return true
	}
	return p.kind == tWord && numberLabel[p.low]
}

// bareYearOK decides whether the four-digit number y at i, with its
// expression ending before token next, reads as a year when nothing else
// makes it one: "after 2007", "2007." and "in 2007 the" do; "2007 people",
// "S-300" and "flight 2007" do not.
func (s *scanner) bareYearOK(i, next, y int) bool {
	if s.prevBlocksYear(i) {
		return false
	}
	strong := yearCue[s.word(i-1)]
	switch s.word(i - 1) {
	case "the", "its", "his", "her", "their", "our":
		// "the 1987 crash", "its 1988 recapitalization", but "the 2000
		// troops" counts a plural.
		n := s.tok(next)
		plural := n != nil && n.kind == tWord && !n.upper && strings.HasSuffix(n.low, "s") && !yearFollow[n.low]
		strong = strong || (s.tok(i-1).end < s.toks[i].start && !plural)
	}
	if strong && y >= 1900 && y <= 2099 {
		return true
	}
	if (y < 1900 || y > 2099) && !strong {
		return false
	}
	if s.dash(next) && s.adj(next-1, next) && s.adj(next, next+1) {
		return false // 2016-02-30, 1990-x: a code or a broken date
	}
	if n := s.tok(next); n != nil {
		if n.kind == tWord && !n.upper && !yearFollow[n.low] {
			return false
		}
		if n.kind == tNum {
			return false
		}
	}
	return true
}

// adjOrSpace reports whether tokens i and j are separated by nothing or by
// spaces only (not a line break).
func (s *scanner) adjOrSpace(i, j int) bool {
	gap := s.text[s.toks[i].end:s.toks[j].start]
	return !strings.ContainsAny(gap, "\n\r")
}

// atoiYear parses a four-digit year value.
func atoiYear(v string) int {
	y := 0
	for i := 0; i < len(v) && i < 4; i++ {
		y = y*10 + int(v[i]-'0')
	}
	return y
}
