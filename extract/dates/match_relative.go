package dates

// match_relative.go: expressions relative to the publication date:
// weekdays, today/yesterday, "last week", "two days ago", "year-ago".

import "time"

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
