package entities

import (
	"github.com/entente-nlp/entente/entity"
	"github.com/entente-nlp/entente/internal/textnorm"
	"github.com/entente-nlp/entente/pipeline"
)

// ruleCandidates types the body's proper-noun chunks by cues. gaz maps a
// token index to the gazetteer candidate covering it (nil when none).
// Untyped chunks are returned separately: a model label may type them, and
// the coreference pass may still recognize them.
func (s *Stage) ruleCandidates(d *pipeline.Document, ws []word, chs []chunk, gaz []*cand) (typed []cand, untyped []chunk) {
	blocked := map[string]bool{}
	defer func() {
		// Every other occurrence of a blocked acronym is blocked too.
		for i := range ws {
			if ws[i].upper && blocked[ws[i].fold] {
				typed = append(typed, blocker(ws, i, i+1, "acronym of a non-entity"))
			}
		}
	}()
	for _, c := range chs {
		from, to := c.from, c.to
		// A sentence opener that is not a proper noun is not part of the
		// name: "Other states", "Yesterday Putin".
		for from < to && ws[from].sentStart && ws[from].tag != "NNP" && ws[from].tag != "NNPS" && gaz[from] == nil {
			from++
		}
		for from < to && notNames[ws[from].low] && gaz[from] == nil {
			from++
		}
		for to > from && (orgConnectors[ws[to-1].low] || nameParticles[ws[to-1].low] || notNames[ws[to-1].low] || ws[to-1].tag == "CD") {
			to--
		}
		if from >= to {
			continue
		}
		if isMisc(ws[from:to]) {
			typed = append(typed, blocker(ws, from, to, "not an entity: "+ws[to-1].text))
			blocked[textnorm.Fold(d.Text[ws[from].Start:ws[to-1].End])] = true
			if a := parenAcronym(ws, to); a > 0 {
				typed = append(typed, blocker(ws, a, a+1, "acronym of a non-entity"))
				blocked[ws[a].fold] = true
			}
			continue
		}
		if r, ok := roleOnly(d, ws, gaz, from, to); ok {
			// "the proposal of Russian President": a title standing for
			// its holder; coreference may resolve it.
			typed = append(typed, r)
			continue
		}
		if p, ok := s.peelTitle(d, ws, gaz, from, to); ok {
			typed = append(typed, p)
			if p.Start > ws[from].Start {
				// The title is not a name either ("General Hulusi Akar").
				typed = append(typed, cand{Span: pipeline.Span{Start: ws[from].Start, End: p.Start}, source: "rule", tier: tierBlock, reason: "title"})
			}
			continue
		}
		if t, ok := s.typeChunk(d, ws, gaz, from, to); ok {
			typed = append(typed, t)
			if t.tier >= tierRule {
				continue
			}
		}
		untyped = append(untyped, chunk{from, to})
	}
	return typed, untyped
}

// peelTitle recognizes "[Country|Demonym] Title... Name" and returns the
// PERSON candidate for Name, with the role and country as evidence.
func (s *Stage) peelTitle(d *pipeline.Document, ws []word, gaz []*cand, from, to int) (cand, bool) {
	i := from
	country := ""
	// Leading country or demonym: "Kazakhstan", "Russian".
	if g := gaz[i]; g != nil && g.typ == pipeline.Country && g.Start == ws[i].Start {
		j := i
		for j < to && gaz[j] == g {
			j++
		}
		if j < to && isTitleWord(ws[j].low) {
			country = firstID(g)
			i = j
		}
	}
	// An unknown qualifier of up to three words may precede the title:
	// "Apple CEO Tim Cook", "Australian Federal Police Commissioner Andrew
	// Colvin", or a country the gazetteer does not know.
	qualifier := ""
	if country == "" && !isTitleWord(ws[i].low) {
		for k := i + 1; k < to && k <= i+3; k++ {
			if titleCore[ws[k].low] || titleModifier[ws[k].low] && k+1 < to && titleCore[ws[k+1].low] {
				if ws[k].low != "the" && ws[k].low != "of" {
					qualifier = textnorm.CollapseSpace(d.Text[ws[i].Start:ws[k-1].End])
					i = k
				}
				break
			}
			if isTitleWord(ws[k].low) || gaz[k] != nil {
				break
			}
		}
	}
	start, core := i, false
	for i < to && isTitleWord(ws[i].low) && gaz[i] == nil {
		core = core || titleCore[ws[i].low]
		i++
	}
	if !core || i == start || i >= to {
		return cand{}, false
	}
	// The name must be names: no organization head, not a known non-person.
	for k := i; k < to; k++ {
		if orgHeads[ws[k].low] || notNames[ws[k].low] {
			return cand{}, false
		}
		if g := gaz[k]; g != nil && g.typ != pipeline.Person {
			return cand{}, false
		}
	}
	ev := map[string]string{entity.AttrRole: textnorm.CollapseSpace(d.Text[ws[start].Start:ws[i-1].End])}
	for i < to && (nameParticles[ws[i].low] || orgConnectors[ws[i].low]) {
		i++
	}
	if i >= to {
		return cand{}, false
	}
	if country != "" {
		ev[entity.AttrCountry] = country
	}
	if qualifier != "" {
		ev[entity.AttrOf] = qualifier
	}
	return cand{
		Span: span(ws, i, to), typ: pipeline.Person, source: "rule", form: "name",
		score: 0.9, tier: tierRule, reason: "title " + ev[entity.AttrRole], evidence: ev,
	}, true
}

// isMisc reports whether a chunk names an agreement, plan, project or
// the like: its last word, or the word before its first "of", is a misc
// head.
func isMisc(ws []word) bool {
	if miscHeads[ws[len(ws)-1].low] {
		return true
	}
	for i := 1; i < len(ws); i++ {
		if ws[i].low == "of" {
			return miscHeads[ws[i-1].low]
		}
	}
	return false
}

// parenAcronym returns the index of an all-caps token in parentheses right
// after token to ("... Plan of Action (JCPOA)"), or -1.
func parenAcronym(ws []word, to int) int {
	if to+2 < len(ws) && ws[to].text == "(" && ws[to+1].upper && ws[to+2].text == ")" {
		return to + 1
	}
	return -1
}

func blocker(ws []word, from, to int, reason string) cand {
	return cand{Span: span(ws, from, to), source: "rule", tier: tierBlock, reason: reason}
}

// roleOnly recognizes a chunk that is a title without a name, optionally
// after a country or demonym: "Russian President", "the Foreign Minister".
// It returns a blocker over the title words that carries the role and the
// country as evidence.
func roleOnly(d *pipeline.Document, ws []word, gaz []*cand, from, to int) (cand, bool) {
	i, country := from, ""
	if g := gaz[i]; g != nil && g.typ == pipeline.Country {
		for i < to && gaz[i] == g {
			i++
		}
		country = firstID(g)
	}
	if i >= to {
		return cand{}, false
	}
	core := false
	for k := i; k < to; k++ {
		if !isTitleWord(ws[k].low) || gaz[k] != nil {
			return cand{}, false
		}
		core = core || titleCore[ws[k].low]
	}
	if !core || !titleCore[ws[to-1].low] {
		return cand{}, false
	}
	ev := map[string]string{entity.AttrRole: textnorm.CollapseSpace(d.Text[ws[i].Start:ws[to-1].End])}
	if country != "" {
		ev[entity.AttrCountry] = country
	}
	return cand{Span: span(ws, i, to), source: "rule", tier: tierBlock, reason: "title without a name",
		evidence: ev, roleOnly: true}, true
}

func isTitleWord(w string) bool { return titleCore[w] || titleModifier[w] }

// typeChunk types a chunk by its own words: an organization head, a given
// name, or a place preposition before it.
func (s *Stage) typeChunk(d *pipeline.Document, ws []word, gaz []*cand, from, to int) (cand, bool) {
	sp := span(ws, from, to)
	c := cand{Span: sp, source: "rule", form: "name", tier: tierRule}
	last := ws[to-1].low
	switch {
	case orgHeads[last] && to-from >= 2:
		c.typ, c.score, c.reason = pipeline.Organization, 0.85, "organization head "+ws[to-1].text
		return c, true
	case to-from >= 2 && orgFirstWords[ws[from].low]:
		c.typ, c.score, c.reason = pipeline.Organization, 0.85, "organization word "+ws[from].text
		return c, true
	case to-from >= 3 && orgHeads[ws[from].low] && orgConnectors[ws[from+1].low]:
		c.typ, c.score, c.reason = pipeline.Organization, 0.85, "organization head "+ws[from].text
		return c, true
	}
	if to-from >= 2 && s.gaz != nil && s.gaz.IsGivenName(ws[from].text) && gaz[from] == nil || (to-from >= 2 && gaz[from] != nil && gaz[from].typ == pipeline.Person && gaz[from].End < sp.End) {
		for k := from + 1; k < to; k++ {
			if g := gaz[k]; g != nil && g.typ != pipeline.Person || orgHeads[ws[k].low] || notNames[ws[k].low] {
				return cand{}, false
			}
		}
		c.typ, c.score, c.reason, c.givenName = pipeline.Person, 0.8, "given name "+ws[from].text, true
		return c, true
	}
	if from > 0 && placePrepositions[ws[from-1].low] && ws[from-1].low != "to" && !ws[from].sentStart && to-from <= 3 {
		for k := from; k < to; k++ {
			if gaz[k] != nil || s.gaz != nil && s.gaz.IsGivenName(ws[k].text) || ws[k].upper {
				return cand{}, false
			}
		}
		// A weak cue: it ranks with the model labels, below them on equal
		// spans, and names it types are not propagated by coreference.
		c.typ, c.score, c.tier, c.reason = pipeline.Location, 0.3, tierModel, "after "+ws[from-1].low
		return c, true
	}
	return cand{}, false
}

func firstID(c *cand) string {
	if len(c.ids) > 0 {
		return c.ids[0]
	}
	return ""
}
