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
