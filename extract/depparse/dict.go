package depparse

import "slices"

// tagDict maps the hashes of frequent, unambiguous words ("the", ",",
// "of") to their UPOS, so that the tagger scores only the other words. It
// is an open-addressing table of key<<8 | tag+1 entries.
type tagDict struct {
	mask uint32
	ent  []uint64
	n    int
}

// Words qualify for the dictionary when seen at least dictMinCount times
// in training with one tag at least dictMinShare of the time.
const (
	dictMinCount = 20
	dictMinShare = 0.995
)

func newTagDict(keys []uint32, tags []uint8) *tagDict {
	size := 16
	for size < 2*len(keys) {
		size <<= 1
	}
	d := &tagDict{mask: uint32(size - 1), ent: make([]uint64, size), n: len(keys)}
	for i, k := range keys {
		for j := slot(k) & d.mask; ; j = (j + 1) & d.mask {
			if d.ent[j] == 0 {
				d.ent[j] = uint64(k)<<8 | uint64(tags[i]+1)
				break
			}
		}
	}
	return d
}

// get returns the tag of word hash k and whether it is in the dictionary.
func (d *tagDict) get(k uint32) (uint8, bool) {
	for j := slot(k) & d.mask; ; j = (j + 1) & d.mask {
		e := d.ent[j]
		if e == 0 {
			return 0, false
		}
		if uint32(e>>8) == k {
			return uint8(e&0xff) - 1, true
		}
	}
}

// each calls fn for every entry in increasing key order.
func (d *tagDict) each(fn func(k uint32, tag uint8)) {
	var es []uint64
	for _, e := range d.ent {
		if e != 0 {
			es = append(es, e)
		}
	}
	slices.Sort(es)
	for _, e := range es {
		fn(uint32(e>>8), uint8(e&0xff)-1)
	}
}

// buildTagDict collects the unambiguous frequent words of exs.
func buildTagDict(exs []example) *tagDict {
	counts := map[uint32]*[numUPOS]int32{}
	for i := range exs {
		for j, w := range exs[i].words {
			h := hashString(w)
			c := counts[h]
			if c == nil {
				c = new([numUPOS]int32)
				counts[h] = c
			}
			c[exs[i].upos[j]]++
		}
	}
	var keys []uint32
	for k, c := range counts {
		total, best := int32(0), int32(0)
		for _, x := range c {
			total += x
			best = max(best, x)
		}
		if total >= dictMinCount && float64(best) >= dictMinShare*float64(total) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	tags := make([]uint8, len(keys))
	for i, k := range keys {
		c := counts[k]
		for t := range c {
			if c[t] > c[tags[i]] {
				tags[i] = uint8(t)
			}
		}
	}
	return newTagDict(keys, tags)
}
