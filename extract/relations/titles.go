package relations

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// officeTitle is a title phrase read off the text: one of the rules'
// titles (t set: its normalized role), or a phrase built on an office or
// staff noun ("deputy Middle East director", "senior researcher"), whose
// role is the phrase as written.
type officeTitle struct {
	t    *title
	role string
	to   string // the posting of an ambassador ("to Ankara")
	// staff marks a position that is no office ("researcher", "official"):
	// it gives affiliated_with, not holds_role.
	staff bool
}

// rankAbbrev matches abbreviated ranks and honorifics, which may stand
// between a title and a name ("CENTCOM commander Gen. Joseph Votel").
var rankAbbrev = regexp.MustCompile(`\b(?:Gen|Lt|Col|Maj|Adm|Sgt|Capt|Cpt|Brig|Cmdr|Cdr|Gov|Sen|Rep|Dr|Mr|Mrs|Ms|Prof|Amb|Rev)\.(?:\s|$)`)

// trailingPrep matches the preposition that ends a title standing before
// its polity ("the foreign minister of", "an analyst at the").
var trailingPrep = regexp.MustCompile(`(?i)\s+(?:of|at|for|with)(?:\s+the)?\s*$`)

// resolveTitle reads a title phrase as written: a rules title first, then
// a phrase ending with an office or staff noun whose other words are
// title modifiers or capitalized ("Foreign Ministry spokesman").
func (r *Rules) resolveTitle(orig string) (officeTitle, bool) {
	orig = rankAbbrev.ReplaceAllString(orig, " ")
	words := strings.Fields(strings.Trim(collapseSpace(strings.ReplaceAll(orig, "’", "'")), " ,;:.\u00a0"))
	if t, to, ok := r.matchTitle(normTitle(strings.Join(words, " "))); ok && !t.RankOnly {
		return officeTitle{t: t, role: t.Role, to: to}, true // "secretary general"
	}
	// Ranks before a name are no part of the title ("commander General").
	for len(words) > 1 {
		if t, _, ok := r.matchTitle(strings.ToLower(words[len(words)-1])); ok && t.RankOnly {
			words = words[:len(words)-1]
			continue
		}
		break
	}
	phrase := strings.Join(words, " ")
	if t, to, ok := r.matchTitle(normTitle(phrase)); ok {
		return officeTitle{t: t, role: t.Role, to: to}, true
	}
	for len(words) > 0 && r.prefixes[strings.ToLower(words[0])] {
		words = words[1:]
	}
	if len(words) == 0 || len(words) > 6 {
		return officeTitle{}, false
	}
	for _, w := range words {
		if r.blocked(strings.ToLower(w)) {
			return officeTitle{}, false
		}
	}
	last := strings.ToLower(words[len(words)-1])
	office, staff := r.officeNouns[last], r.staffNouns[last]
	if !office && !staff {
		return officeTitle{}, false
	}
	for _, w := range words[:len(words)-1] {
		if !r.modifiers[strings.ToLower(w)] && !capitalized(w) {
			return officeTitle{}, false
		}
	}
	return officeTitle{role: strings.Join(words, " "), staff: staff && !office}, true
}

// capitalized reports whether w starts with an upper-case letter.
func capitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
