package entities

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/entente-nlp/entente/internal/textnorm"

	"github.com/entente-nlp/entente/pipeline"
)

// proseTypes maps prose's labels to entente's types.
var proseTypes = map[string]string{
	"PERSON": pipeline.Person, "ORGANIZATION": pipeline.Organization, "ORG": pipeline.Organization,
	"GPE": pipeline.Location, "GSP": pipeline.Location, "LOC": pipeline.Location, "LOCATION": pipeline.Location,
}

// proseCandidates reads prose's IOB labels off the tokens, outside
// headline lines.
func proseCandidates(ws []word) []cand {
	var out []cand
	for i := 0; i < len(ws); {
		lab := ws[i].label
		if lab == "" || lab == "O" || ws[i].headline {
			i++
			continue
		}
		typ := proseTypes[strings.TrimPrefix(strings.TrimPrefix(lab, "B-"), "I-")]
		j := i + 1
		for j < len(ws) && strings.HasPrefix(ws[j].label, "I-") && !ws[j].brk && proseTypes[ws[j].label[2:]] == typ {
			j++
		}
		if typ != "" {
			out = append(out, cand{Span: span(ws, i, j), typ: typ, source: "prose", form: "name",
				score: 0.3, tier: tierModel, reason: "prose label " + lab})
		}
		i = j
	}
	return out
}

// typeByModel types the untyped chunks from the model labels: each part of
// a chunk that the gazetteer does not cover takes the type the models give
// to that name across the document (one sense per discourse), so the span
// follows the chunk and the type the models' majority.
func typeByModel(d *pipeline.Document, ws []word, untyped []chunk, models []cand, cover []*cand) []cand {
	type part struct {
		sp  pipeline.Span
		key string
	}
	var parts []part
	votes := map[string]map[string]float64{}
	strong := map[string]float64{} // best label score per name
	idx := candIndex(models)
	var in []int
	for _, ch := range untyped {
		for a := ch.from; a < ch.to; {
			if cover[a] != nil {
				a++
				continue
			}
			b := a
			for b < ch.to && cover[b] == nil {
				b++
			}
			from, to := a, b
			a = b
			for from < to && (orgConnectors[ws[from].low] || nameParticles[ws[from].low]) {
				from++
			}
			for to > from && (orgConnectors[ws[to-1].low] || nameParticles[ws[to-1].low]) {
				to--
			}
			if from >= to {
				continue
			}
			sp := span(ws, from, to)
			key := textnorm.Fold(d.Slice(sp))
			parts = append(parts, part{sp, key})
			in = idx.Within(sp, in[:0])
			for _, i := range in {
				m := &models[i]
				if votes[key] == nil {
					votes[key] = map[string]float64{}
				}
				votes[key][m.typ] += m.score
				strong[key] = max(strong[key], m.score)
			}
		}
	}
	var out []cand
	for _, p := range parts {
		v := votes[p.key]
		if len(v) == 0 || strong[p.key] < minChunkScore(ws, p.sp) {
			continue
		}
		typ, best := "", 0.0
		for t, n := range v {
			if n > best || n == best && t < typ {
				typ, best = t, n
			}
		}
		out = append(out, cand{Span: p.sp, typ: typ, source: "model", form: "name", score: 0.5,
			tier: tierModelChunk, reason: "chunk typed by model labels"})
	}
	return out
}

// minChunkScore is the best label score a chunk part needs to be typed by
// the models: a single word opening a sentence ("Everyone", "Repair") is
// most often a common word, so it needs a surer label.
func minChunkScore(ws []word, sp pipeline.Span) float64 {
	i := sort.Search(len(ws), func(k int) bool { return ws[k].Start >= sp.Start })
	if i < len(ws) && ws[i].End == sp.End && ws[i].sentStart && !ws[i].upper {
		return 0.8
	}
	return 0
}

// outsideChunks drops the model labels that overlap a chunk part typed by
// typeByModel: inside a proper-noun chunk the chunk's boundaries win.
func outsideChunks(models, typed []cand) []cand {
	out := models[:0:0]
	idx := candIndex(typed)
	for _, m := range models {
		if !idx.AnyOverlap(m.Span, nil) {
			out = append(out, m)
		}
	}
	return out
}

// articles before a model PERSON show it is not one.
var articles = set("the", "a", "an")

// possessives before a model LOCATION show it is an organization ("our
// Facebook page", "its Twitter account").
var possessives = set("our", "their", "its", "his", "her", "my", "your")

// filterModels drops model labels that cannot be names (no capital, URLs,
// quotes) or lie in boilerplate, and retypes possessed places as
// organizations.
func filterModels(d *pipeline.Document, ws []word, ms []cand) []cand {
	out := ms[:0]
	for _, m := range ms {
		text := d.Slice(m.Span)
		// A case-aware tagger read the tags and the case itself: its
		// names need no proper-noun tag ("Nice", "Lens" in results).
		if !plausibleName(text) || !properTokens(ws, m.Span, !m.caseAware) || m.score < minChunkScore(ws, m.Span) {
			continue
		}
		if d.InBoilerplate(m.Span) {
			// Page furniture ("Region: ...", share bars) is no
			// sentence: only the names the gazetteer knows count there.
			continue
		}
		if m.typ == pipeline.Person {
			// A person's name does not follow an article: "the Bill" is a
			// law, "a Democrat" a party member.
			i := sort.Search(len(ws), func(k int) bool { return ws[k].End > m.Start })
			if i > 0 && i < len(ws) && articles[ws[i-1].low] {
				continue
			}
		}
		if m.typ == pipeline.Location {
			i := sort.Search(len(ws), func(k int) bool { return ws[k].End > m.Start })
			if i > 0 && i < len(ws) && possessives[ws[i-1].low] {
				m.typ = pipeline.Organization
				m.reason += ", possessed so an organization"
			}
		}
		out = append(out, m)
	}
	return out
}

// properTokens reports whether a model span holds at least one proper noun
// or all-caps word (when needProper), is not only a title, and has no word that cannot be a
// name: adjectives such as "Western", units and currencies such as "USD",
// codes such as "S-300", compounds such as "In-depth".
func properTokens(ws []word, sp pipeline.Span, needProper bool) bool {
	proper, titles := false, true
	for i := sort.Search(len(ws), func(k int) bool { return ws[k].End > sp.Start }); i < len(ws) && ws[i].Start < sp.End; i++ {
		w := &ws[i]
		titles = titles && isTitleWord(w.low)
		if notNames[w.low] || w.flags.Has(pipeline.HasDigit|pipeline.HasLetter) {
			return false
		}
		if h := strings.LastIndexByte(w.text, '-'); h > 0 && !startsUpper(w.text[h+1:]) {
			return false
		}
		if w.tag == "NNP" || w.tag == "NNPS" || w.upper {
			proper = true
		}
	}
	return (proper || !needProper) && !titles // "Officer", "Foreign Minister" alone name no one
}

// plausibleName reports whether text can be a name: it has a capital
// letter before any lower-case one and no characters other than letters,
// digits, spaces and . - ' & ’.
func plausibleName(text string) bool {
	if strings.Contains(text, "www") || strings.Contains(text, "http") {
		return false
	}
	sawUpper := false
	for _, r := range text {
		switch {
		case unicode.IsUpper(r):
			sawUpper = true
		case unicode.IsLower(r):
			if !sawUpper {
				return false
			}
		case unicode.IsDigit(r), unicode.IsSpace(r), strings.ContainsRune(".-'&’", r):
		default:
			return false
		}
	}
	return sawUpper
}

// extraCandidates asks the configured sources.
func (s *Stage) extraCandidates(d *pipeline.Document, ws []word, gms []GazMatch) []cand {
	var out []cand
	for _, src := range s.sources {
		ca, _ := src.(CaseAware)
		aware := ca != nil && ca.CaseAware()
		var cs []Candidate
		if ms, ok := src.(MatchSource); ok && s.gaz != nil {
			cs = ms.CandidatesMatched(d, gms)
		} else {
			cs = src.Candidates(d)
		}
		for _, c := range cs {
			if !scoredType[c.Type] || c.Start < 0 || c.End > len(d.Text) || c.Start >= c.End {
				continue
			}
			if h, caps := inHeadline(ws, c.Span); h && (!aware || caps && c.Score < s.opts.MinCapsScore || !caps && c.Score < s.opts.MinTitleScore) {
				continue
			}
			out = append(out, cand{Span: c.Span, typ: c.Type, source: c.Source, form: "name",
				score: c.Score, tier: tierModel, reason: "model " + c.Source, caseAware: aware})
		}
	}
	return out
}

// inHeadline reports whether sp touches a headline line, and whether that
// line is all capitals.
func inHeadline(ws []word, sp pipeline.Span) (headline, caps bool) {
	i := sort.Search(len(ws), func(k int) bool { return ws[k].End > sp.Start })
	for ; i < len(ws) && ws[i].Start < sp.End; i++ {
		if ws[i].headline {
			return true, ws[i].capsLine
		}
	}
	return false, false
}

// onTable reports whether sp lies on a results or list line.
func onTable(ws []word, sp pipeline.Span) bool {
	i := sort.Search(len(ws), func(k int) bool { return ws[k].End > sp.Start })
	return i < len(ws) && ws[i].table
}

// overridePlaces retypes as organizations the gazetteer place matches
// that a confident (Options.MinOverride; MinTableOverride on results and
// list lines), case-aware model labels an organization on exactly the
// same span (sports teams and companies named after places: "CHICAGO 5
// Boston 3"). They lose their link: the gazetteer entry is the place.
// People are never made of places this way ("Aleppo" stays a city whatever
// a model says).
func overridePlaces(ws []word, gaz, models []cand, o Options) {
	org := map[pipeline.Span]*cand{}
	other := map[pipeline.Span]*cand{}
	for i := range models {
		if m := &models[i]; m.score >= min(o.MinOverride, o.MinTableOverride) && m.typ == pipeline.Organization {
			org[m.Span] = m
		}
		if m := &models[i]; m.score >= min(o.MinOverride, o.MinTableOverride) && m.typ != pipeline.Person {
			other[m.Span] = m
		}
	}
	for i := range gaz {
		g := &gaz[i]
		if g.typ == pipeline.Person && g.form == "surname" {
			// A surname alone is weak evidence of a person: "Bolton",
			// "Ford" are clubs and companies where the tagger says so.
			need := o.MinOverride
			if onTable(ws, g.Span) {
				need = o.MinTableOverride
			}
			if m := other[g.Span]; m != nil && m.score >= need {
				g.reason = fmt.Sprintf("%s; %s calls it %s here (%.2f)", g.reason, m.source, m.typ, m.score)
				g.typ, g.ids, g.source, g.form = m.typ, nil, g.source+"+"+m.source, "name"
			}
			continue
		}
		if g.typ != pipeline.Location && g.typ != pipeline.Country {
			continue
		}
		need := o.MinOverride
		if onTable(ws, g.Span) {
			need = o.MinTableOverride
		}
		if m := org[g.Span]; m != nil && m.score >= need {
			g.reason = fmt.Sprintf("%s; %s calls it an organization here (%.2f)", g.reason, m.source, m.score)
			g.typ, g.ids, g.source, g.form = pipeline.Organization, nil, g.source+"+"+m.source, "name"
		}
	}
}

// overrideGivenNames retypes chunks typed PERSON only by the given-name
// list when a confident, case-aware model calls the same span something
// else: the list holds "Royal" and "Northrop" too.
func overrideGivenNames(typed, models []cand, minOverride float64) {
	other := map[pipeline.Span]*cand{}
	for i := range models {
		if m := &models[i]; m.score >= minOverride && m.typ != pipeline.Person {
			other[m.Span] = m
		}
	}
	for i := range typed {
		t := &typed[i]
		if m := other[t.Span]; m != nil && t.givenName {
			t.typ, t.source = m.typ, t.source+"+"+m.source
			t.reason = fmt.Sprintf("%s, but %s says %s (%.2f)", t.reason, m.source, m.typ, m.score)
		}
	}
}

// promoteModelSpans makes well-typed the confident, case-aware model spans
// that cover a whole proper-noun chunk containing place names: "U.S. Gulf",
// "Air France", "Hong Kong Stock Exchange". The place is a modifier there,
// and the longer span wins the merge.
func promoteModelSpans(ws []word, chs []chunk, models []cand, cover []*cand, minOverride float64) []cand {
	type rng struct{ a, b int }
	isChunk := map[rng]bool{}
	for _, c := range chs {
		isChunk[rng{c.from, c.to}] = true
	}
	var out []cand
	for _, m := range models {
		if !m.caseAware || m.score < minOverride {
			continue
		}
		a := sort.Search(len(ws), func(k int) bool { return ws[k].Start >= m.Start })
		b := a
		for b < len(ws) && ws[b].End <= m.End {
			b++
		}
		if a >= len(ws) || b == a || ws[a].Start != m.Start || ws[b-1].End != m.End || !isChunk[rng{a, b}] {
			continue
		}
		places, other := 0, false
		for k := a; k < b; k++ {
			g := cover[k]
			if g == nil {
				continue
			}
			place := g.typ == pipeline.Location || g.typ == pipeline.Country
			surname := g.form == "surname" && m.typ == pipeline.Person // "Naina Yeltsin"
			if g.Start < m.Start || g.End > m.End || g.Span == m.Span || !place && !surname {
				other = true
				break
			}
			places++
		}
		if places == 0 || other {
			continue
		}
		p := m
		p.tier = tierRule
		p.reason = "confident " + m.source + " span over a place name"
		out = append(out, p)
	}
	return out
}

// promoteConfident makes well-typed the case-aware model spans of at least
// minScore that hold every gazetteer or rule candidate they overlap
// strictly inside them ("Toronto Blue Jays" over the city, "Pakistan
// People's Party" over the country, "Credit Rating and Information Systems
// Ltd" over the rules' shorter chunk) or, longer than a word, overlap
// none: they then win the merge over the shorter names and over chunks
// typed by the models' votes ("Donald Tsang" in "Financial Secretary Donald
// Tsang").
// A span ending in a MISC head ("Moscow Declaration", "Davis Cup") names a
// document or an event and is left alone.
func promoteConfident(ws []word, models, gaz, typed []cand, minScore float64) []cand {
	var out []cand
	gi, ti := candIndex(gaz), candIndex(typed)
	var buf []int
	inside := 0
	crosses := func(m *cand, cs []cand, idx []int) bool {
		for _, i := range idx {
			o := &cs[i]
			if o.tier == tierBlock || o.Start < m.Start || o.End > m.End || o.Span == m.Span {
				return true
			}
			inside++
		}
		return false
	}
	for k := range models {
		m := &models[k]
		if !m.caseAware || m.score < minScore {
			continue
		}
		a := sort.Search(len(ws), func(i int) bool { return ws[i].Start >= m.Start })
		b := a
		for b < len(ws) && ws[b].End <= m.End {
			b++
		}
		if a == b || isMisc(ws[a:b]) {
			continue
		}
		inside = 0
		if buf = gi.Overlapping(m.Span, buf[:0]); crosses(m, gaz, buf) {
			continue
		}
		if buf = ti.Overlapping(m.Span, buf[:0]); crosses(m, typed, buf) {
			continue
		}
		if inside == 0 && b-a == 1 {
			// One word over nothing: nothing to win, and a surname
			// alone must stay free to join the full name (coreference).
			continue
		}
		p := *m
		p.tier = tierRule
		p.reason = fmt.Sprintf("confident %s span (%.2f)", m.source, m.score)
		out = append(out, p)
	}
	return out
}
