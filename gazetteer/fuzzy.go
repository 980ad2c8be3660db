package gazetteer

import (
	"sort"
	"strings"
)

// fuzzyBucket groups the folded names that Lookup's fuzzy pass may compare
// with a key: the same first byte and the same number of words.
type fuzzyBucket struct {
	first byte
	words int
}

// fuzzyIndex holds, per bucket, the folded names ordered by length (then
// bytewise), so that Lookup compares a key only with names within
// fuzzyLenSlack bytes of its length instead of walking every name.
type fuzzyIndex map[fuzzyBucket][]string

// fuzzyLenSlack is the largest length difference the fuzzy pass accepts.
const fuzzyLenSlack = 3

// newFuzzyIndex indexes the keys of names.
func newFuzzyIndex(names map[string][]nameRef) fuzzyIndex {
	ix := fuzzyIndex{}
	for k := range names {
		if k == "" {
			continue
		}
		b := fuzzyBucket{k[0], strings.Count(k, " ")}
		ix[b] = append(ix[b], k)
	}
	for _, ks := range ix {
		sort.Slice(ks, func(i, j int) bool {
			if len(ks[i]) != len(ks[j]) {
				return len(ks[i]) < len(ks[j])
			}
			return ks[i] < ks[j]
		})
	}
	return ix
}

// near calls fn for every indexed name with key's first byte and number of
// words whose length is within fuzzyLenSlack of key's, shortest first.
func (ix fuzzyIndex) near(key string, fn func(name string)) {
	ks := ix[fuzzyBucket{key[0], strings.Count(key, " ")}]
	lo := sort.Search(len(ks), func(i int) bool { return len(ks[i]) >= len(key)-fuzzyLenSlack })
	for _, k := range ks[lo:] {
		if len(k) > len(key)+fuzzyLenSlack {
			return
		}
		fn(k)
	}
}
