package entities

import (
	"strings"
	"unicode"

	"github.com/entente-nlp/entente/pipeline"
)

// stopAbbrevs end names with their full stop ("Apple Inc.", "Warner
// Bros.", "Martin Luther King Jr.").
var stopAbbrevs = set("inc", "corp", "ltd", "bros", "jr", "sr", "co", "st", "ave", "mt", "ft")

// trimFullStops drops the sentence's full stop from the end of candidates
// that are not the gazetteer's: "Jane Roe." at the end of a sentence is
// "Jane Roe". Initials ("Stephen J."), abbreviations with inner stops
// ("U.S.") and corporate forms ("Inc.") keep theirs.
func trimFullStops(d *pipeline.Document, cs []cand) {
	for i := range cs {
		c := &cs[i]
		if c.source == "gazetteer" || c.End-c.Start < 2 || d.Text[c.End-1] != '.' {
			continue
		}
		text := d.Text[c.Start : c.End-1]
		last := text[strings.LastIndexFunc(text, func(r rune) bool { return !unicode.IsLetter(r) })+1:]
		if len(last) < 3 || strings.ContainsRune(last, '.') || stopAbbrevs[strings.ToLower(last)] || strings.ToUpper(last) == last {
			continue
		}
		c.End--
	}
}
