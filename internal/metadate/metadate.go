package metadate

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar day.
type Date struct{ Year, Month, Day int }

// String formats d as YYYY-MM-DD.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// Time is d at midnight UTC.
func (d Date) Time() time.Time {
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
}

// Make returns the date y-m-d when it exists and lies between 1800 and
// 2200.
func Make(y, m, d int) (Date, bool) {
	if y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 {
		return Date{}, false
	}
	if time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Day() != d {
		return Date{}, false
	}
	return Date{y, m, d}, true
}

// MonthPattern matches an English month name or abbreviation.
const MonthPattern = `(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`

var (
	// reISO: 2017-11-16, 2017-11-16T14:15, 2017-11-16 14:15:09.123+0000,
	// 2017-11-16T14:15:09Z, 2017-11-16T14:15:09+01:00.
	reISO   = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[T ]|\s+)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?|[A-Z]{2,5})?)?$`)
	reBasic = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})(?:T?\d{2}(?:\d{2}(?:\d{2})?)?(?:Z|[+-]\d{4})?)?$`)
	reMDY   = regexp.MustCompile(`(?i)\b` + MonthPattern + `\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	reDMY   = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + MonthPattern + `\.?,?\s+(\d{4})\b`)
	reYMD   = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	reSlash = regexp.MustCompile(`\b(\d{4})/(\d{1,2})/(\d{1,2})\b`)
	// reUnix: "Fri Mar 13 21:30:09 EST 2015" (date(1), JavaScript's
	// Date.toString: "Thu Sep 16 2021 03:52:10 GMT+0000").
	reUnix = regexp.MustCompile(`(?i)^(?:[a-z]{3},?\s+)?` + MonthPattern + `\s+(\d{1,2})\s+(?:(\d{4})\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s+[A-Z]{2,5}[+-]?\d{0,4})?(?:\s+(\d{4}))?`)
)

// Parse reads a metadata date or timestamp and returns its calendar day.
func Parse(s string) (Date, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, false
	}
	if m := reISO.FindStringSubmatch(s); m != nil {
		return Make(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	if m := reBasic.FindStringSubmatch(s); m != nil {
		return Make(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	for _, layout := range []string{time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC, time.UnixDate, time.RubyDate,
		"Mon, 2 Jan 2006 15:04:05 MST", "Mon, 2 Jan 2006 15:04:05 -0700", "2 Jan 2006 15:04:05 -0700"} {
		if t, err := time.Parse(layout, s); err == nil {
			return Make(t.Year(), int(t.Month()), t.Day())
		}
	}
	if m := reUnix.FindStringSubmatch(s); m != nil {
		y := m[3]
		if y == "" {
			y = m[4]
		}
		if y != "" {
			return Make(atoi(y), MonthNumber(m[1]), atoi(m[2]))
		}
	}
	if d, at, ok := Find(s); ok && at <= 20 {
		return d, true
	}
	return Date{}, false
}

// Normalize returns s as YYYY-MM-DD when Parse reads it.
func Normalize(s string) (string, bool) {
	d, ok := Parse(s)
	if !ok {
		return "", false
	}
	return d.String(), true
}

// Find returns the first full calendar date written in running text s
// ("March 13, 2015", "13 March 2015", 2015-03-13, 2015/03/13) and its byte
// position.
func Find(s string) (Date, int, bool) {
	best, bestAt := Date{}, -1
	try := func(at int, x Date, ok bool) {
		if ok && (bestAt < 0 || at < bestAt) {
			best, bestAt = x, at
		}
	}
	if m := reMDY.FindStringSubmatchIndex(s); m != nil {
		x, ok := Make(atoi(s[m[6]:m[7]]), MonthNumber(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]))
		try(m[0], x, ok)
	}
	if m := reDMY.FindStringSubmatchIndex(s); m != nil {
		x, ok := Make(atoi(s[m[6]:m[7]]), MonthNumber(s[m[4]:m[5]]), atoi(s[m[2]:m[3]]))
		try(m[0], x, ok)
	}
	for _, re := range []*regexp.Regexp{reYMD, reSlash} {
		if m := re.FindStringSubmatchIndex(s); m != nil {
			x, ok := Make(atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]]))
			try(m[0], x, ok)
		}
	}
	return best, bestAt, bestAt >= 0
}

// MonthNumber returns 1-12 for an English month name or abbreviation of
// at least three letters (a trailing dot allowed), else 0.
func MonthNumber(s string) int {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if len(s) < 3 {
		return 0
	}
	for i, m := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if strings.HasPrefix(s, m) {
			return i + 1
		}
	}
	return 0
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }
