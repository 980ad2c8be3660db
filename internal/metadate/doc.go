// Package metadate parses the dates of document metadata: publication
// dates from HTML meta tags, JSON-LD, front matter, JSONL fields and the
// --published flag, and the visible datelines of a page. It is the one
// place that knows their forms: every ISO 8601 variant (with or without
// seconds, fractional seconds, Z, +0000 or +00:00), RFC 1123 and 850,
// Unix date(1) output ("Fri Mar 13 21:30:09 EST 2015"), compact NYT
// stamps (20150313213009), slashes (2015/03/13) and the usual human forms
// ("16 November 2017", "March 13, 2015", "Mar. 13th, 2015").
//
// A timestamp keeps the calendar day of its own time zone: the day the
// page says, not the day in UTC.
//
// Any package of entente may import it; it imports none of them.
package metadate
