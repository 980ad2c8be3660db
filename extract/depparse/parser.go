package depparse

// Parser parses sentences with a Model. It owns its buffers and reuses them
// from sentence to sentence, so parsing allocates nothing once the buffers
// have grown; it is not safe for concurrent use (make one per goroutine, or
// pool them).
type Parser struct {
	m *Model
	n int

	// Per word (0..n-1): tagger inputs and the predicted UPOS.
	wh, sf1, sf2, sf3, pf2, shp, xt []uint32
	upos                            []uint8

	// Per parser position p (-1 null, 0 root, 1..n words), at index p+1.
	pw, pp, px            []uint32
	head                  []int32
	lab                   []uint8
	lc1, lc2, rc1, rc2    []int32
	nl, nr                []uint8
	lset, rset            []uint64
	onStack               []bool
	stack                 []int32
	b                     int32
	feats, lfeats, tfeats []uint32
	lscores, tscores      []int32
	// touch sums the prefetch passes' loads so that they are kept.
	touch uint32
}

// NewParser returns a Parser over m.
func (m *Model) NewParser() *Parser {
	return &Parser{m: m, feats: make([]uint32, 0, 96), lfeats: make([]uint32, 0, 32), tfeats: make([]uint32, 0, 32),
		lscores: make([]int32, len(m.labels)), tscores: make([]int32, numUPOS)}
}

// Len returns the number of words of the last parsed sentence.
func (p *Parser) Len() int { return p.n }

// UPOS returns the predicted part-of-speech tag of word i.
func (p *Parser) UPOS(i int) string { return UPOS[p.upos[i]] }

// Head returns the index of word i's head, -1 for the root.
func (p *Parser) Head(i int) int { return int(p.head[i+2]) - 2 }

// Dep returns the relation of word i to its head ("root" for the root).
func (p *Parser) Dep(i int) string { return p.m.labels[p.lab[i+2]] }

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// load sets up the sentence: per-word attributes, tags, and the initial
// configuration. gold, when not nil, gives UPOS ids to use instead of the
// tagger's.
func (p *Parser) load(words, penn []string, gold []uint8) {
	n := len(words)
	p.n = n
	p.wh, p.sf1, p.sf2, p.sf3 = grow(p.wh, n), grow(p.sf1, n), grow(p.sf2, n), grow(p.sf3, n)
	p.pf2, p.shp, p.xt, p.upos = grow(p.pf2, n), grow(p.shp, n), grow(p.xt, n), grow(p.upos, n)
	for i, w := range words {
		p.wh[i] = hashString(w)
		p.sf1[i], p.sf2[i], p.sf3[i], p.pf2[i] = affix(w, 1), affix(w, 2), affix(w, 3), affix(w, -2)
		p.shp[i] = shape(w)
		p.xt[i] = 0
		if i < len(penn) {
			p.xt[i] = pennID[penn[i]]
		}
	}
	if gold != nil {
		copy(p.upos, gold)
	} else {
		p.tag()
	}
	m := n + 2
	p.pw, p.pp, p.px = grow(p.pw, m), grow(p.pp, m), grow(p.px, m)
	p.head, p.lab = grow(p.head, m), grow(p.lab, m)
	p.lc1, p.lc2, p.rc1, p.rc2 = grow(p.lc1, m), grow(p.lc2, m), grow(p.rc1, m), grow(p.rc2, m)
	p.nl, p.nr, p.lset, p.rset, p.onStack = grow(p.nl, m), grow(p.nr, m), grow(p.lset, m), grow(p.rset, m), grow(p.onStack, m)
	for i := 0; i < m; i++ {
		p.head[i], p.lab[i] = 0, 0
		p.lc1[i], p.lc2[i], p.rc1[i], p.rc2[i] = -1, -1, -1, -1
		p.nl[i], p.nr[i], p.lset[i], p.rset[i], p.onStack[i] = 0, 0, 0, 0, false
	}
	p.pw[0], p.pp[0], p.px[0] = 0, 0, 0
	p.pw[1], p.pp[1], p.px[1] = 0x5eed, uint32(numUPOS)+1, 99
	for i := 0; i < n; i++ {
		p.pw[i+2], p.pp[i+2], p.px[i+2] = p.wh[i], uint32(p.upos[i])+1, p.xt[i]
	}
	p.stack = append(p.stack[:0], 0)
	p.onStack[1] = true
	p.b = 1
}

// Actions of the arc-hybrid system.
const (
	shift = iota
	leftArc
	rightArc
)

func (p *Parser) done() bool { return int(p.b) > p.n && len(p.stack) == 1 }

func (p *Parser) valid(a int) bool {
	k := len(p.stack)
	switch a {
	case shift:
		return int(p.b) <= p.n
	case leftArc:
		return int(p.b) <= p.n && k >= 2
	default:
		return k >= 2 && (p.stack[k-2] != 0 || int(p.b) > p.n)
	}
}

// forced returns the only valid action, or -1 when there is a choice: a
// sentence starts with a shift, and once the buffer is empty only right
// arcs remain. Forced transitions are not scored.
func (p *Parser) forced() int {
	k := len(p.stack)
	switch {
	case k == 1:
		return shift
	case int(p.b) > p.n:
		return rightArc
	}
	return -1
}

// arc returns the head and dependent an arc action would link.
func (p *Parser) arc(a int) (h, d int32) {
	k := len(p.stack)
	d = p.stack[k-1]
	if a == leftArc {
		return p.b, d
	}
	return p.stack[k-2], d
}

// apply performs action a; label is used by arc actions.
func (p *Parser) apply(a int, label uint8) {
	if a == shift {
		p.stack = append(p.stack, p.b)
		p.onStack[p.b+1] = true
		p.b++
		return
	}
	h, d := p.arc(a)
	p.stack = p.stack[:len(p.stack)-1]
	p.onStack[d+1] = false
	hi, di := h+1, d+1
	p.head[di], p.lab[di] = hi, label
	bit := uint64(1) << (label & 63)
	if d < h {
		if p.lc1[hi] < 0 || d < p.lc1[hi] {
			p.lc2[hi], p.lc1[hi] = p.lc1[hi], d
		} else if p.lc2[hi] < 0 || d < p.lc2[hi] {
			p.lc2[hi] = d
		}
		if p.nl[hi] < 7 {
			p.nl[hi]++
		}
		p.lset[hi] |= bit
	} else {
		if p.rc1[hi] < 0 || d > p.rc1[hi] {
			p.rc2[hi], p.rc1[hi] = p.rc1[hi], d
		} else if p.rc2[hi] < 0 || d > p.rc2[hi] {
			p.rc2[hi] = d
		}
		if p.nr[hi] < 7 {
			p.nr[hi]++
		}
		p.rset[hi] |= bit
	}
}

// parse runs the greedy decoder on the loaded sentence.
func (p *Parser) parse() {
	m := p.m
	root := m.rootLabel
	for !p.done() {
		best := p.forced()
		if best < 0 {
			feats := p.features()
			sc := [3]int32{}
			var touch uint32
			sc[0], sc[1], sc[2], touch = m.actions.score3(feats)
			p.touch += touch
			bestScore := int32(0)
			for a := 0; a < 3; a++ {
				if p.valid(a) && (best < 0 || sc[a] > bestScore) {
					best, bestScore = a, sc[a]
				}
			}
		}
		var label uint8
		if best != shift {
			h, d := p.arc(best)
			if h == 0 {
				label = root
			} else {
				label = p.predictLabel(h, d, best)
			}
		}
		p.apply(best, label)
	}
}

func (p *Parser) predictLabel(h, d int32, a int) uint8 {
	lf := p.labelFeatures(h, d, a)
	s := p.lscores
	clear(s)
	p.touch += p.m.arcLabels.score(lf, s)
	best := 0
	for j := 1; j < len(s); j++ {
		if s[j] > s[best] {
			best = j
		}
	}
	if uint8(best) == p.m.rootLabel && len(s) > 1 {
		// "root" belongs to the arc from the root only.
		best = 0
		for j := 1; j < len(s); j++ {
			if uint8(j) != p.m.rootLabel && (uint8(best) == p.m.rootLabel || s[j] > s[best]) {
				best = j
			}
		}
	}
	return uint8(best)
}

// Parse tags and parses one sentence of words (penn, optional, gives Penn
// Treebank tags such as prose's, one per word). Read the result with UPOS,
// Head and Dep.
func (p *Parser) Parse(words, penn []string) {
	p.load(words, penn, nil)
	p.parse()
}

// Tag tags one sentence without parsing it (Head and Dep are then not
// meaningful).
func (p *Parser) Tag(words, penn []string) {
	p.n = len(words)
	p.load(words, penn, nil)
}
