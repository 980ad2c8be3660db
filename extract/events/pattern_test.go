package events

import (
	"context"
	"strings"
	"testing"
)

const patternDict = `&ARMS
+WEAPONS
+RIFLE_
+TANK

--- SELL  [070] ---
SELL {SOLD SELLING}
GRILL [110]
- * &ARMS  [072]
- * &ARMS (TO {REBEL GROUPS})  [1721]
- NOT * [---]

--- SEND [---] ---
SEND {SENT}
- * TROOPS (TO)  [154]

--- LEAVE [032:033] ---
LEAVE {LEFT}
`

func patternLexicon(t *testing.T) *Lexicon {
	t.Helper()
	lf, _, err := ImportPhoenix(strings.NewReader(patternDict))
	if err != nil {
		t.Fatal(err)
	}
	base, _ := DefaultLexiconFile()
	lx, err := CompileLexicon(true, base, lf)
	if err != nil {
		t.Fatal(err)
	}
	return lx
}

func TestVerbPatterns(t *testing.T) {
	s := NewWithLexicon(patternLexicon(t))
	for _, c := range []struct {
		text  string
		codes []string // events' codes in text order
	}{
		{"Russia sold wheat to Turkey.", []string{"070"}},
		{"Russia sold tanks to Turkey.", []string{"072"}},
		{"Russia sold rifles to Turkey.", []string{"070"}}, // RIFLE_ is exact
		{"Russia sold weapons to rebel groups in Syria.", []string{"1721"}},
		{"Russia did not sell wheat to Turkey.", nil}, // NOT * [---]
		{"Russia sent troops to Syria.", []string{"154"}},
		{"Russia sent letters to Syria.", nil}, // [---] block, no pattern
		{"Russia left for Turkey.", []string{"032", "033"}},
	} {
		d := buildDoc(t, c.text, allEnts, nil)
		if err := s.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range d.Events {
			got = append(got, e.CAMEO)
		}
		if strings.Join(got, ",") != strings.Join(c.codes, ",") {
			t.Errorf("%q: codes %v, want %v (%+v)", c.text, got, c.codes, d.Events)
		}
	}
}
