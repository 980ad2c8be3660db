package events

import (
	"strings"

	"github.com/entente-nlp/entente/pipeline"
)

// Participant roles.
const (
	Actor  = "actor"
	Target = "target"
	Other  = "other"
)

// Date sources.
const (
	FromClause   = "clause"
	FromSentence = "sentence"
	FromNone     = "none"
)

// trig is a trigger found in a sentence.
type trig struct {
	a, b   int // token range
	kind   string
	verbal bool // a verb, or an event noun governed by a support verb
	head   int  // the event noun for nominal and support-verb triggers, else -1
}

// draft is an event under construction.
type draft struct {
	kind, cameo string
	trigger     pipeline.Span
	triggers    []pipeline.Span
	parts       []pipeline.Participant
	location    string
	date        string
	dateSource  string
	evidence    pipeline.Span
	// definite marks an event noun with a definite determiner ("the
	// declaration"), which may refer back to an earlier event.
	definite bool
	// nominal marks events evoked by a noun alone.
	nominal bool
	// negated and modality are decided by mood.
	negated  bool
	modality string
	// code is what the verb patterns said (codes.go).
	code coding
	// sources and targets are the dyad's sides (dyad.go); mutual marks
	// a dyad that holds both ways ("met with", "talks between").
	sources, targets []Argument
	mutual           bool
	// treeSubj and treeObj mark sides the parse decided, which the
	// word-order fallback leaves alone.
	treeSubj, treeObj bool
}

func (dr *draft) add(id, role string) {
	for i, p := range dr.parts {
		if p.Entity == id {
			if rank(role) < rank(p.Role) {
				dr.parts[i].Role = role
			}
			return
		}
	}
	dr.parts = append(dr.parts, pipeline.Participant{Entity: id, Role: role})
}

func rank(role string) int {
	switch role {
	case Actor:
		return 0
	case Target:
		return 1
	}
	return 2
}

func (dr *draft) participants() []pipeline.Participant {
	return append([]pipeline.Participant(nil), dr.parts...)
}

// sentTrigs are the triggers of one sentence, found before parsing.
type sentTrigs struct {
	sent   pipeline.Span
	a, b   int // token range
	clause []int
	trigs  []trig
}

// sentenceTriggers finds the triggers of sentence si.
func (x *docView) sentenceTriggers(si int) sentTrigs {
	sent := x.d.Sentences[si].Span
	a, b := x.tokenRange(sent)
	if a >= b || x.d.InBoilerplate(sent) {
		return sentTrigs{}
	}
	clause := x.clauses(a, b)
	return sentTrigs{sent: sent, a: a, b: b, clause: clause, trigs: x.findTriggers(a, b, clause)}
}

// maxParseTokens leaves longer "sentences" (tables, unsplit lists) to
// word order, as the parse stage does by default.
const maxParseTokens = 150

// wantsParse reports whether the sentence has no parse yet and a trigger
// whose clause holds two entities that could be its source and target:
// with one, or with only a speaker, word order decides as well as a tree
// would (the passive is read off the words).
func (x *docView) wantsParse(st sentTrigs) bool {
	if len(st.trigs) == 0 || st.b-st.a > maxParseTokens || x.d.Tokens[st.a].Parsed() {
		return false
	}
	for _, t := range st.trigs {
		if x.lx.kinds[t.kind].Reported {
			continue
		}
		lo, hi := clauseRange(st.clause, st.a, t.a)
		first := ""
		for i := lo; i < hi; i++ {
			k := x.argAt[i]
			if k < 0 {
				// A pronoun or description the coref stage resolved.
				if c := x.corefAt(i); c != nil && c.Start == x.d.Tokens[i].Start {
					if first == "" {
						first = c.Entity
					} else if c.Entity != first {
						return true
					}
				}
				continue
			}
			if i > lo && x.argAt[i-1] == k {
				continue
			}
			g := x.args[k]
			if g.member || g.modifier || g.typ == pipeline.Location && x.lx.locPrep[x.governor(g.a, lo)] {
				continue
			}
			for _, id := range g.ids {
				if first == "" {
					first = id
				} else if id != first {
					return true
				}
			}
		}
	}
	return false
}

// sentenceEvents extracts the events of a sentence from its triggers.
func (x *docView) sentenceEvents(st sentTrigs) []*draft {
	a, b, clause, trigs, sent := st.a, st.b, st.clause, st.trigs, st.sent
	var out []*draft
	for _, t := range trigs {
		span := pipeline.Span{Start: x.d.Tokens[t.a].Start, End: x.d.Tokens[t.b-1].End}
		if x.d.InBoilerplate(span) {
			continue
		}
		spec := x.lx.kinds[t.kind]
		dr := &draft{kind: t.kind, cameo: spec.CAMEO, trigger: span, triggers: []pipeline.Span{span}, evidence: sent}
		if !x.codeTrigger(dr, t, a, b, clause) {
			continue // a pattern coded [---], or no pattern for a verb that codes only through one
		}
		if t.verbal {
			x.verbalArgs(dr, t, a, b, clause, trigs)
		} else {
			x.nominalArgs(dr, t, a, b, clause, trigs)
		}
		if dr.date == "" {
			dr.dateSource = FromNone
		}
		dr.negated, dr.modality = x.mood(t, a, b, clause)
		x.treeDyad(dr, t)
		x.patternDyad(dr)
		dr.orderDyad()
		dr.applyDyad()
		out = append(out, dr)
	}
	return out
}

// findTriggers matches the lexicon against tokens [a, b).
func (x *docView) findTriggers(a, b int, clause []int) []trig {
	var out []trig
	used := make([]bool, b-a)
	// Phrases first, longest first.
	for i := a; i < b; i++ {
		if x.argAt[i] >= 0 {
			continue
		}
		for _, p := range x.lx.phrases {
			if i+len(p.words) > b {
				continue
			}
			ok := true
			for k, w := range p.words {
				if x.low[i+k] != w || used[i+k-a] {
					ok = false
					break
				}
			}
			if ok {
				for k := range p.words {
					used[i+k-a] = true
				}
				out = append(out, trig{a: i, b: i + len(p.words), kind: p.kind, head: i + len(p.words) - 1})
				break
			}
		}
	}
	for i := a; i < b; i++ {
		if used[i-a] {
			continue
		}
		if x.argAt[i] >= 0 {
			// Inside a name: "Shanghai Cooperation Organization".
			continue
		}
		w, t := x.low[i], x.tag(i)
		vk, isV := x.lx.verbs[w]
		nk, isN := x.lx.nouns[w]
		switch {
		case isV && t == "VBG" && x.lx.kinds[vk].Reported:
			// "..., adding that": a participial aside of the main clause.
		case isV && isVerbTag(t):
			out = append(out, trig{a: i, b: i + 1, kind: vk, verbal: true, head: -1})
		case isN && (isNounTag(t) || !isV):
			out = append(out, trig{a: i, b: i + 1, kind: nk, head: i})
		case isV && strings.HasSuffix(w, "ed"):
			// Tagger slip on a past form ("discussed/NN").
			out = append(out, trig{a: i, b: i + 1, kind: vk, verbal: true, head: -1})
		}
	}
	sortTrigs(out)
	// A support verb, or a verb trigger of the same kind, governing an
	// event noun a few tokens later makes one verbal trigger.
	var merged []trig
	for k := 0; k < len(out); k++ {
		t := out[k]
		if t.verbal || t.head < 0 {
			merged = append(merged, t)
			continue
		}
		for j := t.a - 1; j >= a && j >= t.a-5; j-- {
			if clause[j-a] != clause[t.a-a] {
				break
			}
			w, tg := x.low[j], x.tag(j)
			if isVerbTag(tg) {
				vk, isV := x.lx.verbs[w]
				if x.lx.support[w] || (isV && vk == t.kind) {
					// Drop a verb trigger folded into this one.
					if n := len(merged); n > 0 && merged[n-1].a == j && merged[n-1].verbal {
						merged = merged[:n-1]
					}
					t.a, t.verbal = j, true
				}
				break
			}
			if !(isNPTag(tg) || isPrepTag(tg) || tg == "RB") || x.argAt[j] >= 0 {
				break
			}
		}
		merged = append(merged, t)
	}
	return merged
}

func sortTrigs(ts []trig) {
	for i := 1; i < len(ts); i++ {
		for j := i; j > 0 && ts[j].a < ts[j-1].a; j-- {
			ts[j], ts[j-1] = ts[j-1], ts[j]
		}
	}
}

// clauseRange returns the token range [lo, hi) of the clause holding i.
func clauseRange(clause []int, a, i int) (int, int) {
	c := clause[i-a]
	lo, hi := i, i+1
	for lo > a && clause[lo-1-a] == c {
		lo--
	}
	for hi < a+len(clause) && clause[hi-a] == c {
		hi++
	}
	return lo, hi
}

// participantIDs maps an argument to participant ids: a place used as an
// actor or target stands for its country ("Moscow's ambassador").
func (x *docView) participantIDs(g arg) []string {
	if g.typ != pipeline.Location {
		return g.ids
	}
	var out []string
	for _, id := range g.ids {
		if c, ok := x.country[id]; ok {
			out = append(out, c)
		} else {
			out = append(out, id)
		}
	}
	return out
}

// place records a location candidate: places beat countries.
func (x *docView) place(dr *draft, g arg, isPlace *bool) {
	if len(g.ids) != 1 {
		return
	}
	switch {
	case g.typ == pipeline.Location && !*isPlace:
		dr.location, *isPlace = g.ids[0], true
	case g.typ == pipeline.Country && dr.location == "":
		dr.location = g.ids[0]
	}
}

// verbalArgs fills a verbal trigger's participants, place and date from
// its clause.
func (x *docView) verbalArgs(dr *draft, t trig, a, b int, clause []int, trigs []trig) {
	spec := x.lx.kinds[t.kind]
	lo, hi := clauseRange(clause, a, t.a)
	passive := false
	if t.head < 0 && x.tag(t.a) == "VBN" {
		for j := t.a - 1; j >= lo && j >= t.a-3; j-- {
			switch x.low[j] {
			case "was", "were", "been", "be", "is", "are", "being":
				passive = true
			}
		}
	}
	if spec.Reported {
		if sp := x.invertedSpeaker(t, b); sp >= 0 {
			// "«...», said Russian President Vladimir Putin": the speaker
			// follows the verb, the quote before it is what was said.
			x.addAll(dr, x.args[sp], Actor)
			for i := a; i < t.a; i++ {
				if k := x.argAt[i]; k >= 0 && k != sp && !x.args[k].member && (i == x.args[k].a) {
					x.addAll(dr, x.args[k], Other)
				}
			}
			x.verbalDate(dr, t, a, b, lo, hi, clause, trigs)
			return
		}
	}
	isPlace := false
	seen := map[int]bool{}
	// Subjects come before the clause's first verb; mentions between a
	// verb and the trigger are that verb's objects ("used Iranian
	// airfields to strike").
	firstVerb := t.a
	for i := lo; i < t.a; i++ {
		if x.finiteAt(i) && x.argAt[i] < 0 {
			firstVerb = i
			break
		}
	}
	for i := lo; i < hi; i++ {
		k := x.argAt[i]
		if k < 0 || seen[k] || (i >= t.a && i < t.b) {
			continue
		}
		seen[k] = true
		g := x.args[k]
		if g.member || g.modifier {
			continue
		}
		if g.a < t.a && g.a > firstVerb {
			continue
		}
		gov := x.governor(g.a, lo)
		before := g.a < t.a
		// A speech verb between the mention and the trigger separates
		// the trigger's arguments from the speaker's.
		if before && x.reportedBetween(g.b, t.a, trigs) {
			continue
		}
		if !before && spec.Reported {
			x.addAll(dr, g, Other)
			continue
		}
		// A mention after another verb belongs to that verb's frame
		// ("adopted a declaration ... to promote the settlement of X").
		if !before && x.frameBetween(t.b, g.a, trigs) {
			continue
		}
		switch {
		case x.lx.locPrep[gov] && g.typ == pipeline.Location:
			x.place(dr, g, &isPlace)
			if spec.Destination && gov == "to" && !before {
				for _, id := range x.participantIDs(g) {
					if id != g.ids[0] {
						dr.add(id, Target)
					}
				}
			}
		case (gov == "in" || gov == "at" || gov == "near") && g.typ == pipeline.Country:
			x.place(dr, g, &isPlace)
		case gov == "by" && passive:
			x.addAll(dr, g, Actor)
		case (gov == "between" || gov == "among") && t.head >= 0:
			// "held talks between X and Y": both sides act.
			x.addAll(dr, g, Actor)
		case gov == "from":
			x.addAll(dr, g, Other)
		case x.lx.nonArg[gov]:
		case before && !passive:
			x.addAll(dr, g, Actor)
		case before && passive:
			x.addAll(dr, g, Target)
		default:
			if spec.Destination && gov == "" && (g.typ == pipeline.Country || g.typ == pipeline.Location) {
				x.place(dr, g, &isPlace)
			}
			x.addAll(dr, g, Target)
		}
	}
	if spec.Reported {
		for i := hi; i < b; i++ {
			if k := x.argAt[i]; k >= 0 && !seen[k] && !x.args[k].member {
				seen[k] = true
				x.addAll(dr, x.args[k], Other)
			}
		}
	}
	x.verbalDate(dr, t, a, b, lo, hi, clause, trigs)
}

// verbalDate attaches the nearest date of the clause, else of the
// sentence.
func (x *docView) verbalDate(dr *draft, t trig, a, b, lo, hi int, clause []int, trigs []trig) {
	if v, ok := x.nearestDate(t.a, lo, hi, nil); ok {
		dr.date, dr.dateSource = v, FromClause
	} else if v, ok := x.nearestDate(t.a, a, b, x.ownedDates(trigs, a, b, clause)); ok {
		dr.date, dr.dateSource = v, FromSentence
	}
}

// frameBetween reports whether a verb other than a trigger lies in
// [from, to).
func (x *docView) frameBetween(from, to int, trigs []trig) bool {
	for i := from; i < to; i++ {
		if x.verbAt(i) && !x.isTriggerToken(i, trigs) {
			return true
		}
	}
	return false
}

func (x *docView) isTriggerToken(i int, trigs []trig) bool {
	for _, t := range trigs {
		if i >= t.a && i < t.b {
			return true
		}
	}
	return false
}

// invertedSpeaker returns the argument speaking in "..., said X" (a comma
// or closing quote before the verb, a person or organization right after
// it, titles allowed in between), or -1.
func (x *docView) invertedSpeaker(t trig, b int) int {
	if t.a == 0 {
		return -1
	}
	switch x.low[t.a-1] {
	case ",", "»", "”", "\"", "''":
	default:
		if !strings.HasSuffix(x.d.Slice(x.d.Tokens[t.a-1].Span), "»") {
			return -1
		}
	}
	for i := t.b; i < b && i < t.b+5; i++ {
		k := x.argAt[i]
		if k < 0 {
			if isNPTag(x.tag(i)) {
				continue
			}
			return -1
		}
		switch g := x.args[k]; {
		case g.typ == pipeline.Person || g.typ == pipeline.Organization && !g.modifier:
			return k
		case g.modifier:
			continue
		default:
			return -1
		}
	}
	return -1
}

func (x *docView) addAll(dr *draft, g arg, role string) {
	for _, id := range x.participantIDs(g) {
		dr.add(id, role)
	}
}

// reportedBetween reports whether a speech-verb trigger lies in [from, to).
func (x *docView) reportedBetween(from, to int, trigs []trig) bool {
	for _, t := range trigs {
		if t.verbal && t.a >= from && t.a < to && x.lx.kinds[t.kind].Reported {
			return true
		}
	}
	return false
}

// nearestDate returns the value of the date in [lo, hi) nearest to token
// i, skipping anchors ("after 2007") and dates owned by event nouns.
func (x *docView) nearestDate(i, lo, hi int, owned map[int]bool) (string, bool) {
	best, bestDist := -1, 1<<30
	for j := lo; j < hi; j++ {
		k := x.dateAt[j]
		if k < 0 || (j > lo && x.dateAt[j-1] == k) || owned[k] {
			continue
		}
		if x.isAnchor(x.dates[k]) {
			continue
		}
		dist := j - i
		if dist < 0 {
			dist = -dist
		}
		if dist < bestDist {
			best, bestDist = k, dist
		}
	}
	if best < 0 {
		return "", false
	}
	return x.dates[best].value, true
}

// isAnchor reports whether a date is introduced by an anchor preposition.
func (x *docView) isAnchor(r dateRef) bool {
	return r.a > 0 && x.lx.anchor[x.low[r.a-1]]
}

// ownedDates returns the dates inside the premodifiers of event nouns
// ("the abortive July 15-16 coup") of the sentence; they belong to those
// events, not to the sentence.
func (x *docView) ownedDates(trigs []trig, a, b int, clause []int) map[int]bool {
	owned := map[int]bool{}
	for _, t := range trigs {
		if t.verbal || t.head < 0 {
			continue
		}
		p := x.premodStart(t.a, a)
		for j := p; j < t.a; j++ {
			if k := x.dateAt[j]; k >= 0 {
				owned[k] = true
			}
		}
	}
	return owned
}

// premodStart returns where the noun phrase ending at token i starts.
func (x *docView) premodStart(i, lo int) int {
	j := i
	for j > lo {
		t := x.tag(j - 1)
		if isNPTag(t) || x.dateAt[j-1] >= 0 || x.argAt[j-1] >= 0 || t == "VBN" && x.dateAt[j-1] >= 0 {
			j--
			continue
		}
		break
	}
	return j
}

// nominalArgs fills an event noun's participants, place and date from its
// own noun phrase, then from the subjects of its clause.
func (x *docView) nominalArgs(dr *draft, t trig, a, b int, clause []int, trigs []trig) {
	spec := x.lx.kinds[t.kind]
	dr.nominal = true
	lo, hi := clauseRange(clause, a, t.a)
	premodRole := Actor
	if spec.OfRole == Target {
		premodRole = Target
	}
	ofRole := Target
	if spec.OfRole == Actor {
		ofRole = Actor
	}
	isPlace := false
	p := x.premodStart(t.a, lo)
	if p < t.a {
		switch x.low[p] {
		case "the", "this", "that", "these", "those", "his", "her", "its", "their":
			dr.definite = true
		}
	}
	seen := map[int]bool{}
	for j := p; j < t.a; j++ {
		if k := x.argAt[j]; k >= 0 && !seen[k] {
			seen[k] = true
			if g := x.args[k]; !g.member {
				x.addAll(dr, g, premodRole)
			}
		}
		if k := x.dateAt[j]; k >= 0 && dr.date == "" {
			dr.date, dr.dateSource = x.dates[k].value, FromClause
		}
	}
	// Post-modifier chain: PPs and appositions after the noun. A date at
	// the end of the object of a verbal trigger ("discussed the
	// possibility of a meeting ... on December 17") dates the verb's event.
	objectOfVerb := x.hasVerbalIn(trigs, lo, t.a) && x.governor(p, lo) == ""
	j := t.b
	prep := ""
	first := true
	for j < hi {
		w, tg := x.low[j], x.tag(j)
		switch {
		case isPrepTag(tg) && w != "of" || w == "of" && first:
			prep = w
			j++
		case w == "of":
			j++ // "the presidents of Russia" keeps the governor
		case w == ",":
			// An apposition ", the head of ... ," describes the noun
			// before it; keep its governor but mark entities as other.
			end := x.appositionEnd(j, hi)
			if end < 0 {
				j = hi
				continue
			}
			for q := j + 1; q < end; q++ {
				if k := x.argAt[q]; k >= 0 && !seen[k] {
					seen[k] = true
					if x.args[k].typ == pipeline.Person {
						x.addAll(dr, x.args[k], x.roleFor(prep, ofRole))
					}
				}
			}
			j = end + 1
			continue
		default:
			if !(isNPTag(tg) || tg == "CC" || tg == "RB" || x.argAt[j] >= 0 || x.dateAt[j] >= 0) || prep == "" {
				j = hi
				continue
			}
			// Stop at the phrase of another event noun.
			if x.isTriggerHead(j, trigs) {
				j = hi
				continue
			}
			if k := x.argAt[j]; k >= 0 && !seen[k] {
				seen[k] = true
				g := x.args[k]
				switch {
				case g.member:
				case x.lx.locPrep[prep] && g.typ == pipeline.Location:
					x.place(dr, g, &isPlace)
					if spec.Destination && prep == "to" {
						for _, id := range x.participantIDs(g) {
							if id != g.ids[0] {
								dr.add(id, Target)
							}
						}
					}
				case (prep == "in" || prep == "at") && g.typ == pipeline.Country:
					x.place(dr, g, &isPlace)
				default:
					if role := x.roleFor(prep, ofRole); role != "" {
						x.addAll(dr, g, role)
					}
				}
			}
			if k := x.dateAt[j]; k >= 0 && dr.date == "" && !x.isAnchor(x.dates[k]) && !objectOfVerb {
				dr.date, dr.dateSource = x.dates[k].value, FromClause
			}
			first = false
			j++
			continue
		}
		first = false
	}
	// An event noun in a predicate takes the subjects of its clause as
	// actors ("Russia ... developing cooperation with Ankara").
	hasActor := false
	for _, pt := range dr.parts {
		if pt.Role == Actor {
			hasActor = true
		}
	}
	if !hasActor && x.verbBetween(lo, p) && !x.lx.nonArg[x.governor(p, lo)] {
		firstVerb := p
		for i := lo; i < p; i++ {
			if x.finiteAt(i) && x.argAt[i] < 0 {
				firstVerb = i
				break
			}
		}
		for i := lo; i < p; i++ {
			k := x.argAt[i]
			if k < 0 || seen[k] {
				continue
			}
			seen[k] = true
			g := x.args[k]
			if g.member || g.modifier || x.reportedBetween(g.b, t.a, trigs) {
				continue
			}
			gov := x.governor(g.a, lo)
			// Subjects, or the agent of a participle ("achieved by Russia").
			if g.a > firstVerb && gov != "by" {
				continue
			}
			if x.lx.nonArg[gov] || x.lx.locPrep[gov] && g.typ == pipeline.Location {
				continue
			}
			x.addAll(dr, g, Actor)
		}
	}
	// A lone event noun ("the abortive July 15-16 coup") in a sentence
	// without verbal events is associated with the sentence's entities.
	if len(dr.parts) == 0 && dr.date != "" && !x.hasVerbalIn(trigs, a, b) {
		for i := a; i < b; i++ {
			if k := x.argAt[i]; k >= 0 && !seen[k] && !x.args[k].member {
				seen[k] = true
				x.addAll(dr, x.args[k], Other)
			}
		}
	}
	// Without a date of its own, a noun that is the main event of its
	// clause takes the clause's date.
	if dr.date == "" && !x.hasVerbalIn(trigs, lo, hi) {
		if v, ok := x.nearestDate(t.a, lo, hi, x.ownedDates(trigs, a, b, clause)); ok {
			dr.date, dr.dateSource = v, FromClause
		}
	}
}

// roleFor maps the preposition before a post-modifier to a role.
func (x *docView) roleFor(prep, ofRole string) string {
	switch prep {
	case "of":
		return ofRole
	case "by", "between", "among", "amongst":
		return Actor
	case "with", "to", "against", "toward", "towards", "on":
		if prep == "on" {
			return ""
		}
		return Target
	case "from":
		return Other
	}
	if x.lx.nonArg[prep] {
		return ""
	}
	return Other
}

// appositionEnd returns the index of the comma closing an apposition that
// starts at the comma j (", the head of the Turkish General Staff,"), or -1.
func (x *docView) appositionEnd(j, hi int) int {
	if j+1 >= hi {
		return -1
	}
	if t := x.tag(j + 1); !(t == "DT" || t == "PRP$" || isNounTag(t) || t == "JJ") {
		return -1
	}
	for q := j + 1; q < hi && q < j+14; q++ {
		if x.low[q] == "," {
			return q
		}
		if x.finiteAt(q) {
			return -1
		}
	}
	return -1
}

func (x *docView) isTriggerHead(j int, trigs []trig) bool {
	for _, t := range trigs {
		if t.head >= 0 && j >= t.a && j <= t.head && t.a > 0 {
			// j is the noun itself, or inside its phrase up to the noun
			if j == t.head {
				return true
			}
		}
	}
	// A premodifier of a later event noun ("of the abortive July 15-16 coup").
	for _, t := range trigs {
		if t.head > j && !t.verbal {
			p := x.premodStart(t.head, 0)
			if j >= p {
				return true
			}
		}
	}
	return false
}

func (x *docView) verbBetween(lo, hi int) bool {
	for i := lo; i < hi; i++ {
		if isVerbTag(x.tag(i)) {
			return true
		}
	}
	return false
}

func (x *docView) hasVerbalIn(trigs []trig, lo, hi int) bool {
	for _, t := range trigs {
		if t.verbal && t.a >= lo && t.a < hi {
			return true
		}
	}
	return false
}
