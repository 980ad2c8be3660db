package entities

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/entente-nlp/entente/entity"
	"github.com/entente-nlp/entente/gazetteer"
	"github.com/entente-nlp/entente/internal/textnorm"
	"github.com/entente-nlp/entente/pipeline"
)

// build groups the mentions into entities and fills d.Mentions and
// d.Entities.
func (s *Stage) build(d *pipeline.Document, ws []word, ms []cand) {
	type group struct {
		key   string
		ms    []*cand
		first int
	}
	groups := map[string]*group{}
	var order []*group
	for i := range ms {
		c := &ms[i]
		g := groups[c.key]
		if g == nil {
			g = &group{key: c.key, first: c.Start}
			groups[c.key] = g
			order = append(order, g)
		}
		g.ms = append(g.ms, c)
	}
	lead := leadOf(d, ws)
	maxCount := 1
	for _, g := range order {
		n := 0
		for _, c := range g.ms {
			if !d.InBoilerplate(c.Span) {
				n++
			}
		}
		maxCount = max(maxCount, n)
	}
	d.Mentions = d.Mentions[:0]
	d.Entities = d.Entities[:0]
	ids := map[string]int{}
	for _, g := range order {
		e := pipeline.Entity{Type: g.ms[0].typ}
		linked := len(g.ms[0].ids) > 0
		if linked {
			e.ID = g.ms[0].ids[0]
			e.Linked = true
			if ent, ok := s.gaz.Entry(e.ID); ok {
				e.Name = ent.Name
				e.Type = ent.Type
				e.Attrs = copyAttrs(ent.Attrs)
				if ent.Country != "" && ent.Country != e.ID {
					setAttr(&e, entity.AttrCountry, ent.Country)
				}
			}
			s.setActorCode(d, &e)
		}
		if e.Name == "" {
			e.Name = canonicalName(d, g.ms)
		}
		if !linked {
			e.ID = gazetteer.UnlinkedID(e.Type, e.Name)
		}
		seen := map[string]bool{textnorm.Fold(e.Name): true}
		amb := map[string]bool{}
		inLead, body, first := false, 0, -1
		roles := map[string]int{}
		for _, c := range g.ms {
			text := textnorm.CollapseSpace(d.Slice(c.Span))
			if f := textnorm.Fold(text); !seen[f] {
				seen[f] = true
				e.Aliases = append(e.Aliases, text)
			}
			for _, id := range c.ids[min(1, len(c.ids)):] {
				amb[id] = true
			}
			if c.Start < lead.end && c.Start >= lead.start || lead.title.Contains(c.Span) {
				inLead = true
			}
			if !d.InBoilerplate(c.Span) {
				body++
				if first < 0 {
					first = c.Start
				}
			}
			if r := c.evidence[entity.AttrRole]; r != "" {
				roles[r]++
			}
			if cc := c.evidence[entity.AttrCountry]; cc != "" && e.Type == pipeline.Person {
				setAttr(&e, entity.AttrCountry, cc)
			}
		}
		if r := mostCommon(roles); r != "" {
			setAttr(&e, entity.AttrRole, r)
		}
		for id := range amb {
			e.Ambiguous = append(e.Ambiguous, id)
		}
		sort.Strings(e.Ambiguous)
		e.Count = len(g.ms)
		if body == 0 {
			e.Salience = salience(len(g.ms), maxCount, g.first, len(d.Text), inLead) / 2
		} else {
			e.Salience = salience(body, maxCount, first, len(d.Text), inLead)
		}
		e.Salience = math.Round(e.Salience*1000) / 1000
		if k, dup := ids[e.ID]; dup {
			// Two keys ended with one id: fold the second into the first.
			prev := &d.Entities[k]
			prev.Count += e.Count
			prev.Salience = math.Max(prev.Salience, e.Salience)
			for _, a := range append([]string{e.Name}, e.Aliases...) {
				if !strings.EqualFold(a, prev.Name) && !containsFold(prev.Aliases, a) {
					prev.Aliases = append(prev.Aliases, a)
				}
			}
		} else {
			ids[e.ID] = len(d.Entities)
			d.Entities = append(d.Entities, e)
		}
		for _, c := range g.ms {
			d.Mentions = append(d.Mentions, pipeline.Mention{
				Span: c.Span, EntityID: e.ID, Type: e.Type, Source: c.source, Form: c.form,
				Score: c.score, Reason: c.reason, Evidence: c.evidence,
			})
		}
	}
	// slices' stable sort: sort.SliceStable's algorithm and order without
	// its reflection swaps.
	slices.SortStableFunc(d.Mentions, func(a, b pipeline.Mention) int { return cmp.Compare(a.Start, b.Start) })
	slices.SortStableFunc(d.Entities, func(a, b pipeline.Entity) int {
		switch {
		case a.Salience > b.Salience:
			return -1
		case b.Salience > a.Salience:
			return 1
		}
		return 0
	})
}

// canonicalName picks the longest full name among the mentions (not a
// surname, acronym, alternative name, demonym or metonym), the most
// frequent on ties.
func canonicalName(d *pipeline.Document, ms []*cand) string {
	counts := map[string]int{}
	best := ""
	for _, c := range ms {
		if c.form != "name" && c.form != "" {
			continue // surname, acronym, alias, demonym, metonym
		}
		n := textnorm.CollapseSpace(d.Slice(c.Span))
		counts[n]++
		if len(n) > len(best) || len(n) == len(best) && counts[n] > counts[best] {
			best = n
		}
	}
	if best == "" {
		best = textnorm.CollapseSpace(d.Slice(ms[0].Span))
	}
	return best
}

// salience scores an entity in 0..1: half from its mention count relative
// to the most mentioned entity, a quarter from how early it first appears,
// a quarter from presence in the title or lead. Mentions in boilerplate do
// not count; an entity seen only there gets half of what its mentions
// would give.
func salience(count, maxCount, first, textLen int, inLead bool) float64 {
	s := 0.5 * math.Min(1, math.Log1p(float64(count))/math.Log1p(float64(maxCount)))
	if textLen > 0 {
		s += 0.25 * (1 - float64(first)/float64(textLen))
	}
	if inLead {
		s += 0.25
	}
	return s
}

// lead is where a reader looks first: the title, and the first two
// sentences of the body.
type lead struct {
	title      pipeline.Span
	start, end int
}

// leadOf finds the title line (the document's first headline line) and the
// first two body sentences: sentences of at least eight words outside
// headlines and boilerplate. Bylines and datelines are not the lead.
func leadOf(d *pipeline.Document, ws []word) lead {
	var l lead
	if len(ws) > 0 && ws[0].headline {
		k := 0
		for k+1 < len(ws) && ws[k+1].headline && !ws[k+1].sentStart {
			k++
		}
		l.title = span(ws, 0, k+1)
	}
	n := 0
	for _, s := range d.Sentences {
		i := sort.Search(len(ws), func(k int) bool { return ws[k].Start >= s.Start })
		words, head := 0, false
		for ; i < len(ws) && ws[i].End <= s.End; i++ {
			if ws[i].letters {
				words++
			}
			head = head || ws[i].headline
		}
		if words < 8 || head || d.InBoilerplate(s.Span) {
			continue
		}
		if n == 0 {
			l.start = s.Start
		}
		n++
		l.end = s.End
		if n == 2 {
			break
		}
	}
	return l
}

func mostCommon(m map[string]int) string {
	best, n := "", 0
	for k, v := range m {
		if v > n || v == n && k < best {
			best, n = k, v
		}
	}
	return best
}

func setAttr(e *pipeline.Entity, k, v string) {
	if e.Attrs == nil {
		e.Attrs = map[string]string{}
	}
	if _, ok := e.Attrs[k]; !ok {
		e.Attrs[k] = v
	}
}

func copyAttrs(m map[string]string) map[string]string {
	if len(m) == 0 {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
