package gazetteer

import (
	"fmt"
	"github.com/entente-nlp/entente/entity"
	"github.com/entente-nlp/entente/internal/textnorm"
	"sort"
	"strings"
)

// Scores given to each kind of evidence by Lookup.
const (
	ScoreExact   = 1.0
	ScoreFolded  = 0.95
	ScoreSurname = 0.85
	ScoreAcronym = 0.8
	// FuzzyThreshold is the least Jaro-Winkler similarity Lookup accepts.
	FuzzyThreshold = 0.92
)

// Lookup returns the entries a name may refer to, best first, each with a
// score and the reason: "exact alias" (the name as written), "folded alias"
// (equal after case and diacritics folding), "surname of a known person",
// "acronym" (the initials of a multi-word name, "ISSG"), or "fuzzy
// Jaro-Winkler 0.94" (a misspelling, at least FuzzyThreshold). A leading
// "the" and a possessive "'s" are ignored. Metonyms and demonyms score a
// little lower than names.
func (g *Gazetteer) Lookup(name string) []Candidate {
	name = strings.TrimSpace(name)
	key := textnorm.Fold(name)
	key = strings.TrimPrefix(key, "the ")
	if k := strings.TrimSuffix(strings.TrimSuffix(key, "'s"), "'"); k != "" {
		key = k
	}
	if key == "" {
		return nil
	}
	best := map[int32]Candidate{}
	offer := func(i int32, score float64, reason string) {
		if c, ok := best[i]; !ok || score > c.Score {
			best[i] = Candidate{Entry: g.entries[i], Score: score, Reason: reason}
		}
	}
	for _, ref := range g.names[key] {
		score, reason := ScoreFolded, "folded alias"
		if ref.text == name || "the "+ref.text == name {
			score, reason = ScoreExact, "exact alias"
		}
		switch ref.form {
		case FormSurname:
			score, reason = ScoreSurname, "surname of a known person"
		case FormAcronym, FormCode:
			reason += " (" + ref.form + ")"
		case FormDemonym, FormMetonym, FormGeneric:
			score -= 0.1
			reason += " (" + ref.form + ")"
		}
		offer(ref.entry, score, reason)
	}
	if len(best) == 0 && !strings.Contains(key, " ") {
		for _, i := range g.acros[key] {
			offer(i, ScoreAcronym, "acronym")
		}
	}
	if len(best) == 0 && len(key) >= 4 {
		// Same first letter, similar length, same number of words: a
		// misspelling, not a longer name that starts the same way.
		g.fuzzy.near(key, func(k string) {
			if !jaroWinklerCanReach(key, k, FuzzyThreshold) {
				return
			}
			if jw := JaroWinkler(key, k); jw >= FuzzyThreshold {
				for _, ref := range g.names[k] {
					offer(ref.entry, jw*0.8, fmt.Sprintf("fuzzy Jaro-Winkler %.2f with %q", jw, ref.text))
				}
			}
		})
	}
	out := make([]Candidate, 0, len(best))
	for _, c := range best {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		if ki, kj := kindRank[out[i].Entry.Kind], kindRank[out[j].Entry.Kind]; ki != kj {
			return ki < kj
		}
		return g.index[out[i].Entry.ID] < g.index[out[j].Entry.ID]
	})
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// jaroWinklerCanReach reports whether JaroWinkler(a, b) may be at least
// min, from an upper bound that costs one pass over each string: Jaro's
// matches m are at most the bytes the two strings have in common (counted
// with repeats), transpositions at least none, so Jaro is at most
// (m/|a| + m/|b| + 1)/3, and the Winkler prefix bonus is exact. When it
// returns false the similarity is below min.
func jaroWinklerCanReach(a, b string, min float64) bool {
	la, lb := len(a), len(b)
	if la == 0 || lb == 0 || a == b {
		return true
	}
	var count [256]int16
	for i := 0; i < la; i++ {
		count[a[i]]++
	}
	m := 0
	for i := 0; i < lb; i++ {
		if count[b[i]] > 0 {
			count[b[i]]--
			m++
		}
	}
	if m == 0 {
		return min <= 0
	}
	prefix := 0
	for prefix < 4 && prefix < la && prefix < lb && a[prefix] == b[prefix] {
		prefix++
	}
	mf := float64(m)
	jaro := (mf/float64(la) + mf/float64(lb) + 1) / 3
	bound := jaro + float64(prefix)*0.1*(1-jaro)
	// The margin keeps rounding from ever dropping a pair that reaches
	// min.
	return bound >= min-1e-9
}

// JaroWinkler returns the Jaro-Winkler similarity of a and b in [0,1]
// (bytes compared; fold both first).
func JaroWinkler(a, b string) float64 {
	if a == b {
		return 1
	}
	la, lb := len(a), len(b)
	if la == 0 || lb == 0 {
		return 0
	}
	window := max(la, lb)/2 - 1
	if window < 0 {
		window = 0
	}
	ma := make([]bool, la)
	mb := make([]bool, lb)
	matches := 0
	for i := 0; i < la; i++ {
		lo, hi := max(0, i-window), min(lb, i+window+1)
		for j := lo; j < hi; j++ {
			if !mb[j] && a[i] == b[j] {
				ma[i], mb[j] = true, true
				matches++
				break
			}
		}
	}
	if matches == 0 {
		return 0
	}
	trans := 0
	k := 0
	for i := 0; i < la; i++ {
		if !ma[i] {
			continue
		}
		for !mb[k] {
			k++
		}
		if a[i] != b[k] {
			trans++
		}
		k++
	}
	m := float64(matches)
	jaro := (m/float64(la) + m/float64(lb) + (m-float64(trans)/2)/m) / 3
	prefix := 0
	for prefix < min(4, la, lb) && a[prefix] == b[prefix] {
		prefix++
	}
	return jaro + float64(prefix)*0.1*(1-jaro)
}

// Disambiguate picks among candidate ids (as in Match.IDs, best first) using
// the ids of the document's other entities: a candidate scores for being in
// the context, for sharing a country with context entries, for being the
// country of context entries, and for being a member organization of a
// context country or vice versa. It returns the best id and true when one
// candidate wins outright, or ids[0] and false when the context does not
// decide (the mention stays ambiguous). With one candidate it returns it and
// true.
func (g *Gazetteer) Disambiguate(ids []string, contextIDs []string) (string, bool) {
	return g.DisambiguateAt(ids, contextIDs, "")
}

// DisambiguateAt is Disambiguate for a document published on date
// ("2016-12-22"; "" ignores dates): a person who held an office on that date
// also scores, and one whose offices all began after it loses ("Johnson" in
// 1996 is not Boris Johnson).
func (g *Gazetteer) DisambiguateAt(ids []string, contextIDs []string, date string) (string, bool) {
	if len(ids) == 0 {
		return "", false
	}
	if len(ids) == 1 {
		return ids[0], true
	}
	ctx := map[string]bool{}
	countries := map[string]int{}
	for _, id := range contextIDs {
		ctx[id] = true
		if e, ok := g.byID[id]; ok && e.Country != "" {
			countries[e.Country]++
		}
	}
	scores := make([]float64, len(ids))
	for i, id := range ids {
		e, ok := g.byID[id]
		if !ok {
			continue
		}
		if ctx[id] {
			scores[i] += 3
		}
		if e.Kind == KindCountry {
			scores[i] += float64(countries[e.Country]) // its cities and people are here
		} else if e.Country != "" {
			if ctx[string(entity.CountryID(e.Country))] {
				scores[i] += 1
			}
			scores[i] += 0.5 * float64(countries[e.Country])
		}
		for _, m := range e.Members {
			if ctx[m] {
				scores[i] += 0.5
			}
		}
		if date != "" && len(e.Roles) > 0 {
			if len(g.RoleOn(id, date)) > 0 {
				scores[i]++
			} else if later(e.Roles, date) {
				scores[i]--
			}
		}
	}
	best, second := 0, -1
	for i := 1; i < len(ids); i++ {
		if scores[i] > scores[best] {
			best, second = i, best
		} else if second < 0 || scores[i] > scores[second] {
			second = i
		}
	}
	if scores[best] > 0 && scores[best] > scores[second] {
		return ids[best], true
	}
	return ids[0], false
}

// later reports whether every role starts after date.
func later(roles []Role, date string) bool {
	for _, r := range roles {
		if r.From == "" || cmpDate(r.From, date) <= 0 {
			return false
		}
	}
	return true
}
