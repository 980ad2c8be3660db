package nermodel

import (
	"sort"
	"sync"
)

// table holds the non-zero weight rows of a model, keyed by feature bucket,
// in an open-addressing hash table: a trained model touches a few percent of
// its buckets, so this is far smaller than the dense array training uses.
type table struct {
	mask uint32
	// keys[i] is bucket+1 of slot i, 0 when the slot is empty.
	keys []uint32
	// rows holds numLabels weights per slot.
	rows []int16
	n    int
	// lab caches the label-pair rows (labelRows); set by newTable and
	// kept when the table grows.
	lab *labelCache
}

// newTable makes room for n rows at a load factor of at most one half.
func newTable(n int) *table {
	size := 16
	for size < 2*n {
		size <<= 1
	}
	return &table{mask: uint32(size - 1), keys: make([]uint32, size), rows: make([]int16, size*numLabels), lab: new(labelCache)}
}

func slotHash(b uint32) uint32 { return b * 0x9e3779b1 }

// put stores the row of bucket b, which must not be present yet, growing
// the table to keep it at most half full.
func (t *table) put(b uint32, row []int16) {
	if 2*(t.n+1) > len(t.keys) {
		bigger := &table{mask: uint32(2*len(t.keys) - 1), keys: make([]uint32, 2*len(t.keys)), rows: make([]int16, 2*len(t.rows)), lab: t.lab}
		for i, k := range t.keys {
			if k != 0 {
				bigger.put(k-1, t.rows[i*numLabels:(i+1)*numLabels])
			}
		}
		*t = *bigger
	}
	t.n++
	for i := slotHash(b) & t.mask; ; i = (i + 1) & t.mask {
		if t.keys[i] == 0 {
			t.keys[i] = b + 1
			copy(t.rows[int(i)*numLabels:], row)
			return
		}
	}
}

// row returns the weights of bucket b, or nil when they are all zero.
func (t *table) row(b uint32) []int16 {
	for i := slotHash(b) & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case b + 1:
			return t.rows[int(i)*numLabels : int(i)*numLabels+numLabels]
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

// score sums the rows of feats into scores. (row's probe, inlined by hand,
// with the row read as an array: no bounds checks in the sum.)
func (t *table) score(feats []uint32, scores *[numLabels]int64) {
	var s [numLabels]int64
	keys, rows, mask := t.keys, t.rows, t.mask
	for _, f := range feats {
		for i := slotHash(f) & mask; ; i = (i + 1) & mask {
			k := keys[i]
			if k == f+1 {
				r := (*[numLabels]int16)(rows[int(i)*numLabels:])
				for j := range s {
					s[j] += int64(r[j])
				}
				break
			}
			if k == 0 {
				break
			}
		}
	}
	*scores = s
}

// labelRows holds, for every previous label p1 and the one before it p2
// (-1 at the start of a sequence, so indexed p+1), the summed weights of
// the two features made of those labels alone (fLabel1 and fLabel12, see
// labelFeatures): the tagger adds them instead of probing the table for
// them at every token. Sums of integers, so the scores are the same.
type labelRows [numLabels + 1][numLabels + 1][numLabels]int64

// labelCache computes a table's labelRows once.
type labelCache struct {
	once sync.Once
	lb   uint
	rows labelRows
}

// labelRows returns the table's label-pair rows for features hashed into
// 1<<lb buckets. A table serves one model, hence one lb; the table must
// not change once it is in use.
func (t *table) labelRows(lb uint) *labelRows {
	c := t.lab
	c.once.Do(func() {
		c.lb = lb
		var feats [2]uint32
		for p1 := -1; p1 < numLabels; p1++ {
			for p2 := -1; p2 < numLabels; p2++ {
				feats[0], feats[1] = labelPairFeatures(p1, p2, lb)
				t.score(feats[:], &c.rows[p1+1][p2+1])
			}
		}
	})
	if c.lb != lb {
		panic("nermodel: one weight table used with two bucket counts")
	}
	return &c.rows
}
