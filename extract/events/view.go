package events

import (
	"sort"
	"strings"

	"github.com/entente-nlp/entente/entity"
	"github.com/entente-nlp/entente/pipeline"
)

// arg is an entity mention usable as an event participant: one mention, or
// a phrase such as "the three countries" standing for a group.
type arg struct {
	span pipeline.Span
	a, b int      // token range, b exclusive
	ids  []string // entity ids (several for a group)
	typ  string
	// member marks modifiers of a membership noun ("a NATO member", "NATO
	// allies"): the organization is not a participant.
	member bool
	// modifier marks a country naming a person's office ("Kazakhstan
	// President Nursultan Nazarbayev"): the person is the participant,
	// whose mention starts at token person.
	modifier bool
	person   int
}

// dateRef is a temporal expression with its token range.
type dateRef struct {
	a, b  int
	value string
}

// docView indexes a document's tokens, mentions and dates for the
// extractor. It lives for one Process call.
type docView struct {
	d      *pipeline.Document
	lx     *Lexicon
	low    []string
	argAt  []int // token -> index in args, -1
	dateAt []int // token -> index in dates, -1
	args   []arg
	dates  []dateRef
	// city -> country, from entity attributes, for countries the document
	// mentions
	country map[string]string
	// codes maps entity ids to CAMEO actor codes, built on first use
	// (dyadcode.go).
	codes map[string]string
	// tr is the dependency tree, built on first use by mood.
	tr *pipeline.Tree
}

func newDocView(d *pipeline.Document, lx *Lexicon) *docView {
	d.AnalyzeTokens() // a no-op after the nlp stage
	x := &docView{d: d, lx: lx, country: map[string]string{}}
	n := len(d.Tokens)
	x.low = make([]string, n)
	x.argAt = make([]int, n)
	x.dateAt = make([]int, n)
	for i, t := range d.Tokens {
		x.low[i] = normWord(t.Lower)
		x.argAt[i] = -1
		x.dateAt[i] = -1
	}
	known := make(map[string]bool, len(d.Entities))
	for _, e := range d.Entities {
		known[e.ID] = true
	}
	for _, e := range d.Entities {
		if c := string(entity.CountryRef(e.Attrs[entity.AttrCountry])); c != "" && e.Type != pipeline.Country {
			// A place stands for its country only when the document
			// mentions that country: participants are always entities
			// of the document.
			if known[c] {
				x.country[e.ID] = c
			}
		}
	}
	ms := append([]pipeline.Mention(nil), d.Mentions...)
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	for _, m := range ms {
		if m.EntityID == "" || m.Start < 0 || m.End > len(d.Text) || m.Start >= m.End {
			continue
		}
		a, b := x.tokenRange(m.Span)
		if a >= b || x.argAt[a] >= 0 || x.argAt[b-1] >= 0 {
			continue
		}
		g := arg{span: m.Span, a: a, b: b, ids: []string{m.EntityID}, typ: m.Type}
		if b < n {
			switch x.low[b] {
			case "member", "members", "allies", "ally", "member-state", "member-states":
				g.member = true
			}
		}
		x.addArg(g)
	}
	x.markModifiers()
	x.addGroups()
	for _, t := range d.Dates {
		if t.Value == "" || t.Start < 0 || t.End > len(d.Text) || t.Start >= t.End {
			continue
		}
		a, b := x.tokenRange(t.Span)
		if a >= b {
			continue
		}
		x.dates = append(x.dates, dateRef{a: a, b: b, value: t.Value})
		for i := a; i < b; i++ {
			x.dateAt[i] = len(x.dates) - 1
		}
	}
	return x
}

// normWord strips from a lower-cased token the quotes glued to it by the
// tokenizer ("«ready", "cooperate»").
func normWord(s string) string {
	if t := strings.Trim(s, "«»“”\"‘’`*_"); t != "" {
		return t
	}
	return s
}

// markModifiers flags country and organization mentions followed by
// capitalized title words and a person mention.
func (x *docView) markModifiers() {
	for k := range x.args {
		g := &x.args[k]
		if g.typ != pipeline.Country && g.typ != pipeline.Organization {
			continue
		}
		j := g.b
		if j < len(x.low) && (x.low[j] == "'s" || x.low[j] == "’s") {
			j++
		}
		n := 0
		for j < len(x.low) && n < 4 && x.argAt[j] < 0 && (x.tag(j) == "NNP" || x.tag(j) == "NN") {
			j++
			n++
		}
		// n may be 0 when the title itself was linked as a person
		// mention ("Kazakhstan [President] Nursultan Nazarbayev").
		if j < len(x.low) && x.argAt[j] >= 0 && x.args[x.argAt[j]].typ == pipeline.Person && (n > 0 || x.d.Text[g.span.End:x.d.Tokens[j].Start] == " ") {
			g.modifier, g.person = true, j
		}
	}
}

func (x *docView) addArg(g arg) {
	x.args = append(x.args, g)
	for i := g.a; i < g.b; i++ {
		x.argAt[i] = len(x.args) - 1
	}
}

// tokenRange returns the tokens overlapping s.
func (x *docView) tokenRange(s pipeline.Span) (int, int) {
	toks := x.d.Tokens
	a := sort.Search(len(toks), func(i int) bool { return toks[i].End > s.Start })
	b := a
	for b < len(toks) && toks[b].Start < s.End {
		b++
	}
	return a, b
}

var numberWords = map[string]int{"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6}

// addGroups finds coordinated country mentions ("Russia, Turkey and Iran")
// and phrases that refer back to them ("the three countries").
func (x *docView) addGroups() {
	type group struct {
		end int // token index after the group
		ids []string
	}
	var groups []group
	var cur []int // arg indexes of the current run
	flush := func() {
		if len(cur) >= 2 {
			var ids []string
			for _, k := range cur {
				ids = appendUnique(ids, x.args[k].ids...)
			}
			if len(ids) >= 2 {
				groups = append(groups, group{end: x.args[cur[len(cur)-1]].b, ids: ids})
			}
		}
		cur = cur[:0]
	}
	for k, g := range x.args {
		if g.typ != pipeline.Country || g.member {
			flush()
			continue
		}
		if len(cur) > 0 {
			if end := x.args[cur[len(cur)-1]].span.End; end > g.span.Start || !coordinated(x.d.Text[end:g.span.Start]) {
				flush()
			}
		}
		cur = append(cur, k)
	}
	flush()
	if len(groups) == 0 {
		return
	}
	for i := 1; i < len(x.low); i++ {
		if !x.lx.groups[x.low[i]] || x.argAt[i] >= 0 {
			continue
		}
		want, ok := numberWords[x.low[i-1]]
		if !ok {
			continue
		}
		start := i - 1
		if start > 0 && x.low[start-1] == "the" {
			start--
		}
		end := i + 1
		if end < len(x.low) && (x.low[end] == "'" || x.low[end] == "'s" || x.low[end] == "’") {
			end++
		}
		for gi := len(groups) - 1; gi >= 0; gi-- {
			if groups[gi].end > start || len(groups[gi].ids) != want {
				continue
			}
			x.addArg(arg{
				span: pipeline.Span{Start: x.d.Tokens[start].Start, End: x.d.Tokens[end-1].End},
				a:    start, b: end, ids: groups[gi].ids, typ: pipeline.Country,
			})
			break
		}
	}
	sort.SliceStable(x.args, func(i, j int) bool { return x.args[i].a < x.args[j].a })
	for i := range x.argAt {
		x.argAt[i] = -1
	}
	for k, g := range x.args {
		for i := g.a; i < g.b; i++ {
			x.argAt[i] = k
		}
	}
}

// coordinated reports whether the text between two mentions joins them in
// a list: ", ", " and ", ", and ", " & ".
func coordinated(between string) bool {
	s := strings.TrimSpace(between)
	switch s {
	case ",", "and", ", and", "&", "or", ", or":
		return true
	}
	return false
}

func appendUnique(list []string, ids ...string) []string {
	for _, id := range ids {
		dup := false
		for _, x := range list {
			if x == id {
				dup = true
				break
			}
		}
		if !dup {
			list = append(list, id)
		}
	}
	return list
}

// tag returns the POS tag of token i.
func (x *docView) tag(i int) string { return x.d.Tokens[i].Tag }

func isVerbTag(t string) bool { return strings.HasPrefix(t, "VB") || t == "MD" }
func isFinite(t string) bool  { return t == "VBD" || t == "VBZ" || t == "VBP" || t == "MD" }

// finiteAt reports whether token i is a finite verb; a past form right
// before a noun is read as an adjective ("the armed forces").
func (x *docView) finiteAt(i int) bool {
	t := x.tag(i)
	if t == "VBD" && i+1 < len(x.low) && (isNounTag(x.tag(i+1)) || x.tag(i+1) == "JJ") {
		return false
	}
	return isFinite(t)
}

// verbAt reports whether token i is a verb heading its own frame: a base
// or present form, or a past form or participle followed by an object.
func (x *docView) verbAt(i int) bool {
	switch x.tag(i) {
	case "VB", "VBZ", "VBP", "MD":
		return true
	case "VBD", "VBN", "VBG":
		if i+1 < len(x.low) {
			n := x.tag(i + 1)
			return n == "DT" || n == "PRP$" || n == "IN" || n == "TO" ||
				x.tag(i) == "VBG" && (n == "NNP" || n == "NNPS")
		}
	}
	return false
}
func isNounTag(t string) bool { return strings.HasPrefix(t, "NN") }
func isPrepTag(t string) bool { return t == "IN" || t == "TO" }
func isNPTag(t string) bool {
	switch t {
	case "DT", "PDT", "JJ", "JJR", "JJS", "CD", "NN", "NNS", "NNP", "NNPS", "POS", "PRP$", "HYPH", "FW":
		return true
	}
	return false
}

var subordinators = map[string]bool{
	"that": true, "which": true, "who": true, "whom": true, "whose": true, "where": true,
	"while": true, "whereas": true, "because": true, "although": true, "though": true,
	"unless": true, "whether": true, "what": true, "when": true,
}

// newBlock reports whether token i starts another block of the text than
// token i-1 (Document.Blocks; without blocks, a blank line between them).
func (x *docView) newBlock(i int) bool {
	prev, cur := x.d.Tokens[i-1], x.d.Tokens[i]
	if len(x.d.Blocks) > 0 {
		return x.d.BlockAt(prev.Start) != x.d.BlockAt(cur.Start)
	}
	return prev.End < cur.Start && cur.Start <= len(x.d.Text) && strings.Contains(x.d.Text[prev.End:cur.Start], "\n\n")
}

var clauseBreaks = map[string]bool{";": true, ":": true, "–": true, "—": true, "--": true}

// clauses splits the tokens [a, b) of a sentence into clauses and returns
// the clause number of each token (-1 for boundary punctuation).
func (x *docView) clauses(a, b int) []int {
	n := b - a
	hard := make([]bool, n) // token starts a new clause
	punct := make([]bool, n)
	for i := a; i < b; i++ {
		w, t := x.low[i], x.tag(i)
		switch {
		case i > a && x.newBlock(i):
			// A block boundary inside a "sentence": a headline or
			// dateline the segmenter ran into the text.
			hard[i-a] = true
		case clauseBreaks[w]:
			hard[i-a], punct[i-a] = true, true
		case subordinators[w] && (t == "IN" || t == "WDT" || t == "WP" || t == "WP$" || t == "WRB"):
			hard[i-a] = true
		case (w == "after" || w == "before" || w == "since" || w == "until") && t == "IN":
			if x.finiteAhead(i+1, b, 6) && x.dateAt[min(i+1, len(x.low)-1)] < 0 {
				hard[i-a] = true
			}
		}
	}
	// A comma splits when both sides have a finite verb.
	for i := a; i < b; i++ {
		if x.low[i] != "," {
			continue
		}
		l := i - 1
		leftFinite := false
		for ; l >= a && x.low[l] != "," && !hard[l-a]; l-- {
			if x.finiteAt(l) {
				leftFinite = true
			}
		}
		if l >= a && hard[l-a] && x.finiteAt(l) {
			leftFinite = true
		}
		rightFinite := false
		for r := i + 1; r < b && x.low[r] != "," && !hard[r-a]; r++ {
			if x.finiteAt(r) {
				rightFinite = true
			}
		}
		if leftFinite && rightFinite {
			hard[i-a], punct[i-a] = true, true
		}
	}
	out := make([]int, n)
	c := 0
	for i := 0; i < n; i++ {
		if hard[i] && i > 0 {
			c++
		}
		if punct[i] {
			out[i] = -1
			continue
		}
		out[i] = c
	}
	return out
}

func (x *docView) finiteAhead(from, to, within int) bool {
	for i := from; i < to && i < from+within; i++ {
		if x.low[i] == "," || clauseBreaks[x.low[i]] {
			return false
		}
		if x.finiteAt(i) {
			return true
		}
	}
	return false
}

// governor returns the preposition governing the noun phrase that ends
// just before token i, looking back no further than lo. Chains of one
// "of" are transparent ("the presidents of Russia" keeps the governor of
// "the presidents"); a second "of" makes the governor "of". An empty
// result means a subject or direct object.
func (x *docView) governor(i, lo int) string {
	ofs := 0
	for j := i - 1; j >= lo; j-- {
		w, t := x.low[j], x.tag(j)
		switch {
		case w == "of":
			ofs++
			if ofs > 1 {
				return "of"
			}
		case w == ",":
			// Cross commas only inside lists of mentions.
			if j == 0 || x.argAt[j-1] < 0 {
				return ""
			}
		case w == "and" || w == "or" || t == "CC":
		case isPrepTag(t):
			return w
		case isNPTag(t) || t == "RB" || x.argAt[j] >= 0 || x.dateAt[j] >= 0:
		default:
			return ""
		}
	}
	return ""
}
