package dates

// match_range.go: ranges ("between X and Y", "from X to Y") and modified
// expressions ("early 2016", "the end of March").

import "time"

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
