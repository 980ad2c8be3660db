package dates

import "time"

// monthFull maps full month names to their number.
var monthFull = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}

// lowerAmbiguous lists month names that are ordinary words in lower case.
var lowerAmbiguous = map[string]bool{"may": true, "march": true, "august": true}

// monthAbbr maps month abbreviations (used with a day or a year) to their
// number.
var monthAbbr = map[string]time.Month{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// weekdays maps weekday names to time.Weekday.
var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// seasons maps season words to TimeML season codes.
var seasons = map[string]string{
	"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}

// numberWords maps small cardinal words to values; "a" and "an" count one.
var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// ordinals maps ordinal words and suffixed numerals to their value.
var ordinals = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
	"fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
	"nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}

// ordinalSuffix lists the suffixes that may follow a day number ("22nd").
var ordinalSuffix = map[string]bool{"st": true, "nd": true, "rd": true, "th": true}

// units maps calendar unit words (singular and plural) to a unit.
var units = map[string]unit{
	"day": uDay, "days": uDay, "week": uWeek, "weeks": uWeek, "month": uMonth, "months": uMonth,
	"year": uYear, "years": uYear, "decade": uDecade, "decades": uDecade,
	"quarter": uQuarter, "quarters": uQuarter,
}

// unit is a calendar unit.
type unit uint8

const (
	uNone unit = iota
	uDay
	uWeek
	uMonth
	uQuarter
	uYear
	uDecade
)

// yearCue lists words that, right before a bare number, make it a year
// whatever follows ("in 2007", "since 1990", "fiscal 1989").
var yearCue = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "from": true, "through": true,
	"of": true, "during": true, "after": true, "before": true, "between": true, "year": true,
	"fiscal": true, "early": true, "late": true, "mid": true, "end": true, "spring": true,
	"summer": true, "fall": true, "autumn": true, "winter": true, "circa": true,
	"throughout": true, "beginning": true, "start": true, "middle": true, "by": true,
}

// numberLabel lists words after which a number is a label, not a year
// ("flight 2007", "page 1990").
var numberLabel = map[string]bool{
	"no": true, "number": true, "nos": true, "flight": true, "route": true, "page": true,
	"pages": true, "room": true, "model": true, "version": true, "resolution": true,
	"article": true, "section": true, "chapter": true, "channel": true, "highway": true,
	"suite": true, "box": true, "item": true, "code": true, "index": true, "dow": true,
	"at": true, "to": true, "about": true, "than": true, "over": true, "under": true,
	"some": true, "nearly": true, "almost": true, "approximately": true, "roughly": true,
}

// yearFollow lists lower-case words that may follow a bare year without
// making it a count ("2007 people" is a count; "2007 and" is not).
var yearFollow = map[string]bool{
	"and": true, "or": true, "to": true, "when": true, "as": true, "but": true, "in": true,
	"on": true, "at": true, "for": true, "with": true, "was": true, "were": true, "is": true,
	"has": true, "had": true, "will": true, "after": true, "before": true, "until": true,
	"through": true, "election": true, "elections": true,
	"period": true, "budget": true, "season": true, "census": true, "figures": true, "while": true,
	"because": true, "where": true, "that": true, "which": true, "so": true, "if": true,
	"compared": true, "from": true, "against": true, "by": true, "of": true, "than": true,
	"quarter": true, "earnings": true, "results": true, "war": true, "summer": true, "fall": true,
	"spring": true, "winter": true, "olympics": true, "report": true, "agreement": true,
	"accord": true, "law": true, "act": true, "coup": true, "invasion": true, "attack": true,
	"attacks": true, "bombing": true, "bombings": true, "crisis": true, "visit": true,
}

// monthCue lists words that, right before a bare month name, make it a
// month rather than a verb or a name ("in May", not "May I").
var monthCue = map[string]bool{
	"in": true, "since": true, "by": true, "until": true, "till": true, "from": true, "to": true,
	"through": true, "of": true, "during": true, "after": true, "before": true, "between": true,
	"and": true, "or": true, "early": true, "late": true, "mid": true, "last": true, "next": true,
	"this": true, "that": true, "each": true, "every": true, "end": true, "throughout": true,
	"for": true, "on": true, "beginning": true, "start": true, "middle": true, "coming": true,
}

// futureCue lists words that, before a date in its clause, point to the
// future; pastCue words point to the past. The nearest cue wins.
var futureCue = map[string]bool{
	"will": true, "ll": true, "shall": true, "next": true, "coming": true, "upcoming": true,
	"expected": true, "expects": true, "expect": true, "scheduled": true, "planned": true,
	"plans": true, "due": true, "effective": true, "payable": true, "tomorrow": true,
	"slated": true, "would": true, "matures": true, "maturing": true, "deadline": true,
	"won't": true, "going": true,
}

// pastCue words point to the past.
var pastCue = map[string]bool{
	"said": true, "was": true, "were": true, "had": true, "did": true, "ago": true, "last": true,
	"earlier": true, "since": true, "announced": true, "reported": true, "told": true,
	"yesterday": true, "began": true, "ended": true, "closed": true, "rose": true, "fell": true,
	"killed": true, "met": true, "signed": true, "visited": true, "held": true, "took": true,
	"has": true, "have": true, "been": true, "made": true, "came": true, "went": true,
	"broke": true, "fought": true, "gave": true, "got": true, "knew": true, "led": true, "left": true,
	"lost": true, "ran": true, "sent": true, "shot": true, "spoke": true, "stood": true, "struck": true,
	"thought": true, "threw": true, "won": true, "wrote": true, "saw": true, "sold": true,
	"bought": true, "brought": true, "caught": true, "fled": true, "flew": true, "froze": true,
	"hit": true, "hid": true, "drove": true, "chose": true, "paid": true, "quit": true,
	"rode": true, "grew": true,
}

// vagueWords maps TimeML's vague temporal references to their values; they
// are reported only when Options.Vague is set.
var vagueWords = map[string]string{
	"now": "PRESENT_REF", "currently": "PRESENT_REF",
	"nowadays": "PRESENT_REF", "presently": "PRESENT_REF",
	"recently": "PAST_REF", "lately": "PAST_REF",
}

// holiday is a named day whose date depends on the year.
type holiday func(y int) time.Time

// fixedDay is a holiday on the same day every year.
func fixedDay(m time.Month, d int) holiday { return func(y int) time.Time { return date(y, m, d) } }

// nthWeekday is the n-th weekday wd of month m ("fourth Thursday of
// November").
func nthWeekday(m time.Month, wd time.Weekday, n int) holiday {
	return func(y int) time.Time {
		first := date(y, m, 1)
		delta := (int(wd) - int(first.Weekday()) + 7) % 7
		return first.AddDate(0, 0, delta+7*(n-1))
	}
}

// holidays maps holiday names (as word sequences lower-cased word sequences, longest
// first) to their dates: only holidays with one date wherever the news
// comes from.
var holidays = []struct {
	words []string
	date  holiday
}{
	{[]string{"christmas", "eve"}, fixedDay(12, 24)},
	{[]string{"christmas", "day"}, fixedDay(12, 25)},
	{[]string{"christmas"}, fixedDay(12, 25)},
	{[]string{"new", "year", "'", "s", "eve"}, fixedDay(12, 31)},
	{[]string{"new", "year", "'", "s", "day"}, fixedDay(1, 1)},
	{[]string{"new", "year", "’", "s", "eve"}, fixedDay(12, 31)},
	{[]string{"new", "year", "’", "s", "day"}, fixedDay(1, 1)},
	{[]string{"thanksgiving", "day"}, nthWeekday(11, time.Thursday, 4)},
	{[]string{"thanksgiving"}, nthWeekday(11, time.Thursday, 4)},
	{[]string{"halloween"}, fixedDay(10, 31)},
	{[]string{"valentine", "'", "s", "day"}, fixedDay(2, 14)},
	{[]string{"valentine", "’", "s", "day"}, fixedDay(2, 14)},
}

// starters holds every lower-cased word that can begin an expression; the
// scanner tries its matchers only at those (and at numbers), so ordinary
// words cost one map lookup. useStarters exists so that a test can check
// the gate against an ungated scan.
var (
	starters    = buildStarters()
	useStarters = true
)

func buildStarters() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		"the", "its", "fiscal", "between", "from", "today", "yesterday", "tomorrow", "last",
		"previous", "this", "next", "coming", "current", "latest", "earlier", "later", "year",
		"several", "few", "these", "recent", "nineteen",
	} {
		m[w] = true
	}
	for _, tbl := range []map[string]time.Month{monthFull, monthAbbr} {
		for w := range tbl {
			m[w] = true
		}
	}
	for w := range weekdays {
		m[w] = true
	}
	for w := range seasons {
		m[w] = true
	}
	for w := range numberWords {
		m[w] = true
	}
	for w := range ordinals {
		m[w] = true
	}
	for w := range vagueWords {
		m[w] = true
	}
	for _, h := range holidays {
		m[h.words[0]] = true
	}
	for _, mod := range modifiers {
		m[mod[0]] = true
	}
	return m
}
