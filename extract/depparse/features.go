package depparse

// dist buckets a distance between two positions.
func dist(a, b int32) uint32 {
	if a < 0 || b < 0 {
		return 0
	}
	d := b - a
	if d < 0 {
		d = -d
	}
	switch {
	case d <= 4:
		return uint32(d)
	case d <= 6:
		return 5
	case d <= 9:
		return 6
	default:
		return 7
	}
}

func fold64(x uint64) uint32 { return uint32(x) ^ uint32(x>>32)*0x2545F491 }

// features writes the action classifier's feature keys for the current
// configuration into p.feats (Zhang & Nivre 2011's templates adapted to
// arc-hybrid: the stack's top three, the buffer's first three, their
// leftmost and rightmost children, distance, valency and label sets).
func (p *Parser) features() []uint32 {
	k := len(p.stack)
	s0, s1, s2 := int32(-1), int32(-1), int32(-1)
	if k > 0 {
		s0 = p.stack[k-1]
	}
	if k > 1 {
		s1 = p.stack[k-2]
	}
	if k > 2 {
		s2 = p.stack[k-3]
	}
	b0, b1, b2 := int32(-1), int32(-1), int32(-1)
	if n := int32(p.n); p.b <= n {
		b0 = p.b
		if p.b+1 <= n {
			b1 = p.b + 1
		}
		if p.b+2 <= n {
			b2 = p.b + 2
		}
	}
	// Array indexes (position + 1; 0 is the null position).
	S0, S1, S2, B0, B1, B2 := s0+1, s1+1, s2+1, b0+1, b1+1, b2+1
	W, P, X := p.pw, p.pp, p.px
	S0l, S0r := p.lc1[S0]+1, p.rc1[S0]+1
	B0l := p.lc1[B0] + 1
	S1r := p.rc1[S1] + 1
	L := p.lab
	if S0 == 0 {
		S0l, S0r = 0, 0
	}
	if B0 == 0 {
		B0l = 0
	}
	if S1 == 0 {
		S1r = 0
	}
	s0w, s0p, b0w, b0p := W[S0], P[S0], W[B0], P[B0]
	s1w, s1p, b1w, b1p := W[S1], P[S1], W[B1], P[B1]
	b2p, s2p := P[B2], P[S2]
	d := dist(s0, b0)
	d1 := dist(s1, s0)
	vl0, vr0, vlb := uint32(p.nl[S0]), uint32(p.nr[S0]), uint32(p.nl[B0])
	lab := func(i int32) uint32 {
		if i == 0 {
			return 0
		}
		return uint32(L[i]) + 1
	}
	f := p.feats[:0]
	f = append(f,
		key3(1, 0, 0, 0),
		key3(2, s0w, s0p, 0), key3(3, s0w, 0, 0), key3(4, s0p, 0, 0),
		key3(5, b0w, b0p, 0), key3(6, b0w, 0, 0), key3(7, b0p, 0, 0),
		key3(8, b1w, b1p, 0), key3(10, b1p, 0, 0), key3(12, b2p, 0, 0),
		key3(13, s1w, s1p, 0), key3(15, s1p, 0, 0), key3(16, s2p, 0, 0),
		key3(18, X[S0], X[B0], 0), key3(19, X[S1], X[S0], 0),
		// pairs
		key3(23, s0w, s0p, b0w^b0p*31), key3(26, s0w, s0p, b0p), key3(27, s0p, b0w, b0p),
		key3(28, s0w, b0w, 0), key3(29, s0p, b0p, 0), key3(30, b0p, b1p, 0),
		key3(31, s1w, s1p, s0w^s0p*31), key3(32, s1p, s0p, 0), key3(36, s1p, b0p, 0),
		// triples
		key3(38, b0p, b1p, b2p), key3(39, s0p, b0p, b1p), key3(40, s1p, s0p, b0p),
		key3(41, s0p, P[S0l], b0p), key3(42, s0p, P[S0r], b0p), key3(43, s0p, b0p, P[B0l]),
		key3(44, s1p, P[S1r], s0p), key3(45, s2p, s1p, s0p),
		// distance and valency
		key3(54, s0p, b0p, d), key3(55, s1p, s0p, d1),
		key3(58, s0p, vr0, 0), key3(60, s0p, vl0, 0), key3(62, b0p, vlb, 0),
		// children
		key3(65, P[S0l], lab(S0l), 0), key3(68, P[S0r], lab(S0r), 0), key3(71, P[B0l], lab(B0l), 0),
	)
	p.feats = f
	return f
}

// labelFeatures writes the label classifier's feature keys for an arc from
// h to d made by action a.
func (p *Parser) labelFeatures(h, d int32, a int) []uint32 {
	H, D := h+1, d+1
	W, P, X, L := p.pw, p.pp, p.px, p.lab
	hw, hp, dw, dp := W[H], P[H], W[D], P[D]
	dir := uint32(a) << 8
	dl, dr := p.lc1[D]+1, p.rc1[D]+1
	dll, drl := uint32(0), uint32(0)
	if dl > 0 {
		dll = uint32(L[dl]) + 1
	}
	if dr > 0 {
		drl = uint32(L[dr]) + 1
	}
	// The word after the arc: b1 for a left arc (head b0), b0 for a right arc.
	next := p.b + 1
	if a == rightArc {
		next = p.b
	}
	nx := uint32(0)
	if int(next) <= p.n {
		nx = P[next+1]
	}
	hs := fold64(p.lset[H] | p.rset[H])
	f := p.lfeats[:0]
	f = append(f,
		key3(101, dir, 0, 0), key3(102, dir, hw, 0), key3(104, dir, dw, 0), key3(105, dir, dp, 0),
		key3(106, dir, hp, dp), key3(107, dir^hw, dp, 0), key3(108, dir^dw, hp, 0),
		key3(110, dir^hp, dp, dist(h, d)), key3(111, dir^dp, dll, drl), key3(112, dir^hp, hs, 0),
		key3(113, dir^X[H], X[D], 0), key3(115, dir^dp, fold64(p.lset[D]), fold64(p.rset[D])),
		key3(116, dir^hp, dp, nx),
	)
	p.lfeats = f
	return f
}

// tagFeatures writes the tagger's feature keys for word i, given the tags
// already predicted for the words before it.
func (p *Parser) tagFeatures(i int) []uint32 {
	n := p.n
	word := func(j int) uint32 {
		if j < 0 {
			return 0x51a7
		}
		if j >= n {
			return 0xe4d
		}
		return p.wh[j]
	}
	penn := func(j int) uint32 {
		if j < 0 || j >= n {
			return 100
		}
		return p.xt[j]
	}
	tag := func(j int) uint32 {
		if j < 0 {
			return 100
		}
		return uint32(p.upos[j])
	}
	w, x := p.wh[i], p.xt[i]
	t1, t2 := tag(i-1), tag(i-2)
	first := uint32(0)
	if i == 0 {
		first = 1
	}
	f := p.tfeats[:0]
	f = append(f,
		key3(201, 0, 0, 0), key3(202, w, 0, 0), key3(203, p.sf1[i], 0, 0), key3(204, p.sf2[i], 0, 0),
		key3(205, p.sf3[i], 0, 0), key3(207, p.shp[i], first, 0),
		key3(208, word(i-1), 0, 0), key3(209, word(i+1), 0, 0),
		key3(212, x, 0, 0), key3(213, penn(i-1), x, 0), key3(214, x, penn(i+1), 0), key3(215, x, w, 0),
		key3(216, t1, 0, 0), key3(217, t1, t2, 0), key3(220, p.sf3[i], x, 0),
	)
	p.tfeats = f
	return f
}

// tag predicts the UPOS of every word, left to right.
func (p *Parser) tag() {
	s := p.tscores
	dict := p.m.dict
	for i := 0; i < p.n; i++ {
		if t, ok := dict.get(p.wh[i]); ok {
			p.upos[i] = t
			continue
		}
		clear(s)
		p.touch += p.m.tagger.score(p.tagFeatures(i), s)
		best := 0
		for j := 1; j < len(s); j++ {
			if s[j] > s[best] {
				best = j
			}
		}
		p.upos[i] = uint8(best)
	}
}
