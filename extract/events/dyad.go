package events

import (
	"strconv"

	"github.com/entente-nlp/entente/pipeline"
)

// Argument is one side of an event's dyad: the phrase that fills the
// source (who acts) or the target (who is acted upon) of a trigger, and
// the entity it names. Coders of actor codes (CAMEO actor and agent
// dictionaries) read the phrase through Head and Span: "Russia's foreign
// minister" has Entity the country, Head "minister" and Span the whole
// phrase, from which an agent code (GOV) composes with the country's
// (RUS) into RUSGOV.
type Argument struct {
	// Entity is the entity id the phrase names (resolved through a
	// mention in the phrase, head first, an apposition, or a
	// coreference); "" when it names none ("the rebels").
	Entity string
	// Head is the token index (into Document.Tokens) of the phrase's
	// syntactic head; -1 when the argument comes from the word-order
	// fallback of an unparsed sentence.
	Head int
	// Span is the argument phrase: the head's subtree without its
	// clauses, conjuncts and appositions; the mention when Head is -1.
	Span pipeline.Span
	// Mention is the span the entity was read from (a mention, or the
	// pronoun or description a coreference resolves); zero when Entity
	// is "".
	Mention pipeline.Span
	// Via says how Entity was found: ViaMention, ViaApposition, ViaCoref
	// or ViaOrder.
	Via string
}

// How an Argument's entity was found.
const (
	ViaMention    = "mention"    // a mention in the phrase, nearest the head
	ViaApposition = "apposition" // a mention in an apposition of the phrase
	ViaCoref      = "coref"      // a coreference of the head (pronoun, description)
	ViaOrder      = "order"      // word order around the trigger (no parse)
)

// dyad is one (source, target) pair of a trigger; either side may have an
// empty Entity.
type dyad struct {
	source, target Argument
}

// key identifies an argument for deduplication.
func (g Argument) key() string {
	if g.Entity != "" {
		return g.Entity
	}
	if g.Head >= 0 {
		return "#" + strconv.Itoa(g.Head)
	}
	return ""
}

// addArgs appends the arguments of more to list that it lacks.
func addArgs(list []Argument, more ...Argument) []Argument {
	for _, g := range more {
		k := g.key()
		dup := false
		for _, h := range list {
			if h.key() == k {
				dup = true
				break
			}
		}
		if !dup {
			list = append(list, g)
		}
	}
	return list
}

// named returns the arguments of list that name an entity; when none
// does, the first one (an unnamed phrase an actor coder may still read).
func named(list []Argument) []Argument {
	var out []Argument
	for _, g := range list {
		if g.Entity != "" {
			out = append(out, g)
		}
	}
	if len(out) == 0 && len(list) > 0 {
		out = list[:1]
	}
	return out
}

// pairs returns the dyads of a finished draft: every named source with
// every named target, both ways when the event is mutual (a reciprocal
// kind, or a target reached through "with"); coordinated sources of a
// reciprocal kind without a target are each other's targets ("Russia and
// Turkey met"). A draft with no side at all gives one empty dyad.
func (dr *draft) pairs(reciprocal bool) []dyad {
	src, tgt := named(dr.sources), named(dr.targets)
	var out []dyad
	seen := map[[2]string]bool{}
	add := func(s, t Argument) {
		if s.Entity != "" && s.Entity == t.Entity {
			return
		}
		k := [2]string{s.key(), t.key()}
		if seen[k] {
			return
		}
		seen[k] = true
		out = append(out, dyad{source: s, target: t})
	}
	none := Argument{Head: -1}
	switch {
	case len(src) == 0 && len(tgt) == 0:
		add(none, none)
	case len(tgt) == 0 && reciprocal && len(src) >= 2 && src[1].Entity != "":
		for _, s := range src {
			for _, t := range src {
				add(s, t)
			}
		}
	case len(tgt) == 0:
		for _, s := range src {
			add(s, none)
		}
	case len(src) == 0:
		for _, t := range tgt {
			add(none, t)
		}
	default:
		for _, s := range src {
			for _, t := range tgt {
				add(s, t)
				if (reciprocal || dr.mutual) && s.Entity != "" && t.Entity != "" {
					add(t, s)
				}
			}
		}
	}
	if len(out) == 0 {
		// Only self-pairs: keep one side.
		if len(src) > 0 {
			add(src[0], none)
		} else {
			add(none, tgt[0])
		}
	}
	return out
}
