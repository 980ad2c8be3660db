package entities

import (
	"sort"
)

// merge chooses among overlapping candidates by the policy in doc.go and
// returns the winners sorted by position.
func merge(textLen int, cs []cand) []cand {
	// Rank positions, not the large candidate structs (a stable sort: the
	// order is the one sorting cs itself would give).
	order := make([]int32, len(cs))
	for i := range order {
		order[i] = int32(i)
	}
	sort.Stable(byRank{cs, order})
	taken := make([]bool, textLen)
	var out []cand
	for _, k := range order {
		c := &cs[k]
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
		out = append(out, *c)
	}
	// A winner keeps the evidence of losers on the same span: the gazetteer
	// links "Vladimir Putin", the title rule saw "Russian President" before
	// it.
	at := make(map[[2]int]int, len(out))
	for i := range out {
		at[[2]int{out[i].Start, out[i].End}] = i
	}
	for _, k := range order {
		c := &cs[k]
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

// byRank sorts positions in cs by better.
type byRank struct {
	cs    []cand
	order []int32
}

func (r byRank) Len() int           { return len(r.order) }
func (r byRank) Less(i, j int) bool { return better(&r.cs[r.order[i]], &r.cs[r.order[j]]) }
func (r byRank) Swap(i, j int)      { r.order[i], r.order[j] = r.order[j], r.order[i] }

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
