package entities

import (
	"sort"
)

// merge chooses among overlapping candidates by the policy in doc.go and
// returns the winners sorted by position.
func merge(textLen int, cs []cand) []cand {
	sort.SliceStable(cs, func(i, j int) bool { return better(&cs[i], &cs[j]) })
	taken := make([]bool, textLen)
	var out []cand
	for _, c := range cs {
		if c.Start < 0 || c.End > textLen || c.Start >= c.End {
			continue
		}
		free := true
		for k := c.Start; k < c.End; k++ {
			if taken[k] {
				free = false
				break
			}
		}
		if c.tier == tierBlock {
			// A blocker takes whatever is still free and is not output.
			for k := c.Start; k < c.End; k++ {
				taken[k] = true
			}
			continue
		}
		if !free {
			continue
		}
		for k := c.Start; k < c.End; k++ {
			taken[k] = true
		}
		out = append(out, c)
	}
	// A winner keeps the evidence of losers on the same span: the gazetteer
	// links "Vladimir Putin", the title rule saw "Russian President" before
	// it.
	at := make(map[[2]int]int, len(out))
	for i := range out {
		at[[2]int{out[i].Start, out[i].End}] = i
	}
	for _, c := range cs {
		i, ok := at[[2]int{c.Start, c.End}]
		if !ok || len(c.evidence) == 0 || out[i].typ != c.typ {
			continue
		}
		w := &out[i]
		for k, v := range c.evidence {
			if _, has := w.evidence[k]; !has {
				if w.evidence == nil {
					w.evidence = map[string]string{}
				}
				w.evidence[k] = v
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// better reports whether a ranks before b: well-typed candidates, then
// blockers, then model labels; within a class longer, then the stronger
// tier, then the higher score, then earlier.
func better(a, b *cand) bool {
	if ca, cb := class(a.tier), class(b.tier); ca != cb {
		return ca > cb
	}
	if a.len() != b.len() {
		return a.len() > b.len()
	}
	if a.tier != b.tier {
		return a.tier > b.tier
	}
	if a.score != b.score {
		return a.score > b.score
	}
	return a.Start < b.Start
}

func class(t tier) int {
	switch {
	case t >= tierRule:
		return 2
	case t == tierBlock:
		return 1
	}
	return 0
}
