package gazetteer

import (
	"sort"
	"strings"
	"testing"
)

// bruteFuzzy is the fuzzy pass without the index: every folded name with
// the same first byte and words, within fuzzyLenSlack bytes.
func bruteFuzzy(g *Gazetteer, key string) map[string]bool {
	out := map[string]bool{}
	for k := range g.names {
		if k[0] != key[0] || abs(len(k)-len(key)) > fuzzyLenSlack || strings.Count(k, " ") != strings.Count(key, " ") {
			continue
		}
		if JaroWinkler(key, k) >= FuzzyThreshold {
			out[k] = true
		}
	}
	return out
}

func TestFuzzyIndexFindsWhatAFullScanFinds(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	keys := make([]string, 0, len(g.names))
	for k := range g.names {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	checked := 0
	for i := 0; i < len(keys); i += 97 {
		k := keys[i]
		if len(k) < 5 {
			continue
		}
		// A dropped letter, a doubled letter and a swapped pair.
		for _, q := range []string{k[:2] + k[3:], k[:3] + k[2:], k[:1] + k[2:3] + k[1:2] + k[3:], k} {
			want := bruteFuzzy(g, q)
			got := map[string]bool{}
			g.fuzzy.near(q, func(n string) {
				if JaroWinkler(q, n) >= FuzzyThreshold {
					got[n] = true
				}
			})
			if len(got) != len(want) {
				t.Errorf("%q: index finds %d names, full scan %d", q, len(got), len(want))
			}
			for n := range want {
				if !got[n] {
					t.Errorf("%q: index misses %q", q, n)
				}
			}
			checked++
		}
	}
	if checked < 100 {
		t.Fatalf("only %d queries checked", checked)
	}
}

// BenchmarkLookupFuzzy looks up misspelt names, which take the fuzzy pass.
func BenchmarkLookupFuzzy(b *testing.B) {
	g, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	names := []string{"Sergei Lavrof", "Cavusoglu Mevlut", "Aleppoo", "Erdogann", "Kazakstan", "Unknown Person"}
	b.ReportAllocs()
	for b.Loop() {
		for _, n := range names {
			g.Lookup(n)
		}
	}
}

// TestJaroWinklerBound: the bound never drops a pair that reaches the
// threshold, over every pair of folded names in one fuzzy bucket range and
// byte-level edits of them.
func TestJaroWinklerBound(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range g.names {
		if len(k) >= 4 && (k[0] == 's' || k[0] == 'a') {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	pruned, reached := 0, 0
	check := func(a, b string) {
		jw := JaroWinkler(a, b)
		for _, min := range []float64{FuzzyThreshold, 0.8, 0.95} {
			if !jaroWinklerCanReach(a, b, min) {
				pruned++
				if jw >= min {
					t.Fatalf("bound drops %q, %q: Jaro-Winkler %v >= %v", a, b, jw, min)
				}
			} else if jw >= min {
				reached++
			}
		}
	}
	for i, a := range keys {
		for _, b := range keys[i+1 : min(len(keys), i+200)] {
			check(a, b)
		}
		// edits: swap, drop, double a byte
		if len(a) > 5 {
			check(a, a[:2]+a[3:])
			check(a, a[:2]+a[3:4]+a[2:3]+a[4:])
			check(a, a[:3]+a[2:])
		}
	}
	if pruned < 1000 || reached < 100 {
		t.Errorf("pruned %d, reached %d: the test exercises too little", pruned, reached)
	}
}
