package relations

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/entente-nlp/entente/pipeline"
)

// fromEvents relates the participants of events by the event rules:
// co-actors of agreements cooperate, actors of a fight oppose its
// targets. Hypothetical, negated or failed events ("the possibility of a
// meeting", "NATO's unwillingness to cooperate") give nothing: those the
// events stage marks (Negated, Modality hypothetical) and those with a
// hedge word before every trigger.
func (x *view) fromEvents() {
	for _, e := range x.d.Events {
		if e.Negated || e.Modality == "hypothetical" || x.hedged(e) {
			continue
		}
		var actors, targets []string
		for _, p := range e.Participants {
			if t := x.typeOf(p.Entity); t != pipeline.Country && t != pipeline.Organization {
				continue
			}
			switch p.Role {
			case "actor":
				actors = append(actors, p.Entity)
			case "target":
				targets = append(targets, p.Entity)
			}
		}
		for _, rule := range x.r.events {
			if !slices.Contains(rule.Kinds, e.Kind) {
				continue
			}
			for _, pairs := range rule.Pairs {
				switch pairs {
				case "actors":
					x.pairs(e, rule.Name, rule.Relation, rule.Confidence, actors, actors)
				case "actor-target":
					x.pairs(e, rule.Name, rule.Relation, rule.Confidence, actors, targets)
				}
			}
			if rule.Relation == pipeline.Opposes && x.joint(e) {
				x.pairs(e, rule.Name+"-together", pipeline.CooperatesWith, rule.Confidence, actors, actors)
			}
		}
	}
}

func (x *view) pairs(e pipeline.Event, rule, rel string, conf float64, as, bs []string) {
	label := x.eventLabel(e)
	for i, a := range as {
		for j, b := range bs {
			if a == b || (sameList(as, bs) && j <= i) {
				continue
			}
			x.add(pipeline.Relation{
				Source: a, Type: rel, Target: b, Label: label, Evidence: e.Evidence,
				Confidence: conf, Date: e.Date, Rule: rule, Events: []string{e.ID},
			})
		}
	}
}

// eventLabel names the tie drawn from e: a label cue in the sentence of
// any of its mentions ("guarantors"), else its kind.
func (x *view) eventLabel(e pipeline.Event) string {
	if len(x.r.labels) == 0 {
		return e.Kind
	}
	trigs := append([]pipeline.Span{e.Trigger}, e.Triggers...)
	toks := x.d.Tokens
	for _, t := range trigs {
		s := x.sentence(t.Start)
		i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= s.Start })
		for ; i < len(toks) && toks[i].End <= s.End; i++ {
			if l, ok := x.r.labels[toks[i].Lower]; ok {
				return l
			}
		}
	}
	return e.Kind
}

func sameList(a, b []string) bool { return len(a) > 0 && len(b) > 0 && &a[0] == &b[0] }

// hedged reports whether every trigger of e is preceded, in its clause,
// by a hedge cue.
func (x *view) hedged(e pipeline.Event) bool {
	trigs := e.Triggers
	if len(trigs) == 0 {
		trigs = []pipeline.Span{e.Trigger}
	}
	for _, t := range trigs {
		if !x.hedgedAt(t) {
			return false
		}
	}
	return true
}

// hedgedAt looks at up to eight words before the trigger, stopping at
// clause punctuation and the sentence start.
func (x *view) hedgedAt(t pipeline.Span) bool {
	toks := x.d.Tokens
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= t.Start })
	sent := x.sentence(t.Start)
	for k, n := i-1, 0; k >= 0 && n < 8 && toks[k].Start >= sent.Start; k, n = k-1, n+1 {
		w := strings.Trim(toks[k].Lower, "«»“”\"'")
		switch w {
		case ",", ";", ":", "–", "—":
			return false
		}
		if x.r.hedges[w] {
			return true
		}
	}
	return false
}

// joint reports whether a joint cue follows the trigger ("fight
// together").
func (x *view) joint(e pipeline.Event) bool {
	toks := x.d.Tokens
	trigs := append([]pipeline.Span{e.Trigger}, e.Triggers...)
	for _, t := range trigs {
		i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= t.End })
		for k := i; k < len(toks) && k < i+2; k++ {
			if x.r.joint[toks[k].Lower] {
				return true
			}
		}
	}
	return false
}

// fromStatements matches the statement patterns (and, when places come
// from the text, the place patterns) sentence by sentence on text whose
// mentions are replaced by numbered slots.
func (x *view) fromStatements(places bool) {
	if len(x.r.statements) == 0 && (!places || len(x.r.places) == 0) {
		return
	}
	k := 0
	for _, s := range x.d.Sentences {
		if x.d.InBoilerplate(s.Span) {
			continue
		}
		var b strings.Builder
		var slots []pipeline.Mention
		pos := s.Start
		for ; k < len(x.ms) && x.ms[k].Start < s.End; k++ {
			m := x.ms[k]
			if m.Start < pos {
				continue
			}
			b.WriteString(x.d.Text[pos:m.Start])
			b.WriteString("⟦" + strconv.Itoa(len(slots)) + "⟧")
			slots = append(slots, m)
			pos = m.End
		}
		if len(slots) < 2 {
			continue
		}
		if end := min(s.End, len(x.d.Text)); pos < end {
			b.WriteString(x.d.Text[pos:end])
		}
		text := strings.ToLower(collapseSpace(b.String()))
		for i := range x.r.statements {
			st := &x.r.statements[i]
			for _, m := range st.match(text) {
				a, _ := strconv.Atoi(m[st.aIdx])
				c, _ := strconv.Atoi(m[st.bIdx])
				if a >= len(slots) || c >= len(slots) {
					continue
				}
				src, dst := x.polity(slots[a]), x.polity(slots[c])
				if slots[a].Type == pipeline.Person {
					src = slots[a].EntityID
				}
				if slots[c].Type == pipeline.Person {
					dst = slots[c].EntityID
				}
				x.add(pipeline.Relation{
					Source: src, Type: st.Relation, Target: dst, Label: st.Label, Evidence: s.Span,
					Confidence: st.Confidence, Rule: st.Name,
				})
			}
		}
		if places {
			x.placeStatements(text, slots, s.Span)
		}
	}
}

// placeStatements finds "the Kazakh capital of Astana", "Moscow, Russia":
// a place and its country stated in the text. A country known for the
// place that disagrees wins over the text.
func (x *view) placeStatements(text string, slots []pipeline.Mention, sent pipeline.Span) {
	hasPlace, hasCountry := false, false
	for _, m := range slots {
		hasPlace = hasPlace || m.Type == pipeline.Location
		hasCountry = hasCountry || m.Type == pipeline.Country
	}
	if !hasPlace || !hasCountry {
		return
	}
	for i := range x.r.places {
		st := &x.r.places[i]
		for _, m := range st.match(text) {
			a, _ := strconv.Atoi(m[st.aIdx])
			c, _ := strconv.Atoi(m[st.bIdx])
			if a >= len(slots) || c >= len(slots) || slots[a].Type != pipeline.Location || slots[c].Type != pipeline.Country {
				continue
			}
			place, country := slots[a].EntityID, slots[c].EntityID
			if known := x.countryOf(place); known != "" && known != country {
				continue
			}
			x.add(pipeline.Relation{
				Source: place, Type: pipeline.LocatedIn, Target: country, Label: "located in", Evidence: sent,
				Confidence: x.r.confidence("place-text", 0.85), Rule: "place-text",
			})
		}
	}
}
