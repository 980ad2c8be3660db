package events

import (
	"testing"

	"github.com/entente-nlp/entente/pipeline"
)

// eventOf returns the first event of kind in evs, or nil.
func eventOf(evs []pipeline.Event, kind string) *pipeline.Event {
	for i := range evs {
		if evs[i].Kind == kind {
			return &evs[i]
		}
	}
	return nil
}

func TestNegationAndModality(t *testing.T) {
	cases := []struct {
		name, text, kind string
		negated          bool
		modality         string
	}{
		{"asserted", "Russia signed an agreement with Turkey.", "agreement", false, Asserted},
		{"not", "Russia did not sign an agreement with Turkey.", "agreement", true, Asserted},
		{"n't", "Turkey didn't attack Syria.", "attack", true, Asserted},
		{"never", "Iran never attacked Turkey.", "attack", true, Asserted},
		{"refused", "Turkey refused to sign an agreement with Russia.", "agreement", true, Asserted},
		{"denied", "Iran denied attacking Turkey.", "attack", true, Asserted},
		{"will", "Russia will attack Islamic State in Syria.", "attack", false, Future},
		{"going to", "Turkey is going to attack Jabhat al-Nusra.", "attack", false, Future},
		{"plans to", "Russia plans to sign an agreement with Iran.", "agreement", false, Future},
		{"may", "Russia may sign an agreement with Turkey.", "agreement", false, Hypothetical},
		{"could", "Turkey could attack Syria.", "attack", false, Hypothetical},
		{"hoped", "Iran hoped to sign an agreement with Russia.", "agreement", false, Hypothetical},
		{"possibility", "Nursultan Nazarbayev discussed the possibility of a meeting between Russia and Turkey.", "meeting", false, Hypothetical},
		{"won't", "Iran will not attack Turkey.", "attack", true, Future},
		{"reported", "Vladimir Putin said Turkey attacked Islamic State.", "attack", false, Reported},
		{"reported with that", "Vladimir Putin said that Turkey attacked Islamic State.", "attack", false, Reported},
		{"according to", "According to Sergey Lavrov, Turkey attacked Islamic State.", "attack", false, Reported},
		// The two wrong cases of the reference article.
		{"unwillingness", "Turkey's officials have complained about NATO's unwillingness to cooperate with Turkey.", "cooperation", true, Asserted},
		{"dashed hopes", "The effort is undertaken after the hopes to reach an agreement with the US and the coalition it leads have been dashed.", "agreement", true, Hypothetical},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := buildDoc(t, c.text, allEnts, allDates)
			evs := runEvents(t, d)
			e := eventOf(evs, c.kind)
			if e == nil {
				t.Fatalf("no %s event in %q; got %d events", c.kind, c.text, len(evs))
			}
			if e.Negated != c.negated || e.Modality != c.modality {
				t.Errorf("%q: %s negated=%v modality=%s, want negated=%v modality=%s", c.text, describe(d, *e), e.Negated, e.Modality, c.negated, c.modality)
			}
		})
	}
}

// TestStatementNotReported: a speech act is asserted, not reported.
func TestStatementNotReported(t *testing.T) {
	d := buildDoc(t, "Vladimir Putin said Turkey attacked Islamic State.", allEnts, allDates)
	e := eventOf(runEvents(t, d), "statement")
	if e == nil {
		t.Fatal("no statement event")
	}
	if e.Modality != Asserted || e.Negated {
		t.Errorf("statement: negated=%v modality=%s, want asserted", e.Negated, e.Modality)
	}
}

// TestModalityFromParse sets a parse by hand: the tree, not the window,
// decides ("hopes" five words back still governs the meeting).
func TestModalityFromParse(t *testing.T) {
	text := "Russia expressed hopes for a meeting with Turkey."
	d := buildDoc(t, text, allEnts, allDates)
	// Russia expressed hopes for a meeting with Turkey .
	// 0      1         2     3   4 5       6    7      8
	heads := []int{1, -1, 1, 5, 5, 2, 7, 5, 1}
	deps := []string{"nsubj", "root", "obj", "case", "det", "nmod", "case", "nmod", "punct"}
	if len(d.Tokens) != len(heads) {
		t.Fatalf("tokens: %d, want %d", len(d.Tokens), len(heads))
	}
	for i := range d.Tokens {
		d.Tokens[i].Head, d.Tokens[i].Dep = heads[i], deps[i]
	}
	e := eventOf(runEvents(t, d), "meeting")
	if e == nil {
		t.Fatal("no meeting event")
	}
	if e.Modality != Hypothetical || e.Negated {
		t.Errorf("meeting: negated=%v modality=%s, want hypothetical", e.Negated, e.Modality)
	}
	// Attached to the verb instead, the meeting is not under the hope:
	// the tree, not the words before the trigger, decides.
	heads[5] = 1
	for i := range d.Tokens {
		d.Tokens[i].Head = heads[i]
	}
	if e := eventOf(runEvents(t, d), "meeting"); e == nil || e.Modality != Asserted {
		t.Errorf("meeting under the verb: want asserted, got %+v", e)
	}
	heads[5] = 2
	// The same tree with "no" on the meeting negates it.
	d = buildDoc(t, "Russia expressed hopes for no meeting with Turkey.", allEnts, allDates)
	deps[4] = "det"
	for i := range d.Tokens {
		d.Tokens[i].Head, d.Tokens[i].Dep = heads[i], deps[i]
	}
	if e := eventOf(runEvents(t, d), "meeting"); e == nil || !e.Negated {
		t.Errorf("no meeting: want a negated meeting event, got %+v", e)
	}
}
