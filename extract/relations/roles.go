package relations

import (
	"github.com/entente-nlp/entente/internal/textnorm"
	"sort"
	"strings"

	"github.com/entente-nlp/entente/entity"
	"github.com/entente-nlp/entente/pipeline"
)

// collapseSpace replaces runs of white space by one space.
func collapseSpace(s string) string { return textnorm.CollapseSpace(s) }

// trimPossessive removes a leading "'s" or "'" (and the spaces after it).
func trimPossessive(s string) string {
	for _, p := range []string{"'s", "’s", "'", "’"} {
		if strings.HasPrefix(s, p) {
			return strings.TrimLeft(s[len(p):], " \t\n")
		}
	}
	return s
}

// normTitle lower-cases a title phrase, folds quotes and spaces and trims
// punctuation around it.
func normTitle(s string) string {
	s = collapseSpace(strings.ToLower(strings.ReplaceAll(s, "’", "'")))
	return strings.Trim(s, " ,;:.\u00a0")
}

// holdsRole finds office holders: "Russian Foreign Minister Sergey
// Lavrov", "Moscow's ambassador to Ankara, Andrei Karlov", "Dmitry Peskov,
// Russian president's spokesman", "President Recep Tayyip Erdogan" (with
// the gazetteer), and cues the entities stage left on mentions.
func (x *view) holdsRole() {
	for i, p := range x.ms {
		if p.Type != pipeline.Person {
			continue
		}
		if x.titleBefore(i) || x.titleApposition(i) {
			continue
		}
		x.titleOnly(i)
	}
	for _, m := range x.ms {
		if m.Type != pipeline.Person || m.Evidence == nil {
			continue
		}
		raw, of := m.Evidence[entity.AttrRole], m.Evidence[entity.AttrCountry]
		if of == "" {
			of = m.Evidence[entity.AttrOrg]
		}
		if raw == "" || of == "" {
			continue
		}
		t, _, ok := x.r.matchTitle(normTitle(raw))
		if !ok || t.RankOnly || t.Counterpart {
			continue
		}
		x.office(m, t.Role, of, "mention-evidence", 0.8)
	}
}

// office records person m holding role for polity of.
func (x *view) office(m pipeline.Mention, role, of, rule string, def float64) {
	conf := x.r.confidence(rule, def)
	if x.gaz != nil {
		for _, o := range x.gaz.Offices(m.EntityID, "") {
			if o.Of == of {
				conf = min(1, conf+0.05)
			}
		}
	}
	x.roles = append(x.roles, roleSeen{pos: m.Start, role: role})
	x.add(pipeline.Relation{
		Source: m.EntityID, Type: pipeline.HoldsRole, Target: of, Label: role,
		Evidence: x.sentence(m.Start), Confidence: conf, Rule: rule, Date: x.eventDate(m),
	})
}

// eventDate returns the date of an event in m's sentence that m takes
// part in, or "".
func (x *view) eventDate(m pipeline.Mention) string {
	for _, i := range x.events.Containing(m.Span, nil) {
		e := &x.d.Events[i]
		if e.Date == "" {
			continue
		}
		for _, p := range e.Participants {
			if p.Entity == m.EntityID {
				return e.Date
			}
		}
	}
	return ""
}

// leadingTitle returns the title words a person mention starts with
// ("President" of "President Vladimir Putin"), as written, if any.
func (x *view) leadingTitle(p pipeline.Mention) string {
	words := strings.Fields(x.d.Slice(p.Span))
	best := ""
	for k := 1; k < len(words) && k <= 4; k++ {
		cand := strings.Join(words[:k], " ")
		if _, _, ok := x.r.matchTitle(normTitle(cand)); ok {
			best = cand
		}
	}
	return best
}

// titleBefore handles "<polity> <title> <person>", "<polity>'s <title>
// to <place>, <person>" and "the <title> of <polity>, <person>".
func (x *view) titleBefore(i int) bool {
	p := x.ms[i]
	lead := x.leadingTitle(p)
	for back := 1; back <= 2 && i-back >= 0; back++ {
		q := x.ms[i-back]
		if q.End > p.Start || p.Start-q.End > 80 || x.d.SentenceAt(q.Start) != x.d.SentenceAt(p.Start) {
			break
		}
		of := x.polity(q)
		if of == "" {
			continue
		}
		between := x.d.Text[q.End:p.Start]
		if strings.ContainsAny(rankAbbrev.ReplaceAllString(between, " "), ".;:()«»\"“”") || len(strings.Fields(between)) > 7 {
			break
		}
		between = trimPossessive(strings.TrimLeft(between, " "))
		// "Former Turkish President X": a blocker before the polity.
		pre := strings.Fields(normTitle(x.d.Text[max(x.sentence(q.Start).Start, q.Start-24):q.Start]))
		if len(pre) > 0 && x.r.blocked(pre[len(pre)-1]) {
			continue
		}
		ti, ok := x.r.resolveTitle(between + " " + lead)
		if !ok && strings.Trim(between, " ,") == "" && lead == "" {
			// "the foreign minister of Russia, Sergey Lavrov"
			ti, ok = x.titleOf(q)
		}
		if !ok || ti.t != nil && ti.t.RankOnly {
			continue
		}
		x.record(p, ti, of, q.End, p.Start, "title-before-name", 0.9)
		return true
	}
	return false
}

// titleOf reads "the <title> of" right before polity mention q.
func (x *view) titleOf(q pipeline.Mention) (officeTitle, bool) {
	s := x.sentence(q.Start)
	pre := x.d.Text[max(s.Start, q.Start-60):q.Start]
	loc := trailingPrep.FindStringIndex(pre)
	if loc == nil || !strings.HasPrefix(strings.ToLower(strings.TrimSpace(pre[loc[0]:])), "of") {
		return officeTitle{}, false
	}
	pre = pre[:loc[0]]
	if k := strings.LastIndexAny(pre, ",.;:()«»\"“”"); k >= 0 {
		pre = pre[k+1:]
	}
	// The longest title that ends the text: "the foreign minister" of
	// "said the foreign minister".
	words := strings.Fields(pre)
	for k := max(0, len(words)-6); k < len(words); k++ {
		if ti, ok := x.r.resolveTitle(strings.Join(words[k:], " ")); ok {
			return ti, true
		}
	}
	return officeTitle{}, false
}

// apposEnd returns the end of the phrase that starts at from: the first
// clause punctuation outside a mention ("U.S. Central Command" keeps its
// periods), or -1 when there is none within limit bytes.
func (x *view) apposEnd(from, limit int) int {
	k := x.mentionAfter(from)
	for i := from; i < len(x.d.Text) && i < from+limit; i++ {
		for k < len(x.ms) && x.ms[k].End <= i {
			k++
		}
		if k < len(x.ms) && x.ms[k].Start <= i {
			continue
		}
		if strings.IndexByte(",.;:\"()", x.d.Text[i]) >= 0 || strings.HasPrefix(x.d.Text[i:], "«") || strings.HasPrefix(x.d.Text[i:], "»") {
			return i
		}
	}
	return -1
}

// mentionAfter returns the index of the first mention starting at or after
// off.
func (x *view) mentionAfter(off int) int {
	return sort.Search(len(x.ms), func(k int) bool { return x.ms[k].Start >= off })
}

// titleApposition handles "<person>, <polity> <title>,", "<person>, the
// head of the <polity> ... General Staff,", "<person>, the foreign
// minister of <polity>," and "<person>, commander, <organization>,".
func (x *view) titleApposition(i int) bool {
	p := x.ms[i]
	if !strings.HasPrefix(x.d.Text[p.End:], ",") {
		return false
	}
	npStart := p.End + 1
	npEnd := x.apposEnd(npStart, 100)
	if npEnd < 0 {
		return false
	}
	var q *pipeline.Mention
	for k := i + 1; k < len(x.ms) && x.ms[k].Start < npEnd; k++ {
		if of := x.polity(x.ms[k]); of != "" && x.ms[k].Start >= npStart {
			q = &x.ms[k]
			break
		}
		if x.ms[k].Type == pipeline.Person {
			return false
		}
	}
	if q == nil {
		return x.titleThenPolity(p, npStart, npEnd)
	}
	if q.End > npEnd {
		return false
	}
	before := x.d.Text[npStart:q.Start]
	after := trimPossessive(x.d.Text[q.End:npEnd])
	if strings.TrimSpace(after) == "" {
		before = trailingPrep.ReplaceAllString(before, "")
	}
	ti, ok := x.r.resolveTitle(before + " " + after)
	if !ok || ti.t != nil && ti.t.RankOnly {
		return false
	}
	x.record(p, ti, x.polity(*q), npStart, npEnd, "title-apposition", 0.85)
	return true
}

// titleThenPolity handles "<person>, <title>, <polity>" ("Gen. Joseph
// Votel, commander, U.S. Central Command"): the title alone, then the
// polity alone, ending the apposition.
func (x *view) titleThenPolity(p pipeline.Mention, npStart, npEnd int) bool {
	if x.d.Text[npEnd] != ',' {
		return false
	}
	ti, ok := x.r.resolveTitle(x.d.Text[npStart:npEnd])
	if !ok || ti.t != nil && (ti.t.RankOnly || ti.t.Counterpart) {
		return false
	}
	k := x.mentionAfter(npEnd + 1)
	if k >= len(x.ms) || strings.TrimSpace(x.d.Text[npEnd+1:x.ms[k].Start]) != "" {
		return false
	}
	q := x.ms[k]
	of := x.polity(q)
	if of == "" || q.Type == pipeline.Location {
		return false
	}
	if rest := strings.TrimLeft(x.d.Text[q.End:], " "); rest != "" && strings.IndexByte(",.;)", rest[0]) < 0 {
		return false
	}
	x.record(p, ti, of, npStart, q.End, "title-apposition", 0.85)
	return true
}

// record adds the office found by a title rule, resolving counterparts
// and ambassadors' postings. An office held in an organization also
// affiliates the person with it; a staff position only does that.
func (x *view) record(p pipeline.Mention, ti officeTitle, of string, from, upto int, rule string, def float64) {
	role, to := ti.role, ti.to
	if ti.t != nil && ti.t.Counterpart {
		role = ""
		for k := len(x.roles) - 1; k >= 0; k-- {
			if x.roles[k].pos < p.Start {
				role = x.roles[k].role
				break
			}
		}
		if role == "" {
			role = "Counterpart"
		}
		rule, def = "counterpart", 0.75
	}
	if to != "" {
		// "ambassador to Ankara": name the posting by its country.
		place := titleCase(to)
		for k := x.mentionAfter(from); k < len(x.ms) && x.ms[k].Start <= upto; k++ {
			if m := x.ms[k]; m.End <= upto && strings.EqualFold(x.d.Slice(m.Span), to) {
				if c := x.polity(m); c != "" {
					if e := x.entity(c); e != nil && e.Name != "" {
						place = e.Name
					}
				}
			}
		}
		role += " to " + place
	}
	org := x.typeOf(of) == pipeline.Organization
	if org {
		x.add(pipeline.Relation{
			Source: p.EntityID, Type: pipeline.AffiliatedWith, Target: of, Label: role,
			Evidence: x.sentence(p.Start), Confidence: x.r.confidence(rule, def), Rule: rule, Date: x.eventDate(p),
		})
	}
	if ti.staff {
		return
	}
	x.office(p, role, of, rule, def)
}

// titleOnly handles "President Recep Tayyip Erdogan": the title names the
// office, the gazetteer (or the entities stage's cues) names the polity.
func (x *view) titleOnly(i int) {
	p := x.ms[i]
	phrase := x.leadingTitle(p)
	if phrase == "" {
		// Up to four words right before the mention.
		s := x.sentence(p.Start)
		before := strings.Fields(x.d.Text[s.Start:p.Start])
		for k := 1; k <= 4 && k <= len(before); k++ {
			cand := normTitle(strings.Join(before[len(before)-k:], " "))
			if _, _, ok := x.r.matchTitle(cand); ok {
				phrase = cand
			}
		}
	}
	if phrase == "" {
		return
	}
	t, _, ok := x.r.matchTitle(phrase)
	if !ok || t.RankOnly || t.Counterpart {
		return
	}
	of := ""
	if p.Evidence != nil {
		of = p.Evidence[entity.AttrCountry]
	}
	if of == "" && x.gaz != nil {
		for _, o := range x.gaz.Offices(p.EntityID, x.eventDate(p)) {
			if strings.EqualFold(o.Role, t.Role) {
				of = o.Of
				break
			}
		}
	}
	if of == "" {
		return
	}
	x.office(p, t.Role, of, "title-only-gazetteer", 0.8)
}

// titleCase capitalizes each word.
func titleCase(s string) string {
	w := strings.Fields(s)
	for i, x := range w {
		w[i] = strings.ToUpper(x[:1]) + x[1:]
	}
	return strings.Join(w, " ")
}
