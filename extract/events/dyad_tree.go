package events

import (
	"github.com/entente-nlp/entente/pipeline"
)

// tree returns the document's dependency index, built on first use (after
// the stage parsed what it needed).
func (x *docView) tree() *pipeline.Tree {
	if x.tr == nil {
		x.tr = pipeline.NewTree(x.d)
	}
	return x.tr
}

// slots are the argument phrases a trigger's tree offers, as head tokens.
type slots struct {
	subj, obj, agent, obl []int
	// passive marks a passive clause: its subject is the target and its
	// agent ("by X") the source.
	passive bool
	// found marks sides the tree filled, so that the word-order fallback
	// leaves them alone even when the phrase names no entity.
	subjFound, objFound bool
	// mutual marks arguments reached through "with" or "between": the
	// dyad holds both ways.
	mutual bool
}

// treeDyad fills dr.sources and dr.targets from the parse of t's
// sentence; it reports false when the trigger's token is not parsed.
func (x *docView) treeDyad(dr *draft, t trig) bool {
	if !x.d.Tokens[t.a].Parsed() {
		return false
	}
	tr := x.tree()
	spec := x.lx.kinds[t.kind]
	var sl slots
	switch {
	case t.verbal && t.head >= 0:
		// "held talks with Turkey": the support verb's subject acts, the
		// noun's complements and the verb's objects are acted upon.
		v, n := t.a, t.head
		vs := x.verbSlots(tr, v, n)
		ns := x.nounSlots(tr, n, spec)
		sl = vs
		if len(sl.subj) == 0 {
			sl.subj = ns.subj
		}
		sl.obj = append(append([]int(nil), vs.obj...), ns.obj...)
		sl.obl = append(sl.obl, ns.obl...)
		sl.mutual = vs.mutual || ns.mutual
		sl.subjFound = vs.subjFound || ns.subjFound
		sl.objFound = len(sl.obj) > 0
	case t.verbal:
		v := t.a
		if t.b-t.a > 1 {
			if h := tr.SpanHead(t.a, t.b); h >= 0 {
				v = h
			}
		}
		sl = x.verbSlots(tr, v, -1)
	default:
		n := t.head
		if n < 0 {
			n = t.a
		}
		sl = x.nounSlots(tr, n, spec)
	}
	if !t.verbal && len(sl.obj) == 0 {
		// "the US strike on Syria" however the parser read it.
		if c := x.nounComplement(t.b); c >= 0 {
			sl.obj, sl.objFound = []int{c}, true
		}
	}
	var src, tgt []Argument
	if sl.passive {
		src = x.resolveAll(tr, sl.agent, false)
		tgt = x.resolveAll(tr, sl.subj, spec.Reported)
	} else {
		src = x.resolveAll(tr, sl.subj, false)
		tgt = x.resolveAll(tr, sl.obj, spec.Reported)
	}
	if len(named(tgt)) == 0 || named(tgt)[0].Entity == "" {
		// Oblique fallback: "met with Turkey", "signed a deal with Iran".
		if more := x.resolveAll(tr, sl.obl, false); len(more) > 0 && more[0].Entity != "" {
			tgt = addArgs(more, tgt...)
		}
	}
	dr.sources = addArgs(dr.sources, src...)
	dr.targets = addArgs(dr.targets, tgt...)
	dr.treeSubj = sl.subjFound || (sl.passive && len(sl.agent) > 0)
	dr.treeObj = sl.objFound || len(sl.obl) > 0
	dr.mutual = dr.mutual || sl.mutual
	return true
}

// verbSlots reads the arguments of verb v; skip is a token never taken as
// an object (the event noun of a support verb).
func (x *docView) verbSlots(tr *pipeline.Tree, v, skip int) slots {
	var sl slots
	sl.passive = x.passiveVerb(tr, v)
	if s, pass := x.subjectOf(tr, v, 0); s >= 0 {
		sl.subj = []int{s}
		sl.subjFound = true
		sl.passive = sl.passive || pass
	}
	for _, c := range tr.Children(v) {
		if c == skip {
			continue
		}
		dep := tr.Dep(c)
		switch {
		case pipeline.RelMatches(dep, "obj"), pipeline.RelMatches(dep, "iobj"):
			sl.obj = append(sl.obj, c)
			sl.objFound = true
		case dep == "obl:agent":
			sl.agent = append(sl.agent, c)
		case pipeline.RelMatches(dep, "obl") || dep == "nmod":
			if dep == "obl:tmod" || dep == "obl:npmod" {
				continue
			}
			prep := x.caseOf(tr, c)
			switch {
			case prep == "by" && sl.passive:
				sl.agent = append(sl.agent, c)
			case x.argPrep(prep, c, false):
				sl.obl = append(sl.obl, c)
				if prep == "with" {
					sl.mutual = true
				}
			}
		}
	}
	return sl
}

// nounSlots reads the arguments of event noun n: possessors and
// premodifying names act ("Russia's talks", "the US strike"), "with / on /
// against / to X" is acted upon, "of X" takes the kind's of_role, "by X"
// and "between X and Y" act; without a source of its own, a noun that is
// a verb's object takes the verb's subject ("Russia is developing
// cooperation with Ankara"), unless that verb is a trigger of its own
// ("Russia condemned the attack").
func (x *docView) nounSlots(tr *pipeline.Tree, n int, spec KindSpec) slots {
	var sl slots
	premodTarget := spec.OfRole == Target
	ofActor := spec.OfRole == Actor
	for _, c := range tr.Children(n) {
		dep := tr.Dep(c)
		switch {
		case dep == "nmod:poss":
			sl.subj = append(sl.subj, c)
		case dep == "compound" || dep == "amod" || dep == "flat":
			if c < n && x.argAt[c] >= 0 {
				if premodTarget {
					sl.obj = append(sl.obj, c)
				} else {
					sl.subj = append(sl.subj, c)
				}
			}
		case pipeline.RelMatches(dep, "nmod") || pipeline.RelMatches(dep, "acl") && x.caseOf(tr, c) != "":
			prep := x.caseOf(tr, c)
			switch prep {
			case "of":
				if ofActor {
					sl.subj = append(sl.subj, c)
				} else {
					sl.obj = append(sl.obj, c)
				}
			case "by":
				sl.subj = append(sl.subj, c)
			case "between", "among", "amongst":
				sl.subj = append(sl.subj, c)
				sl.mutual = true
			case "with", "against", "on", "upon", "toward", "towards", "to", "into", "at":
				if (prep == "to" || prep == "at") && x.isPlace(c) && !spec.Destination {
					continue
				}
				sl.obj = append(sl.obj, c)
				if prep == "with" {
					sl.mutual = true
				}
			}
		}
	}
	sl.subjFound = len(sl.subj) > 0
	sl.objFound = len(sl.obj) > 0
	if len(sl.subj) == 0 {
		// The noun heads a verb's object or complement: that verb's
		// subject acts.
		if h := tr.Head(n); h >= 0 {
			hw := x.low[h]
			_, trigger := x.lx.verbs[hw]
			switch pipeline.UniversalRel(tr.Dep(n)) {
			case "obj", "xcomp":
				if trigger && !x.lx.support[hw] {
					// "Russia condemned the attack": the verb's own
					// event; its subject is not the noun's actor.
					break
				}
				if s, pass := x.subjectOf(tr, h, 0); s >= 0 && !pass {
					sl.subj = []int{s}
					sl.subjFound = true
				}
				for _, c := range tr.Children(h) {
					if d := tr.Dep(c); pipeline.RelMatches(d, "obl") && d != "obl:tmod" {
						if prep := x.caseOf(tr, c); x.argPrep(prep, c, true) {
							sl.obl = append(sl.obl, c)
							if prep == "with" {
								sl.mutual = true
							}
						}
					}
				}
			}
		}
	}
	return sl
}

// subjectOf returns the subject of verb v, looking through coordination
// ("met Turkey and signed"), control ("agreed to help": the controller;
// "urged Turkey to stop": the object), relative clauses ("the country
// that attacked": the noun) and participles ("the deal signed by":
// the noun, passive); pass reports a passive subject. depth bounds the
// climb.
func (x *docView) subjectOf(tr *pipeline.Tree, v, depth int) (s int, pass bool) {
	if depth > 4 || v < 0 {
		return -1, false
	}
	if s := tr.Dependent(v, "nsubj"); s >= 0 {
		pass = tr.Dep(s) == "nsubj:pass" || x.passiveVerb(tr, v)
		if relativePronoun[x.low[s]] && x.tag(s) != "DT" {
			if h := tr.Head(v); h >= 0 && pipeline.RelMatches(tr.Dep(v), "acl") {
				return h, pass
			}
			// A relative clause the parser left loose: the noun before
			// the pronoun ("Turkey, which attacked").
			for j := s - 1; j >= 0 && j >= s-2; j-- {
				if x.argAt[j] >= 0 || isNounTag(x.tag(j)) {
					return j, pass
				}
				if x.low[j] != "," {
					break
				}
			}
		}
		return s, pass
	}
	h := tr.Head(v)
	if h < 0 {
		return -1, false
	}
	own := x.passiveVerb(tr, v)
	if p := x.possessorBefore(tr, v); p >= 0 {
		// "NATO's unwillingness to cooperate", however the parser
		// attached the infinitive.
		return p, own
	}
	switch dep := tr.Dep(v); pipeline.UniversalRel(dep) {
	case "conj":
		if s, hp := x.subjectOf(tr, h, depth+1); s >= 0 {
			return s, own || (hp && x.tag(v) == "VBN")
		}
	case "xcomp":
		if o := tr.Dependent(h, "obj", "iobj"); o >= 0 && o < v {
			return o, own
		}
		if s, _ := x.subjectOf(tr, h, depth+1); s >= 0 {
			return s, own
		}
	case "acl":
		if dep == "acl:relcl" {
			return h, own
		}
		switch x.tag(v) {
		case "VBN":
			return h, true
		case "VBG":
			return h, own
		}
		// "Russia's decision to strike", "NATO's unwillingness to
		// cooperate": the noun's possessor.
		if p := tr.Dependent(h, "nmod:poss"); p >= 0 {
			return p, own
		}
	case "advcl":
		// Participles and purpose infinitives share the main clause's
		// subject: "..., accusing Turkey", "sent troops to fight".
		if t := x.tag(v); t == "VBG" || t == "VBN" || t == "VB" && x.infinitive(tr, v) {
			if s, _ := x.subjectOf(tr, h, depth+1); s >= 0 {
				return s, own || t == "VBN"
			}
		}
	}
	return -1, false
}

// infinitive reports whether verb v is marked by "to".
func (x *docView) infinitive(tr *pipeline.Tree, v int) bool {
	m := tr.Dependent(v, "mark")
	return m >= 0 && x.low[m] == "to"
}

// possessorBefore returns the possessor of the noun right before the "to"
// of infinitive v ("NATO's unwillingness to cooperate"), or -1.
func (x *docView) possessorBefore(tr *pipeline.Tree, v int) int {
	if !x.infinitive(tr, v) || v < 2 || x.low[v-1] != "to" {
		return -1
	}
	n := v - 2
	if !isNounTag(x.tag(n)) || x.argAt[n] >= 0 {
		return -1
	}
	return tr.Dependent(n, "nmod:poss")
}

var relativePronoun = cueSet("that", "which", "who", "whom")

// nounComplement returns the head token of a mention that follows an
// event noun ending before token i through with / on / against ("strike
// on Syria"), determiners and adjectives allowed in between; -1 when
// there is none.
func (x *docView) nounComplement(i int) int {
	if i >= len(x.low) {
		return -1
	}
	switch x.low[i] {
	case "with", "on", "upon", "against":
	default:
		return -1
	}
	for j := i + 1; j < len(x.low) && j <= i+4; j++ {
		if k := x.argAt[j]; k >= 0 {
			return x.args[k].b - 1
		}
		if t := x.tag(j); t != "DT" && t != "JJ" && t != "PRP$" {
			return -1
		}
	}
	return -1
}

// passiveVerb reports whether v heads a passive clause (aux:pass, or a
// past participle with a form of "be").
func (x *docView) passiveVerb(tr *pipeline.Tree, v int) bool {
	if tr.Dependent(v, "aux:pass", "nsubj:pass", "csubj:pass") >= 0 {
		return true
	}
	if x.tag(v) != "VBN" {
		return false
	}
	for _, c := range tr.Dependents(v, "aux") {
		switch x.low[c] {
		case "be", "is", "are", "was", "were", "been", "being":
			return true
		}
	}
	return false
}

// caseOf returns the preposition marking nominal c (its case dependent,
// lower-cased; "" when none).
func (x *docView) caseOf(tr *pipeline.Tree, c int) string {
	if k := tr.Dependent(c, "case"); k >= 0 {
		return x.low[k]
	}
	// A name whose case attaches to a premodifier: "with the Turkish
	// side" keeps case on "side".
	return ""
}

// argPrep reports whether an oblique through prep can be a verb's
// target: not the prepositions the lexicon lists as non-arguments, not a
// place ("in Moscow"); on and against are arguments of event nouns
// (nominal), "by" and "from" never.
func (x *docView) argPrep(prep string, c int, nominal bool) bool {
	switch prep {
	case "", "by", "from", "in", "at", "near", "inside", "between", "among":
		return false
	case "with", "against":
		return true
	case "on", "upon":
		return nominal
	}
	if x.lx.nonArg[prep] {
		return false
	}
	if x.lx.locPrep[prep] && x.isPlace(c) {
		return false
	}
	return true
}

// isPlace reports whether nominal c is a mention of a location.
func (x *docView) isPlace(c int) bool {
	k := x.argAt[c]
	return k >= 0 && x.args[k].typ == pipeline.Location
}

// resolveAll turns argument heads into arguments, one per conjunct and
// per entity of a group ("the three countries").
func (x *docView) resolveAll(tr *pipeline.Tree, heads []int, direct bool) []Argument {
	var out []Argument
	for _, h := range heads {
		for _, c := range x.conjuncts(tr, h) {
			out = addArgs(out, x.resolve(tr, c, direct)...)
		}
	}
	return out
}

// conjuncts returns h and the nominals coordinated with it.
func (x *docView) conjuncts(tr *pipeline.Tree, h int) []int {
	out := []int{h}
	for k := 0; k < len(out) && k < 16; k++ {
		for _, c := range tr.Dependents(out[k], "conj") {
			if u := x.d.Tokens[c].UPOS; u == "VERB" || u == "AUX" {
				continue
			}
			out = append(out, c)
		}
	}
	return out
}

// phraseRels are the relations inside an argument phrase; the others
// (clauses, conjuncts, appositions) start phrases of their own.
func phraseRel(dep string) bool {
	switch pipeline.UniversalRel(dep) {
	case "acl", "advcl", "conj", "cc", "appos", "parataxis", "ccomp", "xcomp", "punct", "dep", "list":
		return false
	}
	return true
}

// phrase returns the token range of h's phrase.
func (x *docView) phrase(tr *pipeline.Tree, h int) (lo, hi int) {
	lo, hi = h, h+1
	for _, c := range tr.Children(h) {
		if !phraseRel(tr.Dep(c)) {
			continue
		}
		a, b := tr.Subtree(c)
		lo, hi = min(lo, a), max(hi, b)
	}
	return lo, hi
}

// nameRel are the relations through which a head that names nothing
// itself takes a name of its phrase: "Russia's foreign minister", "the
// Turkish army", "the head of the General Staff".
func nameRel(dep string) bool {
	switch dep {
	case "nmod:poss", "compound", "amod", "flat", "nmod", "nmod:of", "obl:of":
		return true
	}
	return false
}

// resolve returns the arguments head h stands for: the entities of the
// mention covering h; else of the nearest mention among its name
// modifiers ("Russia's foreign minister"); else of an apposition ("the
// envoy, Andrei Karlov"); else one argument without an entity.
func (x *docView) resolve(tr *pipeline.Tree, h int, direct bool) []Argument {
	lo, hi := x.phrase(tr, h)
	span := pipeline.Span{Start: x.d.Tokens[lo].Start, End: x.d.Tokens[hi-1].End}
	mk := func(k int, via string) []Argument {
		g := x.args[k]
		var out []Argument
		for _, id := range x.participantIDs(g) {
			out = append(out, Argument{Entity: id, Head: h, Span: span, Mention: g.span, Via: via})
		}
		return out
	}
	if k := x.argAt[h]; k >= 0 {
		if g := x.args[k]; g.modifier && x.argAt[g.person] >= 0 {
			// The parser took the office's country for the head:
			// "[Kazakhstan] President Nursultan Nazarbayev".
			k = x.argAt[g.person]
		}
		return mk(k, ViaMention)
	}
	// A pronoun or description the coref stage resolved: "he", "the
	// minister", "the group".
	if c := x.corefAt(h); c != nil {
		return x.corefArgs(c, h, span)
	}
	if direct {
		return []Argument{{Head: h, Span: span}}
	}
	// An apposition names the head ("the envoy, Andrei Karlov") better
	// than its modifiers do ("Moscow's ambassador").
	for _, c := range tr.Dependents(h, "appos") {
		if k := x.argAt[c]; k >= 0 {
			return mk(k, ViaApposition)
		}
	}
	// Breadth first through name modifiers, two levels deep; "of"
	// phrases only.
	level := []int{h}
	for depth := 0; depth < 2; depth++ {
		var next []int
		for _, n := range level {
			for _, c := range tr.Children(n) {
				dep := tr.Dep(c)
				if !nameRel(dep) {
					continue
				}
				if pipeline.UniversalRel(dep) == "nmod" && dep != "nmod:poss" && x.caseOf(tr, c) != "of" {
					continue
				}
				if k := x.argAt[c]; k >= 0 && !x.args[k].member {
					if g := x.args[k]; g.modifier && x.argAt[g.person] >= 0 {
						k = x.argAt[g.person]
					}
					out := mk(k, ViaMention)
					// "the foreign ministers of Turkey and Iran"
					for _, cj := range x.conjuncts(tr, c)[1:] {
						if k := x.argAt[cj]; k >= 0 && !x.args[k].member {
							out = addArgs(out, mk(k, ViaMention)...)
						}
					}
					return out
				}
				if dep == "nmod:poss" {
					// "its foreign minister"
					if cr := x.corefAt(c); cr != nil {
						return x.corefArgs(cr, h, span)
					}
				}
				next = append(next, c)
			}
		}
		level = next
	}
	return []Argument{{Head: h, Span: span}}
}

// orderDyad fills the sides the tree left empty from the word-order
// participants: actors are sources, targets targets.
func (dr *draft) orderDyad() {
	for _, p := range dr.parts {
		g := Argument{Entity: p.Entity, Head: -1, Via: ViaOrder}
		switch {
		case p.Role == Actor && !dr.treeSubj && !hasEntity(dr.targets, p.Entity):
			dr.sources = addArgs(dr.sources, g)
		case p.Role == Target && !dr.treeObj && !hasEntity(dr.sources, p.Entity):
			dr.targets = addArgs(dr.targets, g)
		}
	}
}

// applyDyad makes the participants agree with the dyad: sources are
// actors, targets are targets.
func (dr *draft) applyDyad() {
	for _, g := range dr.sources {
		if g.Entity != "" {
			dr.setRole(g.Entity, Actor)
		}
	}
	for _, g := range dr.targets {
		if g.Entity != "" && !dr.isSource(g.Entity) {
			dr.setRole(g.Entity, Target)
		}
	}
}

func (dr *draft) isSource(id string) bool { return hasEntity(dr.sources, id) }

func hasEntity(list []Argument, id string) bool {
	for _, g := range list {
		if g.Entity == id {
			return true
		}
	}
	return false
}

// setRole gives entity id the role, adding it when absent.
func (dr *draft) setRole(id, role string) {
	for i, p := range dr.parts {
		if p.Entity == id {
			dr.parts[i].Role = role
			return
		}
	}
	dr.parts = append(dr.parts, pipeline.Participant{Entity: id, Role: role})
}

// patternDyad lets the tokens a verb pattern marked as source ($) and
// target (+) decide those sides; a "%" pattern (coordinated actors acting
// on each other) makes the dyad mutual.
func (x *docView) patternDyad(dr *draft) {
	if dr.code.source >= 0 {
		if g := x.argumentAt(dr.code.source); len(g) > 0 {
			dr.sources, dr.treeSubj = g, true
		}
	}
	if dr.code.target >= 0 {
		if g := x.argumentAt(dr.code.target); len(g) > 0 {
			dr.targets, dr.treeObj = g, true
		}
	}
	if dr.code.both {
		dr.mutual = true
	}
}

// argumentAt returns the arguments of the phrase at token i: resolved on
// the tree when the sentence is parsed, else the mention covering i.
func (x *docView) argumentAt(i int) []Argument {
	if i < 0 || i >= len(x.d.Tokens) {
		return nil
	}
	if x.d.Tokens[i].Parsed() {
		tr := x.tree()
		h := i
		if k := x.argAt[i]; k >= 0 {
			if sh := tr.SpanHead(x.args[k].a, x.args[k].b); sh >= 0 {
				h = sh
			}
		}
		return x.resolveAll(tr, []int{h}, false)
	}
	k := x.argAt[i]
	if k < 0 {
		return nil
	}
	var out []Argument
	for _, id := range x.participantIDs(x.args[k]) {
		out = append(out, Argument{Entity: id, Head: -1, Span: x.args[k].span, Mention: x.args[k].span, Via: ViaOrder})
	}
	return out
}

// corefAt returns the coreference (coref stage) covering token i, or nil.
func (x *docView) corefAt(i int) *pipeline.Coreference {
	if len(x.d.Coreferences) == 0 {
		return nil
	}
	c := x.d.CoreferenceAt(x.d.Tokens[i].Span)
	if c == nil || c.Entity == "" {
		return nil
	}
	return c
}

// corefArgs is the argument of head h whose entity a coreference gives; a
// place stands for its country, as a mention does.
func (x *docView) corefArgs(c *pipeline.Coreference, h int, span pipeline.Span) []Argument {
	id := c.Entity
	if cc, ok := x.country[id]; ok {
		id = cc
	}
	return []Argument{{Entity: id, Head: h, Span: span, Mention: c.Span, Via: ViaCoref}}
}
