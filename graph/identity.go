package graph

import (
	"fmt"
	"sort"
	"strings"

	"github.com/entente-nlp/entente/entity"
	"github.com/entente-nlp/entente/pipeline"
)

// Cross-document identity of entities the gazetteer does not know.
//
// The pipeline gives an unlinked entity the id kind:slug of its name, so
// the same full name already has the same id in every document. What the
// ids cannot tell is whether a person named by the surname alone
// ("Marwick") is the person a full name names elsewhere ("Helena
// Marwick"). The Builder decides it from evidence in the documents: a
// lone surname joins a full name with the same surname when the two share
// an organization (a holds_role, affiliated_with or member_of tie to the
// same organization id) or an office (the same holds_role label, towards
// the same holder or one of them without one, or the role the entities
// stage read), and no other full name with that surname matches too. A
// lone surname without such evidence keeps its own id; one with evidence
// that matches no full name (yet) gets an id qualified by its evidence
// (person:marwick@nordavia-airlines), so that two lone surnames with
// different evidence stay apart, and joins a full name that arrives later
// with matching evidence. Organizations with the same name up to a legal
// suffix (Ltd, Inc., Corp., LLC, plc, GmbH, AG, SA) get the same id.

// personEvidence is what tells people with the same surname apart.
type personEvidence struct {
	// orgs are organization ids the person is tied to.
	orgs map[string]bool
	// offices maps an office (folded) to the holders it was held for (""
	// when none was named).
	offices map[string]map[string]bool
}

func (p *personEvidence) empty() bool { return len(p.orgs) == 0 && len(p.offices) == 0 }

func (p *personEvidence) addOrg(id string) {
	if p.orgs == nil {
		p.orgs = map[string]bool{}
	}
	p.orgs[id] = true
}

func (p *personEvidence) addOffice(office, holder string) {
	office = strings.ToLower(strings.Join(strings.Fields(office), " "))
	if office == "" || honorific[strings.TrimSuffix(office, ".")] {
		return
	}
	if p.offices == nil {
		p.offices = map[string]map[string]bool{}
	}
	if p.offices[office] == nil {
		p.offices[office] = map[string]bool{}
	}
	p.offices[office][holder] = true
}

func (p *personEvidence) merge(o *personEvidence) {
	for id := range o.orgs {
		p.addOrg(id)
	}
	for office, holders := range o.offices {
		for h := range holders {
			p.addOffice(office, h)
		}
	}
}

// matches reports whether p and o share an organization or an office.
func (p *personEvidence) matches(o *personEvidence) bool {
	for id := range p.orgs {
		if o.orgs[id] {
			return true
		}
	}
	for office, hs := range p.offices {
		os := o.offices[office]
		if os == nil {
			continue
		}
		if hs[""] || os[""] {
			return true
		}
		for h := range hs {
			if os[h] {
				return true
			}
		}
	}
	return false
}

// qualifier names evidence in an id: the first organization's key, else
// the first office.
func (p *personEvidence) qualifier() string {
	if len(p.orgs) > 0 {
		ids := make([]string, 0, len(p.orgs))
		for id := range p.orgs {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		return entity.ID(ids[0]).Key()
	}
	offices := make([]string, 0, len(p.offices))
	for o := range p.offices {
		offices = append(offices, o)
	}
	sort.Strings(offices)
	return strings.ReplaceAll(offices[0], " ", "-")
}

// honorific lists titles the entities stage may report as a role that say
// nothing about an office.
var honorific = map[string]bool{"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "sir": true,
	"dame": true, "lord": true, "lady": true, "prof": true, "professor": true, "mx": true}

// legalSuffix lists the last words of organization names that do not
// change which organization is meant.
var legalSuffix = map[string]bool{"ltd": true, "limited": true, "inc": true, "incorporated": true, "corp": true,
	"corporation": true, "llc": true, "plc": true, "gmbh": true, "ag": true, "sa": true, "co": true}

// identity holds the Builder's cross-document identity state.
type identity struct {
	// full maps a surname to the unlinked full-name people with it and
	// their evidence.
	full map[string]map[string]*personEvidence
	// pending maps a surname to the qualified ids of lone surnames that
	// matched no full name, with their evidence.
	pending map[string]map[string]*personEvidence
	// joined maps a qualified id merged into a full name to that name's id.
	joined map[string]string
}

// surname returns the folded surname of a person's name: its last word.
func surname(name string) string {
	f := strings.Fields(name)
	if len(f) == 0 {
		return ""
	}
	return strings.ToLower(strings.Trim(f[len(f)-1], ".,;:'\"’"))
}

// nameWords counts the words of a person's name, honorifics left out.
func nameWords(name string) int {
	n := 0
	for _, w := range strings.Fields(name) {
		if !honorific[strings.ToLower(strings.TrimSuffix(w, "."))] {
			n++
		}
	}
	return n
}

// unlinkedPerson reports whether e is a person the gazetteer does not know.
func unlinkedPerson(e *pipeline.Entity) bool {
	return !e.Linked && entity.ID(e.ID).Kind() == entity.KindPerson
}

// evidenceOf collects what d says about person id.
func evidenceOf(d *pipeline.Document, e *pipeline.Entity) *personEvidence {
	p := &personEvidence{}
	if r := e.Attrs[entity.AttrRole]; r != "" {
		p.addOffice(r, "")
	}
	for _, r := range d.Relations {
		if r.Source != e.ID {
			continue
		}
		target := r.Target
		org := entity.ID(target).Kind() == entity.KindOrg
		if org {
			target = orgID(target)
		}
		switch r.Type {
		case pipeline.HoldsRole:
			p.addOffice(r.Label, target)
			if org {
				p.addOrg(target)
			}
		case pipeline.AffiliatedWith, pipeline.MemberOf:
			if org {
				p.addOrg(target)
			}
		}
	}
	return p
}

// orgID drops a legal suffix from an unlinked organization's id:
// org:nordavia-airlines-ltd -> org:nordavia-airlines.
func orgID(id string) string {
	if entity.ID(id).Kind() != entity.KindOrg {
		return id
	}
	key := entity.ID(id).Key()
	i := strings.LastIndexByte(key, '-')
	if i <= 0 || !legalSuffix[key[i+1:]] {
		return id
	}
	return string(entity.New(entity.KindOrg, key[:i]))
}

// resolve returns the graph ids of d's unlinked people and organizations
// that differ from their document ids, and the surnames of d's unlinked
// full names, whose evidence it records (joinPending then looks at the
// lone surnames waiting for them).
func (b *Builder) resolve(d *pipeline.Document) (ids map[string]string, fullNames map[string]bool) {
	set := func(from, to string) {
		if ids == nil {
			ids = map[string]string{}
		}
		ids[from] = to
	}
	id := &b.ident
	docFull := map[string]bool{} // surnames with a full name in d
	type fullEv struct {
		id, sn string
		ev     *personEvidence
	}
	var fulls []fullEv
	for i := range d.Entities {
		e := &d.Entities[i]
		if !e.Linked && entity.ID(e.ID).Kind() == entity.KindOrg {
			if o := orgID(e.ID); o != e.ID {
				set(e.ID, o)
			}
			continue
		}
		if !unlinkedPerson(e) || nameWords(e.Name) < 2 {
			continue
		}
		sn := surname(e.Name)
		docFull[sn] = true
		fulls = append(fulls, fullEv{e.ID, sn, evidenceOf(d, e)})
	}
	for i := range d.Entities {
		e := &d.Entities[i]
		if !unlinkedPerson(e) || nameWords(e.Name) != 1 {
			continue
		}
		sn := surname(e.Name)
		if sn == "" || docFull[sn] {
			continue // the entities stage kept them apart in this document
		}
		ev := evidenceOf(d, e)
		if ev.empty() {
			continue
		}
		if match := id.unique(sn, ev); match != "" {
			set(e.ID, match)
			id.full[sn][match].merge(ev)
			continue
		}
		q := e.ID + "@" + ev.qualifier()
		if j := id.joined[q]; j != "" {
			set(e.ID, j)
			continue
		}
		set(e.ID, q)
		if id.pending == nil {
			id.pending = map[string]map[string]*personEvidence{}
		}
		if id.pending[sn] == nil {
			id.pending[sn] = map[string]*personEvidence{}
		}
		if id.pending[sn][q] == nil {
			id.pending[sn][q] = &personEvidence{}
		}
		id.pending[sn][q].merge(ev)
	}
	for _, f := range fulls {
		if id.full == nil {
			id.full = map[string]map[string]*personEvidence{}
		}
		if id.full[f.sn] == nil {
			id.full[f.sn] = map[string]*personEvidence{}
		}
		if id.full[f.sn][f.id] == nil {
			id.full[f.sn][f.id] = &personEvidence{}
		}
		id.full[f.sn][f.id].merge(f.ev)
	}
	return ids, docFull
}

// unique returns the one full name with surname sn whose evidence matches
// ev, or "" when none or several do.
func (id *identity) unique(sn string, ev *personEvidence) string {
	match := ""
	for fid, fev := range id.full[sn] {
		if fev.matches(ev) {
			if match != "" {
				return ""
			}
			match = fid
		}
	}
	return match
}

// joinPending merges into full names the pending lone surnames that now
// match exactly one of them; called after a document's full names have
// added their evidence.
func (b *Builder) joinPending(surnames map[string]bool) error {
	id := &b.ident
	for sn := range surnames {
		qs := make([]string, 0, len(id.pending[sn]))
		for q := range id.pending[sn] {
			qs = append(qs, q)
		}
		sort.Strings(qs)
		for _, q := range qs {
			ev := id.pending[sn][q]
			match := id.unique(sn, ev)
			if match == "" {
				continue
			}
			if b.g.Node(q) != nil {
				if err := b.g.merge(q, match); err != nil {
					return err
				}
			}
			id.full[sn][match].merge(ev)
			delete(id.pending[sn], q)
			if id.joined == nil {
				id.joined = map[string]string{}
			}
			id.joined[q] = match
		}
	}
	return nil
}

// merge moves node from into node into: its counts, names and time data
// join into's, and every tie touching it is re-attached to into (merged
// with a tie of the same type already there; a tie between the two
// nodes is dropped). Both nodes must exist.
func (g *Graph) merge(from, into string) error {
	fn, in := g.nodes[from], g.nodes[into]
	if fn == nil || in == nil || from == into {
		return nil
	}
	in.Docs += fn.Docs
	in.Mentions += fn.Mentions
	in.addAlias(fn.Name)
	for _, a := range fn.Aliases {
		in.addAlias(a)
	}
	in.removeAlias(in.Name)
	for day, c := range fn.seen {
		in.see(day, c.docs, c.mentions)
	}
	var moved []*Edge
	for _, e := range g.Edges() {
		if e.Source == from || e.Target == from {
			moved = append(moved, e)
		}
	}
	for _, e := range moved {
		if err := g.g.RemoveEdge(e.Source, e.Target); err != nil {
			return fmt.Errorf("graph: merging %s into %s: %w", from, into, err)
		}
		delete(g.edges, pair{e.Source, e.Target})
	}
	for _, e := range moved {
		src, tgt := e.Source, e.Target
		if src == from {
			src = into
		}
		if tgt == from {
			tgt = into
		}
		if src == tgt {
			continue
		}
		for _, t := range e.Ties {
			s, d := src, tgt
			if Symmetric(t.Type) && d < s {
				s, d = d, s
			}
			ne, err := g.edge(s, d)
			if err != nil {
				return err
			}
			ne.tie(t.Type).absorb(t, g.maxEvidence)
			if err := g.syncWeight(ne); err != nil {
				return err
			}
		}
	}
	if err := g.g.RemoveVertex(from); err != nil {
		return fmt.Errorf("graph: merging %s into %s: %w", from, into, err)
	}
	delete(g.nodes, from)
	return nil
}

// absorb adds the occurrences of o to t.
func (t *Tie) absorb(o *Tie, maxEvidence int) {
	t.Weight += o.Weight
	t.Docs += o.Docs
	for _, l := range o.Labels {
		for range l.Count {
			t.addLabel(l.Label)
		}
	}
	t.addDate(o.FirstSeen)
	t.addDate(o.LastSeen)
	for _, ev := range o.Evidence {
		t.addEvidence(ev, maxEvidence)
	}
	if len(o.Observations) > 0 {
		t.Observations = append(t.Observations, o.Observations...)
		sort.SliceStable(t.Observations, func(i, j int) bool {
			a, b := t.Observations[i], t.Observations[j]
			if a.seq != b.seq {
				return a.seq < b.seq
			}
			return a.off < b.off
		})
	}
	t.gen = max(t.gen, o.gen)
}
