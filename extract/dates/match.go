package dates

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

// matchNumeric reads ISO dates (2016-12-22), US numeric dates
// (12/22/2016, read day-first when the first number exceeds 12),
// 2016/12/22 and European dotted dates (22.12.2016).
func (s *scanner) matchNumeric(i int) (cand, bool) {
	t := &s.toks[i]
	if !(s.adj(i, i+1) && s.adj(i+1, i+2) && s.adj(i+2, i+3) && s.adj(i+3, i+4)) {
		return cand{}, false
	}
	if p := s.tok(i - 1); p != nil && p.end == t.start && p.kind != tPunct {
		return cand{}, false
	}
	a, sep1, b, sep2, c := t, s.tok(i+1), s.tok(i+2), s.tok(i+3), s.tok(i+4)
	if b.kind != tNum || c.kind != tNum || sep1.kind != tPunct || sep1.low != sep2.low {
		return cand{}, false
	}
	// Nothing numeric may continue the pattern ("1/2/2016/3", "2016-12-22-5").
	if s.adj(i+4, i+5) {
		if n := s.tok(i + 5); n.low == sep1.low || n.low == "." && s.adj(i+5, i+6) && s.tok(i+6).kind == tNum {
			return cand{}, false
		}
	}
	var y, m, d int
	note := ""
	switch {
	case (sep1.low == "-" || sep1.low == "/") && len(a.low) == 4 && len(b.low) <= 2 && len(c.low) <= 2:
		y, m, d = a.num, b.num, c.num
	case sep1.low == "." && len(a.low) <= 2 && len(b.low) <= 2 && len(c.low) == 4:
		// European day.month.year
		y, m, d = c.num, b.num, a.num
	case sep1.low == "/" && len(a.low) <= 2 && len(b.low) <= 2 && len(c.low) == 4:
		y = c.num
		switch {
		case a.num > 12 && b.num <= 12:
			m, d = b.num, a.num
			note = "numeric date read day/month/year: the first number exceeds 12"
		case a.num <= 12 && b.num > 12:
			m, d = a.num, b.num
		default:
			m, d = a.num, b.num
			note = "ambiguous numeric date read as US month/day/year"
		}
	default:
		return cand{}, false
	}
	if m < 1 || m > 12 || y < 1000 || !validDay(y, time.Month(m), d) {
		return cand{}, false
	}
	return cand{start: i, end: i + 5, kind: Absolute, gran: Day, value: dayStr(date(y, time.Month(m), d)), note: note}, true
}

// matchMonthFirst reads "[Weekday,] Month Day[-Day][, Year]", "Month Year"
// and a bare month name.
func (s *scanner) matchMonthFirst(i int) (cand, bool) {
	j := i
	withWeekday := false
	wd, ok := weekdays[s.word(i)]
	if ok && s.toks[i].upper {
		k := i + 1
		if s.punct(k, ",") {
			k++
		}
		if _, _, _, ok := s.month(k); !ok {
			return cand{}, false
		}
		j, withWeekday = k, true
	}
	m, k, abbr, ok := s.month(j)
	if !ok {
		return cand{}, false
	}
	if d, k2, ok := s.dayNum(k); ok {
		if d > daysMax(m) {
			return cand{}, false
		}
		// Ranges: "July 15-16", "July 15 to 16", "July 30-August 2".
		if s.dash(k2) || s.word(k2) == "to" || s.word(k2) == "through" {
			if d2, k3, ok := s.dayNum(k2 + 1); ok && d2 > d && d2 <= daysMax(m) {
				return s.dayRange(i, k3, m, d, m, d2), true
			}
			if m2, k3, _, ok := s.month(k2 + 1); ok && m2 != m {
				if d2, k4, ok := s.dayNum(k3); ok && d2 <= daysMax(m2) {
					return s.dayRange(i, k4, m, d, m2, d2), true
				}
			}
		}
		if y, k3, ok := s.yearAfterDate(k2); ok {
			if !validDay(y, m, d) {
				return cand{}, false
			}
			return cand{start: i, end: k3, kind: Absolute, gran: Day, value: dayStr(date(y, m, d))}, true
		}
		if withWeekday {
			return weekdayDate(i, k2, wd, m, d), true
		}
		return partialDay(i, k2, m, d), true
	}
	if withWeekday {
		return cand{}, false
	}
	k2 := k
	if s.word(k2) == "of" {
		k2++
	}
	if y, k3, ok := s.yearAfterDate(k2); ok && y >= 1000 {
		return cand{start: i, end: k3, kind: Absolute, gran: Month, value: monthStr(y, m)}, true
	}
	if abbr || !s.bareMonthOK(i) {
		return cand{}, false
	}
	return partialMonth(i, i+1, m), true
}

// daysMax is the longest month m can be.
func daysMax(m time.Month) int { return date(2000, m, 1).AddDate(0, 1, -1).Day() }

// bareMonthOK decides whether a capitalized month name standing alone at i
// is a month: "May" and "March" need a cue before them ("in May"); any
// month followed by a capitalized word is more likely a name ("June
// Carter").
func (s *scanner) bareMonthOK(i int) bool {
	if !s.toks[i].upper {
		return false
	}
	if n := s.tok(i + 1); n != nil && n.kind == tWord && n.upper {
		return false
	}
	switch s.toks[i].low {
	case "may", "march", "august":
		return monthCue[s.word(i-1)]
	}
	return true
}

// partialDay is a month and day without a year.
func partialDay(start, end int, m time.Month, d int) cand {
	return cand{start: start, end: end, kind: Partial, gran: Day, directional: true,
		res: func(ref time.Time, future bool) (string, string) {
			t := monthDay(ref, m, d, future)
			if future {
				return dayStr(t), "partial date: first occurrence on or after the publication date (future tense)"
			}
			return dayStr(t), "partial date: closest occurrence on or before the publication date"
		}}
}

// partialMonth is a month name without a year.
func partialMonth(start, end int, m time.Month) cand {
	return cand{start: start, end: end, kind: Partial, gran: Month, directional: true,
		res: func(ref time.Time, future bool) (string, string) {
			y := monthOnly(ref, m, future)
			if future {
				return monthStr(y, m), "month without a year: first one on or after the publication month (future tense)"
			}
			return monthStr(y, m), "month without a year: closest one on or before the publication month"
		}}
}

// weekdayDate is a month and day without a year, named with its weekday
// ("Saturday, April 25"): the year nearest the reference in which the
// weekday agrees, else the usual partial-date reading.
func weekdayDate(start, end int, wd time.Weekday, m time.Month, d int) cand {
	c := partialDay(start, end, m, d)
	plain := c.res
	c.res = func(ref time.Time, future bool) (string, string) {
		best := time.Time{}
		for y := ref.Year() - 1; y <= ref.Year()+1; y++ {
			t := date(y, m, d)
			if validDay(y, m, d) && t.Weekday() == wd && (best.IsZero() || absDur(t.Sub(ref)) < absDur(best.Sub(ref))) {
				best = t
			}
		}
		if best.IsZero() {
			return plain(ref, future)
		}
		return dayStr(best), "partial date with its weekday: the nearest year in which the weekday agrees"
	}
	return c
}

// dayRange is a range of days without a year, possibly across two months,
// with an optional year after it.
func (s *scanner) dayRange(start, end int, m1 time.Month, d1 int, m2 time.Month, d2 int) cand {
	if y, k, ok := s.yearAfterDate(end); ok && validDay(y, m1, d1) {
		y2 := y
		if m2 < m1 {
			y2++
		}
		if validDay(y2, m2, d2) {
			return cand{start: start, end: k, kind: Range, gran: Day,
				value: dayStr(date(y, m1, d1)) + "/" + dayStr(date(y2, m2, d2))}
		}
	}
	return cand{start: start, end: end, kind: Range, gran: Day, directional: true,
		res: func(ref time.Time, future bool) (string, string) {
			a := monthDay(ref, m1, d1, future)
			b := date(a.Year(), m2, d2)
			if b.Before(a) {
				b = date(a.Year()+1, m2, d2)
			}
			return dayStr(a) + "/" + dayStr(b), "range without a year: placed by its first day, closest occurrence " + tenseWord(future) + " the publication date"
		}}
}

func tenseWord(future bool) string {
	if future {
		return "on or after"
	}
	return "on or before"
}

// matchDayFirst reads "21 December 2016", "22nd of December", "15-16 July".
func (s *scanner) matchDayFirst(i int) (cand, bool) {
	if p := s.tok(i - 1); p != nil && (p.kind == tNum || p.low == "$" || (p.end == s.toks[i].start && p.kind != tWord && p.low != "(")) {
		return cand{}, false
	}
	d, k, ok := s.dayNum(i)
	if !ok {
		return cand{}, false
	}
	d2 := 0
	if s.dash(k) {
		if e, k2, ok := s.dayNum(k + 1); ok && e > d {
			d2, k = e, k2
		}
	}
	if s.word(k) == "of" {
		k++
	}
	m, k2, _, ok := s.month(k)
	if !ok || d > daysMax(m) || d2 > daysMax(m) {
		return cand{}, false
	}
	if d2 > 0 {
		return s.dayRange(i, k2, m, d, m, d2), true
	}
	if y, k3, ok := s.yearAfterDate(k2); ok {
		if !validDay(y, m, d) {
			return cand{}, false
		}
		return cand{start: i, end: k3, kind: Absolute, gran: Day, value: dayStr(date(y, m, d))}, true
	}
	return partialDay(i, k2, m, d), true
}

// matchYear reads a year ("2007"), a decade ("the 1990s" part "1990s")
// and a year range ("2012-2014", "1990-91").
func (s *scanner) matchYear(i int) (cand, bool) {
	t := &s.toks[i]
	if len(t.low) != 4 || t.num < 1000 || t.num > 2999 {
		return cand{}, false
	}
	// Decades: 1980s, 1980's.
	if t.num%10 == 0 && s.adj(i, i+1) {
		k := i + 1
		if s.punct(k, "'") || s.punct(k, "’") {
			if !s.adj(k, k+1) {
				k = -1
			}
			k++
		}
		if k > 0 && s.word(k) == "s" && s.adj(k-1, k) && !s.prevBlocksYear(i) {
			return cand{start: i, end: k + 1, kind: Absolute, gran: Decade, value: decadeStr(t.num)}, true
		}
	}
	y, n, ok := s.yearAt(i)
	if !ok {
		return cand{}, false
	}
	// Year ranges: 2012-2014, 1990-91.
	if s.dash(n) && s.adj(i, n) && s.adj(n, n+1) && y >= 1900 && y <= 2099 && !s.prevBlocksYear(i) {
		if e := s.tok(n + 1); e.kind == tNum {
			y2 := -1
			switch len(e.low) {
			case 4:
				y2 = e.num
			case 2:
				y2 = y/100*100 + e.num
			}
			if y2 > y && y2-y < 100 {
				return cand{start: i, end: n + 2, kind: Range, gran: Year, value: yearStr(y) + "/" + yearStr(y2)}, true
			}
		}
	}
	if !s.bareYearOK(i, n, y) {
		return cand{}, false
	}
	return cand{start: i, end: n, kind: Absolute, gran: Year, value: yearStr(y)}, true
}

// matchRange reads "between X and Y" and "from X to Y" where X and Y are
// dates, months or years. The span covers X to Y, without the preposition.
func (s *scanner) matchRange(i int) (cand, bool) {
	w := s.word(i)
	if w != "between" && w != "from" {
		return cand{}, false
	}
	if i+1 >= len(s.toks) {
		return cand{}, false
	}
	a, ok := s.best(i+1, false)
	if !ok || a.kind == Range || a.gran == Vague {
		return cand{}, false
	}
	k := a.end
	sep := s.word(k)
	switch {
	case w == "between" && sep == "and":
	case w == "from" && (sep == "to" || sep == "until" || sep == "till" || sep == "through"):
	case s.dash(k):
	default:
		return cand{}, false
	}
	if k+1 >= len(s.toks) {
		return cand{}, false
	}
	b, ok := s.best(k+1, false)
	if !ok && a.gran == Year && a.res == nil {
		// "from 1991 to 1997": the range makes the second number a year.
		if y, n, ok2 := s.yearAt(k + 1); ok2 && yearStr(y) > a.value {
			b, ok = cand{start: k + 1, end: n, kind: Absolute, gran: Year, value: yearStr(y)}, true
		}
	}
	if !ok || b.kind == Range || b.gran == Vague || b.start != k+1 {
		return cand{}, false
	}
	if !compatible(a.gran, b.gran) {
		return cand{}, false
	}
	c := cand{start: a.start, end: b.end, kind: Range, gran: a.gran, directional: a.directional || b.directional}
	if a.res == nil && b.res == nil {
		c.value = a.value + "/" + b.value
		return c, true
	}
	c.res = func(ref time.Time, future bool) (string, string) {
		va, vb := a.valueAt(ref, future), b.valueAt(ref, future)
		if va == "" || vb == "" {
			return "", "range with an unresolved end"
		}
		// "from March to May 2016": the partial start takes the end's year.
		if a.kind == Partial && b.kind == Absolute && len(vb) >= 4 && len(va) >= 4 {
			va = vb[:4] + va[4:]
		}
		if b.kind == Partial && len(va) == len(vb) && vb < va {
			vb = bumpYear(vb)
		}
		return va + "/" + vb, "range: each end resolved against the publication date"
	}
	return c, true
}

// compatible reports whether two granularities can form a range.
func compatible(a, b string) bool {
	rank := map[string]int{Day: 1, Month: 2, Year: 3, Quarter: 2, Season: 2, Week: 1}
	return rank[a] > 0 && rank[b] > 0
}

// valueAt resolves c without tense cues of its own.
func (c *cand) valueAt(ref time.Time, future bool) string {
	if c.res == nil {
		return c.value
	}
	v, _ := c.res(ref, future)
	return v
}

// bumpYear adds one to the leading four-digit year of a value.
func bumpYear(v string) string { return bumpYearBy(v, 1) }

// bumpYearBy adds n to the leading four-digit year of a value.
func bumpYearBy(v string, n int) string {
	y := 0
	for i := 0; i < 4; i++ {
		if v[i] < '0' || v[i] > '9' {
			return v
		}
		y = y*10 + int(v[i]-'0')
	}
	return yearStr(y+n) + v[4:]
}

// modifiers are words that widen an expression without changing its value:
// "early next year", "late November", "the mid-1990s", "fiscal 1989",
// "nearly two weeks ago", "the end of 1990".
var modifiers = [][]string{
	{"the", "end", "of"}, {"the", "beginning", "of"}, {"the", "start", "of"}, {"the", "middle", "of"},
	{"end", "of"}, {"the", "early"}, {"the", "late"}, {"the", "mid"}, {"early"}, {"late"}, {"mid"},
	{"fiscal"}, {"nearly"}, {"almost"}, {"about"}, {"roughly"}, {"around"}, {"just"}, {"some"},
	{"approximately"}, {"more", "than"}, {"less", "than"},
}

// matchModified reads a modifier followed by an expression.
func (s *scanner) matchModified(i int) (cand, bool) {
	var b cand
	found := false
	for _, mod := range modifiers {
		j := i
		okMod := true
		for _, w := range mod {
			if s.word(j) != w {
				okMod = false
				break
			}
			j++
		}
		if !okMod {
			continue
		}
		if mod[len(mod)-1] == "mid" && s.dash(j) && s.adj(j-1, j) {
			j++
		}
		if j >= len(s.toks) {
			continue
		}
		c, ok := s.best(j, false)
		if !ok || c.start != j || c.gran == Vague {
			continue
		}
		if !found || c.end > b.end {
			c.start = i
			b, found = c, true
		}
	}
	return b, found
}

// matchWeekday reads a weekday name, with a part of the day after it
// ("Tuesday", "Friday night").
func (s *scanner) matchWeekday(i int) (cand, bool) {
	t := &s.toks[i]
	wd, ok := weekdays[t.low]
	if !ok || !t.upper {
		return cand{}, false
	}
	end := i + 1
	switch s.word(end) {
	case "morning", "afternoon", "evening", "night":
		end++
	}
	return cand{start: i, end: end, kind: Relative, gran: Day, directional: true,
		res: func(ref time.Time, future bool) (string, string) {
			if future {
				return dayStr(weekday(ref, wd, true, false)), "weekday: first one on or after the publication date (future tense)"
			}
			return dayStr(weekday(ref, wd, false, false)), "weekday: closest one on or before the publication date"
		}}, true
}

// relative builds a relative expression resolved by fn.
func relative(start, end int, gran string, fn func(ref time.Time) (string, string)) cand {
	return cand{start: start, end: end, kind: Relative, gran: gran,
		res: func(ref time.Time, _ bool) (string, string) { return fn(ref) }}
}

// matchRelative reads today/yesterday/tomorrow, "last|this|next <unit,
// weekday, month, season>", "earlier this month", "two days ago", "a year
// earlier", "year-ago" and "the weekend".
func (s *scanner) matchRelative(i int) (cand, bool) {
	w := s.word(i)
	switch w {
	case "today":
		if p := s.tok(i - 1); p != nil && p.upper && p.low == "usa" {
			return cand{}, false
		}
		return relative(i, i+1, Day, func(ref time.Time) (string, string) {
			return dayStr(ref), "the publication date"
		}), true
	case "yesterday":
		return relative(i, i+1, Day, func(ref time.Time) (string, string) {
			return dayStr(ref.AddDate(0, 0, -1)), refNote(ref, "the day before")
		}), true
	case "tomorrow":
		return relative(i, i+1, Day, func(ref time.Time) (string, string) {
			return dayStr(ref.AddDate(0, 0, 1)), refNote(ref, "the day after")
		}), true
	case "last", "previous", "this", "next", "coming", "current", "latest":
		if w == "this" && s.word(i+1) == "past" {
			if c, ok := s.relUnit(i+1, i+2, "last"); ok { // "this past weekend"
				c.start = i
				return c, true
			}
		}
		if t := s.tok(i + 1); t != nil && s.toks[i].upper && t.upper && units[t.low] != uNone {
			return cand{}, false // a title: ABC's "This Week"
		}
		return s.relUnit(i, i+1, w)
	case "earlier", "later":
		if s.word(i+1) == "this" {
			if c, ok := s.relUnit(i+1, i+2, "this"); ok {
				c.start = i
				return c, true
			}
		}
	case "the":
		switch s.word(i + 1) {
		case "weekend":
			return cand{start: i, end: i + 2, kind: Relative, gran: Week, directional: true,
				res: func(ref time.Time, future bool) (string, string) {
					wd := ref.Weekday()
					switch {
					case wd == time.Saturday || wd == time.Sunday:
						return weekendStr(ref), "the weekend of the publication date"
					case future:
						return weekendStr(ref), "the coming weekend (future tense)"
					}
					return weekendStr(ref.AddDate(0, 0, -7)), "the weekend before the publication date"
				}}, true
		case "day":
			switch {
			case s.word(i+2) == "before" && s.word(i+3) == "yesterday":
				return relative(i, i+4, Day, func(ref time.Time) (string, string) {
					return dayStr(ref.AddDate(0, 0, -2)), refNote(ref, "two days before")
				}), true
			case s.word(i+2) == "after" && s.word(i+3) == "tomorrow":
				return relative(i, i+4, Day, func(ref time.Time) (string, string) {
					return dayStr(ref.AddDate(0, 0, 2)), refNote(ref, "two days after")
				}), true
			}
		case "previous", "coming", "current", "latest":
			if c, ok := s.relUnit(i+1, i+2, s.word(i+1)); ok {
				c.start = i
				return c, true
			}
		case "year":
			if c, ok := s.yearAgo(i + 1); ok {
				c.start = i
				return c, true
			}
		}
	case "year":
		return s.yearAgo(i)
	}
	return s.amountAgo(i)
}

// yearAgo reads "year-ago" and "year-earlier", alone or before "quarter"
// or "period": the previous year, or the reported quarter a year before.
func (s *scanner) yearAgo(i int) (cand, bool) {
	if !(s.dash(i+1) && s.adj(i, i+1) && s.adj(i+1, i+2)) {
		return cand{}, false
	}
	if w := s.word(i + 2); w != "ago" && w != "earlier" {
		return cand{}, false
	}
	switch s.word(i + 3) {
	case "quarter", "period":
		return yearBeforeQuarter(i, i+4), true
	}
	// "the year-ago third quarter"
	if q, ok := s.matchQuarter(i + 3); ok && q.res != nil && q.start == i+3 {
		inner := q.res
		q.start = i
		q.res = func(ref time.Time, future bool) (string, string) {
			v, _ := inner(ref, future)
			return bumpYearBy(v, -1), "the quarter, a year before"
		}
		return q, true
	}
	if s.quarterContext(i) {
		return yearBeforeQuarter(i, i+3), true
	}
	return relative(i, i+3, Year, func(ref time.Time) (string, string) {
		return yearStr(ref.Year() - 1), "the year before the publication year"
	}), true
}

// yearBeforeQuarter is the reported quarter a year before the reference.
func yearBeforeQuarter(start, end int) cand {
	return relative(start, end, Quarter, func(ref time.Time) (string, string) {
		y, q := reportedQuarter(ref)
		return quarterStr(y-1, q), "the reported quarter, a year before (quarterly results context)"
	})
}

// quarterContext reports whether the sentence around token i, or the one
// before it, speaks of a quarter: in earnings news "a year earlier" then
// means the same quarter a year before.
func (s *scanner) quarterContext(i int) bool {
	boundaries := 0
	for j := i - 1; j >= 0 && i-j < 80; j-- {
		if s.boundaryAfter(j) {
			boundaries++
			if boundaries == 2 {
				break
			}
		}
		if w := s.toks[j].low; w == "quarter" || w == "quarterly" {
			return true
		}
	}
	for j := i + 1; j < len(s.toks) && j-i < 40; j++ {
		if w := s.toks[j].low; w == "quarter" || w == "quarterly" {
			return true
		}
		if s.boundaryAfter(j) {
			break
		}
	}
	return false
}

// relUnit reads the unit after a direction word at i ("last", "this",
// "next", "coming", "previous", "current", "latest"); j is the unit token.
func (s *scanner) relUnit(i, j int, dirWord string) (cand, bool) {
	dir := 0
	switch dirWord {
	case "last", "previous":
		dir = -1
	case "next", "coming":
		dir = 1
	}
	if s.word(j) == "fiscal" && (s.word(j+1) == "year" || s.word(j+1) == "quarter") {
		j++ // "the current fiscal year"
	}
	t := s.tok(j)
	if t == nil || t.kind != tWord {
		return cand{}, false
	}
	end := j + 1
	if wd, ok := weekdays[t.low]; ok && t.upper && dirWord != "current" && dirWord != "latest" {
		c := cand{start: i, end: end, kind: Relative, gran: Day, directional: dir == 0,
			res: func(ref time.Time, future bool) (string, string) {
				switch dir {
				case -1:
					return dayStr(weekday(ref, wd, false, true)), "\"last\" + weekday: the one before the publication date"
				case 1:
					return dayStr(weekday(ref, wd, true, true)), "\"next\" + weekday: the one after the publication date"
				}
				return dayStr(weekday(ref, wd, future, false)), "\"this\" + weekday: closest one " + tenseWord(future) + " the publication date"
			}}
		return c, true
	}
	if m, ok := monthFull[t.low]; ok && t.upper && dirWord != "current" && dirWord != "latest" {
		return relative(i, end, Month, func(ref time.Time) (string, string) {
			switch dir {
			case -1:
				y, note := lastMonthNamed(ref, m)
				return monthStr(y, m), note
			case 1:
				return monthStr(nextMonthNamed(ref, m), m), "\"next\" + month: the first one after the publication month"
			}
			return monthStr(ref.Year(), m), "\"this\" + month: the publication year's"
		}), true
	}
	if code, ok := seasons[t.low]; ok {
		return relative(i, end, Season, func(ref time.Time) (string, string) {
			return seasonStr(seasonYear(ref, code, dir), code), "season relative to the publication date"
		}), true
	}
	switch t.low {
	case "week":
		return relative(i, end, Week, func(ref time.Time) (string, string) {
			return weekStr(ref.AddDate(0, 0, 7*dir)), "ISO week relative to the publication date"
		}), true
	case "weekend":
		return relative(i, end, Week, func(ref time.Time) (string, string) {
			return weekendStr(ref.AddDate(0, 0, 7*dir)), "weekend relative to the publication date"
		}), true
	case "month":
		return relative(i, end, Month, func(ref time.Time) (string, string) {
			t := date(ref.Year(), ref.Month()+time.Month(dir), 1)
			return monthStr(t.Year(), t.Month()), "month relative to the publication date"
		}), true
	case "year":
		return relative(i, end, Year, func(ref time.Time) (string, string) {
			return yearStr(ref.Year() + dir), "year relative to the publication date"
		}), true
	case "decade":
		return relative(i, end, Decade, func(ref time.Time) (string, string) {
			return decadeStr(ref.Year() + 10*dir), "decade relative to the publication date"
		}), true
	case "quarter", "period":
		if t.low == "period" && dirWord != "latest" {
			return cand{}, false
		}
		return relative(i, end, Quarter, func(ref time.Time) (string, string) {
			if dirWord == "latest" {
				y, q := reportedQuarter(ref)
				return quarterStr(y, q), "the latest reported quarter"
			}
			y, q := shiftQuarter(ref.Year(), quarterOf(ref.Month()), dir)
			return quarterStr(y, q), "quarter relative to the publication date"
		}), true
	}
	return cand{}, false
}

// amount reads a count at i: digits, a number word, "a" or "an"; "a few"
// and "several" give -1 (a vague count).
func (s *scanner) amount(i int) (n, next int, ok bool) {
	t := s.tok(i)
	if t == nil {
		return 0, 0, false
	}
	if t.kind == tNum && len(t.low) <= 3 {
		return t.num, i + 1, true
	}
	if t.kind != tWord {
		return 0, 0, false
	}
	switch t.low {
	case "several", "few":
		return -1, i + 1, true
	case "a":
		if s.word(i+1) == "few" || s.word(i+1) == "couple" {
			k := i + 2
			if s.word(k) == "of" {
				k++
			}
			if s.word(i+1) == "couple" {
				return 2, k, true
			}
			return -1, k, true
		}
	}
	if v, ok := numberWords[t.low]; ok {
		return v, i + 1, true
	}
	return 0, 0, false
}

// amountAgo reads "two days ago", "a year earlier", "six weeks back".
func (s *scanner) amountAgo(i int) (cand, bool) {
	n, k, ok := s.amount(i)
	if !ok {
		return cand{}, false
	}
	u := units[s.word(k)]
	if u == uNone {
		return cand{}, false
	}
	switch s.word(k + 1) {
	case "ago", "earlier", "back":
	default:
		return cand{}, false
	}
	end := k + 2
	gran := map[unit]string{uDay: Day, uWeek: Week, uMonth: Month, uQuarter: Quarter, uYear: Year, uDecade: Decade}[u]
	quarterly := u == uYear && n == 1 && s.quarterContext(i)
	if quarterly {
		gran = Quarter
	}
	return relative(i, end, gran, func(ref time.Time) (string, string) {
		if n < 0 {
			return "", "unresolved: vague amount before the publication date"
		}
		note := "counted back from the publication date"
		switch u {
		case uDay:
			return dayStr(ref.AddDate(0, 0, -n)), note
		case uWeek:
			return weekStr(ref.AddDate(0, 0, -7*n)), note
		case uMonth:
			t := date(ref.Year(), ref.Month()-time.Month(n), 1)
			return monthStr(t.Year(), t.Month()), note
		case uQuarter:
			y, q := shiftQuarter(ref.Year(), quarterOf(ref.Month()), -n)
			return quarterStr(y, q), note
		case uYear:
			if n == 1 && quarterly {
				y, q := reportedQuarter(ref)
				return quarterStr(y-1, q), "the reported quarter, a year before (quarterly results context)"
			}
			return yearStr(ref.Year() - n), note
		}
		return decadeStr(ref.Year() - 10*n), note
	}), true
}

// matchQuarter reads "the third quarter [of 1990]", "third-quarter",
// "the fiscal first quarter", "the first half of 2016", and "the quarter"
// (the reported quarter).
func (s *scanner) matchQuarter(i int) (cand, bool) {
	j := i
	det := s.word(j)
	switch det {
	case "the", "its":
		j++
	}
	// "the 1988 second quarter"
	inYear := 0
	if det == "the" {
		if y, n, ok := s.yearAt(j); ok && y >= 1900 && y <= 2099 {
			inYear, j = y, n
		}
	}
	if s.word(j) == "fiscal" {
		j++
		if s.dash(j) {
			j++
		}
	}
	if s.word(j) == "quarter" && j > i && inYear == 0 {
		start := i
		if det == "its" {
			start = i + 1
		}
		if start == j {
			return cand{}, false
		}
		return relative(start, j+1, Quarter, func(ref time.Time) (string, string) {
			y, q := reportedQuarter(ref)
			return quarterStr(y, q), "the quarter being reported: the one just ended in the first 50 days of a quarter"
		}), true
	}
	q := ordinals[s.word(j)]
	if q == 0 {
		if t := s.tok(j); t != nil && t.kind == tNum && t.num >= 1 && t.num <= 4 && len(t.low) == 1 && s.adj(j, j+1) && ordinalSuffix[s.word(j+1)] {
			q = t.num
			j++
		}
	}
	if q < 1 || q > 4 {
		return cand{}, false
	}
	j++
	hyphen := false
	if s.dash(j) && s.adj(j-1, j) {
		j++
		hyphen = true
	}
	half := false
	switch s.word(j) {
	case "quarter":
	case "half":
		if q > 2 {
			return cand{}, false
		}
		half = true
	default:
		return cand{}, false
	}
	j++
	// TimeML leaves "its" out, and "the" before the adjective
	// "third-quarter".
	start := i
	if det == "its" || (det == "the" && hyphen && inYear == 0) {
		start = i + 1
	}
	if inYear != 0 {
		if half {
			return cand{start: start, end: j, kind: Absolute, gran: Quarter, value: yearStr(inYear) + "-H" + string(rune('0'+q))}, true
		}
		return cand{start: start, end: j, kind: Absolute, gran: Quarter, value: quarterStr(inYear, q)}, true
	}
	k := j
	if s.word(k) == "of" || s.punct(k, ",") {
		k++
	}
	if y, n, ok := s.yearAt(k); ok && !(s.word(n) != "" && !s.toks[n].upper && !yearFollow[s.word(n)]) {
		if half {
			return cand{start: start, end: n, kind: Absolute, gran: Quarter, value: yearStr(y) + "-H" + string(rune('0'+q))}, true
		}
		return cand{start: start, end: n, kind: Absolute, gran: Quarter, value: quarterStr(y, q)}, true
	}
	if half {
		return cand{}, false
	}
	return relative(start, j, Quarter, func(ref time.Time) (string, string) {
		y := ref.Year()
		if time.Month((q-1)*3+1) > ref.Month() {
			y--
		}
		return quarterStr(y, q), "quarter without a year: the latest one begun by the publication date"
	}), true
}

// matchSeason reads "[the] summer [of] 2007".
func (s *scanner) matchSeason(i int) (cand, bool) {
	j := i
	if s.word(j) == "the" {
		j++
	}
	code, ok := seasons[s.word(j)]
	if !ok {
		return cand{}, false
	}
	k := j + 1
	if s.word(k) == "of" {
		k++
	}
	y, n, ok := s.yearAt(k)
	if !ok {
		sp, ok := s.matchSpelledYear(k) // "the winter of nineteen ninety-four"
		if !ok || sp.start != k {
			return cand{}, false
		}
		y, n = atoiYear(sp.value), sp.end
	}
	return cand{start: i, end: n, kind: Absolute, gran: Season, value: seasonStr(y, code)}, true
}

// matchCentury reads "the 20th century", "the nineteenth century".
func (s *scanner) matchCentury(i int) (cand, bool) {
	j := i
	if s.word(j) == "the" {
		j++
	}
	n := ordinals[s.word(j)]
	if t := s.tok(j); n == 0 && t != nil && t.kind == tNum && len(t.low) <= 2 && s.adj(j, j+1) && ordinalSuffix[s.word(j+1)] {
		n = t.num
		j++
	}
	if n < 1 || n > 30 {
		return cand{}, false
	}
	if s.word(j+1) != "century" {
		return cand{}, false
	}
	return cand{start: i, end: j + 2, kind: Absolute, gran: Century, value: pad(n-1, 2)}, true
}

// matchVague reads TimeML's vague references: "now", "currently",
// "recently", "the future", "the past", "at the time" (its "the time").
func (s *scanner) matchVague(i int) (cand, bool) {
	w := s.word(i)
	vague := func(end int, v string) (cand, bool) {
		return cand{start: i, end: end, kind: Relative, gran: Vague, value: v, note: "vague reference (TimeML)"}, true
	}
	switch w {
	case "the":
		switch s.word(i + 1) {
		case "future":
			return vague(i+2, "FUTURE_REF")
		case "past":
			if n := s.tok(i + 2); n == nil || n.kind != tWord || !(units[n.low] != uNone || ordinals[n.low] != 0) {
				return vague(i+2, "PAST_REF")
			}
		case "time":
			if s.word(i-1) == "at" {
				return vague(i+2, "PAST_REF")
			}
		}
		return cand{}, false
	case "these":
		if s.word(i+1) == "days" {
			return vague(i+2, "PRESENT_REF")
		}
		return cand{}, false
	case "recent":
		if u := units[s.word(i+1)]; u != uNone && strings.HasSuffix(s.word(i+1), "s") {
			return vague(i+2, "PAST_REF")
		}
		return cand{}, false
	}
	if v, ok := vagueWords[w]; ok {
		return vague(i+1, v)
	}
	return cand{}, false
}

// matchHoliday reads a holiday name with an optional year: "Christmas",
// "Thanksgiving Day", "New Year's Eve 2015".
func (s *scanner) matchHoliday(i int) (cand, bool) {
	if !s.toks[i].upper {
		return cand{}, false
	}
	for _, h := range holidays {
		j := i
		ok := true
		for _, w := range h.words {
			if t := s.tok(j); t == nil || t.low != w || (j > i && !s.adjOrSpace(j-1, j)) {
				ok = false
				break
			}
			j++
		}
		if !ok {
			continue
		}
		hd := h.date
		if y, n, ok := s.yearAfterDate(j); ok {
			return cand{start: i, end: n, kind: Absolute, gran: Day, value: dayStr(hd(y))}, true
		}
		return cand{start: i, end: j, kind: Partial, gran: Day, directional: true,
			res: func(ref time.Time, future bool) (string, string) {
				y := ref.Year()
				t := hd(y)
				if future && t.Before(ref) {
					t = hd(y + 1)
				}
				if !future && t.After(ref) {
					t = hd(y - 1)
				}
				return dayStr(t), "holiday: closest one " + tenseWord(future) + " the publication date"
			}}, true
	}
	return cand{}, false
}

// adjOrSpace reports whether tokens i and j are separated by nothing or by
// spaces only (not a line break).
func (s *scanner) adjOrSpace(i, j int) bool {
	gap := s.text[s.toks[i].end:s.toks[j].start]
	return !strings.ContainsAny(gap, "\n\r")
}

// matchSpelledYear reads years spelled out in transcripts: "nineteen
// ninety-six", "nineteen eighty", "the year two thousand".
func (s *scanner) matchSpelledYear(i int) (cand, bool) {
	switch s.word(i) {
	case "the":
		if s.word(i+1) == "year" {
			if c, ok := s.matchSpelledYear(i + 1); ok {
				c.start = i // "the year two thousand"
				return c, true
			}
		}
	case "nineteen":
		tens := numberWords[s.word(i+1)]
		if tens < 20 || tens > 90 || tens%10 != 0 {
			return cand{}, false
		}
		y, end := 1900+tens, i+2
		if s.dash(end) && s.adj(end-1, end) {
			if u := numberWords[s.word(end+1)]; u >= 1 && u <= 9 && s.word(end+1) != "a" && s.word(end+1) != "an" {
				y, end = y+u, end+2
			}
		}
		return cand{start: i, end: end, kind: Absolute, gran: Year, value: yearStr(y)}, true
	case "year":
		if s.word(i+1) == "two" && s.word(i+2) == "thousand" {
			y, end := 2000, i+3
			if u := numberWords[s.word(end)]; u >= 1 && u <= 19 && s.word(end) != "a" && s.word(end) != "an" {
				y, end = y+u, end+1
			} else if s.word(end) == "and" && numberWords[s.word(end+1)] >= 1 && numberWords[s.word(end+1)] <= 19 && s.word(end+1) != "a" {
				y, end = y+numberWords[s.word(end+1)], end+2
			}
			return cand{start: i, end: end, kind: Absolute, gran: Year, value: yearStr(y)}, true
		}
	}
	return cand{}, false
}

// atoiYear parses a four-digit year value.
func atoiYear(v string) int {
	y := 0
	for i := 0; i < len(v) && i < 4; i++ {
		y = y*10 + int(v[i]-'0')
	}
	return y
}
