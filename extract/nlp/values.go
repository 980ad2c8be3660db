package nlp

import (
	"hash/maphash"
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
	seed  maphash.Seed
	strs  []string // value strings, by id (substrings of the model's blob)
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
	v := &featureValues{seed: t.seed}
	type tagWord struct {
		tag   int
		value string
		f     int32
	}
	tws := make([]tagWord, 0, 1024)
	type static struct {
		k     int
		value string
		f     int32
	}
	statics := make([]static, 0, len(t.featOff))
	for f := 0; f+1 < len(t.featOff); f++ {
		s := t.feature(f)
		for k, p := range valueTemplates {
			if strings.HasPrefix(s, p) {
				statics = append(statics, static{k, s[len(p):], int32(f)})
			}
		}
		if rest, ok := strings.CutPrefix(s, tagWordTemplate); ok {
			// Every split of rest at a space into a known tag and a word.
			for p := 0; p < len(rest); p++ {
				if rest[p] != ' ' {
					continue
				}
				if id, ok := t.tagIDs[rest[:p]]; ok {
					tws = append(tws, tagWord{id, rest[p+1:], int32(f)})
				}
			}
		}
	}
	size := 16
	for size < 2*(len(statics)+len(tws)) {
		size <<= 1
	}
	v.slots, v.mask = make([]uint32, size), uint32(size-1)
	v.strs = make([]string, 0, len(statics)+len(tws))
	v.features = make([][numValueTemplates]int32, 0, len(statics)+len(tws))
	for _, st := range statics {
		v.features[v.add(st.value)][st.k] = st.f
	}
	size = 16
	for size < 2*len(tws) {
		size <<= 1
	}
	v.twKeys, v.twFeat, v.twMask = make([]uint64, size), make([]int32, size), uint64(size-1)
	for _, tw := range tws {
		key := uint64(tw.tag)<<32 | uint64(v.add(tw.value))
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
	return v
}

// add returns the id of value s, numbering it when it is new.
func (v *featureValues) add(s string) int32 {
	i := uint32(maphash.String(v.seed, s)) & v.mask
	for ; v.slots[i] != 0; i = (i + 1) & v.mask {
		if id := v.slots[i] - 1; v.strs[id] == s {
			return int32(id)
		}
	}
	id := len(v.strs)
	v.strs = append(v.strs, s)
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
		if v.strs[slot-1] == s {
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
