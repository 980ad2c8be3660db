package coref

import (
	"context"
	"sort"
	"strings"

	"github.com/entente-nlp/entente/internal/textnorm"
	"github.com/entente-nlp/entente/pipeline"
)

// ment is an entity mention indexed by position.
type ment struct {
	a, b  int // token range
	sent  int
	ent   int // index into resolver.ents
	head  int // syntactic head token, -1 when unparsed
	subj  bool
	quote int // the quotation holding it, 0 outside any
}

// ent is what the rules know of an entity.
type ent struct {
	id, typ string
	gender  gender
	roles   []string // lower case
	orgType string
	country string // attrs.country
}

// maxLookback bounds the mentions an anaphor compares, whatever the
// window: a long list of names in one sentence costs no more than this.
const maxLookback = 48

type resolver struct {
	d      *pipeline.Document
	window int
	ments  []ment
	ents   []ent
	inMent []int32 // token -> mention index + 1, 0 when none
	quote  []int32 // token -> quotation id, 0 outside
	sentOf []int32 // token -> sentence
	// anaphors are the tokens that may start an anaphor (a third-person
	// pronoun or "the"), in text order: the resolution visits only them.
	anaphors []int32
	// descAt maps the head token of a resolved description to its
	// entity, for the pronouns after it ("The company said it").
	descAt map[int]int
	// demonymAt maps the tokens of demonym mentions ("Chinese") to their
	// country's entity id.
	demonymAt map[int]string
}

func newResolver(d *pipeline.Document, window int) *resolver {
	r := &resolver{d: d, window: window, descAt: map[int]int{}, demonymAt: map[int]string{}}
	n := len(d.Tokens)
	r.inMent = make([]int32, n)
	r.quote = make([]int32, n)
	r.sentOf = make([]int32, n)
	r.scan()
	byID := make(map[string]int, len(d.Entities))
	for i, e := range d.Entities {
		byID[e.ID] = i
		x := ent{id: e.ID, typ: e.Type, orgType: strings.ToLower(e.Attrs["org_type"]), country: e.Attrs["country"]}
		if role := e.Attrs["role"]; role != "" {
			x.roles = append(x.roles, strings.ToLower(role))
		}
		switch strings.ToLower(e.Attrs["gender"]) {
		case "male", "m":
			x.gender = male
		case "female", "f":
			x.gender = female
		}
		if x.gender == unknownGender && e.Type == pipeline.Person {
			x.gender = nameGender(e.Name)
		}
		r.ents = append(r.ents, x)
	}
	order := make([]int, len(d.Mentions))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return d.Mentions[order[i]].Start < d.Mentions[order[j]].Start })
	for _, mi := range order {
		m := &d.Mentions[mi]
		ei, ok := byID[m.EntityID]
		if !ok {
			continue
		}
		a, b := d.TokenRange(m.Span)
		if a >= b {
			continue
		}
		e := &r.ents[ei]
		if role := m.Evidence["role"]; role != "" {
			e.roles = append(e.roles, strings.ToLower(role))
		}
		if e.typ == pipeline.Person && e.gender == unknownGender && a > 0 {
			e.gender = honorifics[d.Tokens[a-1].Lower]
		}
		if m.Form == "demonym" {
			// "Russian officials": an adjective, not an antecedent.
			for k := a; k < b; k++ {
				r.demonymAt[k] = m.EntityID
			}
			continue
		}
		x := ment{a: a, b: b, sent: int(r.sentOf[a]), ent: ei, head: -1, quote: int(r.quote[a])}
		x.head, x.subj = r.role(a, b)
		if !x.subj && b < len(d.Tokens) && (a == 0 || r.sentOf[a-1] != r.sentOf[a]) && d.Tokens[a].Dep != "" {
			// A sentence-initial name before a verb is its subject even
			// when the parser slipped ("Boeing/root reported/xcomp").
			tag := d.Tokens[b].Tag
			x.subj = strings.HasPrefix(tag, "VB") || tag == "MD"
		}
		if len(r.ments) > 0 && r.ments[len(r.ments)-1].b > a {
			continue // overlapping mentions: keep the first
		}
		r.ments = append(r.ments, x)
		for k := a; k < b; k++ {
			r.inMent[k] = int32(len(r.ments))
		}
	}
	r.markTitleModifiers()
	return r
}

// markTitleModifiers takes the subject role from a country or organization
// that only names a person's office ("Kazakhstan President Nursultan
// Nazarbayev discussed ...", which the parser may read with Kazakhstan as
// the subject) and gives it to the person.
func (r *resolver) markTitleModifiers() {
	toks := r.d.Tokens
	for k := 0; k+1 < len(r.ments); k++ {
		m, p := &r.ments[k], &r.ments[k+1]
		if r.ents[m.ent].typ == pipeline.Person || r.ents[p.ent].typ != pipeline.Person || m.sent != p.sent || p.a-m.b > 3 {
			continue
		}
		title := true
		for i := m.b; i < p.a; i++ {
			if !strings.HasPrefix(toks[i].Tag, "NN") {
				title = false
				break
			}
		}
		if !title || strings.ContainsAny(r.d.Text[toks[m.b-1].End:toks[p.a].Start], ",;:()") {
			continue
		}
		if m.subj {
			p.subj = true
		}
		m.subj = false
	}
}

// nameGender guesses a gender from a personal name's first word.
func nameGender(name string) gender {
	f := strings.Fields(textnorm.Fold(name))
	for i, w := range f {
		if g, ok := honorifics[w]; ok {
			return g
		}
		if g, ok := firstNames[w]; ok {
			return g
		}
		if i >= 1 {
			break
		}
	}
	return unknownGender
}

// role returns the head token of tokens [a, b) and whether the phrase is a
// subject: from the parse when the sentence has one, else from the word
// after it (a verb or a modal).
func (r *resolver) role(a, b int) (head int, subj bool) {
	toks := r.d.Tokens
	if toks[a].Dep != "" {
		head = -1
		for i := a; i < b; i++ {
			if h := toks[i].Head; h < a || h >= b || toks[i].Dep == "root" {
				head = i
				break
			}
		}
		if head < 0 {
			return -1, false
		}
		t := &toks[head]
		if pipeline.RelMatches(t.Dep, "nsubj") {
			return head, true
		}
		if t.Dep == "conj" && t.Head >= 0 && t.Head < len(toks) && pipeline.RelMatches(toks[t.Head].Dep, "nsubj") {
			return head, true
		}
		return head, false
	}
	if b < len(toks) {
		tag := toks[b].Tag
		return -1, strings.HasPrefix(tag, "VB") || tag == "MD"
	}
	return -1, false
}

// scan makes the one pass over the tokens: their sentences, their
// quotations (a token between an opening and a closing quotation mark gets
// the quotation's id; a paragraph break ends an unclosed quotation), and
// the tokens that may start an anaphor.
func (r *resolver) scan() {
	d := r.d
	s, prevEnd := 0, 0
	open, id := false, int32(0)
	for i := range d.Tokens {
		t := &d.Tokens[i]
		for s+1 < len(d.Sentences) && t.Start >= d.Sentences[s].End {
			s++
		}
		r.sentOf[i] = int32(s)
		if i > 0 && t.Start > prevEnd && strings.IndexByte(d.Text[prevEnd:t.Start], '\n') >= 0 {
			open = false
		}
		prevEnd = t.End
		if n := t.End - t.Start; n <= 3 && n > 0 {
			switch c := d.Text[t.Start]; {
			case c == '"' && n == 1:
				if open {
					open = false
				} else {
					open, id = true, id+1
				}
				continue
			case c == '`' || c == '\xe2' && d.Text[t.Start:t.End] == "“":
				open, id = true, id+1
				continue
			case c == '\'' && n == 2 && d.Text[t.Start+1] == '\'' || c == '\xe2' && d.Text[t.Start:t.End] == "”":
				open = false
				continue
			}
		}
		if open {
			r.quote[i] = id
		}
		lw := t.Lower
		if len(lw) < 2 || len(lw) > 10 || lw[0] != 'h' && lw[0] != 's' && lw[0] != 'i' && lw[0] != 't' {
			if lw != "" || t.End-t.Start > 10 {
				continue // neither a pronoun nor "the"
			}
			lw = strings.ToLower(d.Text[t.Start:t.End])
		}
		if _, ok := pronouns[lw]; ok || lw == "the" {
			r.anaphors = append(r.anaphors, int32(i))
		}
	}
}

// run finds the anaphors in text order and resolves them.
func (r *resolver) run(ctx context.Context, kinds map[string]bool) []pipeline.Coreference {
	var out []pipeline.Coreference
	want := func(k string) bool { return kinds == nil || kinds[k] }
	if want(pipeline.CorefSurname) {
		for _, m := range r.d.Mentions {
			switch {
			case m.Source == "coref" && m.Form == "surname":
				out = append(out, pipeline.Coreference{Span: m.Span, Entity: m.EntityID, Kind: pipeline.CorefSurname, Rule: "entities-surname"})
			case m.Source == "coref" && m.Form == "title":
				out = append(out, pipeline.Coreference{Span: m.Span, Entity: m.EntityID, Kind: pipeline.CorefDescription, Rule: "entities-title"})
			}
		}
	}
	toks := r.d.Tokens
	next := 0 // mentions before token i: ments[:next]
	skipTo := 0
	for n, ai := range r.anaphors {
		i := int(ai)
		if n&255 == 0 && ctx.Err() != nil {
			return nil
		}
		for next < len(r.ments) && r.ments[next].b <= i {
			next++
		}
		if i < skipTo || r.inMent[i] != 0 {
			continue
		}
		lw := toks[i].Lower
		if lw == "" {
			lw = strings.ToLower(r.d.Slice(toks[i].Span))
		}
		if p, ok := pronouns[lw]; ok && want(pipeline.CorefPronoun) {
			if p.class == groupClass && p.number == singular && r.pleonastic(i) {
				continue
			}
			if toks[i].Tag != "" && !strings.HasPrefix(toks[i].Tag, "PRP") {
				continue
			}
			out = append(out, r.pronoun(i, p, next)...)
			continue
		}
		if lw == "the" && want(pipeline.CorefDescription) {
			if c, end, ok := r.description(i, next); ok {
				out = append(out, c)
				skipTo = end
			}
		}
	}
	return out
}

// candidate is a mention under consideration and its cost (lower wins).
type candidate struct {
	m    int
	cost int
}

// pronoun resolves the pronoun at token i; ments[:next] precede it.
func (r *resolver) pronoun(i int, p pronoun, next int) []pipeline.Coreference {
	toks := r.d.Tokens
	s := int(r.sentOf[i])
	q := int(r.quote[i])
	obj := p.object && toks[i].Dep != "" && (pipeline.RelMatches(toks[i].Dep, "obj") || toks[i].Dep == "iobj")
	best := candidate{m: -1}
	var group []int
	for k, n := next-1, 0; k >= 0 && n < maxLookback; k, n = k-1, n+1 {
		m := &r.ments[k]
		if m.sent < s-r.window {
			break
		}
		if m.quote != 0 && m.quote != q {
			continue // inside another quotation
		}
		e := &r.ents[m.ent]
		grp := p.number == plural && r.coordinated(k) != nil
		if !grp && !typeClass(e.typ, p.class, p.number) {
			continue
		}
		if p.class == personClass && p.gender != unknownGender && e.gender != unknownGender && e.gender != p.gender {
			continue
		}
		if obj && m.subj && m.head >= 0 && toks[m.head].Head == toks[i].Head {
			continue // "Putin praised him": not Putin
		}
		if p.class == groupClass && !m.subj && !grp {
			// "it" and "they" take subjects only: objects and obliques
			// are too often not what the pronoun means.
			continue
		}
		cost := 4 * (s - m.sent)
		if m.subj {
			cost -= 2
		}
		if p.class == personClass && e.gender == unknownGender {
			cost++
		}
		if best.m < 0 || cost < best.cost {
			best = candidate{m: k, cost: cost}
			group = nil
			if grp {
				group = r.coordinated(k)
			}
		}
	}
	span := toks[i].Span
	if pos, e := r.localSubject(i, p); pos >= 0 {
		// A nearer subject that names no entity ("The army said it",
		// "The spokesman said he") is what the pronoun means, unless
		// it is a description already resolved ("The company said it").
		if e >= 0 && typeClass(r.ents[e].typ, p.class, p.number) {
			return []pipeline.Coreference{{Span: span, Entity: r.ents[e].id, Kind: pipeline.CorefPronoun, Rule: "description-subject"}}
		}
		if best.m < 0 || r.ments[best.m].a < pos {
			return nil
		}
	}
	if best.m < 0 {
		return nil
	}
	rule := "nearest"
	if r.ments[best.m].subj {
		rule = "nearest-subject"
	}
	if group != nil {
		out := make([]pipeline.Coreference, 0, len(group))
		for _, k := range group {
			out = append(out, pipeline.Coreference{Span: span, Entity: r.ents[r.ments[k].ent].id, Kind: pipeline.CorefPronoun, Rule: "coordination"})
		}
		return out
	}
	e := &r.ents[r.ments[best.m].ent]
	if p.class == personClass && e.gender == unknownGender {
		e.gender = p.gender // the first pronoun tells
	}
	return []pipeline.Coreference{{Span: span, Entity: e.id, Kind: pipeline.CorefPronoun, Rule: rule}}
}

// coordinated returns the mentions coordinated with mention k in a subject
// ("Russia and Turkey agreed"), k included, when there are at least two
// distinct entities, else nil.
func (r *resolver) coordinated(k int) []int {
	m := &r.ments[k]
	if !m.subj {
		return nil
	}
	toks := r.d.Tokens
	if m.head < 0 {
		// Unparsed: "X, Y and Z agreed": names joined by "and" or commas
		// before the verb.
		out := []int{k}
		for j := k; j > 0; j-- {
			p := &r.ments[j-1]
			gap := r.d.Text[toks[p.b-1].End:toks[r.ments[j].a].Start]
			g := strings.TrimSpace(gap)
			if p.sent != m.sent || !(g == "and" || g == "," || g == ", and") || p.ent == r.ments[j].ent {
				break
			}
			out = append(out, j-1)
		}
		if len(out) < 2 {
			return nil
		}
		sort.Ints(out)
		return out
	}
	root := m.head
	if toks[root].Dep == "conj" {
		root = toks[root].Head
	}
	var out []int
	seen := map[int]bool{}
	for j := k; j >= 0 && r.ments[j].sent == m.sent; j-- {
		o := &r.ments[j]
		if o.head < 0 || seen[o.ent] {
			continue
		}
		if o.head == root || toks[o.head].Dep == "conj" && toks[o.head].Head == root {
			out = append(out, j)
			seen[o.ent] = true
		}
	}
	for j := k + 1; j < len(r.ments) && r.ments[j].sent == m.sent; j++ {
		o := &r.ments[j]
		if o.head >= 0 && !seen[o.ent] && toks[o.head].Dep == "conj" && toks[o.head].Head == root {
			out = append(out, j)
			seen[o.ent] = true
		}
	}
	if len(out) < 2 {
		return nil
	}
	sort.Ints(out)
	return out
}

// pleonastic reports whether "it" at token i refers to nothing: an
// expletive in the parse, or "it is/was (been) ADJ/VBN ... that/to",
// "it seems/appears that", "make it clear that".
func (r *resolver) pleonastic(i int) bool {
	toks := r.d.Tokens
	if toks[i].Dep == "expl" {
		return true
	}
	if toks[i].Lower != "it" {
		return false
	}
	j := i + 1
	low := func(k int) string {
		if k < len(toks) {
			return toks[k].Lower
		}
		return ""
	}
	if i > 0 && makeVerbs[toks[i-1].Lower] && strings.HasPrefix(tagAt(toks, j), "JJ") {
		return true
	}
	if beForms[low(j)] && reportingVBN[low(j+1)] || low(j) == "has" && low(j+1) == "been" && reportingVBN[low(j+2)] {
		return true // "it was reported", "it has been said"
	}
	switch low(j) {
	case "seems", "seemed", "appears", "appeared", "emerged", "turned", "happens", "happened", "matters":
		return true
	}
	for n := 0; n < 3 && beForms[low(j)]; n++ {
		j++
	}
	if j == i+1 {
		return false
	}
	if w := low(j); !(strings.HasPrefix(tagAt(toks, j), "JJ") || tagAt(toks, j) == "VBN" || w == "time" || w == "unclear" || w == "not") {
		return false
	}
	for k := j + 1; k < len(toks) && k <= j+3; k++ {
		switch low(k) {
		case "that", "to", "whether", "if", "how", "why", "when", "what", "who":
			return true
		case ".", ";":
			return false
		}
	}
	return false
}

func tagAt(toks []pipeline.Token, k int) string {
	if k < len(toks) {
		return toks[k].Tag
	}
	return ""
}

var beForms = map[string]bool{
	"is": true, "was": true, "'s": true, "be": true, "been": true, "being": true, "has": true,
	"had": true, "have": true, "would": true, "will": true, "may": true, "might": true,
	"could": true, "should": true, "must": true, "remains": true, "remained": true,
	"became": true, "becomes": true, "not": true, "n't": true,
}

var reportingVBN = map[string]bool{
	"reported": true, "said": true, "announced": true, "expected": true, "believed": true,
	"understood": true, "feared": true, "thought": true, "rumored": true, "rumoured": true,
	"known": true, "estimated": true, "alleged": true, "claimed": true, "learned": true,
	"learnt": true, "hoped": true, "suggested": true, "noted": true,
}

var makeVerbs = map[string]bool{"make": true, "makes": true, "made": true, "making": true, "find": true, "found": true, "consider": true, "considers": true, "considered": true}

// description resolves a definite description starting with "the" at
// token i; it returns the coreference and the token after the phrase.
func (r *resolver) description(i, next int) (pipeline.Coreference, int, bool) {
	toks := r.d.Tokens
	j := i + 1
	country := ""
	for n := 0; n < 2 && j < len(toks); n++ {
		if c, ok := r.demonymAt[j]; ok && country == "" {
			country = c // "the Chinese president"
		} else if !descriptionModifiers[toks[j].Lower] || r.inMent[j] != 0 {
			break
		}
		j++
	}
	if j >= len(toks) || r.inMent[j] != 0 {
		return pipeline.Coreference{}, 0, false
	}
	desc, ok := descriptions[toks[j].Lower]
	if !ok {
		return pipeline.Coreference{}, 0, false
	}
	end := j + 1
	if end < len(toks) {
		// "the president of France", "the company Apple", "the city,
		// Aleppo,": a new referent or an apposition the entities stage
		// reads.
		nx := &toks[end]
		if nx.Lower == "of" || r.inMent[end] != 0 || nx.Tag == "NNP" || nx.Tag == "NNPS" || nx.Tag == "NN" || nx.Tag == "NNS" {
			return pipeline.Coreference{}, 0, false
		}
		if nx.Lower == "," && end+1 < len(toks) && r.inMent[end+1] != 0 {
			return pipeline.Coreference{}, 0, false
		}
	}
	if desc.number == 0 {
		desc.number = singular
	}
	s := int(r.sentOf[i])
	q := int(r.quote[i])
	best := candidate{m: -1}
	seen := map[int]bool{}
	for k, n := next-1, 0; k >= 0 && n < maxLookback; k, n = k-1, n+1 {
		m := &r.ments[k]
		if m.sent < s-r.window-1 {
			break
		}
		if m.quote != 0 && m.quote != q || seen[m.ent] {
			continue
		}
		seen[m.ent] = true // the most recent mention of each entity decides
		e := &r.ents[m.ent]
		if !typeClass(e.typ, desc.class, desc.number) {
			continue
		}
		cost := 4 * (s - m.sent)
		switch desc.class {
		case personClass:
			if !fits(e.roles, desc.roles) || country != "" && e.country != country {
				continue
			}
		case orgClass:
			switch {
			case e.orgType == "":
				cost++
			case !fitsType(e.orgType, desc.orgTypes):
				continue
			}
		}
		if m.subj {
			cost--
		}
		if best.m < 0 || cost < best.cost {
			best = candidate{m: k, cost: cost}
		}
	}
	if best.m < 0 {
		return pipeline.Coreference{}, 0, false
	}
	rule := "recent"
	if desc.class == personClass {
		rule = "role"
	} else if desc.class == orgClass && r.ents[r.ments[best.m].ent].orgType != "" {
		rule = "org-type"
	}
	span := pipeline.Span{Start: toks[i].Start, End: toks[j].End}
	r.descAt[j] = r.ments[best.m].ent
	return pipeline.Coreference{Span: span, Entity: r.ents[r.ments[best.m].ent].id, Kind: pipeline.CorefDescription, Rule: rule}, end, true
}

// fits reports whether one of the roles contains one of the wanted words.
func fits(roles, want []string) bool {
	for _, r := range roles {
		for _, w := range want {
			if strings.Contains(r, w) {
				return true
			}
		}
	}
	return false
}

func fitsType(t string, want []string) bool {
	for _, w := range want {
		if t == w {
			return true
		}
	}
	return false
}

// localSubject returns the nearest subject before token i in its sentence
// that is a common noun fitting pronoun p and no entity mention, with the
// entity of the description resolved there (-1 when none); pos is -1 when
// there is no such subject. In a sentence the parse stage left out, a
// subject is a noun right before a verb.
func (r *resolver) localSubject(i int, p pronoun) (pos, e int) {
	toks := r.d.Tokens
	s := r.sentOf[i]
	for k := i - 1; k >= 0 && r.sentOf[k] == s; k-- {
		t := &toks[k]
		if t.Dep != "" && !pipeline.RelMatches(t.Dep, "nsubj") {
			continue
		}
		if t.Dep == "" && !(k+1 < i && isVerbTag(toks[k+1].Tag) && (strings.HasPrefix(t.Tag, "NN") || r.inMent[k] != 0)) {
			continue // unparsed: a noun before its verb
		}
		if r.inMent[k] != 0 {
			return -1, -1 // an entity is nearer: the candidates decide
		}
		if ei, ok := r.descAt[k]; ok {
			return k, ei
		}
		switch {
		case p.class == personClass:
			if _, ok := personNouns[t.Lower]; !ok {
				if d, ok := descriptions[t.Lower]; !ok || d.class != personClass {
					continue
				}
			}
		case p.number == plural:
			if t.Tag != "NNS" {
				continue
			}
		default:
			if t.Tag != "NN" {
				continue
			}
		}
		return k, -1
	}
	return -1, -1
}

func isVerbTag(t string) bool { return strings.HasPrefix(t, "VB") || t == "MD" }
