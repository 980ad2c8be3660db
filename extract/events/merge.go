package events

import (
	"slices"
	"strings"
)

// merge folds repeated mentions of one event into a single draft, in text
// order (see the package comment for the policy), then drops events with
// nothing attached.
func merge(ds []*draft, lx *Lexicon) []*draft {
	var out []*draft
	byKind := map[string][]*draft{} // the drafts of out, by kind
	for _, e := range ds {
		if lx.kinds[e.kind].Reported {
			// Every statement is its own speech act.
			out = append(out, e)
			continue
		}
		if c := sameEvent(byKind[e.kind], e); c != nil {
			absorb(c, e)
			continue
		}
		out = append(out, e)
		byKind[e.kind] = append(byKind[e.kind], e)
	}
	// Occasions: "the December 20 meeting" at which an agreement was
	// signed is that agreement's occasion. Absorbing e into a host of the
	// same date leaves the host's date as it is, so the index holds.
	byDate := map[string][]*draft{}
	for _, c := range out {
		byDate[c.date] = append(byDate[c.date], c)
	}
	var kept []*draft
	for _, e := range out {
		spec := lx.kinds[e.kind]
		var host *draft
		if len(spec.MergeInto) > 0 && len(e.date) >= len("2006-01-02") {
			for _, c := range byDate[e.date] {
				if c != e && c.date == e.date && slices.Contains(spec.MergeInto, c.kind) && (len(e.parts) == 0 || overlap(c, e)) {
					host = c
					break
				}
			}
		}
		if host != nil {
			absorb(host, e)
			continue
		}
		kept = append(kept, e)
	}
	out = kept[:0]
	for _, e := range kept {
		if len(e.parts) == 0 {
			continue
		}
		out = append(out, e)
	}
	return out
}

// sameEventWindow is how many earlier events of its kind a mention is
// compared with, the latest first: far more than a news article holds, and
// a bound that keeps merging linear in a huge document.
const sameEventWindow = 64

// sameEvent returns the earlier draft that e mentions again, or nil; prev
// holds the earlier drafts of e's kind, in text order.
func sameEvent(prev []*draft, e *draft) *draft {
	for i := len(prev) - 1; i >= 0 && i >= len(prev)-sameEventWindow; i-- {
		c := prev[i]
		if c.kind != e.kind || c.negated != e.negated || !datesCompatible(c.date, e.date) {
			continue
		}
		switch {
		case sameParties(c, e):
			return c
		case len(e.parts) == 0 && e.date != "" && e.date == c.date:
			return c
		case len(e.parts) == 0 && e.date == "" && e.definite:
			// "the declaration": the last event of its kind.
			return c
		case len(c.parts) == 0 && c.date != "" && c.date == e.date:
			return c
		}
	}
	return nil
}

// absorb merges e into c.
func absorb(c, e *draft) {
	if e.modality == Asserted && !e.negated {
		// One asserted mention makes the event asserted.
		c.modality, c.negated = Asserted, false
	}
	c.triggers = append(c.triggers, e.triggers...)
	c.sources = addArgs(c.sources, e.sources...)
	c.targets = addArgs(c.targets, e.targets...)
	c.mutual = c.mutual || e.mutual
	for _, p := range e.parts {
		c.add(p.Entity, p.Role)
	}
	if c.location == "" {
		c.location = e.location
	}
	if betterDate(e, c) {
		c.date, c.dateSource = e.date, e.dateSource
		if c.nominal && !e.nominal || len(c.parts) == 0 {
			c.evidence = e.evidence
		}
	}
	if c.nominal && !e.nominal {
		// Prefer a verbal mention as the event's main trigger.
		c.trigger, c.nominal = e.trigger, false
		if c.date == e.date {
			c.evidence = e.evidence
		}
	}
}

// betterDate reports whether e's date is more specific, or as specific
// and better attached, than c's.
func betterDate(e, c *draft) bool {
	if e.date == "" {
		return false
	}
	if c.date == "" || len(e.date) > len(c.date) {
		return true
	}
	return e.date == c.date && c.dateSource == FromSentence && e.dateSource == FromClause
}

// datesCompatible reports whether two date values can name the same
// event: equal, one unknown, or one a coarser prefix of the other.
func datesCompatible(a, b string) bool {
	return a == "" || b == "" || strings.HasPrefix(a, b) || strings.HasPrefix(b, a)
}

// sameParties reports whether two mentions have the same parties: their
// actors overlap and the smaller participant set lies within the larger.
func sameParties(a, b *draft) bool {
	shared := false
	for _, p := range a.parts {
		for _, q := range b.parts {
			if p.Entity == q.Entity && p.Role == Actor && q.Role == Actor {
				shared = true
			}
		}
	}
	if !shared {
		return false
	}
	small, large := a, b
	if len(a.parts) > len(b.parts) {
		small, large = b, a
	}
	for _, p := range small.parts {
		found := false
		for _, q := range large.parts {
			found = found || p.Entity == q.Entity
		}
		if !found {
			return false
		}
	}
	return true
}

func overlap(a, b *draft) bool {
	for _, p := range a.parts {
		for _, q := range b.parts {
			if p.Entity == q.Entity {
				return true
			}
		}
	}
	return false
}
