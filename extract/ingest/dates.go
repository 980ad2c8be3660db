package ingest

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

const month = `(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`

var (
	reMDY   = regexp.MustCompile(`(?i)\b` + month + `\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	reDMY   = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + month + `\.?,?\s+(\d{4})\b`)
	reISO   = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	reSlash = regexp.MustCompile(`\b(\d{4})/(\d{1,2})/(\d{1,2})\b`)
	// reWire is a news-agency dateline: "MOSCOW, Dec. 22 (Reuters) -".
	// reWirePlace is a dateline without a date: "WASHINGTON (AP) —".
	reWirePlace = regexp.MustCompile(`^([\p{Lu}][\p{Lu} .'’-]{1,40}?(?:,\s*[\p{Lu}][\p{L} .]{1,30}?)?)\s*\(([^)]{2,30})\)\s*[-–—]`)
	reWire      = regexp.MustCompile(`^([\p{Lu}][\p{Lu} .'’-]{1,40}?(?:,\s*[\p{Lu}][\p{L} .]{1,30}?)?),?\s+` + `(?i:` + month + `)` + `\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?\s*(?:\(([^)]{2,30})\))?\s*[-–—]`)
)

// date is a calendar date found in text.
type date struct {
	y, m, d int
}

func (x date) String() string { return fmt.Sprintf("%04d-%02d-%02d", x.y, x.m, x.d) }

func makeDate(y, m, d int) (date, bool) {
	if y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 {
		return date{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return date{}, false
	}
	return date{y, m, d}, true
}

func monthNumber(s string) int {
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

// findDate returns the first full calendar date in s (month names, ISO
// or YYYY/MM/DD), with its position.
func findDate(s string) (date, int, bool) {
	best, bestAt := date{}, -1
	try := func(at int, x date, ok bool) {
		if ok && (bestAt < 0 || at < bestAt) {
			best, bestAt = x, at
		}
	}
	if m := reMDY.FindStringSubmatchIndex(s); m != nil {
		x, ok := makeDate(atoi(s[m[6]:m[7]]), monthNumber(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]))
		try(m[0], x, ok)
	}
	if m := reDMY.FindStringSubmatchIndex(s); m != nil {
		x, ok := makeDate(atoi(s[m[6]:m[7]]), monthNumber(s[m[4]:m[5]]), atoi(s[m[2]:m[3]]))
		try(m[0], x, ok)
	}
	for _, re := range []*regexp.Regexp{reISO, reSlash} {
		if m := re.FindStringSubmatchIndex(s); m != nil {
			x, ok := makeDate(atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]]))
			try(m[0], x, ok)
		}
	}
	return best, bestAt, bestAt >= 0
}

// NormalizeDate turns a date or timestamp (RFC 3339, RFC 1123, ISO,
// "December 22, 2016", "22 Dec 2016", ...) into YYYY-MM-DD. A timestamp
// keeps the calendar day of its own time zone.
func NormalizeDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false
	}
	for _, layout := range []string{time.RFC3339Nano, time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC,
		"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04:05 -0700",
		"2006-01-02T15:04:05-0700", "2006-01-02", "2006/01/02", "20060102", "Mon, 2 Jan 2006 15:04:05 MST"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02"), true
		}
	}
	if x, at, ok := findDate(s); ok && at <= 20 {
		return x.String(), true
	}
	return "", false
}
