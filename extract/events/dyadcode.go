package events

import (
	"strings"

	"github.com/entente-nlp/entente/entity"
	"github.com/entente-nlp/entente/pipeline"
)

// entityCode returns the CAMEO actor code of entity id in the document
// (attrs.cameo, set for entities linked to imported Phoenix actors).
func (x *docView) entityCode(id string) string {
	if id == "" {
		return ""
	}
	if x.codes == nil {
		x.codes = map[string]string{}
		for _, e := range x.d.Entities {
			if c := e.Attrs[entity.AttrCAMEO]; c != "" {
				x.codes[e.ID] = c
			}
		}
	}
	return x.codes[id]
}

// actorCode codes one side of a dyad: the CAMEO code of its entity (or,
// when that has none, of the coded mention nearest the phrase's head)
// composed with the agent its phrase names ("Russia's foreign minister":
// RUS + GOV = RUSGOV; "the prime minister": ---GOV). "" when neither is
// known.
func (x *docView) actorCode(g Argument) string {
	actor := x.entityCode(g.Entity)
	ma, mb, lo, hi := -1, -1, -1, -1
	if g.Mention != (pipeline.Span{}) {
		ma, mb = x.tokenRange(g.Mention)
	}
	if g.Span != (pipeline.Span{}) {
		lo, hi = x.tokenRange(g.Span)
	}
	if actor == "" && lo < hi {
		actor = x.phraseActor(lo, hi, g.Head)
	}
	agent := ""
	if !x.lx.agents.empty() {
		agent = x.phraseAgent(g.Head, lo, hi, ma, mb)
	}
	if actor == "" && agent == "" {
		return ""
	}
	return composeCode(actor, agent)
}

// phraseActor returns the code of the coded mention in [lo, hi) nearest
// token head.
func (x *docView) phraseActor(lo, hi, head int) string {
	best, bestDist := "", 1<<30
	for i := lo; i < hi && i < len(x.argAt); i++ {
		k := x.argAt[i]
		if k < 0 || i > lo && x.argAt[i-1] == k {
			continue
		}
		for _, id := range x.args[k].ids {
			if c := x.entityCode(id); c != "" {
				d := i - head
				if d < 0 {
					d = -d
				}
				if head < 0 {
					d = i - lo
				}
				if d < bestDist {
					best, bestDist = c, d
				}
			}
		}
	}
	return best
}

// phraseAgent returns the agent code the phrase names: its head noun
// ("the Genovian government"), a title right before the mention
// ("President Firefly"), nouns right after it ("Sylvanian troops",
// "Russia's foreign minister"), or the noun an "of" phrase hangs from
// ("the ambassadors of Arnor, Osgiliath and Gondor").
func (x *docView) phraseAgent(head, lo, hi, ma, mb int) string {
	ix, low := x.lx.agents, x.low
	if head >= 0 && (ma < 0 || head < ma || head >= mb) {
		from := lo
		if from < 0 || from > head {
			from = max(0, head-5)
		}
		if c, _ := ix.at(low, from, head); c != "" {
			return c
		}
	}
	if ma < 0 {
		if lo >= 0 && hi > lo {
			// An unnamed phrase without a parse: its last words.
			for j := hi - 1; j >= lo; j-- {
				if c, _ := ix.at(low, lo, j); c != "" {
					return c
				}
			}
		}
		return ""
	}
	// Nouns after the mention, within its noun phrase.
	best := ""
	for j := mb; j < len(low) && j < mb+6; j++ {
		if hi > mb && j >= hi {
			break
		}
		t := x.tag(j)
		of := (low[j] == "of" || low[j] == "for") && j > mb
		if !(isNPTag(t) || of || low[j] == "'s" || low[j] == "’s") || x.argAt[j] >= 0 && x.argAt[j] != x.argAt[ma] {
			break
		}
		if c, _ := ix.at(low, mb, j); c != "" {
			best = c
		}
	}
	if best != "" {
		return best
	}
	// A title right before the mention.
	if ma > 0 {
		if c, _ := ix.at(low, max(0, ma-5), ma-1); c != "" {
			return c
		}
	}
	// "the ambassadors of A, B and C".
	k := ma - 1
	for k >= 0 && (x.argAt[k] >= 0 || low[k] == "," || low[k] == "and") {
		k--
	}
	if k > 0 && low[k] == "of" {
		if c, _ := ix.at(low, max(0, k-5), k-1); c != "" {
			return c
		}
	}
	return ""
}

// sideCode codes one side of a dyad of draft dr (see actorCode); a side
// the dyad leaves empty may still be an unnamed agent phrase next to the
// verb ("The prime minister condemned Sylvania": ---GOV), read off the
// words when no parse gave it.
func (x *docView) sideCode(dr *draft, g Argument, source bool) string {
	if g.Entity != "" && g.Mention == (pipeline.Span{}) && g.Head < 0 {
		// A side read off word order: its mention nearest the trigger.
		g.Mention = x.nearestMention(dr, g.Entity)
	}
	if g.Entity != "" || g.Head >= 0 || g.Span != (pipeline.Span{}) {
		return x.actorCode(g)
	}
	v := dr.code.verb
	if v < 0 || x.lx.agents.empty() {
		return ""
	}
	if source {
		j := v - 1
		for j >= 0 && (strings.HasPrefix(x.tag(j), "VB") || x.tag(j) == "MD" || x.tag(j) == "RB") {
			j--
		}
		if j < 0 || !isNounTag(x.tag(j)) || x.argAt[j] >= 0 {
			return ""
		}
		if c, _ := x.lx.agents.at(x.low, max(0, j-5), j); c != "" {
			return composeCode("", c)
		}
		return ""
	}
	// The noun phrase right after the verb: its last noun.
	j := v + 1
	last := -1
	for j < len(x.low) && j < v+7 && isNPTag(x.tag(j)) && x.argAt[j] < 0 {
		if isNounTag(x.tag(j)) {
			last = j
		}
		j++
	}
	if last < 0 {
		return ""
	}
	if c, _ := x.lx.agents.at(x.low, v+1, last); c != "" {
		return composeCode("", c)
	}
	return ""
}

// nearestMention returns the span of the mention of entity id in dr's
// sentence nearest its trigger, zero when none.
func (x *docView) nearestMention(dr *draft, id string) pipeline.Span {
	a, b := x.tokenRange(dr.evidence)
	t, _ := x.tokenRange(dr.trigger)
	best, bestDist := pipeline.Span{}, 1<<30
	for i := a; i < b && i < len(x.argAt); i++ {
		k := x.argAt[i]
		if k < 0 || i > a && x.argAt[i-1] == k {
			continue
		}
		for _, e := range x.args[k].ids {
			if e != id {
				continue
			}
			d := i - t
			if d < 0 {
				d = -d
			}
			if d < bestDist {
				best, bestDist = x.args[k].span, d
			}
		}
	}
	return best
}

// addCoordinated adds to each side of dr the mentions coordinated with
// one of its mentions in a list ("the ambassadors of Arnor, Osgiliath and
// Gondor", "Sylvanian and Freedonian troops"): each becomes a side of its
// own sharing the phrase, so that it is coded with the same agent.
func (x *docView) addCoordinated(dr *draft) {
	for _, side := range []*[]Argument{&dr.sources, &dr.targets} {
		other := dr.targets
		if side == &dr.targets {
			other = dr.sources
		}
		for _, g := range *side {
			if g.Entity == "" || g.Mention == (pipeline.Span{}) {
				continue
			}
			ma, mb := x.tokenRange(g.Mention)
			if ma >= mb || x.argAt[ma] < 0 {
				continue
			}
			for _, k := range x.listMates(x.argAt[ma]) {
				m := x.args[k]
				for _, id := range m.ids {
					if hasEntity(*side, id) || hasEntity(other, id) {
						continue
					}
					*side = append(*side, Argument{Entity: id, Head: g.Head, Span: g.Span, Mention: m.span, Via: g.Via})
				}
			}
		}
	}
}

// listMates returns the mentions in a list with mention k: joined by ",",
// "and", "or" (", and"), of the same type.
func (x *docView) listMates(k int) []int {
	var out []int
	g := x.args[k]
	// Rightwards.
	for j := g.b; j+1 < len(x.low); {
		if !(x.low[j] == "," || x.low[j] == "and" || x.low[j] == "or") {
			break
		}
		n := j + 1
		if x.low[j] == "," && n < len(x.low) && (x.low[n] == "and" || x.low[n] == "or") {
			n++
		}
		if n >= len(x.argAt) || x.argAt[n] < 0 || x.args[x.argAt[n]].typ != g.typ {
			break
		}
		out = append(out, x.argAt[n])
		j = x.args[x.argAt[n]].b
	}
	// Leftwards.
	for j := g.a - 1; j > 0; {
		if !(x.low[j] == "," || x.low[j] == "and" || x.low[j] == "or") {
			break
		}
		p := j - 1
		if (x.low[j] == "and" || x.low[j] == "or") && p > 0 && x.low[p] == "," {
			p--
		}
		if p < 0 || x.argAt[p] < 0 || x.args[x.argAt[p]].typ != g.typ {
			break
		}
		out = append(out, x.argAt[p])
		j = x.args[x.argAt[p]].a - 1
	}
	return out
}
