package dates

import (
	"strconv"
	"time"
)

// date returns midnight UTC of the given day; out-of-range days normalize
// as in time.Date.
func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// validDay reports whether day d exists in month m of year y.
func validDay(y int, m time.Month, d int) bool {
	return d >= 1 && d <= 31 && date(y, m, d).Month() == m
}

func pad(n, width int) string {
	neg := n < 0
	if neg {
		n = -n
	}
	s := strconv.Itoa(n)
	for len(s) < width {
		s = "0" + s
	}
	if neg {
		s = "-" + s
	}
	return s
}

func yearStr(y int) string                     { return pad(y, 4) }
func monthStr(y int, m time.Month) string      { return pad(y, 4) + "-" + pad(int(m), 2) }
func dayStr(t time.Time) string                { return t.Format("2006-01-02") }
func quarterStr(y, q int) string               { return pad(y, 4) + "-Q" + strconv.Itoa(q) }
func seasonStr(y int, code string) string      { return pad(y, 4) + "-" + code }
func decadeStr(y int) string                   { return pad(y/10, 3) }
func weekStr(t time.Time) string               { y, w := t.ISOWeek(); return pad(y, 4) + "-W" + pad(w, 2) }
func weekendStr(t time.Time) string            { return weekStr(t) + "-WE" }
func refNote(ref time.Time, how string) string { return how + " of " + dayStr(ref) }

// monthDay resolves a month and day without a year: the closest occurrence
// on or before ref, or on or after it when future.
func monthDay(ref time.Time, m time.Month, d int, future bool) time.Time {
	y := ref.Year()
	step := -1
	if future {
		step = 1
	}
	t := date(y, m, d)
	if (!future && t.After(ref)) || (future && t.Before(ref)) {
		y += step
	}
	for i := 0; i < 8 && !validDay(y, m, d); i++ { // 29 February
		y += step
	}
	return date(y, m, d)
}

// monthOnly resolves a bare month: the closest month on or before ref's
// month, or on or after it when future.
func monthOnly(ref time.Time, m time.Month, future bool) int {
	y := ref.Year()
	if !future && m > ref.Month() {
		y--
	}
	if future && m < ref.Month() {
		y++
	}
	return y
}

// lastMonthNamed resolves "last <month>": the most recent such month
// strictly before ref's month, except that when that is the month just past
// (or the current month) it is the previous year's: a writer meaning the
// month just past says "last month" or "in November".
func lastMonthNamed(ref time.Time, m time.Month) (int, string) {
	y := ref.Year()
	if m >= ref.Month() {
		y--
	}
	prev := ref.Month() - 1
	if prev == 0 {
		prev = 12
	}
	if m == ref.Month() || m == prev {
		return ref.Year() - 1, "\"last\" + the current or just-past month: the previous year's"
	}
	return y, "\"last\" + month: the most recent one before the publication month"
}

// nextMonthNamed resolves "next <month>": the first such month after ref's
// month.
func nextMonthNamed(ref time.Time, m time.Month) int {
	if m > ref.Month() {
		return ref.Year()
	}
	return ref.Year() + 1
}

// weekday resolves a weekday name: the closest such day on or before ref
// (after it when future). strict excludes ref itself ("last Friday").
func weekday(ref time.Time, wd time.Weekday, future, strict bool) time.Time {
	if future {
		delta := (int(wd) - int(ref.Weekday()) + 7) % 7
		if delta == 0 && strict {
			delta = 7
		}
		return ref.AddDate(0, 0, delta)
	}
	delta := (int(ref.Weekday()) - int(wd) + 7) % 7
	if delta == 0 && strict {
		delta = 7
	}
	return ref.AddDate(0, 0, -delta)
}

// quarterOf returns the quarter (1-4) of month m.
func quarterOf(m time.Month) int { return (int(m)-1)/3 + 1 }

// shiftQuarter moves quarter q of year y by n quarters.
func shiftQuarter(y, q, n int) (int, int) {
	i := y*4 + (q - 1) + n
	return i / 4, i%4 + 1
}

// reportedQuarter is the quarter a news report most likely means by "the
// quarter": the one just ended during the first 50 days of a quarter (the
// earnings season), else the current one.
func reportedQuarter(ref time.Time) (int, int) {
	q := quarterOf(ref.Month())
	start := date(ref.Year(), time.Month((q-1)*3+1), 1)
	if ref.Sub(start) < 50*24*time.Hour {
		return shiftQuarter(ref.Year(), q, -1)
	}
	return ref.Year(), q
}

// seasonStart returns the first month of a season code.
func seasonStart(code string) time.Month {
	switch code {
	case "SP":
		return 3
	case "SU":
		return 6
	case "FA":
		return 9
	}
	return 12
}

// seasonYear resolves "last", "this" or "next" season (dir -1, 0, +1): the
// year in which that season starts.
func seasonYear(ref time.Time, code string, dir int) int {
	y := ref.Year()
	start := date(y, seasonStart(code), 1)
	if code == "WI" && ref.Month() <= 2 {
		start = date(y-1, 12, 1) // this winter began last December
		y--
	}
	switch dir {
	case -1: // the most recent season that has ended
		if !ref.Before(start.AddDate(0, 3, 0)) {
			return y
		}
		return y - 1
	case 1:
		if ref.Before(start) {
			return y
		}
		return y + 1
	}
	return y
}
