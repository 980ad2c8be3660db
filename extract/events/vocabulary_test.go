package events

import (
	"slices"
	"strings"
	"testing"
)

// TestVocabulary checks that the built-in lexicon covers the everyday
// business and market verbs, the nominal triggers and the irregular
// inflections that news uses, and that generic verbs the CAMEO
// dictionary's synonym sets hold stay out of it.
func TestVocabulary(t *testing.T) {
	lx, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	verbs := map[string]string{
		"filed": "filing", "named": "appointment", "appointed": "appointment", "cut": "reduction",
		"posted": "earnings", "rose": "price_change", "risen": "price_change", "fell": "price_change",
		"fallen": "price_change", "closed": "price_change", "plunged": "price_change",
		"acquired": "purchase", "bought": "purchase", "merged": "merger", "sued": "lawsuit",
		"launched": "launch", "sold": "sale", "chose": "selection", "withdrew": "yield",
		"stole": "seizure", "overran": "occupation", "banned": "restriction", "kidnapped": "abduction",
		"praised": "praise", "apologized": "apology", "threatened": "threat", "massacred": "mass_killing",
		"besieged": "blockade", "travelling": "travel", "received": "delivery", "extradited": "extradition",
	}
	for form, kind := range verbs {
		if got := lx.verbs[form]; got != kind {
			t.Errorf("verb %q: kind %q, want %q", form, got, kind)
		}
	}
	nouns := map[string]string{
		"talks": "negotiation", "strike": "attack", "sanctions": "sanctions", "deal": "agreement",
		"lawsuit": "lawsuit", "merger": "merger", "layoffs": "layoff", "bankruptcy": "filing",
		"massacre": "mass_killing", "kidnapping": "abduction",
	}
	for form, kind := range nouns {
		if got := lx.nouns[form]; got != kind {
			t.Errorf("noun %q: kind %q, want %q", form, got, kind)
		}
	}
	for _, generic := range []string{"see", "saw", "go", "went", "take", "took", "count", "think", "hold", "armed", "mean", "decline", "declined", "give", "lead", "help"} {
		if k, ok := lx.verbs[generic]; ok {
			t.Errorf("generic verb %q is a trigger of %q", generic, k)
		}
	}
	var phrases []string
	for _, p := range lx.phrases {
		if p.kind == "layoff" || p.kind == "appeal" || p.kind == "delivery" {
			phrases = append(phrases, p.kind+":"+strings.Join(p.words, " "))
		}
	}
	for _, want := range []string{"layoff:laid off", "appeal:called for", "delivery:took delivery"} {
		if !slices.Contains(phrases, want) {
			t.Errorf("phrase %q missing (have %v)", want, phrases)
		}
	}
}
