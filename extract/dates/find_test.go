package dates

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/entente-nlp/entente/pipeline"
)

// pub is the reference article's publication date, a Thursday.
var pub = time.Date(2016, 12, 22, 0, 0, 0, 0, time.UTC)

// found renders expressions as "span=value" for compact comparison.
func found(text string, tes []pipeline.TimeExpr) []string {
	out := make([]string, len(tes))
	for i, te := range tes {
		out[i] = text[te.Start:te.End] + "=" + te.Value
	}
	return out
}

func TestFindPatterns(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		// Absolute dates.
		{"month day year", "Global Research, December 22, 2016", []string{"December 22, 2016=2016-12-22"}},
		{"day month year over a line break", "Foundation 21 December  \n2016\n\nRegion", []string{"21 December  \n2016=2016-12-21"}},
		{"abbreviated month", "It happened on Dec. 22 in Moscow.", []string{"Dec. 22=2016-12-22"}},
		{"ISO", "filed 2016-12-22 at noon", []string{"2016-12-22=2016-12-22"}},
		{"US numeric", "dated 12/22/2016.", []string{"12/22/2016=2016-12-22"}},
		{"day-first numeric", "dated 22/12/2016.", []string{"22/12/2016=2016-12-22"}},
		{"dotted numeric reads day first", "signed on 22.12.2016 in Moscow", []string{"22.12.2016=2016-12-22"}},
		{"ISO with time", "at 2016-12-22T10:30:00Z the", []string{"2016-12-22=2016-12-22"}},
		{"ambiguous numeric reads US", "dated 03/04/2016.", []string{"03/04/2016=2016-03-04"}},
		{"invalid numeric", "ratio 13/13/2016 and 2016-02-30", nil},
		{"lower-case month with a day", "on december 20, 2016 and may 5", []string{"december 20, 2016=2016-12-20"}},
		{"lower-case bare month is no date", "in november", nil},
		{"month year", "in August 1988 and January of 1998", []string{"August 1988=1988-08", "January of 1998=1998-01"}},
		{"weekday and date", "on Monday, Oct. 26, 1998, the", []string{"Monday, Oct. 26, 1998=1998-10-26"}},
		{"weekday picks the year", "an editorial on Monday, Dec. 26: the court", []string{"Monday, Dec. 26=2016-12-26"}},
		{"weekday picks the past year", "an editorial on Tuesday, Dec. 20: the court", []string{"Tuesday, Dec. 20=2016-12-20"}},
		{"ordinal day", "on the 22nd of December", []string{"22nd of December=2016-12-22"}},
		{"count after comma is no year", "on December 20, 2000 people marched", []string{"December 20=2016-12-20"}},
		// Partial dates lean to the past...
		{"partial day", "at the December 20 meeting in Moscow", []string{"December 20=2016-12-20"}},
		{"partial day earlier month", "to Moscow on November 1.", []string{"November 1=2016-11-01"}},
		{"partial day after pub reads last year", "The fire broke out on December 25.", []string{"December 25=2015-12-25"}},
		// ... unless the clause says future.
		{"future tense", "The talks will resume on December 25.", []string{"December 25=2016-12-25"}},
		{"future month", "Elections are scheduled for March.", []string{"March=2017-03"}},
		{"subject date with will stays past", "December 20 will go down in history.", []string{"December 20=2016-12-20"}},
		// Ranges.
		{"day range", "the abortive July 15-16 coup", []string{"July 15-16=2016-07-15/2016-07-16"}},
		{"cross-month range", "from July 30-August 2 there", []string{"July 30-August 2=2016-07-30/2016-08-02"}},
		{"range with year", "on 15-16 July 2015", []string{"15-16 July 2015=2015-07-15/2015-07-16"}},
		{"between years", "between 2012 and 2014, prices rose", []string{"2012 and 2014=2012/2014"}},
		{"from year to year", "from 1991 to 1997.", []string{"1991 to 1997=1991/1997"}},
		{"year dash year", "the 2012-2014 slump and the 1990-91 recession", []string{"2012-2014=2012/2014", "1990-91=1990/1991"}},
		{"from month to month", "from March to May the army", []string{"March to May=2016-03/2016-05"}},
		{"from month to month year", "from March to May 2015, the army", []string{"March to May 2015=2015-03/2015-05"}},
		// Months and years.
		{"in November", "Erdogan said in November that", []string{"November=2016-11"}},
		{"year", "his first visit after 2007.", []string{"2007=2007"}},
		{"copyright year", "Copyright © Andrei Akulov, 2016", []string{"2016=2016"}},
		{"count is no year", "about 2007 people were evacuated", nil},
		{"count without cue is no year", "The army sent 2007 soldiers.", nil},
		{"model numbers are no years", "S-300 and S-400 systems, CBS 60 Minutes", nil},
		{"determiner and a count", "the 2000 troops left", nil},
		{"determiner and an event", "after the 1987 crash and the 2016 elections", []string{"1987=1987", "2016=2016"}},
		{"money is no year", "It cost $2007 in all.", nil},
		{"may the verb", "May I ask? It may rain. March on!", nil},
		{"may the month", "They met in May and March.", []string{"May=2016-05", "March=2016-03"}},
		{"month name as a name", "June Carter sang.", nil},
		{"decade", "in the 1990s and the late 1970s", []string{"1990s=199", "the late 1970s=197"}},
		{"mid decade", "since the mid-1990s", []string{"the mid-1990s=199"}},
		{"mid month", "since mid-December and late 2015", []string{"mid-December=2016-12", "late 2015=2015"}},
		{"possessive year", "2016's elections", []string{"2016=2016"}},
		{"fiscal year", "profit in fiscal 1989 rose", []string{"fiscal 1989=1989"}},
		{"century", "in the 20th century", []string{"the 20th century=19"}},
		// Relative expressions.
		{"last November is last year's", "Putin visited Iran last November – his first", []string{"last November=2015-11"}},
		{"last June is this year's", "a deal signed last June", []string{"last June=2016-06"}},
		{"next March", "a vote next March", []string{"next March=2017-03"}},
		{"this September", "due this September", []string{"this September=2016-09"}},
		{"yesterday today tomorrow", "yesterday, today and tomorrow", []string{"yesterday=2016-12-21", "today=2016-12-22", "tomorrow=2016-12-23"}},
		{"days ago", "two days ago", []string{"two days ago=2016-12-20"}},
		{"weeks ago with modifier", "nearly two weeks ago", []string{"nearly two weeks ago=2016-W49"}},
		{"a year ago", "a year ago and a year earlier", []string{"a year ago=2015", "a year earlier=2015"}},
		{"months ago", "11 months ago", []string{"11 months ago=2016-01"}},
		{"last week", "last week", []string{"last week=2016-W50"}},
		{"this and next week", "this week and next week", []string{"this week=2016-W51", "next week=2016-W52"}},
		{"earlier this month", "earlier this month", []string{"earlier this month=2016-12"}},
		{"later this year", "later this year", []string{"later this year=2016"}},
		{"month relative", "last month and next month", []string{"last month=2016-11", "next month=2017-01"}},
		{"fiscal year relative", "the current fiscal year and next fiscal year", []string{"the current fiscal year=2016", "next fiscal year=2017"}},
		{"year relative", "last year, this year, next year", []string{"last year=2015", "this year=2016", "next year=2017"}},
		{"early next year", "early next year", []string{"early next year=2017"}},
		{"weekday past", "The minister said on Tuesday that", []string{"Tuesday=2016-12-20"}},
		{"weekday same day", "The minister said on Thursday that", []string{"Thursday=2016-12-22"}},
		{"weekday future", "The minister will fly on Tuesday.", []string{"Tuesday=2016-12-27"}},
		{"weekday with part of day", "The attack came late Friday night.", []string{"late Friday night=2016-12-16"}},
		{"weekday tomorrow without cue", "Talks open Friday in Astana.", []string{"Friday=2016-12-23"}},
		{"partial day near future without cue", "Talks open December 27 in Astana.", []string{"December 27=2016-12-27"}},
		{"partial day far future stays past", "Talks open March 27 in Astana.", []string{"March 27=2016-03-27"}},
		{"last weekday", "last Thursday", []string{"last Thursday=2016-12-15"}},
		{"next weekday", "next Thursday", []string{"next Thursday=2016-12-29"}},
		{"this past weekend", "this past weekend", []string{"this past weekend=2016-W50-WE"}},
		{"a title is no date", "on ABC's This Week program", nil},
		{"the weekend", "fighting over the weekend", []string{"the weekend=2016-W50-WE"}},
		// Quarters and seasons.
		{"quarter", "in the third quarter", []string{"the third quarter=2016-Q3"}},
		{"quarter adjective", "third-quarter profit", []string{"third-quarter=2016-Q3"}},
		{"quarter with year", "the first quarter of 2015", []string{"the first quarter of 2015=2015-Q1"}},
		{"year-ago quarter", "the year-ago quarter", []string{"the year-ago quarter=2015-Q4"}},
		{"a year earlier in earnings news", "Third-quarter profit rose 5% from $3 million a year earlier.", []string{"Third-quarter=2016-Q3", "a year earlier=2015-Q4"}},
		{"year-ago ordinal quarter", "the year-ago third quarter", []string{"the year-ago third quarter=2015-Q3"}},
		{"its quarter", "its fourth quarter and the third-quarter loss", []string{"fourth quarter=2016-Q4", "third-quarter=2016-Q3"}},
		{"year before quarter", "the 1988 second quarter", []string{"the 1988 second quarter=1988-Q2"}},
		{"spelled years", "in nineteen ninety-six, the winter of nineteen ninety-four and the year two thousand", []string{"nineteen ninety-six=1996", "the winter of nineteen ninety-four=1994-WI", "the year two thousand=2000"}},
		{"half with year", "the first half of 2015", []string{"the first half of 2015=2015-H1"}},
		{"season", "this summer and last winter and the summer of 2007", []string{"this summer=2016-SU", "last winter=2015-WI", "the summer of 2007=2007-SU"}},
		// Holidays.
		{"holidays", "Thanksgiving, New Year's Eve 2015 and Christmas", []string{"Thanksgiving=2016-11-24", "New Year's Eve 2015=2015-12-31", "Christmas=2016-12-25"}},
		// Not dates.
		{"USA Today", "USA Today reported", nil},
		{"vague off by default", "now and recently", nil},
		{"times and decimals", "at 10:30 and 20.5 percent, 15% of 2,000", nil},
	}
	f := NewFinder(Options{})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := found(c.text, f.Find(c.text, pub, true))
			if strings.Join(got, " | ") != strings.Join(c.want, " | ") {
				t.Errorf("Find(%q)\n got %q\nwant %q", c.text, got, c.want)
			}
		})
	}
}

func TestFindVague(t *testing.T) {
	text := "It is now clear, as recently shown, that in the future the plan"
	got := found(text, NewFinder(Options{Vague: true}).Find(text, pub, true))
	want := []string{"now=PRESENT_REF", "recently=PAST_REF", "the future=FUTURE_REF"}
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestFindKindsAndGranularity(t *testing.T) {
	text := "December 22, 2016; December 20; July 15-16; last November; 2007; the third quarter"
	want := []struct{ kind, gran string }{
		{Absolute, Day}, {Partial, Day}, {Range, Day}, {Relative, Month}, {Absolute, Year}, {Relative, Quarter},
	}
	got := NewFinder(Options{}).Find(text, pub, true)
	if len(got) != len(want) {
		t.Fatalf("got %d expressions, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		if got[i].Kind != w.kind || got[i].Granularity != w.gran {
			t.Errorf("%q: kind %s granularity %s, want %s %s", text[got[i].Start:got[i].End], got[i].Kind, got[i].Granularity, w.kind, w.gran)
		}
		if got[i].Kind != Absolute && got[i].Note == "" {
			t.Errorf("%q: resolved without a note", text[got[i].Start:got[i].End])
		}
	}
}

func TestFindWithoutPublicationDate(t *testing.T) {
	text := "On December 22, 2016 officials said that on December 20, yesterday, on Tuesday, last November, in November and two days ago, in 2007"
	got := NewFinder(Options{}).Find(text, time.Time{}, false)
	resolved := map[string]string{"December 22, 2016": "2016-12-22", "2007": "2007"}
	if len(got) != 8 {
		t.Fatalf("got %d expressions, want 8: %q", len(got), found(text, got))
	}
	for _, te := range got {
		span := text[te.Start:te.End]
		if v, ok := resolved[span]; ok {
			if te.Value != v {
				t.Errorf("%q = %q, want %q (absolute needs no reference)", span, te.Value, v)
			}
			continue
		}
		if te.Value != "" {
			t.Errorf("%q resolved to %q without a publication date", span, te.Value)
		}
		if !strings.Contains(te.Note, "no publication date") {
			t.Errorf("%q: note %q does not say why it is unresolved", span, te.Note)
		}
	}
}

func FuzzDates(f *testing.F) {
	for _, s := range []string{
		"December 22, 2016", "21 December  \n2016", "July 15-16", "between 2012 and 2014", "from March to May",
		"last November", "two days ago", "12/22/2016", "2016-12-22", "the mid-1990s", "Monday, Oct. 26",
		"the year-ago quarter", "S-300", "Çavuşoğlu said «on Tuesday»", "a few years ago", "the 20th century",
		"\xff\xfeDecember 3\xff", "Dec.", "from", "between 1999 and", "the", "31 February 2015",
	} {
		f.Add(s, true)
	}
	finders := []*Finder{NewFinder(Options{}), NewFinder(Options{Vague: true})}
	f.Fuzz(func(t *testing.T, text string, known bool) {
		for _, fd := range finders {
			prevEnd := 0
			for _, te := range fd.Find(text, pub, known) {
				if te.Start < prevEnd || te.End <= te.Start || te.End > len(text) {
					t.Fatalf("bad span %v (previous end %d, len %d) in %q", te.Span, prevEnd, len(text), text)
				}
				// On invalid UTF-8 (which ingest rejects) a lone continuation
				// byte may follow a word; boundaries are checked on valid text.
				if utf8.ValidString(text) && !utf8.RuneStart(text[te.Start]) || utf8.ValidString(text) && te.End < len(text) && !utf8.RuneStart(text[te.End]) {
					t.Fatalf("span %v not on rune boundaries in %q", te.Span, text)
				}
				if !known && (te.Kind == Partial || te.Kind == Relative) && te.Granularity != Vague && te.Value != "" {
					t.Fatalf("%q resolved to %q without a publication date", text[te.Start:te.End], te.Value)
				}
				prevEnd = te.End
			}
		}
	})
}
