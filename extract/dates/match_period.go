package dates

// match_period.go: periods and references: quarters, seasons, centuries,
// TimeML's vague references ("now", "recently") and holidays.

import (
	"strings"
	"time"
)

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
