package entities

import (
	"sort"
	"strings"

	"github.com/entente-nlp/entente/entity"
	"github.com/entente-nlp/entente/internal/textnorm"
	"github.com/entente-nlp/entente/pipeline"
)

// entityKey returns the key that groups a mention with the others of its
// entity: the gazetteer id when linked, else the type and a normalized
// name.
func entityKey(d *pipeline.Document, c *cand) string {
	if len(c.ids) > 0 {
		return c.ids[0]
	}
	if c.key != "" {
		return c.key
	}
	return c.typ + "|" + normName(d.Slice(c.Span))
}

// normName folds a name and drops what does not distinguish it: connector
// words and British spellings ("Centre of Research on Globalization" and
// "Center for Research on Globalization" are one name).
func normName(s string) string {
	f := textnorm.Fold(s)
	f = strings.TrimSuffix(strings.TrimSuffix(f, "'s"), "'")
	var parts []string
	for _, w := range strings.FieldsFunc(f, func(r rune) bool { return r == ' ' || r == '-' }) {
		if orgConnectors[w] {
			continue
		}
		switch w {
		case "centre":
			w = "center"
		case "organisation":
			w = "organization"
		case "defence":
			w = "defense"
		}
		parts = append(parts, w)
	}
	return strings.Join(parts, " ")
}

// corefer links mentions within the document: parenthesized acronyms and
// alternative names to the name before them, surnames and short forms to
// the full name, and names already established in the body to their
// occurrences in headlines. It returns the chosen candidates with keys set,
// plus the new mentions, sorted by position.
func (s *Stage) corefer(d *pipeline.Document, ws []word, chosen, titles []cand) []cand {
	for i := range chosen {
		chosen[i].key = entityKey(d, &chosen[i])
	}
	tokOf := func(off int) int {
		return sort.Search(len(ws), func(k int) bool { return ws[k].End > off })
	}
	covered := make([]bool, len(ws))
	for _, c := range chosen {
		if c.tier < tierRule {
			continue
		}
		for k := tokOf(c.Start); k < len(ws) && ws[k].Start < c.End; k++ {
			covered[k] = true
		}
	}
	var added []cand
	addMention := func(a, b int, to *cand, form, reason string) {
		for k := a; k < b; k++ {
			covered[k] = true
		}
		added = append(added, cand{Span: span(ws, a, b), typ: to.typ, source: "coref", form: form,
			ids: to.ids, score: 0.85, tier: tierRule, reason: reason, key: to.key})
	}

	// Parenthesized acronyms and alternative names, and "X, or Y".
	at := map[pipeline.Span]int{}
	for i := range chosen {
		at[chosen[i].Span] = i
	}
	alias := func(c *cand, a, e int, form string) {
		sp := span(ws, a, e)
		if x, ok := at[sp]; ok {
			// The alternative name was recognized on its own: make it a
			// name of c unless the gazetteer says it is something else.
			xc := &chosen[x]
			if xc == c || len(xc.ids) > 0 && (len(c.ids) == 0 || xc.ids[0] != c.ids[0]) {
				return
			}
			xc.typ, xc.ids, xc.key, xc.form = c.typ, c.ids, c.key, form
			xc.reason = form + " of " + d.Slice(c.Span)
			return
		}
		for k := a; k < e; k++ {
			if covered[k] || !(isNameWord(&ws[k]) || nameParticles[ws[k].low] || orgConnectors[ws[k].low]) {
				return
			}
		}
		addMention(a, e, c, form, form+" of "+d.Slice(c.Span))
	}
	for i := range chosen {
		c := &chosen[i]
		if c.tier < tierRule || (c.typ != pipeline.Organization && c.typ != pipeline.Person) {
			continue
		}
		b := tokOf(c.End)
		if b < len(ws) && ws[b].text == "(" {
			e := b + 1
			for e < len(ws) && e-b <= 8 && ws[e].text != ")" {
				e++
			}
			if e >= len(ws) || ws[e].text != ")" || e == b+1 {
				continue
			}
			switch {
			case e == b+2 && ws[b+1].upper:
				if isAcronymOf(ws[b+1].text, d.Slice(c.Span)) {
					alias(c, b+1, e, "acronym")
				}
			case c.typ == pipeline.Organization:
				alias(c, b+1, e, "alias")
			}
			b = e + 1
		}
		// "the Shanghai Cooperation Organization (SCO), or Shanghai Pact"
		if c.typ == pipeline.Organization && b+2 < len(ws) && ws[b].text == "," && ws[b+1].low == "or" && isNameWord(&ws[b+2]) {
			e := extendRun(ws, b+3)
			alias(c, b+2, e, "alias")
		}
	}

	// Names known in this document: every surface form, plus the surnames
	// and shorter tails of personal names.
	known := map[string]*cand{}
	clash := map[string]bool{}
	learn := func(name string, c *cand) {
		k := textnorm.Fold(name)
		if k == "" || clash[k] || notNames[k] || calendarWords[k] {
			return
		}
		if prev, ok := known[k]; ok && prev.key != c.key {
			delete(known, k)
			clash[k] = true
			return
		}
		known[k] = c
	}
	all := append(append([]cand(nil), chosen...), added...)
	for i := range all {
		c := &all[i]
		if c.tier < tierRule {
			continue
		}
		text := textnorm.CollapseSpace(d.Slice(c.Span))
		learn(text, c)
		if c.typ != pipeline.Person {
			continue
		}
		// A first name alone never stands for the person ("Bill" is not
		// Bill Shorten, "Vladimir" not Vladimir Putin): only surnames and
		// tails of the name are learned.
		parts := strings.Fields(text)
		for j := 1; j < len(parts); j++ {
			if nameParticles[strings.ToLower(parts[j])] {
				continue
			}
			learn(strings.Join(parts[j:], " "), c)
		}
		if last := parts[len(parts)-1]; len(parts) > 1 {
			if h := strings.IndexByte(last, '-'); h > 0 && nameParticles[strings.ToLower(last[:h])] {
				learn(last[h+1:], c) // al-Assad → Assad
			}
		}
	}

	// An unlinked organization whose name differs from a known one only in
	// connector words or spelling ("Centre of Research on Globalization")
	// is that organization.
	norm := map[string]*cand{}
	for i := range all {
		if c := &all[i]; c.tier >= tierRule && c.typ == pipeline.Organization && len(c.ids) > 0 {
			norm[normName(d.Slice(c.Span))] = c
		}
	}
	for i := range chosen {
		c := &chosen[i]
		if c.typ != pipeline.Organization || len(c.ids) > 0 {
			continue
		}
		if to, ok := norm[normName(d.Slice(c.Span))]; ok && to.key != c.key {
			c.ids, c.key, c.form = to.ids, to.key, "alias"
			c.reason = "variant of " + textnorm.CollapseSpace(d.Slice(to.Span))
		}
	}

	// Rename unlinked model mentions that are a known name of a well-typed
	// entity.
	for i := range chosen {
		c := &chosen[i]
		if c.tier >= tierRule {
			continue
		}
		if to, ok := known[textnorm.Fold(d.Slice(c.Span))]; ok {
			c.typ, c.ids, c.key, c.source, c.form = to.typ, to.ids, to.key, c.source+"+coref", "name"
			c.reason = "known name in document"
			if full := textnorm.CollapseSpace(d.Slice(to.Span)); to.typ == pipeline.Person && !strings.EqualFold(full, textnorm.CollapseSpace(d.Slice(c.Span))) {
				c.form, c.reason = "surname", "short form of "+full
			}
			c.tier = tierRule
			// Its words are taken: the search for known names below must
			// not add a second mention on the same span.
			for k := tokOf(c.Start); k < len(ws) && ws[k].Start < c.End; k++ {
				covered[k] = true
			}
		}
	}

	// Find known names among the words no mention covers.
	models := candIndex(chosen)
	for i := 0; i < len(ws); i++ {
		if covered[i] || !(isNameWord(&ws[i]) || ws[i].upper) {
			continue
		}
		for n := 4; n >= 1; n-- {
			j := i + n
			if j > len(ws) {
				continue
			}
			ok := true
			for k := i; k < j; k++ {
				if covered[k] || k > i && ws[k].brk {
					ok = false
					break
				}
			}
			// A short form right after another name word is someone else's
			// ("Naina Yeltsin" is not Boris); a model mention is replaced
			// only as a whole.
			if to, hit := known[textnorm.Fold(d.Text[ws[i].Start:ws[j-1].End])]; hit && to.typ == pipeline.Person &&
				i > 0 && !ws[i].brk && isNameWord(&ws[i-1]) && !isTitleWord(ws[i-1].low) && !ws[i-1].sentStart {
				ok = false
			}
			sp := span(ws, i, j)
			if ok && models.AnyOverlap(sp, func(x int) bool { return chosen[x].tier < tierRule && !sp.Contains(chosen[x].Span) }) {
				ok = false
			}
			if !ok {
				continue
			}
			name := d.Text[ws[i].Start:ws[j-1].End]
			to, found := known[textnorm.Fold(name)]
			if !found {
				continue
			}
			form, reason := "name", "known name in document"
			full := textnorm.CollapseSpace(d.Slice(to.Span))
			switch {
			case to.typ == pipeline.Person && !strings.EqualFold(full, name):
				form, reason = "surname", "short form of "+full
			case to.form == "acronym":
				form = "acronym"
			}
			addMention(i, j, to, form, reason)
			i = j - 1
			break
		}
	}

	// A title without a name refers to the one person of the document who
	// holds that title (for that country, when one is given).
	holders := titleHolders(all)
	for _, tc := range titles {
		h := holders[holderKey(tc.evidence[entity.AttrRole], tc.evidence[entity.AttrCountry])]
		holder, unique := h.last, !h.many
		a := tokOf(tc.Start)
		b := a
		for b < len(ws) && ws[b].End <= tc.End {
			b++
		}
		if holder == nil || !unique || a == b {
			continue
		}
		free := true
		for k := a; k < b; k++ {
			free = free && !covered[k]
		}
		if free {
			addMention(a, b, holder, "title", "title of "+textnorm.CollapseSpace(d.Slice(holder.Span)))
			added[len(added)-1].evidence = tc.evidence
		}
	}

	// New mentions replace model labels they overlap.
	news := candIndex(added)
	out := chosen[:0]
	for _, c := range chosen {
		if c.tier >= tierRule || !news.AnyOverlap(c.Span, nil) {
			out = append(out, c)
		}
	}
	out = append(out, added...)
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// holding is who holds a title in a document: the last person seen with
// it, and whether several entities hold it.
type holding struct {
	last *cand
	many bool
}

// holderKey keys titleHolders' map: a role, folded, and a country code
// ("" for the role in any country).
func holderKey(role, country string) string {
	return strings.ToLower(role) + "\x00" + country
}

// titleHolders maps each role, in each country and in any country, to the
// persons of all who hold it, in one pass instead of a scan of every
// mention for each title.
func titleHolders(all []cand) map[string]holding {
	m := map[string]holding{}
	add := func(k string, c *cand) {
		h := m[k]
		if h.last != nil && h.last.key != c.key {
			h.many = true
		}
		h.last = c
		m[k] = h
	}
	for i := range all {
		c := &all[i]
		if c.typ != pipeline.Person || c.tier < tierRule {
			continue
		}
		role := c.evidence[entity.AttrRole]
		add(holderKey(role, ""), c)
		if cc := c.evidence[entity.AttrCountry]; cc != "" {
			add(holderKey(role, cc), c)
		}
	}
	return m
}

// isAcronymOf reports whether the letters of acr are, in order, initials of
// the words of name, starting with the first ("SCO" of "Shanghai
// Cooperation Organization", "ISIL" of "Islamic State of Iraq and the
// Levant").
func isAcronymOf(acr, name string) bool {
	var initials []rune
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' || r == '\n' }) {
		for _, r := range w {
			initials = append(initials, []rune(strings.ToUpper(string(r)))[0])
			break
		}
	}
	letters := []rune(strings.ReplaceAll(acr, ".", ""))
	if len(letters) < 2 || len(initials) == 0 || letters[0] != initials[0] {
		return false
	}
	j := 0
	for _, r := range initials {
		if j < len(letters) && r == letters[j] {
			j++
		}
	}
	return j == len(letters)
}
