package ingest

import (
	"regexp"
	"strconv"

	"github.com/entente-nlp/entente/internal/metadate"
)

var (
	// reWire is a news-agency dateline: "MOSCOW, Dec. 22 (Reuters) -".
	// reWirePlace is a dateline without a date: "WASHINGTON (AP) —".
	reWirePlace = regexp.MustCompile(`^([\p{Lu}][\p{Lu} .'’-]{1,40}?(?:,\s*[\p{Lu}][\p{L} .]{1,30}?)?)\s*\(([^)]{2,30})\)\s*[-–—]`)
	reWire      = regexp.MustCompile(`^([\p{Lu}][\p{Lu} .'’-]{1,40}?(?:,\s*[\p{Lu}][\p{L} .]{1,30}?)?),?\s+` + `(?i:` + metadate.MonthPattern + `)` + `\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?\s*(?:\(([^)]{2,30})\))?\s*[-–—]`)
)

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// NormalizeDate turns a date or timestamp (every ISO 8601 variant, RFC
// 1123, "Fri Mar 13 21:30:09 EST 2015", "December 22, 2016", "22 Dec
// 2016", ...) into YYYY-MM-DD; see internal/metadate, the one parser of
// metadata dates. A timestamp keeps the calendar day of its own time zone.
func NormalizeDate(s string) (string, bool) { return metadate.Normalize(s) }
