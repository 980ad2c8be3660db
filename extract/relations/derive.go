package relations

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/entente-nlp/entente/pipeline"
)

// fromEvents relates the participants of events by the event rules:
// co-actors of agreements cooperate, actors of a fight oppose its
// targets (both ways for a war), the objects of "against" in a
// cooperation oppose its parties. Hypothetical, negated or failed events
// ("the possibility of a meeting", "NATO's unwillingness to cooperate")
// give nothing: those the events stage marks (Negated, Modality
// hypothetical) and those with a hedge word before every trigger.
func (x *view) fromEvents() {
	// Events that share a trigger are one event split into dyads ("Russia,
	// Turkey and Iran signed" gives one per source): their actors act
	// together.
	coActors := map[pipeline.Span][]string{}
	for _, e := range x.d.Events {
		if e.Negated || e.Modality == "hypothetical" {
			continue
		}
		as, _ := x.participantSides(e)
		if t := x.typeOf(e.Source); e.Source != "" && (t == pipeline.Country || t == pipeline.Organization) && !slices.Contains(as, e.Source) {
			as = append(as, e.Source)
		}
		for _, a := range as {
			if !slices.Contains(coActors[e.Trigger], a) {
				coActors[e.Trigger] = append(coActors[e.Trigger], a)
			}
		}
	}
	for _, e := range x.d.Events {
		if e.Negated || e.Modality == "hypothetical" || x.hedged(e) {
			continue
		}
		actors, targets := x.sides(e)
		together := coActors[e.Trigger]
		if len(actors)+len(targets) == 0 {
			continue
		}
		against, alongside, with := x.prepSides(e, targets)
		for i := range x.r.events {
			rule := &x.r.events[i]
			if !rule.takes(e.Kind, e.CAMEO) {
				continue
			}
			as, ts := actors, targets
			if rule.Relation == pipeline.CooperatesWith || rule.Relation == pipeline.Opposes {
				// Opponents never cooperate; allies are no targets.
				ts = without(without(ts, against), alongside)
			}
			mutual := slices.Contains(rule.Mutual, e.Kind)
			for _, pairs := range rule.Pairs {
				switch pairs {
				case "actors":
					x.pairs(e, rule.Name, rule.Relation, rule.Confidence, together, together)
				case "actor-target":
					x.pairs(e, rule.Name, rule.Relation, rule.Confidence, as, ts)
					if mutual {
						// "fought a war with Israel", not "fought Islamic State"
						x.pairs(e, rule.Name, rule.Relation, rule.Confidence, with, as)
					}
				}
			}
			if mutual && len(as) == 0 {
				// "clashes between A and B"
				x.pairs(e, rule.Name, rule.Relation, rule.Confidence, ts, slices.Clone(ts))
			}
			switch rule.Relation {
			case pipeline.CooperatesWith:
				if rule.Against > 0 && len(against) > 0 {
					parties := append(slices.Clone(as), ts...)
					x.pairs(e, rule.Name+"-against", pipeline.Opposes, rule.Against, parties, against)
				}
			case pipeline.Opposes:
				if x.joint(e) {
					x.pairs(e, rule.Name+"-together", pipeline.CooperatesWith, rule.Confidence, together, together)
				}
				if len(alongside) > 0 {
					x.pairs(e, rule.Name+"-alongside", pipeline.CooperatesWith, rule.Confidence, as, alongside)
					if len(against) > 0 {
						x.pairs(e, rule.Name, pipeline.Opposes, rule.Confidence, alongside, against)
					}
				}
			}
		}
	}
}

// sides returns the countries and organizations acting in e and those it
// targets. An event with no actor of its own in a relative clause or an
// apposition takes the noun it describes ("Hezbollah, which fought a
// month-long war with Israel").
func (x *view) sides(e pipeline.Event) (actors, targets []string) {
	party := func(id string) bool {
		t := x.typeOf(id)
		return id != "" && (t == pipeline.Country || t == pipeline.Organization)
	}
	if party(e.Source) {
		// The events stage's dyad from the parse: its source acts; its
		// target, else the event's other targets, is acted on.
		actors = []string{e.Source}
		if party(e.Target) {
			return actors, []string{e.Target}
		}
		for _, p := range e.Participants {
			if p.Role == "target" && party(p.Entity) && p.Entity != e.Source && !x.describesOther(e, p.Entity) {
				targets = append(targets, p.Entity)
			}
		}
		return actors, targets
	}
	return x.participantSides(e)
}

// participantSides returns the countries and organizations among e's
// participants with role actor and target.
func (x *view) participantSides(e pipeline.Event) (actors, targets []string) {
	for _, p := range e.Participants {
		if t := x.typeOf(p.Entity); t != pipeline.Country && t != pipeline.Organization {
			continue
		}
		if x.describesOther(e, p.Entity) {
			continue
		}
		switch p.Role {
		case "actor":
			actors = append(actors, p.Entity)
		case "target":
			targets = append(targets, p.Entity)
		}
	}
	if len(actors) == 0 {
		if a := x.antecedent(e.Trigger); a != "" && !slices.Contains(targets, a) {
			actors = append(actors, a)
		}
	}
	return actors, targets
}

// apposStart matches the start of a phrase set off by commas that
// describes the noun before it: ", both members of NATO,", ", a NATO
// member,", ", which includes the UAE,".
var apposStart = regexp.MustCompile(`(?i)^\s*(?:a|an|the|both|all|one|each|two|three|four|also|itself|themselves|whose|which|who|members?|home\s+to|part\s+of|along\s+with)\b`)

// describesOther reports whether every mention of id in e's sentence lies
// in such a phrase after another country or organization, away from e's
// trigger: the entities of "Poland and Lithuania, both members of NATO and
// the EU, have delivered tanks" that did not deliver anything.
func (x *view) describesOther(e pipeline.Event, id string) bool {
	sent := e.Evidence
	seen := false
	for k := x.mentionAfter(sent.Start); k < len(x.ms) && x.ms[k].Start < sent.End; k++ {
		m := x.ms[k]
		if m.EntityID != id {
			continue
		}
		seen = true
		open := strings.LastIndexByte(x.d.Text[sent.Start:m.Start], ',')
		if open < 0 {
			return false
		}
		open += sent.Start
		close := strings.IndexAny(x.d.Text[m.End:sent.End], ",;:()")
		if close < 0 || x.d.Text[m.End+close] != ',' {
			return false
		}
		close += m.End
		if e.Trigger.Start >= open && e.Trigger.Start < close || !apposStart.MatchString(x.d.Text[open+1:m.Start]+" ") {
			return false
		}
		// The phrase follows a country or organization mention.
		j := x.mentionAfter(open) - 1
		for j >= 0 && x.ms[j].End > open {
			j--
		}
		if j < 0 || strings.TrimSpace(x.d.Text[x.ms[j].End:open]) != "" {
			return false
		}
		if t := x.ms[j].Type; t != pipeline.Country && t != pipeline.Organization {
			return false
		}
	}
	return seen
}

// relClause matches the text between a noun and a verb of its relative
// clause or participial apposition: ", which has", ", who", ", which in
// 2006".
var relClause = regexp.MustCompile(`(?i)^\s*,\s*(?:which|who|that)\b[^,;:.()«»"“”]{0,40}$`)

// antecedent returns the country or organization a relative clause holding
// the trigger describes, or "".
func (x *view) antecedent(trig pipeline.Span) string {
	if trig.Start <= 0 || trig.Start > len(x.d.Text) {
		return ""
	}
	k := x.mentionAfter(trig.Start) - 1
	if k < 0 {
		return ""
	}
	m := x.ms[k]
	if m.End > trig.Start || x.d.SentenceAt(m.Start) != x.d.SentenceAt(trig.Start) {
		return ""
	}
	if t := m.Type; t != pipeline.Country && t != pipeline.Organization {
		return ""
	}
	if !relClause.MatchString(x.d.Text[m.End:trig.Start]) {
		return ""
	}
	return m.EntityID
}

// prepSides returns the targets of e every mention of which (in the
// event's sentence) is the object of "against" ("coordinated with the
// coalition against Islamic State"), those the object of "alongside" or
// "together with", and those the object of "with" or "between" (the other
// side of a mutual event: "a war with Israel").
func (x *view) prepSides(e pipeline.Event, targets []string) (against, alongside, with []string) {
	for _, t := range targets {
		switch x.prepOf(e.Evidence, t) {
		case "against":
			against = append(against, t)
		case "alongside":
			alongside = append(alongside, t)
		case "with":
			with = append(with, t)
		}
	}
	return against, alongside, with
}

// prepBefore matches "against", "alongside" or "together with" (and an
// article) right before a mention.
var prepBefore = regexp.MustCompile(`(?i)\b(against|alongside|together with|along with|with|between(?:\s+\S+\s+and)?)\s+(?:the\s+|its\s+|their\s+)?$`)

// prepOf returns "against", "alongside" or "with" (also "between") when
// every mention of id inside span follows that preposition, else "".
func (x *view) prepOf(span pipeline.Span, id string) string {
	got := ""
	for k := x.mentionAfter(span.Start); k < len(x.ms) && x.ms[k].Start < span.End; k++ {
		m := x.ms[k]
		if m.EntityID != id {
			continue
		}
		p := ""
		if loc := prepBefore.FindStringSubmatch(x.d.Text[max(span.Start, m.Start-24):m.Start]); loc != nil {
			switch p = strings.ToLower(loc[1]); {
			case p == "against":
			case p == "with" || strings.HasPrefix(p, "between"):
				p = "with"
			default:
				p = "alongside"
			}
		}
		if p == "" || got != "" && got != p {
			return ""
		}
		got = p
	}
	return got
}

// without returns xs minus the ids in drop (xs itself when none is).
func without(xs, drop []string) []string {
	if len(drop) == 0 {
		return xs
	}
	var out []string
	for _, v := range xs {
		if !slices.Contains(drop, v) {
			out = append(out, v)
		}
	}
	return out
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
		var idx []int // slot -> index in x.ms
		pos := s.Start
		for ; k < len(x.ms) && x.ms[k].Start < s.End; k++ {
			m := x.ms[k]
			if m.Start < pos {
				continue
			}
			b.WriteString(x.d.Text[pos:m.Start])
			b.WriteString("⟦" + strconv.Itoa(len(slots)) + "⟧")
			slots = append(slots, m)
			idx = append(idx, k)
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
				if len(st.ATypes) > 0 && !slices.Contains(st.ATypes, slots[a].Type) ||
					len(st.BTypes) > 0 && !slices.Contains(st.BTypes, slots[c].Type) || x.hedgedAt(slots[a].Span) {
					continue
				}
				// "Sweden and Finland joined the EU"; "Iran backs the
				// Houthis and Hezbollah".
				as, bs := x.coordinated(idx[a]), x.coordinated(idx[c])
				if slices.ContainsFunc(as, func(m pipeline.Mention) bool { return m.Span == slots[c].Span }) {
					// "ties between Turkey and the US": one list, one pair
					as, bs = slots[a:a+1], slots[c:c+1]
				}
				for _, sm := range as {
					for _, om := range bs {
						src, dst := x.statementEnd(sm), x.statementEnd(om)
						r := pipeline.Relation{
							Source: src, Type: st.Relation, Target: dst, Label: st.Label, Evidence: s.Span,
							Confidence: st.Confidence, Rule: st.Name, Date: x.sentenceDate(s.Start),
						}
						x.add(r)
						if st.Mutual {
							r.Source, r.Target = dst, src
							x.add(r)
						}
					}
				}
			}
		}
		if places {
			x.placeStatements(text, slots, s.Span)
		}
	}
}

// coordinated returns the mentions of the list holding mention k, k first
// ("Sweden and Finland joined the EU", "which includes Egypt and Jordan").
func (x *view) coordinated(k int) []pipeline.Mention {
	return append(x.listFrom(k, -1), x.listFrom(k, 1)[1:]...)
}

// statementEnd returns the entity a statement's slot stands for: a
// person, or the polity of a country, organization or capital.
func (x *view) statementEnd(m pipeline.Mention) string {
	if m.Type == pipeline.Person {
		return m.EntityID
	}
	return x.polity(m)
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
