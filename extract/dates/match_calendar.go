package dates

// match_calendar.go: calendar dates: numeric (2016-12-22, 12/22/2016),
// month first ("December 22, 2016"), day first ("22 December"), years and
// spelled-out years.

import "time"

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
