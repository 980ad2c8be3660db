package entities

import (
	"sort"
	"strings"

	"github.com/entente-nlp/entente/pipeline"
)

// actorVerbTags are tags of a verb that makes the name before it an actor
// ("Ankara has been angered", "Moscow said").
var actorVerbTags = set("VBZ", "VBD", "VBP", "MD")

// gazCandidates turns the gazetteer's matches in the text into candidates,
// and returns them with, for each token, the candidate covering it.
func (s *Stage) gazCandidates(d *pipeline.Document, ws []word, ms []GazMatch) ([]cand, []*cand) {
	cover := make([]*cand, len(ws))
	if s.gaz == nil {
		return nil, cover
	}
	out := make([]cand, 0, len(ms))
	for _, m := range ms {
		if m.Start < 0 || m.End > len(d.Text) || m.Start >= m.End || len(m.IDs) == 0 {
			continue
		}
		e, ok := s.gaz.Entry(m.IDs[0])
		if !ok || !scoredType[e.Type] {
			continue
		}
		c := cand{
			Span: pipeline.Span{Start: m.Start, End: m.End}, typ: e.Type, source: "gazetteer",
			form: m.Form, ids: m.IDs, score: 1, tier: tierGazetteer, reason: "gazetteer " + m.Form,
		}
		if len(m.IDs) > 1 {
			c.score = 1 / float64(len(m.IDs))
		}
		out = append(out, c)
	}
	starts := make(map[int]bool, len(out)) // where a gazetteer match starts
	for _, c := range out {
		starts[c.Start] = true
	}
	// Index tokens by start to find each candidate's tokens.
	for i := range out {
		c := &out[i]
		a := sort.Search(len(ws), func(k int) bool { return ws[k].End > c.Start })
		b := a
		for b < len(ws) && ws[b].Start < c.End {
			b++
		}
		if a == b {
			continue
		}
		// A known surname after another name word belongs to someone else:
		// "Naina Yeltsin", "P. Johnson".
		if c.form == "surname" && a > 0 && !ws[a].brk && isNameWord(&ws[a-1]) && !isTitleWord(ws[a-1].low) && !ws[a-1].sentStart || c.form == "surname" && a > 0 && !ws[a].brk && (len(ws[a-1].text) <= 2 && ws[a-1].cap || isSplitInitial(ws, a-1)) {
			c.tier = 0
			continue
		}
		// A place that is a given name, followed by a surname, is a person:
		// "Paris Hilton", "Florence Nightingale".
		if b-a == 1 && (c.typ == pipeline.Location || c.typ == pipeline.Country) && s.gaz.IsGivenName(ws[a].text) && surnameFollows(ws, a, b, starts) {
			c.tier = 0
			continue
		}
		// A name that opens the name of a day, an agreement, a prize or a
		// tournament is part of that name, not a mention of its own: "Labor
		// Day", "Paris Agreement", "Davis Cup".
		if b < len(ws) && !ws[b].brk && ws[b].cap && miscHeads[ws[b].low] && !ws[b].headline {
			c.tier = 0
			continue
		}
		// A place name that names a typeface is not the place: "set in
		// Georgia, a serif typeface", "the Georgia font". It blocks model
		// labels too.
		if (c.typ == pipeline.Location || c.typ == pipeline.Country) && namesTypeface(ws, b) {
			c.tier, c.typ, c.ids, c.reason = tierBlock, "", nil, "a typeface, not the place"
			continue
		}
		// In an all-caps line, a two-letter acronym is just a word ("IS").
		if ws[a].headline && ws[a].upper && b-a == 1 && c.End-c.Start <= 2 && c.form == "acronym" {
			c.tier = 0
			continue
		}
		whole := ws[a].Start == c.Start && ws[b-1].End == c.End
		if whole {
			for k := a; k < b; k++ {
				cover[k] = c
			}
		}
		s.metonym(d, ws, c, a, b)
	}
	kept := out[:0]
	for _, c := range out {
		if c.tier > 0 {
			kept = append(kept, c)
		}
	}
	// cover points into out; rebuild it on the kept slice.
	for k := range cover {
		cover[k] = nil
	}
	for i := range kept {
		c := &kept[i]
		a := sort.Search(len(ws), func(k int) bool { return ws[k].Start >= c.Start })
		b := a
		for b < len(ws) && ws[b].End <= c.End {
			b++
		}
		if a < len(ws) && ws[a].Start == c.Start && b > a && ws[b-1].End == c.End {
			for k := a; k < b; k++ {
				cover[k] = c
			}
		}
	}
	return kept, cover
}

// metonym turns a capital used as an actor into a COUNTRY mention of its
// country: "Moscow's ambassador", "Ankara has been angered", "between Moscow
// and Ankara".
func (s *Stage) metonym(d *pipeline.Document, ws []word, c *cand, a, b int) {
	if c.typ != pipeline.Location {
		return
	}
	e, ok := s.gaz.Entry(c.ids[0])
	if !ok || e.CapitalOf == "" {
		return
	}
	actor := ""
	switch {
	case b < len(ws) && (ws[b].text == "'s" || ws[b].text == "’s") && b+1 < len(ws) && !ws[b+1].cap:
		actor = "possessive"
	case b < len(ws) && actorVerbTags[ws[b].tag] && !ws[a].headline && (a == 0 || !prepositions[ws[a-1].low]):
		actor = "subject of " + ws[b].text
	case a > 0 && b+1 < len(ws) && ws[a-1].low == "between" && ws[b].low == "and":
		actor = "between"
	case a > 2 && ws[a-1].low == "and" && ws[a-3].low == "between":
		actor = "between"
	}
	if actor == "" {
		return
	}
	c.typ = pipeline.Country
	c.ids = []string{e.CapitalOf}
	c.form = "metonym"
	c.reason = "capital as actor (" + actor + ")"
	c.score = 0.8
}

// prepositions before a capital make it a place, not an actor ("talks in
// Moscow went well"); subordinators do not ("while Washington was").
var prepositions = set("in", "at", "to", "from", "near", "of", "for", "with", "by", "on", "into", "onto",
	"over", "under", "across", "around", "between", "toward", "towards", "via", "outside", "inside", "through")

var scoredType = set(pipeline.Person, pipeline.Country, pipeline.Organization, pipeline.Location, pipeline.NORP, pipeline.Index)

// typefaceWords are the nouns that make the name before them a typeface.
var typefaceWords = set("font", "fonts", "typeface", "typefaces")

// namesTypeface reports whether the words from ws[b] on say that the name
// ending before b is a typeface: "Georgia font", "Georgia, a serif
// typeface".
func namesTypeface(ws []word, b int) bool {
	if b < len(ws) && typefaceWords[ws[b].low] {
		return true
	}
	if b+1 >= len(ws) || ws[b].text != "," || (ws[b+1].low != "a" && ws[b+1].low != "an" && ws[b+1].low != "the") {
		return false
	}
	for k := b + 2; k < len(ws) && k <= b+5; k++ {
		if typefaceWords[ws[k].low] {
			return true
		}
		if !ws[k].letters {
			return false
		}
	}
	return false
}

// placeHeads end place names: "Sydney Harbour", "Victoria Station".
var placeHeads = set("street", "st", "road", "avenue", "square", "station", "airport", "harbour", "harbor",
	"bridge", "valley", "river", "lake", "park", "county", "province", "state", "city", "beach", "bay",
	"island", "islands", "mountain", "mountains", "hills", "heights", "district", "memorial", "stadium",
	"arena", "hotel", "palace", "hall", "castle", "tower", "cathedral", "mosque", "temple", "gate", "square")

// surnameFollows reports whether the place name ws[a:b] (a given name
// such as Paris or Florence) opens a two-word personal name: the next word
// on the line is a capitalized name word that no gazetteer name starts at,
// that heads no organization, place or title and is not a plural (teams:
// "Orlando Magic" aside, "Sydney Roosters"), with no determiner before the
// pair ("the Washington Redskins") and no third name word after it.
func surnameFollows(ws []word, a, b int, gazStarts map[int]bool) bool {
	if b >= len(ws) || ws[a].upper || ws[a].headline {
		return false
	}
	n := &ws[b]
	if n.brk || n.headline || n.upper || !isNameWord(n) || len(n.text) < 3 || gazStarts[n.Start] {
		return false
	}
	if orgHeads[n.low] || placeHeads[n.low] || isTitleWord(n.low) || notNames[n.low] || miscHeads[n.low] || strings.HasSuffix(n.low, "s") {
		return false
	}
	if a > 0 && !ws[a].brk && (isNameWord(&ws[a-1]) || ws[a-1].low == "the" || ws[a-1].low == "a") {
		return false
	}
	return b+1 >= len(ws) || ws[b+1].brk || !isNameWord(&ws[b+1])
}
