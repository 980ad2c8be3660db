package relations

import (
	"github.com/entente-nlp/entente/internal/textnorm"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/entente-nlp/entente/entity"
	"github.com/entente-nlp/entente/pipeline"
	"golang.org/x/text/unicode/norm"
)

var (
	// ", a NATO member" / ", a founding NATO member": text between the
	// member and the organization mention.
	memberAppos = regexp.MustCompile(`^\s*,\s*(?:a|an|one|the)\s+(?:founding\s+|fellow\s+|full\s+|key\s+)?$`)
	// ", a member of NATO" / ", a member state of the EU".
	memberOfAppos = regexp.MustCompile(`^\s*,\s*(?:a|an|one)\s+(?:founding\s+|full\s+)?member(?:\s+state)?\s+of\s+(?:the\s+)?$`)
	// "its NATO allies" / "their NATO partners".
	itsRe = regexp.MustCompile(`(?i)\b(?:its|their)\s+$`)
	// "Turkey's NATO allies".
	possRe = regexp.MustCompile(`^\s*(?:'s|’s|'|’)\s+$`)
)

// memberOf finds memberships: "Turkey, a NATO member", "Turkey, a member
// of NATO", "the US and its NATO allies", "Turkey's NATO allies".
func (x *view) memberOf() {
	for i, y := range x.ms {
		if y.Type != pipeline.Organization {
			continue
		}
		after := x.d.Text[y.End:min(len(x.d.Text), y.End+40)]
		isNoun := x.r.memberRe != nil && x.r.memberRe.MatchString(strings.ToLower(after))
		if i == 0 {
			continue
		}
		prev := x.ms[i-1]
		if prev.End > y.Start {
			continue
		}
		member := x.polity(prev)
		between := x.d.Text[prev.End:y.Start]
		switch {
		case member != "" && isNoun && memberAppos.MatchString(between):
			x.membership(member, y, "member-apposition", 0.9)
		case member != "" && memberOfAppos.MatchString(between):
			x.membership(member, y, "member-apposition", 0.9)
		case member != "" && isNoun && possRe.MatchString(between):
			x.membership(member, y, "member-allies", 0.7)
		case isNoun && itsRe.MatchString(x.d.Text[max(0, y.Start-12):y.Start]):
			// "its": the nearest country before, in the same sentence.
			sent := x.d.SentenceAt(y.Start)
			for k := i - 1; k >= 0 && x.d.SentenceAt(x.ms[k].Start) == sent; k-- {
				if x.ms[k].Type == pipeline.Country {
					x.membership(x.ms[k].EntityID, y, "member-allies", 0.7)
					break
				}
			}
		}
	}
}

// Lists of members named with their organization: "NATO members
// including Germany, France and Italy", "NATO has 29 members, including
// Germany", "members of the EU such as Poland", "Sweden and Finland, both
// members of the EU".
var (
	listAfterOrg    = regexp.MustCompile(`(?i)^\s*(?:'s\s+|’s\s+)?(?:(?:has|have|had)\s+(?:\d+|[a-z]+)\s+|(?:fellow|founding|other)\s+)?(?:members?|member\s+(?:states|countries|nations)|allies)\s*,?\s*(?:(?:including|such\s+as|like|among\s+them|notably|especially|namely)\s+|:\s*)?(?:the\s+)?$`)
	membersOfBefore = regexp.MustCompile(`(?i)\b(?:members?|member\s+(?:states|countries|nations))\s+of\s+(?:the\s+)?$`)
	listAfterOrgOf  = regexp.MustCompile(`(?i)^\s*,?\s*(?:including|such\s+as|like|among\s+them|notably|namely)\s+(?:the\s+)?$`)
	bothMembers     = regexp.MustCompile(`(?i)^\s*,\s*(?:all|both|each)\s+(?:(?:of\s+them\s+)?(?:founding\s+|full\s+)?members?\s+of\s+(?:the\s+)?|(?:founding\s+)?)$`)
	bothMembersNoun = regexp.MustCompile(`(?i)^\s*(?:members?|member\s+(?:states|countries))\b`)
	nonPrefix       = regexp.MustCompile(`(?i)\bnon[-\s]?$`)
	listSep         = regexp.MustCompile(`(?i)^\s*(?:,\s*(?:and\s+|as\s+well\s+as\s+)?|and\s+|as\s+well\s+as\s+|&\s+)(?:the\s+)?$`)
)

// memberLists finds the members listed with an organization.
func (x *view) memberLists() {
	for i, y := range x.ms {
		if y.Type != pipeline.Organization || nonPrefix.MatchString(x.d.Text[max(0, y.Start-4):y.Start]) {
			continue
		}
		if i+1 < len(x.ms) && x.ms[i+1].Start >= y.End {
			between := x.d.Text[y.End:x.ms[i+1].Start]
			after := listAfterOrg.MatchString(between) && strings.TrimSpace(between) != ""
			of := membersOfBefore.MatchString(x.d.Text[max(0, y.Start-40):y.Start]) && listAfterOrgOf.MatchString(between)
			if after || of {
				for _, org := range x.listFrom(i, 1) {
					for _, m := range x.listFrom(i+1, 1) {
						x.membership(x.polity(m), org, "member-list", 0.85)
					}
				}
			}
		}
		// "Sweden and Finland, both members of the EU" / ", both EU members"
		if i > 0 && x.ms[i-1].End <= y.Start {
			before := x.d.Text[x.ms[i-1].End:y.Start]
			if bothMembers.MatchString(before) && (strings.Contains(strings.ToLower(before), "member") || bothMembersNoun.MatchString(x.d.Text[y.End:])) {
				// "both members of NATO and the EU"
				for _, org := range x.listFrom(i, 1) {
					if org.Type != pipeline.Organization {
						break
					}
					for _, m := range x.listFrom(i-1, -1) {
						x.membership(x.polity(m), org, "member-list", 0.85)
					}
				}
			}
		}
	}
}

// listFrom returns the countries and organizations of the coordinated list
// that starts (dir 1) or ends (dir -1) at mention k: "Germany, France and
// Italy".
func (x *view) listFrom(k, dir int) []pipeline.Mention {
	out := []pipeline.Mention{x.ms[k]}
	party := func(m pipeline.Mention) bool { return m.Type == pipeline.Country || m.Type == pipeline.Organization }
	if !party(x.ms[k]) {
		return out
	}
	for n := k + dir; n >= 0 && n < len(x.ms) && party(x.ms[n]); n += dir {
		a, b := x.ms[n-dir], x.ms[n]
		if dir < 0 {
			a, b = b, a
		}
		if a.End > b.Start || !listSep.MatchString(x.d.Text[a.End:b.Start]) {
			break
		}
		out = append(out, x.ms[n])
	}
	return out
}

func (x *view) membership(member string, org pipeline.Mention, rule string, def float64) {
	if member == "" || member == org.EntityID {
		return
	}
	conf := x.r.confidence(rule, def)
	if x.gaz != nil && x.gaz.IsMember(org.EntityID, member) {
		conf = min(1, conf+0.05)
	}
	x.add(pipeline.Relation{
		Source: member, Type: pipeline.MemberOf, Target: org.EntityID, Label: "member",
		Evidence: x.sentence(org.Start), Confidence: conf, Rule: rule, Date: x.sentenceDate(org.Start),
	})
}

// affiliations links the document's authors to the outlet named by a
// source cue ("The original source of this article is Strategic Culture
// Foundation"). Bylines and source notes are usually boilerplate, so this
// rule reads all mentions.
func (x *view) affiliations() {
	if x.r.sourceRe == nil {
		return
	}
	authors := x.authors()
	if len(authors) == 0 {
		return
	}
	for _, m := range x.d.Mentions {
		if m.Type != pipeline.Organization || !validSpan(x.d, m.Span) {
			continue
		}
		lo := max(0, m.Start-80)
		if !x.r.sourceRe.MatchString(x.d.Text[lo:m.Start]) {
			continue
		}
		for _, a := range authors {
			x.add(pipeline.Relation{
				Source: a, Type: pipeline.AffiliatedWith, Target: m.EntityID, Label: "author",
				Evidence: x.sentence(m.Start), Confidence: x.r.confidence("author-source", 0.9), Rule: "author-source",
			})
		}
		return
	}
}

// authors returns the entity ids of the document's authors: a person
// entity with the author's name, else an id derived from the name.
func (x *view) authors() []string {
	var out []string
	for _, a := range x.d.Authors {
		key := fold(a)
		if key == "" {
			continue
		}
		id := ""
		for _, e := range x.d.Entities {
			if e.Type != pipeline.Person {
				continue
			}
			if fold(e.Name) == key {
				id = e.ID
				break
			}
			for _, al := range e.Aliases {
				if fold(al) == key {
					id = e.ID
				}
			}
		}
		if id == "" {
			id = string(entity.New(entity.KindPerson, slug(a)))
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// locatedIn places cities and other places in their country, from entity
// attributes or the gazetteer.
func (x *view) locatedIn() {
	seen := map[string]bool{}
	for _, m := range x.ms {
		if m.Type != pipeline.Location || seen[m.EntityID] {
			continue
		}
		seen[m.EntityID] = true
		c := x.countryOf(m.EntityID)
		if c == "" || c == m.EntityID {
			continue
		}
		x.add(pipeline.Relation{
			Source: m.EntityID, Type: pipeline.LocatedIn, Target: c,
			Evidence: x.sentence(m.Start), Confidence: x.r.confidence("city-country", 0.95), Rule: "city-country",
		})
	}
}

// fold lower-cases s and removes diacritics and punctuation.
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		case unicode.IsSpace(r) || r == '-':
			b.WriteByte(' ')
		}
	}
	return textnorm.CollapseSpace(b.String())
}

func slug(s string) string { return strings.ReplaceAll(fold(s), " ", "-") }
