package nlp

import (
	"hash/maphash"
	"slices"
	"strings"
)

// The tagger's features are a template and a value: "i-1 word " + the
// previous word. Most values are words, or their suffixes, that come back
// in several templates (a word is "i word" of its own token and "i-1
// word", "i+1 word"... of its neighbours'), so featureValues numbers the
// values and keeps, for each, its feature in every template: a word is
// hashed once per position instead of once per template and token, and
// the template's feature is an array read.

// The templates looked up by value, in valueTemplates' order.
const (
	fSuffix = iota
	fPref1
	fWord
	fPrevWord
	fPrevSuffix
	fPrev2Word
	fNextWord
	fNextSuffix
	fNext2Word
	numValueTemplates
)

// valueTemplates are the templates' prefixes (prose's feature names).
var valueTemplates = [numValueTemplates]string{
	fSuffix:     "i suffix ",
	fPref1:      "i pref1 ",
	fWord:       "i word ",
	fPrevWord:   "i-1 word ",
	fPrevSuffix: "i-1 suffix ",
	fPrev2Word:  "i-2 word ",
	fNextWord:   "i+1 word ",
	fNextSuffix: "i+1 suffix ",
	fNext2Word:  "i+2 word ",
}

// tagWordTemplate is the template of the previous tag and the word,
// "i-1 tag+i word " + tag + " " + word.
const tagWordTemplate = "i-1 tag+i word "

// featureValues indexes a FastTagger's features by value. For every value
// v and template k, features[v][k] is the index of the feature
// valueTemplates[k]+value(v), or -1: exactly what FastTagger.lookup finds
// for that string.
type featureValues struct {
	seed maphash.Seed
	// blob holds the model's feature strings; values are substrings of
	// it, by id at span[id] (offset<<24 | length), kept free of pointers
	// for the collector.
	blob  string
	span  []uint64
	slots []uint32 // id+1 by hash, 0 when empty
	mask  uint32
	bytes [256]int32 // the id of each one-byte value, or -1
	empty int32      // the id of "", or -1

	features [][numValueTemplates]int32

	// tagWord maps tag id<<32 | value id to the feature
	// tagWordTemplate + tag + " " + value (tag ids are FastTagger.tagIDs).
	twKeys []uint64 // key+1, 0 when empty
	twFeat []int32
	twMask uint64
}

// newFeatureValues indexes t's features (t.tagIDs must be set).
func newFeatureValues(t *FastTagger) *featureValues {
	v := &featureValues{seed: t.seed, blob: t.blob}
	// Values are given as offset and end in t.blob.
	type tagWord struct {
		tag      int
		from, to uint32
		f        int32
	}
	tws := make([]tagWord, 0, 1024)
	type static struct {
		k        int
		from, to uint32
		f        int32
	}
	statics := make([]static, 0, len(t.featOff))
	for f := 0; f+1 < len(t.featOff); f++ {
		s, from, to := t.feature(f), t.featOff[f], t.featOff[f+1]
		for k, p := range valueTemplates {
			if strings.HasPrefix(s, p) {
				statics = append(statics, static{k, from + uint32(len(p)), to, int32(f)})
			}
		}
		if rest, ok := strings.CutPrefix(s, tagWordTemplate); ok {
			// Every split of rest at a space into a known tag and a word.
			at := from + uint32(len(tagWordTemplate))
			for p := 0; p < len(rest); p++ {
				if rest[p] != ' ' {
					continue
				}
				if id, ok := t.tagIDs[rest[:p]]; ok {
					tws = append(tws, tagWord{id, at + uint32(p) + 1, to, int32(f)})
				}
			}
		}
	}
	size := 16
	for size < 2*(len(statics)+len(tws)) {
		size <<= 1
	}
	v.slots, v.mask = make([]uint32, size), uint32(size-1)
	for _, st := range statics {
		v.features[v.add(st.from, st.to)][st.k] = st.f
	}
	size = 16
	for size < 2*len(tws) {
		size <<= 1
	}
	v.twKeys, v.twFeat, v.twMask = make([]uint64, size), make([]int32, size), uint64(size-1)
	for _, tw := range tws {
		key := uint64(tw.tag)<<32 | uint64(v.add(tw.from, tw.to))
		i := twHash(key) & v.twMask
		for v.twKeys[i] != 0 {
			i = (i + 1) & v.twMask
		}
		v.twKeys[i], v.twFeat[i] = key+1, tw.f
	}
	for b := range v.bytes {
		v.bytes[b] = v.id(string([]byte{byte(b)}))
	}
	v.empty = v.id("")
	v.span = slices.Clip(v.span)
	v.features = slices.Clip(v.features)
	return v
}

// str returns the value of id.
func (v *featureValues) str(id uint32) string {
	sp := v.span[id]
	return v.blob[sp>>24 : sp>>24+sp&0xffffff]
}

// add returns the id of the value blob[from:to], numbering it when it is
// new.
func (v *featureValues) add(from, to uint32) int32 {
	s := v.blob[from:to] // shorter than 16 MB (newFastTagger checks)
	i := uint32(maphash.String(v.seed, s)) & v.mask
	for ; v.slots[i] != 0; i = (i + 1) & v.mask {
		if id := v.slots[i] - 1; v.str(id) == s {
			return int32(id)
		}
	}
	id := len(v.span)
	v.span = append(v.span, uint64(from)<<24|uint64(len(s)))
	v.features = append(v.features, [numValueTemplates]int32{-1, -1, -1, -1, -1, -1, -1, -1, -1})
	v.slots[i] = uint32(id) + 1
	return int32(id)
}

// id returns the id of value s, or -1 when no feature has it.
func (v *featureValues) id(s string) int32 {
	for i := uint32(maphash.String(v.seed, s)) & v.mask; ; i = (i + 1) & v.mask {
		slot := v.slots[i]
		if slot == 0 {
			return -1
		}
		if v.str(slot-1) == s {
			return int32(slot - 1)
		}
	}
}

// byteID returns the id of w's first byte as a value ("" for ""), the
// value of the "i pref1" feature.
func (v *featureValues) byteID(w string) int32 {
	if w == "" {
		return v.empty
	}
	return v.bytes[w[0]]
}

// feature returns the feature of value id in template k, or -1.
func (v *featureValues) feature(id int32, k int) int {
	if id < 0 {
		return -1
	}
	return int(v.features[id][k])
}

// tagWord returns the feature of the previous tag (an id of
// FastTagger.tagIDs) and the word of value id, or -1.
func (v *featureValues) tagWord(tag int, id int32) int {
	if id < 0 {
		return -1
	}
	key := uint64(tag)<<32 | uint64(id)
	for i := twHash(key) & v.twMask; ; i = (i + 1) & v.twMask {
		switch v.twKeys[i] {
		case key + 1:
			return int(v.twFeat[i])
		case 0:
			return -1
		}
	}
}

func twHash(k uint64) uint64 { return (k * 0x9e3779b97f4a7c15) >> 17 }

// grow returns s resliced to n elements, reallocated when it is too short.
func grow(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	return s[:n]
}
