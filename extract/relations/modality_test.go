package relations

import (
	"testing"

	"github.com/entente-nlp/entente/pipeline"
)

// TestNoRelationFromNegatedOrHypothetical: an event the events stage
// marks negated or hypothetical gives no relation; the same event asserted
// or future does.
func TestNoRelationFromNegatedOrHypothetical(t *testing.T) {
	text := "Russia signed an agreement with Turkey."
	coop := rel{src: "country:RU", typ: pipeline.CooperatesWith, dst: "country:TR"}
	for _, c := range []struct {
		negated  bool
		modality string
		want     bool
	}{
		{false, "asserted", true},
		{false, "future", true},
		{true, "asserted", false},
		{false, "hypothetical", false},
		{true, "future", false},
	} {
		d := buildDoc(t, text, true)
		if len(d.Events) == 0 {
			t.Fatal("no event")
		}
		for i := range d.Events {
			d.Events[i].Negated, d.Events[i].Modality = c.negated, c.modality
		}
		rs := run(t, d, Options{}, nil)
		if got := find(rs, coop) != nil; got != c.want {
			t.Errorf("negated=%v modality=%s: relation %v, want %v\n%s", c.negated, c.modality, got, c.want, dump(d, rs))
		}
	}
	// End to end: the events stage marks these, and nothing follows.
	for _, text := range []string{
		"Turkey refused to cooperate with Russia.",
		"Turkey may sign an agreement with Russia.",
		"Turkey did not sign an agreement with Russia.",
		"Iran hoped to reach an agreement with Turkey.",
	} {
		d := buildDoc(t, text, true)
		for _, r := range run(t, d, Options{}, nil) {
			if r.Type == pipeline.CooperatesWith || r.Type == pipeline.Opposes {
				t.Errorf("%q: relation %s %s %s from a negated or hypothetical event", text, r.Source, r.Type, r.Target)
			}
		}
	}
}
