package depparse

import (
	"math"
	"slices"
)

// table holds int16 weight rows keyed by feature key in a set-associative
// hash table: a key's bucket is one 64-byte cache line, of 6 keys with
// their rows for the three-wide transition table, or of 8 keys with the
// place of their non-zero weights for the wide tagger and label tables
// (whose rows are mostly zero), so a lookup touches one line for a miss
// and one or two for a hit. Rows are inserted heaviest
// first; a row whose bucket is full is dropped (the table is sized so that
// few are). Key 0 marks an empty way.
type table struct {
	width int
	shift uint32
	// Wide tables: buckets of 8 keys, each with the span of its row's
	// non-zero weights in items (label<<16 | uint16(weight)).
	sb    []bucketN
	items []uint32
	ent   []bucket3
	n     int
	// logBuckets is log2 of the number of buckets.
	logBuckets uint32
	// scale converts a summed score back to perceptron units.
	scale float32
}

// bucketN is one cache line of a wide table: eight keys and, for each,
// offset<<8 | count of its non-zero weights in table.items.
type bucketN struct {
	k [8]uint32
	s [8]uint32
}

// bucket3 is one cache line of a three-wide table: six keys and their rows.
type bucket3 struct {
	k [6]uint32
	w [6][3]int16
	_ uint32
}

func slot(k uint32) uint32 { return k * 0x9E3779B1 }

// logBucketsFor returns the bucket count (log2) for n rows of width w.
func logBucketsFor(width, n int) uint32 {
	per := 5 // of 8 ways
	if width == 3 {
		per = 3 // of 6
	}
	lb := uint32(0)
	for (1<<lb)*per < n {
		lb++
	}
	return lb
}

// buildTable stores rows (keyed by keys) in a table of 2^lb buckets,
// heaviest rows first.
func buildTable(width int, lb uint32, keys []uint32, rows [][]int16) *table {
	lb = max(lb, 1)
	nb := 1 << lb
	t := &table{width: width, logBuckets: lb, shift: 32 - lb}
	if width == 3 {
		t.ent = make([]bucket3, nb)
	} else {
		t.sb = make([]bucketN, nb)
	}
	order := make([]int, len(keys))
	weight := make([]int, len(keys))
	for i := range order {
		order[i] = i
		for _, x := range rows[i] {
			weight[i] = max(weight[i], abs(int(x)))
		}
	}
	slices.SortFunc(order, func(a, b int) int {
		if weight[a] != weight[b] {
			return weight[b] - weight[a]
		}
		return int(keys[a]) - int(keys[b])
	})
	for _, i := range order {
		t.insert(keys[i], rows[i])
	}
	return t
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func (t *table) bucket(k uint32) int { return int(slot(k) >> t.shift) }

func (t *table) insert(k uint32, row []int16) {
	b := t.bucket(k)
	if t.ent != nil {
		e := &t.ent[b]
		for j := range e.k {
			if e.k[j] == 0 {
				e.k[j] = k
				copy(e.w[j][:], row)
				t.n++
				return
			}
		}
		return
	}
	e := &t.sb[b]
	for j := range e.k {
		if e.k[j] == 0 {
			off, n := len(t.items), 0
			for c, x := range row {
				if x != 0 {
					t.items = append(t.items, uint32(c)<<16|uint32(uint16(x)))
					n++
				}
			}
			e.k[j], e.s[j] = k, uint32(off)<<8|uint32(n)
			t.n++
			return
		}
	}
}

// score adds the rows of feats to s (len(s) == t.width). A first pass
// touches every feature's bucket so that the cache misses overlap instead
// of coming one after another.
func (t *table) score(feats []uint32, s []int32) (touch uint32) {
	sb, items, shift := t.sb, t.items, t.shift
	for _, f := range feats {
		touch += sb[slot(f)>>shift].k[0]
	}
	for _, f := range feats {
		e := &sb[slot(f)>>shift]
		for j := range e.k {
			if e.k[j] == f {
				sp := e.s[j]
				for _, it := range items[sp>>8 : sp>>8+sp&0xff] {
					s[it>>16] += int32(int16(it))
				}
				break
			}
			if e.k[j] == 0 {
				break
			}
		}
	}
	return touch
}

// score3 is score for a three-wide table.
func (t *table) score3(feats []uint32) (a, b, c int32, touch uint32) {
	ent, shift := t.ent, t.shift
	for _, f := range feats {
		touch += ent[slot(f)>>shift].k[0]
	}
	for _, f := range feats {
		e := &ent[slot(f)>>shift]
		for j := range e.k {
			if e.k[j] == f {
				a += int32(e.w[j][0])
				b += int32(e.w[j][1])
				c += int32(e.w[j][2])
				break
			}
			if e.k[j] == 0 {
				break
			}
		}
	}
	return
}

// each calls fn for every stored row in increasing key order.
func (t *table) each(fn func(k uint32, row []int16)) {
	type kr struct {
		k   uint32
		row []int16
	}
	var all []kr
	if t.ent != nil {
		for i := range t.ent {
			e := &t.ent[i]
			for j := range e.k {
				if e.k[j] != 0 {
					all = append(all, kr{e.k[j], e.w[j][:]})
				}
			}
		}
	} else {
		for i := range t.sb {
			e := &t.sb[i]
			for j, k := range e.k {
				if k != 0 {
					row := make([]int16, t.width)
					sp := e.s[j]
					for _, it := range t.items[sp>>8 : sp>>8+sp&0xff] {
						row[it>>16] = int16(it)
					}
					all = append(all, kr{k, row})
				}
			}
		}
	}
	slices.SortFunc(all, func(a, b kr) int { return int(a.k) - int(b.k) })
	for _, x := range all {
		fn(x.k, x.row)
	}
}

// weights are the averaged perceptron's training weights for one
// classifier: rows allocated on a feature's first update.
type weights struct {
	width int
	idx   map[uint32]int32
	w     []int32
	u     []int64 // sum of step*update, for averaging
	step  int64
}

func newWeights(width int) *weights {
	return &weights{width: width, idx: map[uint32]int32{}}
}

// score adds the current weights of feats to s.
func (ws *weights) score(feats []uint32, s []int32) {
	w := ws.width
	for _, f := range feats {
		if r, ok := ws.idx[f]; ok {
			row := ws.w[int(r)*w : int(r)*w+w]
			for j := range row {
				s[j] += row[j]
			}
		}
	}
}

// update moves feats' weights toward class good and away from class bad.
func (ws *weights) update(feats []uint32, good, bad int) {
	w := ws.width
	for _, f := range feats {
		r, ok := ws.idx[f]
		if !ok {
			r = int32(len(ws.w) / w)
			ws.idx[f] = r
			ws.w = append(ws.w, make([]int32, w)...)
			ws.u = append(ws.u, make([]int64, w)...)
		}
		o := int(r) * w
		ws.w[o+good]++
		ws.u[o+good] += ws.step
		ws.w[o+bad]--
		ws.u[o+bad] -= ws.step
	}
}

// average returns the averaged weights as an int16 table (the largest
// weight maps to 32000), dropping rows whose largest quantized weight is
// below minQ (and rows that quantize to zero). Keys are visited in sorted
// order, so the result does not depend on map order.
func (ws *weights) average(minQ int) *table {
	keys := make([]uint32, 0, len(ws.idx))
	for k := range ws.idx {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	c := float64(ws.step)
	if c == 0 {
		c = 1
	}
	w := ws.width
	avg := make([]float64, w)
	var maxAbs float64
	for _, k := range keys {
		o := int(ws.idx[k]) * w
		for j := 0; j < w; j++ {
			maxAbs = math.Max(maxAbs, math.Abs(float64(ws.w[o+j])-float64(ws.u[o+j])/c))
		}
	}
	scale := 1.0
	if maxAbs > 0 {
		scale = 32000 / maxAbs
	}
	type kept struct {
		k   uint32
		row []int16
	}
	var rows []kept
	for _, k := range keys {
		o := int(ws.idx[k]) * w
		row := make([]int16, w)
		big := 0
		for j := range row {
			avg[j] = float64(ws.w[o+j]) - float64(ws.u[o+j])/c
			row[j] = int16(math.Round(avg[j] * scale))
			big = max(big, abs(int(row[j])))
		}
		if big > 0 && big >= minQ {
			rows = append(rows, kept{k, row})
		}
	}
	ks := make([]uint32, len(rows))
	rs := make([][]int16, len(rows))
	for i, r := range rows {
		ks[i], rs[i] = r.k, r.row
	}
	t := buildTable(w, logBucketsFor(w, len(rows)), ks, rs)
	t.scale = float32(1 / scale)
	return t
}

// pruned returns a copy of t without the rows whose largest weight is
// below min (in quantized units).
func (t *table) pruned(min int16) *table {
	var ks []uint32
	var rs [][]int16
	t.each(func(k uint32, row []int16) {
		big := 0
		for _, x := range row {
			big = max(big, abs(int(x)))
		}
		if big >= int(min) {
			ks = append(ks, k)
			rs = append(rs, row)
		}
	})
	out := buildTable(t.width, logBucketsFor(t.width, len(ks)), ks, rs)
	out.scale = t.scale
	return out
}
