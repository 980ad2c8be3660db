package events

import "github.com/entente-nlp/entente/pipeline"

// coding is what the verb patterns decided for a draft.
type coding struct {
	// reverse is the code of the paired event target -> source ([A:B]).
	reverse string
	// verb is the token of the verb the patterns were matched around, -1.
	verb int
	// source and target are tokens a pattern's $ and + matched, -1; both
	// marks a % pattern (coordinated actors acting on each other).
	source, target int
	both           bool
	// pattern is the text of the matched pattern, "" for a default code.
	pattern string
}

// codeTrigger matches the verb patterns of a verbal trigger and sets the
// draft's code; it reports false when the trigger makes no event (a
// pattern coded "---", or a patterns-only kind with no match).
func (x *docView) codeTrigger(dr *draft, t trig, a, b int, clause []int) bool {
	dr.code = coding{verb: -1, source: -1, target: -1}
	spec := x.lx.kinds[t.kind]
	dr.code.reverse = spec.Reverse
	if !t.verbal {
		return !spec.PatternsOnly
	}
	v := t.a
	dr.code.verb = v
	ps := x.lx.patterns[t.kind]
	if len(ps) == 0 {
		return !spec.PatternsOnly
	}
	hi := b
	if _, chi := clauseRange(clause, a, v); chi < hi {
		hi = chi
		if x.d.Tokens[v].Parsed() {
			if x.tr == nil {
				x.tr = pipeline.NewTree(x.d)
			}
			if _, shi := x.tr.Subtree(v); shi > hi {
				hi = min(shi, b)
			}
		}
	}
	sc := patternScope{x: x, lo: a, v: v, hi: hi}
	m := sc.matchPatterns(ps, x.lx.verbBase[x.low[v]])
	if m == nil {
		return !spec.PatternsOnly
	}
	if m.p.cameo == "---" {
		return false
	}
	dr.cameo, dr.code.reverse, dr.code.pattern = m.p.cameo, m.p.reverse, m.p.text
	dr.code.source, dr.code.target, dr.code.both = m.source, m.target, m.both
	if m.target < 0 && m.object >= 0 && m.object < b {
		// The object of the preposition or particle the pattern ends
		// with is the target ("called on X", "* (TO)").
		j := m.object
		for j < b && (x.tag(j) == "DT" || x.tag(j) == "PRP$") {
			j++
		}
		if j < b && x.argAt[j] >= 0 {
			dr.code.target = j
		}
	}
	return true
}

// withReverse adds, after each draft with a two-way code, its paired event
// (the target doing the reverse code to the source); a draft with only a
// reverse code ([:B]) is replaced by its pair.
func withReverse(ds []*draft) []*draft {
	out := make([]*draft, 0, len(ds))
	for _, dr := range ds {
		if dr.code.reverse == "" {
			out = append(out, dr)
			continue
		}
		if dr.cameo != "" {
			out = append(out, dr)
		}
		r := *dr
		r.cameo, r.code.reverse = dr.code.reverse, ""
		r.code.source, r.code.target = dr.code.target, dr.code.source
		r.sources, r.targets = dr.targets, dr.sources
		r.parts = make([]pipeline.Participant, len(dr.parts))
		for i, p := range dr.parts {
			switch p.Role {
			case Actor:
				p.Role = Target
			case Target:
				p.Role = Actor
			}
			r.parts[i] = p
		}
		r.triggers = append([]pipeline.Span(nil), dr.triggers...)
		out = append(out, &r)
	}
	return out
}
