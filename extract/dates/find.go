package dates

import (
	"strings"
	"sync"
	"time"

	"github.com/entente-nlp/entente/pipeline"
)

// Kinds of temporal expression, as stored in pipeline.TimeExpr.Kind.
const (
	Absolute = "absolute"
	Partial  = "partial"
	Relative = "relative"
	Range    = "range"
)

// Granularities, as stored in pipeline.TimeExpr.Granularity. Ranges carry
// the granularity of their endpoints.
const (
	Day     = "day"
	Week    = "week"
	Month   = "month"
	Quarter = "quarter"
	Season  = "season"
	Year    = "year"
	Decade  = "decade"
	Century = "century"
	Vague   = "vague"
)

// Options configure a Finder.
type Options struct {
	// Vague also reports TimeML's vague references ("now", "currently",
	// "recently", "the future") with the values PRESENT_REF, PAST_REF and
	// FUTURE_REF. Off by default: they are not dates and would add values
	// that are not calendar dates to the output.
	Vague bool `mapstructure:"vague"`
}

// Finder finds and normalizes temporal expressions. It holds no mutable
// state and is safe for concurrent use.
type Finder struct {
	opts Options
}

// NewFinder returns a Finder with the given options.
func NewFinder(opts Options) *Finder { return &Finder{opts: opts} }

// Find returns the temporal expressions of text in text order, with byte
// spans into text. ref is the publication date and known says whether
// there is one: without it, relative and partial expressions get an empty
// Value and a Note saying why, and are never resolved against the clock.
// Only ref's calendar date matters.
func (f *Finder) Find(text string, ref time.Time, known bool) []pipeline.TimeExpr {
	buf := tokenPool.Get().(*[]token)
	defer func() {
		if cap(*buf) <= 1<<16 {
			tokenPool.Put(buf)
		}
	}()
	*buf = tokenizeInto((*buf)[:0], text)
	s := &scanner{text: text, toks: *buf, known: known, opts: f.opts}
	if known {
		s.ref = time.Date(ref.Year(), ref.Month(), ref.Day(), 0, 0, 0, 0, time.UTC)
	}
	var out []pipeline.TimeExpr
	for i := 0; i < len(s.toks); {
		c, ok := s.best(i, true)
		if !ok {
			i++
			continue
		}
		out = append(out, s.emit(c))
		i = c.end
	}
	return out
}

// tokenPool recycles token slices between Find calls: tokens do not
// outlive a call.
var tokenPool = sync.Pool{New: func() any { b := make([]token, 0, 1024); return &b }}

// scanner holds one Find call's text, tokens and reference date.
type scanner struct {
	text  string
	toks  []token
	ref   time.Time
	known bool
	opts  Options
}

// cand is a recognized expression over tokens [start, end) with what it
// takes to resolve it.
type cand struct {
	start, end int
	kind, gran string
	// value is set for expressions that need no reference date.
	value string
	// note explains an absolute reading (for example an ambiguous numeric
	// date).
	note string
	// res resolves the expression against the reference date; future says
	// whether the clause points to the future. nil when value is set.
	res func(ref time.Time, future bool) (value, note string)
	// directional says the resolution depends on the clause's tense.
	directional bool
}

// matcher recognizes an expression starting at token i.
type matcher func(s *scanner, i int) (cand, bool)

// best returns the longest expression starting at token i. withMods allows
// matchers that wrap others (modifiers, ranges).
func (s *scanner) best(i int, withMods bool) (cand, bool) {
	var b cand
	found := false
	try := func(m matcher) {
		if c, ok := m(s, i); ok && (!found || c.end > b.end) {
			b, found = c, true
		}
	}
	t := &s.toks[i]
	switch t.kind {
	case tNum:
		try((*scanner).matchNumeric)
		try((*scanner).matchDayFirst)
		try((*scanner).matchYear)
		try((*scanner).matchCentury)
		try((*scanner).amountAgo)
	case tWord:
		if useStarters && !starters[t.low] {
			return b, false
		}
		try((*scanner).matchMonthFirst)
		try((*scanner).matchRelative)
		try((*scanner).matchWeekday)
		try((*scanner).matchQuarter)
		try((*scanner).matchSeason)
		try((*scanner).matchHoliday)
		try((*scanner).matchSpelledYear)
		try((*scanner).matchCentury)
		if s.opts.Vague {
			try((*scanner).matchVague)
		}
		if withMods {
			try((*scanner).matchModified)
			try((*scanner).matchRange)
		}
	}
	return b, found
}

// emit resolves c into a TimeExpr.
func (s *scanner) emit(c cand) pipeline.TimeExpr {
	te := pipeline.TimeExpr{
		Span:        pipeline.Span{Start: s.toks[c.start].start, End: s.toks[c.end-1].end},
		Granularity: c.gran,
		Kind:        c.kind,
	}
	switch {
	case c.res == nil:
		te.Value, te.Note = c.value, c.note
	case !s.known:
		te.Note = "unresolved: " + c.kind + " expression and no publication date to anchor it"
	default:
		future, cue, weak := false, "", false
		if c.directional {
			future, cue, weak = s.tense(c.start, c.end)
		}
		te.Value, te.Note = c.res(s.ref, future)
		if c.directional && (cue == "" || weak) {
			// Without a cue before it, the past reading holds unless the
			// future one is much nearer: news gives the year of a date
			// almost a year back, not of one in the coming weeks. A cue
			// after the expression only tips the balance ("December 20
			// will go down in history", two days after December 20).
			k := nearFactor
			if future {
				k = 1
			}
			pv, pn := c.res(s.ref, false)
			fv, fn := c.res(s.ref, true)
			if muchNearer(fv, pv, s.ref, k) {
				te.Value, te.Note = fv, fn+"; the future reading is much nearer than the past one"
			} else {
				te.Value, te.Note = pv, pn
			}

		}
		switch {
		case cue != "" && weak:
			te.Note += "; tense cue " + quote(cue) + " after the expression"
		case cue != "":
			te.Note += "; tense cue " + quote(cue)
		}
	}
	return te
}

// tense reports whether the clause around tokens [start, end) points to the
// future, and the cue word that decided. The nearest cue before the
// expression wins, else the nearest one after it; without a cue the past
// reading holds (news reports what happened). weak says the cue came after
// the expression.
func (s *scanner) tense(start, end int) (future bool, cue string, weak bool) {
	words := 0
	for i := start - 1; i >= 0 && words < 12; i-- {
		t := &s.toks[i]
		if s.boundaryAfter(i) {
			break
		}
		if t.kind != tWord {
			continue
		}
		words++
		if futureCue[t.low] {
			return true, t.low, false
		}
		if pastCue[t.low] {
			return false, t.low, false
		}
	}
	words = 0
	for i := end; i < len(s.toks) && words < 6; i++ {
		if s.boundaryAfter(i - 1) {
			break
		}
		t := &s.toks[i]
		if t.kind != tWord {
			continue
		}
		words++
		if futureCue[t.low] {
			return true, t.low, true
		}
		if pastCue[t.low] {
			return false, t.low, true
		}
	}
	return false, "", false
}

// nearFactor is how many times nearer the future reading of a partial date
// must be than the past one to win without a tense cue.
const nearFactor = 4

// muchNearer reports whether value a starts more than k times nearer to ref
// than value b. Values that do not start with a calendar date never are.
func muchNearer(a, b string, ref time.Time, k int) bool {
	ta, oka := valueStart(a)
	tb, okb := valueStart(b)
	if !oka || !okb {
		return false
	}
	return absDur(ta.Sub(ref))*time.Duration(k) < absDur(tb.Sub(ref))
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// valueStart parses the start of a YYYY-MM-DD or YYYY-MM value (a month
// counts from its middle).
func valueStart(v string) (time.Time, bool) {
	if len(v) >= 10 {
		if t, err := time.Parse("2006-01-02", v[:10]); err == nil {
			return t, true
		}
	}
	if len(v) >= 7 {
		if t, err := time.Parse("2006-01", v[:7]); err == nil {
			return t.AddDate(0, 0, 14), true
		}
	}
	return time.Time{}, false
}

// boundaryAfter reports whether a sentence ends after token i: a full stop
// that does not close an abbreviation, '!', '?', ';', or a blank line.
func (s *scanner) boundaryAfter(i int) bool {
	if i < 0 || i+1 >= len(s.toks) {
		return true
	}
	t := &s.toks[i]
	if strings.Contains(s.text[t.end:s.toks[i+1].start], "\n\n") {
		return true
	}
	if t.kind != tPunct {
		return false
	}
	switch t.low {
	case "!", "?", ";":
		return true
	case ".":
		if i > 0 {
			p := &s.toks[i-1]
			if p.kind == tWord && p.end == t.start && p.upper && len(p.low) <= 4 {
				return false // Dec. Mr. U.S.
			}
		}
		return true
	}
	return false
}

func quote(s string) string { return "\"" + s + "\"" }
