package events

import (
	"github.com/entente-nlp/entente/pipeline"
)

// Modalities of an event (Event.Modality).
const (
	Asserted     = "asserted"
	Future       = "future"
	Hypothetical = "hypothetical"
	Reported     = "reported"
)

// Cue words deciding polarity and modality, on lower-cased tokens.
var (
	// negCues negate the predicate they modify ("did not meet").
	negCues = cueSet("not", "n't", "never", "no", "without", "neither", "nor", "cannot")
	// negGovs negate the event they govern ("refused to sign",
	// "unwillingness to cooperate", "denied attacking").
	negGovs = cueSet("refuse", "refuses", "refused", "refusing", "refusal", "unwilling", "unwillingness",
		"reluctant", "reluctance", "fail", "fails", "failed", "failing", "failure", "deny", "denies", "denied",
		"denying", "denial", "reject", "rejects", "rejected", "rejecting", "rejection", "decline", "declines",
		"declined", "declining", "avoid", "avoids", "avoided", "avoiding", "unable", "inability")
	// failPreds undo a hope or plan that is their subject ("the hopes to
	// reach an agreement have been dashed").
	failPreds = cueSet("dashed", "collapsed", "collapse", "collapses", "failed", "fail", "fails", "faded", "fade",
		"abandoned", "thwarted", "foundered", "evaporated", "shattered", "scrapped", "derailed", "vanished")
	// futureAux and futureGovs place the event ahead ("will fight",
	// "plans to visit", "is going to sign").
	futureAux  = cueSet("will", "shall", "'ll", "wo")
	futureGovs = cueSet("plan", "plans", "planned", "planning", "intend", "intends", "intended", "intending",
		"intention", "expect", "expects", "expected", "expecting", "going", "scheduled", "due", "set",
		"prepare", "prepares", "preparing", "aim", "aims", "aiming", "upcoming", "forthcoming", "next", "pledge",
		"pledges", "pledged", "promise", "promises", "promised", "vow", "vows", "vowed")
	// hypoAux and hypoGovs make the event possible, wished or proposed
	// ("may sign", "hoped to reach", "the possibility of a meeting").
	hypoAux  = cueSet("may", "might", "could", "would", "should", "must", "ought")
	hypoGovs = cueSet("hope", "hopes", "hoped", "hoping", "possible", "possibility", "possibly", "perhaps",
		"maybe", "likely", "unlikely", "propose", "proposes", "proposed", "proposing", "proposal", "offer",
		"offered", "offers", "want", "wants", "wanted", "wish", "wishes", "wished", "seek", "seeks", "sought",
		"try", "tries", "tried", "trying", "attempt", "attempts", "attempted", "call", "calls", "called",
		"urge", "urges", "urged", "ready", "willing", "readiness", "willingness", "consider", "considers",
		"considered", "considering", "potential", "prospect", "prospects", "idea", "chance", "chances")
	// hypoMarks open a condition ("if Turkey attacks").
	hypoMarks = cueSet("if", "unless", "whether", "should")
	// reportGovs introduce reported speech ("said Russia would").
	reportGovs = cueSet("said", "say", "says", "saying", "told", "tell", "tells", "claimed", "claim", "claims",
		"reported", "reports", "report", "stated", "states", "state", "added", "adds", "announced", "announces",
		"noted", "notes", "insisted", "insists", "stressed", "stresses", "argued", "argues", "alleged",
		"alleges", "quoted", "according", "believe", "believes", "believed", "thinks", "think", "thought")
)

func cueSet(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// moodWindow is how many tokens before the trigger the fallback reads.
const moodWindow = 6

// mood decides whether the event of trigger t is negated and its
// modality, from the dependency parse when the sentence has one, else from
// the words before the trigger in its clause. A speech act is never
// itself reported.
func (x *docView) mood(t trig, a, b int, clause []int) (negated bool, modality string) {
	node := t.a
	if !t.verbal && t.head >= 0 {
		node = t.head
	}
	if x.d.Tokens[node].Parsed() {
		negated, modality = x.moodFromTree(node)
	} else {
		negated, modality = x.moodFromWindow(t, a, clause)
	}
	if modality == "" && !x.lx.kinds[t.kind].Reported && x.accordingTo(t, a, b, clause) {
		modality = Reported
	}
	if modality == Reported && x.lx.kinds[t.kind].Reported {
		modality = ""
	}
	if modality == "" {
		modality = Asserted
	}
	return negated, modality
}

// moodFromTree reads the cues on the trigger's node and on the heads that
// embed it (xcomp, ccomp, acl, nmod, ...), innermost first: the nearest
// modal cue wins; a reporting verb ends the climb.
func (x *docView) moodFromTree(node int) (negated bool, modality string) {
	if x.tr == nil {
		x.tr = pipeline.NewTree(x.d)
	}
	tr := x.tr
	setMod := func(m string) {
		if modality == "" {
			modality = m
		}
	}
	n := node
	// hope marks a climb through a hope or plan noun ("the hopes to
	// reach"): a failure verb above it undoes the event, even when the
	// parser hangs the noun off another clause.
	hope := false
	if node >= 2 && x.low[node-1] == "to" && isNounTag(x.tag(node-2)) {
		// "NATO's unwillingness to cooperate", "the hopes to reach":
		// the noun governs the infinitive, wherever the parser hung it.
		switch w := x.low[node-2]; {
		case negGovs[w]:
			negated = true
		case hypoGovs[w]:
			setMod(Hypothetical)
			hope = true
		case futureGovs[w]:
			setMod(Future)
			hope = true
		}
	}
	for step := 0; step < 6 && n >= 0; step++ {
		if hope && n != node && failPreds[x.low[n]] && isVerbTag(x.tag(n)) {
			negated = true
		}
		for _, c := range tr.Children(n) {
			w := x.low[c]
			switch pipeline.UniversalRel(tr.Dep(c)) {
			case "advmod", "det", "neg", "cc", "case", "mark", "aux":
				if negCues[w] {
					negated = true
				}
			}
			switch pipeline.UniversalRel(tr.Dep(c)) {
			case "aux":
				switch {
				case futureAux[w]:
					setMod(Future)
				case hypoAux[w]:
					setMod(Hypothetical)
				}
			case "mark":
				if hypoMarks[w] && c < n {
					setMod(Hypothetical)
				}
			case "advmod", "amod":
				if hypoGovs[w] {
					setMod(Hypothetical)
				} else if futureGovs[w] && pipeline.UniversalRel(tr.Dep(c)) == "amod" {
					setMod(Future)
				}
			}
		}
		h := tr.Head(n)
		if h < 0 {
			break
		}
		hw := x.low[h]
		switch pipeline.UniversalRel(tr.Dep(n)) {
		case "xcomp", "ccomp", "acl", "nmod", "obl", "obj", "advcl", "csubj", "parataxis":
			if reportGovs[hw] && h < n || reportGovs[hw] && pipeline.UniversalRel(tr.Dep(n)) == "parataxis" {
				setMod(Reported)
				return negated, modality
			}
			if negGovs[hw] {
				negated = true
			}
			if futureGovs[hw] {
				setMod(Future)
			}
			if hypoGovs[hw] {
				setMod(Hypothetical)
			}
			if (hypoGovs[hw] || futureGovs[hw]) && isNounTag(x.tag(h)) {
				hope = true
			}
		case "nsubj":
			// "the hopes to reach an agreement have been dashed"
			if (hypoGovs[x.low[n]] || futureGovs[x.low[n]]) && failPreds[hw] {
				negated = true
			}
			return negated, modality
		default:
			return negated, modality
		}
		n = h
	}
	return negated, modality
}

// moodFromWindow reads up to moodWindow tokens before the trigger in its
// clause, nearest first, stopping at a comma; then the clause before a
// "that" for a reporting verb, and the words after the trigger for a hope
// that failed.
func (x *docView) moodFromWindow(t trig, a int, clause []int) (negated bool, modality string) {
	lo, hi := clauseRange(clause, a, t.a)
	hoped := false
	for j, n := t.a-1, 0; j >= lo && n < moodWindow; j, n = j-1, n+1 {
		w := x.low[j]
		if w == "," || w == "but" {
			break
		}
		if negCues[w] || negGovs[w] {
			negated = true
		}
		if modality == "" {
			switch {
			case futureAux[w] || futureGovs[w] && (w != "set" && w != "due" || j+1 < len(x.low) && x.low[j+1] == "to"):
				modality = Future
				if hypoGovs[w] {
					hoped = true
				}
			case hypoAux[w] || hypoGovs[w]:
				modality = Hypothetical
				hoped = true
			case w == "to" && j > lo && x.low[j-1] == "going":
				modality = Future
			case reportGovs[w] && x.isVerbTok(j):
				modality = Reported
			}
		}
		if (futureGovs[w] || hypoGovs[w]) && isNounTag(x.tag(j)) {
			hoped = true
		}
	}
	if lo > a && modality == "" {
		// "X said (that) Russia will...": the clause before holds the
		// reporting verb; "if" opens a condition.
		switch x.low[lo] {
		case "if", "unless", "whether":
			modality = Hypothetical
		}
		if modality == "" {
			for j := lo - 1; j >= a && j >= lo-4; j-- {
				w := x.low[j]
				if w == "," {
					break
				}
				if reportGovs[w] && x.isVerbTok(j) {
					modality = Reported
					break
				}
			}
		}
	}
	if hoped && !negated {
		for j := t.b; j < hi && j < t.b+16; j++ {
			if failPreds[x.low[j]] && isVerbTag(x.tag(j)) {
				negated = true
				break
			}
		}
	}
	return negated, modality
}

// isVerbTok reports whether token j is tagged as a verb.
func (x *docView) isVerbTok(j int) bool { return isVerbTag(x.tag(j)) }

// accordingTo reports whether "according to" opens the trigger's clause or
// the sentence's first clause.
func (x *docView) accordingTo(t trig, a, b int, clause []int) bool {
	for j := a; j+1 < b; j++ {
		if x.low[j] == "according" && x.low[j+1] == "to" && (clause[j-a] == clause[t.a-a] || clause[j-a] == 0) {
			return true
		}
	}
	return false
}
