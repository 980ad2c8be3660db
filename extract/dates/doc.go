// Package dates is the pipeline stage that finds temporal expressions in a
// document's clean text and normalizes them against its publication date.
//
// The finder is a hand-written scanner over light tokens (words, numbers,
// punctuation, with byte offsets): no regular expressions run per token. It
// recognizes absolute dates ("December 22, 2016", "21 December 2016" split
// over lines, "2016-12-22", "12/22/2016"), partial dates ("December 20",
// "in November"), ranges ("July 15-16", "between 2012 and 2014", "from
// March to May"), years and decades, relative expressions ("yesterday",
// "two days ago", "last week", "earlier this month", "next year", "on
// Tuesday"), quarters ("the third quarter" → 2016-Q3), halves, seasons
// (2016-SU), ISO weeks ("last week" → 2016-W50), decades ("the 1990s" →
// 199), centuries, a few fixed holidays, years spelled out in transcripts
// and, on request (option "vague"), TimeML's vague references
// (PRESENT_REF, PAST_REF, FUTURE_REF). Values follow TimeML/ISO 8601;
// ranges are START/END.
//
// Resolution is past-leaning, as suits news: a partial date or a weekday
// is the closest occurrence on or before the publication date unless the
// clause points to the future ("will", "next", "coming", "scheduled" ...
// before the expression). Without a cue before it, the future reading wins
// only when it is more than four times nearer than the past one ("Jan. 14"
// in a paper of January 6 is next week, not a year ago: news gives the
// year of a date that far back); a future cue after the expression only
// needs the future reading to be nearer.
// "last November" is the November of the previous year when November is
// the current or the month just past (a writer meaning the month just past
// says "in November" or "last month"), else the most recent November.
// In earnings news ("quarter" in the sentence or the one before), "a year
// earlier" and "year-ago" mean the reported quarter a year before.
//
// Without a publication date, relative and partial expressions keep an
// empty Value and a Note that says why; they are never resolved against
// the current clock.
package dates
