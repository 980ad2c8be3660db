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
	for _, sp := range x.spokes {
		x.spokesmanOffice(sp.m, sp.of)
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
// ("President" of "President Vladimir Putin"), if any.
func (x *view) leadingTitle(p pipeline.Mention) string {
	words := strings.Fields(x.d.Slice(p.Span))
	best := ""
	for k := 1; k < len(words) && k <= 4; k++ {
		cand := normTitle(strings.Join(words[:k], " "))
		if _, _, ok := x.r.matchTitle(cand); ok {
			best = cand
		}
	}
	return best
}

// titleBefore handles "<polity> <title> <person>" and "<polity>'s <title>
// to <place>, <person>".
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
		if strings.ContainsAny(between, ".;:()«»\"“”") || len(strings.Fields(between)) > 7 {
			break
		}
		between = trimPossessive(strings.TrimLeft(between, " "))
		// "Former Turkish President X": a blocker before the polity.
		pre := strings.Fields(normTitle(x.d.Text[max(x.sentence(q.Start).Start, q.Start-24):q.Start]))
		if len(pre) > 0 && x.r.blocked(pre[len(pre)-1]) {
			continue
		}
		phrase := normTitle(between + " " + lead)
		t, to, ok := x.r.matchTitle(phrase)
		if !ok || t.RankOnly {
			continue
		}
		x.record(p, t, to, of, q.End, p.Start, "title-before-name", 0.9)
		return true
	}
	return false
}

// titleApposition handles "<person>, <polity> <title>," and "<person>, the
// head of the <polity> ... General Staff,".
func (x *view) titleApposition(i int) bool {
	p := x.ms[i]
	rest := x.d.Text[p.End:]
	if !strings.HasPrefix(rest, ",") {
		return false
	}
	end := strings.IndexAny(rest[1:], ",.;:«»\"(")
	if end < 0 || end > 100 {
		return false
	}
	npStart, npEnd := p.End+1, p.End+1+end
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
	if q == nil || q.End > npEnd {
		return false
	}
	after := trimPossessive(x.d.Text[q.End:npEnd])
	phrase := normTitle(x.d.Text[npStart:q.Start] + " " + after)
	t, to, ok := x.r.matchTitle(phrase)
	if !ok || t.RankOnly {
		return false
	}
	x.record(p, t, to, x.polity(*q), npStart, npEnd, "title-apposition", 0.85)
	return true
}

// record adds the office found by a title rule, resolving counterparts
// and ambassadors' postings.
func (x *view) record(p pipeline.Mention, t *title, to, of string, from, upto int, rule string, def float64) {
	role := t.Role
	if t.Counterpart {
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
		for k := sort.Search(len(x.ms), func(k int) bool { return x.ms[k].Start >= from }); k < len(x.ms) && x.ms[k].Start <= upto; k++ {
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
	x.office(p, role, of, rule, def)
	if strings.Contains(strings.ToLower(role), "spokes") && strings.Contains(strings.ToLower(role), "presiden") {
		x.spokes = append(x.spokes, spoke{p, of})
	}
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

// spokesmanOffice links a presidential spokesman to the president of the
// same country when the document names one.
func (x *view) spokesmanOffice(p pipeline.Mention, of string) {
	for _, k := range x.order {
		r := x.found[k]
		if r.Type == pipeline.HoldsRole && r.Target == of && r.Label == "President" && r.Source != p.EntityID {
			x.add(pipeline.Relation{
				Source: p.EntityID, Type: pipeline.AffiliatedWith, Target: r.Source, Label: "spokesman",
				Evidence: x.sentence(p.Start), Confidence: x.r.confidence("spokesman-office", 0.6), Rule: "spokesman-office",
			})
			return
		}
	}
}

// titleCase capitalizes each word.
func titleCase(s string) string {
	w := strings.Fields(s)
	for i, x := range w {
		w[i] = strings.ToUpper(x[:1]) + x[1:]
	}
	return strings.Join(w, " ")
}
