package graph

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// dayLayout is the layout of a day: 2006-01-02.
const dayLayout = "2006-01-02"

// Window divides time into consecutive periods that do not overlap
// (tumbling windows): calendar days, ISO weeks, months or years, or runs of
// N days starting at an anchor day. Every dated observation falls in
// exactly one period, so the weights of a tie's periods add up to its
// weight over the whole time frame.
type Window struct {
	// Unit is "day", "week", "month", "year" or "days" (N days).
	Unit string
	// N is the length in days when Unit is "days".
	N int
}

// Window units.
const (
	UnitDay   = "day"
	UnitWeek  = "week"
	UnitMonth = "month"
	UnitYear  = "year"
	UnitDays  = "days"
)

// ParseWindow reads a window: day, week, month, year, or a length such as
// 30d, 2w (14 days) or 1d. Calendar units follow the calendar (weeks start
// on Monday, ISO 8601); lengths count days from the time frame's start.
func ParseWindow(s string) (Window, error) {
	v := strings.ToLower(strings.TrimSpace(s))
	switch v {
	case UnitDay, "daily":
		return Window{Unit: UnitDay}, nil
	case UnitWeek, "weekly":
		return Window{Unit: UnitWeek}, nil
	case UnitMonth, "monthly":
		return Window{Unit: UnitMonth}, nil
	case UnitYear, "yearly":
		return Window{Unit: UnitYear}, nil
	}
	if len(v) >= 2 {
		mult := 0
		switch v[len(v)-1] {
		case 'd':
			mult = 1
		case 'w':
			mult = 7
		}
		if n, err := strconv.Atoi(v[:len(v)-1]); err == nil && mult > 0 && n > 0 && n <= 100000 {
			return Window{Unit: UnitDays, N: n * mult}, nil
		}
	}
	return Window{}, fmt.Errorf("graph: window %q: want day, week, month, year or a length such as 30d or 2w", s)
}

// String returns the window as ParseWindow reads it.
func (w Window) String() string {
	if w.Unit == UnitDays {
		return strconv.Itoa(w.N) + "d"
	}
	return w.Unit
}

// Period is one window of time: a key and its first and last days
// (inclusive, YYYY-MM-DD).
type Period struct {
	// Key names the period: 2016-12-20 (day), 2016-W51 (week), 2016-12
	// (month), 2016 (year), or the first day for N-day windows.
	Key   string `json:"period"`
	Start string `json:"start"`
	End   string `json:"end"`
}

// periodOf returns the period of w that holds day; anchor is the first day
// of the first N-day window.
func (w Window) periodOf(day, anchor time.Time) Period {
	var start, end time.Time
	var key string
	switch w.Unit {
	case UnitWeek:
		start = day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
		end = start.AddDate(0, 0, 6)
		y, wk := start.ISOWeek()
		key = fmt.Sprintf("%04d-W%02d", y, wk)
	case UnitMonth:
		start = time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, time.UTC)
		end = start.AddDate(0, 1, -1)
		key = start.Format("2006-01")
	case UnitYear:
		start = time.Date(day.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		end = start.AddDate(1, 0, -1)
		key = start.Format("2006")
	case UnitDays:
		n := int(day.Sub(anchor).Hours() / 24)
		k := n / w.N
		if n < 0 && n%w.N != 0 {
			k--
		}
		start = anchor.AddDate(0, 0, k*w.N)
		end = start.AddDate(0, 0, w.N-1)
		key = start.Format(dayLayout)
	default: // day
		start, end = day, day
		key = day.Format(dayLayout)
	}
	return Period{Key: key, Start: start.Format(dayLayout), End: end.Format(dayLayout)}
}

// TimeFrame selects a time span and the window that divides it. Since and
// Until are days (YYYY-MM-DD) or coarser dates (YYYY-MM, YYYY: Since from
// its first day, Until to its last), both inclusive, either may be empty.
// The zero Window means months.
type TimeFrame struct {
	Since, Until string
	Window       Window

	// since and until as days, anchor the first day of N-day windows.
	since, until, anchor time.Time
}

// Validate reads Since and Until and reports a malformed date or an empty
// span (Since after Until).
func (f *TimeFrame) Validate() error {
	if f.Window.Unit == "" {
		f.Window = Window{Unit: UnitMonth}
	}
	if f.Window.Unit == UnitDays && f.Window.N <= 0 {
		return fmt.Errorf("graph: window of %d days", f.Window.N)
	}
	var err error
	if f.Since != "" {
		if f.since, _, err = dateBounds(f.Since); err != nil {
			return fmt.Errorf("graph: since %q: %w", f.Since, err)
		}
	}
	if f.Until != "" {
		if _, f.until, err = dateBounds(f.Until); err != nil {
			return fmt.Errorf("graph: until %q: %w", f.Until, err)
		}
	}
	if f.Since != "" && f.Until != "" && f.until.Before(f.since) {
		return fmt.Errorf("graph: since %s is after until %s: the time frame is empty", f.Since, f.Until)
	}
	return nil
}

// contains reports whether day lies within the frame.
func (f *TimeFrame) contains(day time.Time) bool {
	if !f.since.IsZero() && day.Before(f.since) {
		return false
	}
	if !f.until.IsZero() && day.After(f.until) {
		return false
	}
	return true
}

// Period returns the period of the frame's window that holds day
// (YYYY-MM-DD); ok is false for a malformed day.
func (f *TimeFrame) Period(day string) (p Period, ok bool) {
	t, err := time.Parse(dayLayout, day)
	if err != nil {
		return Period{}, false
	}
	return f.Window.periodOf(t, f.anchor), true
}

// dateBounds returns the first and last day of a date written YYYY,
// YYYY-MM or YYYY-MM-DD.
func dateBounds(v string) (first, last time.Time, err error) {
	switch len(v) {
	case 10:
		t, err := time.Parse(dayLayout, v)
		return t, t, err
	case 7:
		t, err := time.Parse("2006-01", v)
		return t, t.AddDate(0, 1, -1), err
	case 4:
		t, err := time.Parse("2006", v)
		return t, t.AddDate(1, 0, -1), err
	}
	return time.Time{}, time.Time{}, fmt.Errorf("want YYYY-MM-DD, YYYY-MM or YYYY")
}

// dayOf places a normalized date value (YYYY, YYYY-MM, YYYY-MM-DD or
// START/END) on one day: the day itself; for a coarser date or a range,
// the publication day when it lies within it, else the first day. It
// returns "" when v is not a date.
func dayOf(v, published string) string {
	lo, hi := v, v
	if i := strings.IndexByte(v, '/'); i >= 0 {
		lo, hi = v[:i], v[i+1:]
	}
	if len(lo) == 10 && lo == hi {
		return lo
	}
	first, _, err := dateBounds(lo)
	if err != nil {
		return ""
	}
	_, last, err := dateBounds(hi)
	if err != nil {
		return ""
	}
	if p, err := time.Parse(dayLayout, published); err == nil && !p.Before(first) && !p.After(last) {
		return published
	}
	return first.Format(dayLayout)
}

// nextDay returns the day after day (YYYY-MM-DD), "" for a malformed day.
func nextDay(day string) string {
	t, err := time.Parse(dayLayout, day)
	if err != nil {
		return ""
	}
	return t.AddDate(0, 0, 1).Format(dayLayout)
}
