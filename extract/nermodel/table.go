package nermodel

import (
	"sort"
	"sync"
)

// table holds the non-zero weight rows of a model, keyed by feature bucket,
// in an open-addressing hash table: a trained model touches a few percent of
// its buckets, so this is far smaller than the dense array training uses.
// The keys lie apart from the rows: most features of a new text are not in
// the model, and probing the small key array for them stays in cache.
type table struct {
	mask uint32
	// keys[i] is bucket+1 of slot i, 0 when the slot is empty.
	keys []uint32
	// rows[i] holds slot i's weights.
	rows [][numLabels]int16
	n    int
	// lab caches the transition scores (transitions); set by newTable
	// and kept when the table grows.
	lab *transCache
}

// newTable makes room for n rows at a load factor of at most three
// quarters.
func newTable(n int) *table {
	size := 16
	for 3*size < 4*n {
		size <<= 1
	}
	return &table{mask: uint32(size - 1), keys: make([]uint32, size), rows: make([][numLabels]int16, size), lab: new(transCache)}
}

func slotHash(b uint32) uint32 { return b * 0x9e3779b1 }

// put stores the row of bucket b, which must not be present yet, growing
// the table to keep it at most three quarters full.
func (t *table) put(b uint32, row []int16) {
	if 4*(t.n+1) > 3*len(t.keys) {
		bigger := &table{mask: uint32(2*len(t.keys) - 1), keys: make([]uint32, 2*len(t.keys)), rows: make([][numLabels]int16, 2*len(t.keys)), lab: t.lab}
		for i, k := range t.keys {
			if k != 0 {
				bigger.put(k-1, t.rows[i][:])
			}
		}
		*t = *bigger
	}
	t.n++
	for i := slotHash(b) & t.mask; ; i = (i + 1) & t.mask {
		if t.keys[i] == 0 {
			t.keys[i] = b + 1
			copy(t.rows[i][:], row)
			return
		}
	}
}

// row returns the weights of bucket b, or nil when they are all zero.
func (t *table) row(b uint32) []int16 {
	for i := slotHash(b) & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case b + 1:
			return t.rows[i][:]
		case 0:
			return nil
		}
	}
}

// buckets returns the stored buckets in increasing order.
func (t *table) buckets() []uint32 {
	var out []uint32
	for _, k := range t.keys {
		if k != 0 {
			out = append(out, k-1)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// tableFromDense keeps the non-zero rows of a dense weight array.
func tableFromDense(w []int16) *table {
	n := 0
	for r := 0; r < len(w)/numLabels; r++ {
		if !zeroRow(w[r*numLabels : (r+1)*numLabels]) {
			n++
		}
	}
	t := newTable(n)
	for r := 0; r < len(w)/numLabels; r++ {
		if row := w[r*numLabels : (r+1)*numLabels]; !zeroRow(row) {
			t.put(uint32(r), row)
		}
	}
	return t
}

func zeroRow(row []int16) bool {
	for _, x := range row {
		if x != 0 {
			return false
		}
	}
	return true
}

// score sums the rows of feats into scores. (row's probe, inlined by hand;
// the sums fit in int32: a few hundred features of at most 1<<15 each.)
func (t *table) score(feats []uint32, scores *[numLabels]int64) {
	var s [numLabels]int32
	keys, rows, mask := t.keys, t.rows, t.mask
	for _, f := range feats {
		for i := slotHash(f) & mask; ; i = (i + 1) & mask {
			k := keys[i]
			if k == f+1 {
				r := &rows[i]
				for j := range s {
					s[j] += int32(r[j])
				}
				break
			}
			if k == 0 {
				break
			}
		}
	}
	for j := range s {
		scores[j] = int64(s[j])
	}
}

// transCache computes a table's transition scores once.
type transCache struct {
	once sync.Once
	lb   uint
	tr   transitions
}

// transitions returns the table's transition scores (the rows of the
// previous-label features, labelRowFeature) for features hashed into
// 1<<lb buckets. A table serves one model, hence one lb; the table must
// not change once it is in use.
func (t *table) transitions(lb uint) *transitions {
	c := t.lab
	c.once.Do(func() {
		c.lb = lb
		var rows transRows
		for p := -1; p < numLabels; p++ {
			t.score([]uint32{labelRowFeature(p, lb)}, &rows[p+1])
		}
		c.tr.compile(&rows)
	})
	if c.lb != lb {
		panic("nermodel: one weight table used with two bucket counts")
	}
	return &c.tr
}

// transitionsDense is transitions over a dense weight array (training).
func transitionsDense(w []int32, lb uint, tr *transRows) {
	for p := -1; p < numLabels; p++ {
		row := (*[numLabels]int32)(w[int(labelRowFeature(p, lb))*numLabels:])
		for k, x := range row {
			tr[p+1][k] = int64(x)
		}
	}
}
