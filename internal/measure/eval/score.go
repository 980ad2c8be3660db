package eval

import (
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/entente-nlp/entente/internal/textnorm"
	"github.com/entente-nlp/entente/pipeline"
)

func fold(s string) string { return textnorm.Fold(s) }

// Score counts one comparison. Gold is the number of required gold items
// and Found how many of them were found; Predicted is the number of
// predictions that count (those matching only optional items do not) and
// Correct how many of them matched. For entities, events and relations,
// where matching is one to one, Correct equals Found.
type Score struct {
	Gold      int     `json:"gold"`
	Found     int     `json:"found"`
	Predicted int     `json:"predicted"`
	Correct   int     `json:"correct"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func (s *Score) finish() {
	s.Precision = round(ratio(s.Correct, s.Predicted))
	s.Recall = round(ratio(s.Found, s.Gold))
	if s.Precision+s.Recall > 0 {
		s.F1 = round(2 * s.Precision * s.Recall / (s.Precision + s.Recall))
	}
}

func round(f float64) float64 { return math.Round(f*10000) / 10000 }

func (s *Score) add(o Score) {
	s.Gold += o.Gold
	s.Found += o.Found
	s.Predicted += o.Predicted
	s.Correct += o.Correct
}

// Report is the result of scoring one document against its answer key.
type Report struct {
	Document    string       `json:"document"`
	Entities    EntityReport `json:"entities"`
	NotEntities []string     `json:"not_entities_found"`
	Dates       ItemReport   `json:"dates"`
	Events      EventReport  `json:"events"`
	Relations   ItemReport   `json:"relations"`
}

// EntityReport scores entities overall and per type.
type EntityReport struct {
	Overall Score            `json:"overall"`
	ByType  map[string]Score `json:"by_type"`
	// Missed are required gold entities no prediction matched, as
	// "TYPE name".
	Missed []string `json:"missed"`
	// Spurious are predictions that matched nothing, as "TYPE name (id)".
	Spurious []string `json:"spurious"`
	// Optional are predictions that matched only optional gold entities;
	// they neither help nor hurt.
	Optional []string `json:"optional,omitempty"`
}

// ItemReport scores dates or relations.
type ItemReport struct {
	Score
	Missed   []string `json:"missed"`
	Spurious []string `json:"spurious"`
	// Unscored lists predictions of a type the answer keys do not
	// annotate (relations of a type outside KeyedRelationTypes): neither
	// right nor wrong.
	Unscored []string `json:"unscored,omitempty"`
}

// KeyedRelationTypes are the relation types answer keys annotate
// (shared/gold/README.md). A key says nothing about the others
// (located_in), so a predicted relation of another type is not scored.
var KeyedRelationTypes = map[string]bool{
	pipeline.HoldsRole: true, pipeline.MemberOf: true, pipeline.CooperatesWith: true,
	pipeline.Opposes: true, pipeline.AffiliatedWith: true,
}

// EventReport scores events; KindAgreement is the share of matched events
// whose kind (or CAMEO code) agrees with the gold event's.
type EventReport struct {
	ItemReport
	KindAgree     int     `json:"kind_agree"`
	KindPairs     int     `json:"kind_pairs"`
	KindAgreement float64 `json:"kind_agreement"`
}

// ScoreDocument scores a finished document against an answer key, as
// shared/gold/README.md describes.
func ScoreDocument(g *Gold, d *pipeline.Document) *Report {
	r := &Report{Document: d.Source, NotEntities: []string{}}
	if r.Document == "" {
		r.Document = d.ID
	}
	m := matchEntities(g, d)
	r.Entities = m.report
	r.NotEntities = append(r.NotEntities, notEntities(g, d, m.names)...)
	r.Dates = scoreDates(g, d)
	r.Events = scoreEvents(g, d, m)
	r.Relations = scoreRelations(g, d, m)
	return r
}

// entityMatch holds the entity matching and what events and relations
// need of it.
type entityMatch struct {
	report EntityReport
	// names are the folded names of each predicted entity (name, aliases,
	// mention texts), by index into d.Entities.
	names []map[string]bool
	// gold maps a predicted entity id to the gold entity it names, -1 when
	// none.
	gold map[string]int
}

func goldNames(e GoldEntity) map[string]bool {
	m := map[string]bool{fold(e.Name): true}
	for _, a := range e.Aliases {
		m[fold(a)] = true
	}
	return m
}

func predNames(d *pipeline.Document) []map[string]bool {
	idx := map[string]int{}
	out := make([]map[string]bool, len(d.Entities))
	for i, e := range d.Entities {
		idx[e.ID] = i
		out[i] = map[string]bool{fold(e.Name): true}
		for _, a := range e.Aliases {
			out[i][fold(a)] = true
		}
	}
	for _, mn := range d.Mentions {
		if i, ok := idx[mn.EntityID]; ok {
			if t := d.Slice(mn.Span); t != "" {
				out[i][fold(t)] = true
			}
		}
	}
	return out
}

func intersects(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

func matchEntities(g *Gold, d *pipeline.Document) *entityMatch {
	names := predNames(d)
	gnames := make([]map[string]bool, len(g.Entities))
	for i, e := range g.Entities {
		gnames[i] = goldNames(e)
	}
	same := func(p, gi int) bool {
		return strings.EqualFold(d.Entities[p].Type, g.Entities[gi].Type) && intersects(names[p], gnames[gi])
	}
	// Maximum one-to-one matching of predictions to required gold entities
	// (augmenting paths).
	edges := make([][]int, len(d.Entities))
	for p := range d.Entities {
		for gi, ge := range g.Entities {
			if !ge.Optional && same(p, gi) {
				edges[p] = append(edges[p], gi)
			}
		}
	}
	owner := bipartite(len(g.Entities), edges)
	matchedPred := map[int]int{}
	for gi, p := range owner {
		if p >= 0 {
			matchedPred[p] = gi
		}
	}
	rep := EntityReport{ByType: map[string]Score{}, Missed: []string{}, Spurious: []string{}}
	bump := func(typ string, f func(*Score)) {
		s := rep.ByType[typ]
		f(&s)
		rep.ByType[typ] = s
	}
	for gi, ge := range g.Entities {
		if ge.Optional {
			continue
		}
		bump(ge.Type, func(s *Score) { s.Gold++ })
		if owner[gi] >= 0 {
			bump(ge.Type, func(s *Score) { s.Found++ })
		} else {
			rep.Missed = append(rep.Missed, ge.Type+" "+ge.Name)
		}
	}
	m := &entityMatch{names: names, gold: map[string]int{}}
	for p, e := range d.Entities {
		gi, ok := matchedPred[p]
		if !ok {
			gi = -1
			for gj := range g.Entities {
				if same(p, gj) {
					gi = gj
					break
				}
			}
		}
		m.gold[e.ID] = gi
		label := e.Type + " " + e.Name + " (" + e.ID + ")"
		switch {
		case ok:
			bump(e.Type, func(s *Score) { s.Predicted++; s.Correct++ })
		case gi >= 0 && g.Entities[gi].Optional:
			rep.Optional = append(rep.Optional, label)
		default:
			bump(e.Type, func(s *Score) { s.Predicted++ })
			rep.Spurious = append(rep.Spurious, label)
		}
	}
	// Entities that name a gold entity under another type still map to it
	// for events and relations (a capital used for its country, say).
	for p, e := range d.Entities {
		if m.gold[e.ID] >= 0 {
			continue
		}
		for gi := range g.Entities {
			if intersects(names[p], gnames[gi]) {
				m.gold[e.ID] = gi
				break
			}
		}
	}
	for typ, s := range rep.ByType {
		rep.Overall.add(s)
		s.finish()
		rep.ByType[typ] = s
	}
	rep.Overall.finish()
	sort.Strings(rep.Missed)
	sort.Strings(rep.Spurious)
	sort.Strings(rep.Optional)
	m.report = rep
	return m
}

// bipartite returns, for each right vertex, the left vertex matched to it
// (-1 when none), maximizing the number of pairs. edges[l] lists the right
// vertices left vertex l may take.
func bipartite(right int, edges [][]int) []int {
	owner := make([]int, right)
	for i := range owner {
		owner[i] = -1
	}
	var try func(l int, seen []bool) bool
	try = func(l int, seen []bool) bool {
		for _, r := range edges[l] {
			if seen[r] {
				continue
			}
			seen[r] = true
			if owner[r] < 0 || try(owner[r], seen) {
				owner[r] = l
				return true
			}
		}
		return false
	}
	for l := range edges {
		try(l, make([]bool, right))
	}
	return owner
}

// markup are the traces of Markdown or HTML that must never be part of a
// name.
var markup = []string{"[", "]", "(#", "**", "__", "`", "<", ">"}

var asType = regexp.MustCompile(`^(.*?)\s+as\s+(?:an?\s+)?([A-Z][A-Z ]*(?:\s+or\s+[A-Z]+)*)$`)

// notEntities returns the answer key's not_entities that the document
// contains. Each is "NAME", "NAME as a TYPE [or TYPE]", "A or B as a TYPE",
// or a sentence about markup ("markup such as ](# ... inside any entity
// name"), which is checked against every name.
func notEntities(g *Gold, d *pipeline.Document, names []map[string]bool) []string {
	var out []string
	for _, ne := range g.NotEntities {
		if strings.HasPrefix(strings.ToLower(ne), "markup") {
			// Folding turns markup into separators: look at the names as
			// written.
			written := writtenNames(d)
			for i, e := range d.Entities {
				for _, n := range written[i] {
					if hasMarkup(n) {
						out = append(out, ne+": "+e.Type+" "+n)
						break
					}
				}
				if hasMarkup(e.Name) {
					out = append(out, ne+": "+e.Type+" "+e.Name)
				}
			}
			continue
		}
		what, types := ne, map[string]bool(nil)
		if m := asType.FindStringSubmatch(ne); m != nil {
			what, types = m[1], map[string]bool{}
			for _, t := range strings.Split(m[2], " or ") {
				types[strings.TrimSpace(t)] = true
			}
		}
		for _, n := range strings.Split(what, " or ") {
			f := fold(n)
			for i, e := range d.Entities {
				if (types == nil || types[e.Type]) && names[i][f] {
					out = append(out, ne+": "+e.Type+" "+e.Name+" ("+e.ID+")")
				}
			}
		}
	}
	return out
}

// writtenNames returns, for each entity of d, its name, its aliases and the
// text of its mentions, as written.
func writtenNames(d *pipeline.Document) [][]string {
	idx := map[string]int{}
	out := make([][]string, len(d.Entities))
	for i, e := range d.Entities {
		idx[e.ID] = i
		out[i] = append([]string{e.Name}, e.Aliases...)
	}
	for _, mn := range d.Mentions {
		if i, ok := idx[mn.EntityID]; ok {
			if t := d.Slice(mn.Span); t != "" {
				out[i] = append(out[i], t)
			}
		}
	}
	return out
}

func hasMarkup(s string) bool {
	for _, m := range markup {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}

// scoreDates compares the set of distinct normalized values found with the
// gold values; a gold date is found when its value or an accepted reading
// is among them.
func scoreDates(g *Gold, d *pipeline.Document) ItemReport {
	pred := map[string]bool{}
	for _, t := range d.Dates {
		if t.Value != "" {
			pred[t.Value] = true
		}
	}
	goodPred := map[string]bool{}
	r := ItemReport{Missed: []string{}, Spurious: []string{}}
	for _, gd := range g.Dates {
		r.Gold++
		ok := false
		for _, v := range append([]string{gd.Value}, gd.Accept...) {
			if pred[v] {
				ok = true
				goodPred[v] = true
			}
		}
		if ok {
			r.Found++
		} else {
			r.Missed = append(r.Missed, gd.Value+" ("+gd.Text+")")
		}
	}
	for v := range pred {
		r.Predicted++
		if goodPred[v] {
			r.Correct++
		} else {
			r.Spurious = append(r.Spurious, v)
		}
	}
	sort.Strings(r.Spurious)
	r.finish()
	return r
}

// scoreEvents matches predicted to gold events one to one: same date (or
// both none, or an accepted date) and at least half of the gold
// participants among the predicted ones. The dyads of one trigger count
// as one predicted event (happenings).
func scoreEvents(g *Gold, d *pipeline.Document, m *entityMatch) EventReport {
	events := happenings(d.Events)
	parts := make([]map[int]bool, len(events))
	for i, ev := range events {
		parts[i] = map[int]bool{}
		for _, p := range ev.Participants {
			if gi, ok := m.gold[p.Entity]; ok && gi >= 0 {
				parts[i][gi] = true
			}
		}
	}
	fits := func(p int, ge GoldEvent) bool {
		ev := events[p]
		if ge.Date == nil {
			if ev.Date != "" {
				return false
			}
		} else if ev.Date != *ge.Date && !slices.Contains(ge.DateAccept, ev.Date) {
			return false
		}
		shared := 0
		for _, n := range ge.Participants {
			if parts[p][g.entity(n)] {
				shared++
			}
		}
		return shared > 0 && 2*shared >= len(ge.Participants)
	}
	rep := EventReport{ItemReport: ItemReport{Missed: []string{}, Spurious: []string{}}}
	run := func(optional bool, skip map[int]bool) map[int]int {
		edges := make([][]int, len(events))
		var gidx []int
		for gi, ge := range g.Events {
			if ge.Optional == optional {
				gidx = append(gidx, gi)
			}
		}
		for p := range events {
			if skip[p] {
				continue
			}
			for k, gi := range gidx {
				if fits(p, g.Events[gi]) {
					edges[p] = append(edges[p], k)
				}
			}
		}
		owner := bipartite(len(gidx), edges)
		out := map[int]int{}
		for k, p := range owner {
			if p >= 0 {
				out[p] = gidx[k]
			}
		}
		return out
	}
	req := run(false, nil)
	used := map[int]bool{}
	for p := range req {
		used[p] = true
	}
	opt := run(true, used)
	found := map[int]bool{}
	for p, gi := range req {
		found[gi] = true
		rep.kind(events[p], g.Events[gi])
	}
	for p, gi := range opt {
		rep.kind(events[p], g.Events[gi])
	}
	for gi, ge := range g.Events {
		if ge.Optional {
			continue
		}
		rep.Gold++
		if found[gi] {
			rep.Found++
		} else {
			rep.Missed = append(rep.Missed, describeGoldEvent(ge))
		}
	}
	for p, ev := range events {
		if _, ok := opt[p]; ok {
			continue
		}
		rep.Predicted++
		if _, ok := req[p]; ok {
			rep.Correct++
			continue
		}
		rep.Spurious = append(rep.Spurious, describeEvent(d, ev))
	}
	rep.finish()
	rep.KindAgreement = round(ratio(rep.KindAgree, rep.KindPairs))
	return rep
}

// happenings folds the events that share a trigger, kind and date (the
// dyads of one trigger: "Russia and Turkey met Iran" is two events, one
// happening) into one, with the union of their participants, so that a
// trigger counts once as found or spurious.
func happenings(evs []pipeline.Event) []pipeline.Event {
	type key struct {
		trig       pipeline.Span
		kind, date string
	}
	at := map[key]int{}
	var out []pipeline.Event
	for _, ev := range evs {
		k := key{ev.Trigger, ev.Kind, ev.Date}
		i, ok := at[k]
		if !ok {
			at[k] = len(out)
			ev.Participants = append([]pipeline.Participant(nil), ev.Participants...)
			out = append(out, ev)
			continue
		}
		for _, p := range ev.Participants {
			if !slices.ContainsFunc(out[i].Participants, func(q pipeline.Participant) bool { return q.Entity == p.Entity }) {
				out[i].Participants = append(out[i].Participants, p)
			}
		}
	}
	return out
}

func (r *EventReport) kind(ev pipeline.Event, ge GoldEvent) {
	r.KindPairs++
	if fold(ev.Kind) == fold(ge.Kind) || ge.CAMEO != "" && strings.HasPrefix(ev.CAMEO, ge.CAMEO) {
		r.KindAgree++
	}
}

func describeGoldEvent(ge GoldEvent) string {
	date := "no date"
	if ge.Date != nil {
		date = *ge.Date
	}
	return ge.Kind + " " + date + " [" + strings.Join(ge.Participants, ", ") + "]"
}

func describeEvent(d *pipeline.Document, ev pipeline.Event) string {
	date := ev.Date
	if date == "" {
		date = "no date"
	}
	var ps []string
	for _, p := range ev.Participants {
		ps = append(ps, entityName(d, p.Entity))
	}
	return ev.Kind + " " + date + " [" + strings.Join(ps, ", ") + "]"
}

func entityName(d *pipeline.Document, id string) string {
	if e := d.Entity(id); e != nil {
		return e.Name
	}
	return id
}

// scoreRelations matches predicted relations (deduplicated) to gold ones:
// same type and the same two entities, in either order for
// cooperates_with. Relations of a type keys do not annotate are listed as
// unscored.
func scoreRelations(g *Gold, d *pipeline.Document, m *entityMatch) ItemReport {
	type triple struct {
		typ  string
		a, b string
	}
	key := func(id string) string {
		if gi, ok := m.gold[id]; ok && gi >= 0 {
			return "gold:" + g.Entities[gi].Name
		}
		return id
	}
	canon := func(t triple) triple {
		if t.typ == pipeline.CooperatesWith && t.a > t.b {
			t.a, t.b = t.b, t.a
		}
		return t
	}
	goldKey := map[triple]int{}
	for i, gr := range g.Relations {
		t := canon(triple{gr.Type, "gold:" + g.Entities[g.entity(gr.Subject)].Name, "gold:" + g.Entities[g.entity(gr.Object)].Name})
		goldKey[t] = i
	}
	r := ItemReport{Missed: []string{}, Spurious: []string{}}
	found := map[int]bool{}
	seen := map[triple]bool{}
	for _, pr := range d.Relations {
		t := canon(triple{pr.Type, key(pr.Source), key(pr.Target)})
		if seen[t] {
			continue
		}
		seen[t] = true
		if !KeyedRelationTypes[pr.Type] {
			r.Unscored = append(r.Unscored, entityName(d, pr.Source)+" "+pr.Type+" "+entityName(d, pr.Target))
			continue
		}
		gi, ok := goldKey[t]
		if ok && g.Relations[gi].Optional {
			continue
		}
		r.Predicted++
		if ok {
			r.Correct++
			found[gi] = true
			continue
		}
		r.Spurious = append(r.Spurious, entityName(d, pr.Source)+" "+pr.Type+" "+entityName(d, pr.Target))
	}
	for i, gr := range g.Relations {
		if gr.Optional {
			continue
		}
		r.Gold++
		if found[i] {
			r.Found++
		} else {
			r.Missed = append(r.Missed, gr.Subject+" "+gr.Type+" "+gr.Object)
		}
	}
	r.finish()
	return r
}
