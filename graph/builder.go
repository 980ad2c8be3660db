package graph

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/entente-nlp/entente/entity"
	"github.com/entente-nlp/entente/pipeline"
)

// Options configure a Builder.
type Options struct {
	// Events adds event nodes linked to their participants
	// (participates_in) and places (occurs_in). Event nodes are per
	// document, so with Events memory also grows with the corpus.
	Events bool
	// MaxEvidence caps the evidence kept per tie; 0 means
	// DefaultMaxEvidence, a negative value keeps none.
	MaxEvidence int
	// Observations keeps every occurrence of every tie with its document,
	// date, event kind and evidence (Tie.Observations), and what each node
	// saw per publication day, so that Graph.InTime can cut the graph to
	// a time frame and count ties per period. Memory then grows with the
	// number of occurrences in the corpus.
	Observations bool
}

// DefaultMaxEvidence is the evidence cap per tie when Options.MaxEvidence
// is 0.
const DefaultMaxEvidence = 5

// maxSentence caps the bytes of a stored evidence sentence.
const maxSentence = 600

// Builder merges documents into one Graph. Add one document at a time from
// a single goroutine (the pipeline's sink); a Builder is not safe for
// concurrent use. Memory grows with the distinct entities and relations, not
// with the number of documents (except event nodes with Options.Events).
// The result does not depend on the order documents arrive in, provided
// their Seq values are distinct (one exception: a lone surname joined to
// the only full name matching it, identity.go, stays joined when a second
// matching full name arrives later).
type Builder struct {
	opts    Options
	g       *Graph
	gen     int
	docs    int
	skipped int
	dropped int
	// published is the publication day of the document being added.
	published string
	// ident decides the ids of unlinked people and organizations across
	// documents (identity.go).
	ident identity
}

// NewBuilder returns a builder for an empty graph.
func NewBuilder(opts Options) *Builder {
	if opts.MaxEvidence == 0 {
		opts.MaxEvidence = DefaultMaxEvidence
	}
	b := &Builder{opts: opts, g: New()}
	b.g.observed = opts.Observations
	b.g.maxEvidence = opts.MaxEvidence
	return b
}

// Graph returns the graph built so far. It is the builder's own graph:
// further calls to Add keep changing it.
func (b *Builder) Graph() *Graph { return b.g }

// Documents returns how many documents were merged.
func (b *Builder) Documents() int { return b.docs }

// Skipped returns how many documents were skipped because they had failed.
func (b *Builder) Skipped() int { return b.skipped }

// Dropped returns how many relations were ignored: self-loops and relations
// with an empty endpoint or type.
func (b *Builder) Dropped() int { return b.dropped }

// Add merges one finished document: its entities become (or update) nodes,
// its relations become ties, and with Options.Events its events become
// nodes. Failed documents (d.Failed()) are skipped and counted. A relation
// repeated in the same sentence of a document (same type, endpoints and
// evidence span) counts once. An error means the graph store refused a
// node or an edge; the graph is then incomplete.
func (b *Builder) Add(d *pipeline.Document) error {
	if d == nil {
		return nil
	}
	if d.Failed() {
		b.skipped++
		return nil
	}
	b.gen++
	b.docs++
	published := ""
	if t, ok := d.PublishedDate(); ok {
		published = t.Format("2006-01-02")
	}
	b.published = published
	ids, fullNames := b.resolve(d)
	gid := func(id string) string {
		if m, ok := ids[id]; ok {
			return m
		}
		if o := orgID(id); o != id {
			if e := d.Entity(id); e == nil || !e.Linked {
				return o
			}
		}
		return id
	}

	mentions := make(map[string]int, len(d.Entities))
	for _, m := range d.Mentions {
		mentions[m.EntityID]++
	}
	for i := range d.Entities {
		e := &d.Entities[i]
		if e.ID == "" {
			continue
		}
		n, err := b.node(d, gid(e.ID), e.Type, e.Name, e.Linked)
		if err != nil {
			return err
		}
		c := e.Count
		if c == 0 {
			c = mentions[e.ID]
		}
		n.Mentions += c
		if b.opts.Observations {
			n.see(published, 0, c)
		}
		for _, a := range e.Aliases {
			n.addAlias(a)
		}
	}

	type occ struct {
		typ, src, tgt string
		ev            pipeline.Span
	}
	seen := make(map[occ]bool, len(d.Relations))
	for _, r := range d.Relations {
		src, tgt := gid(r.Source), gid(r.Target)
		if src == "" || tgt == "" || r.Type == "" || src == tgt {
			b.dropped++
			continue
		}
		if Symmetric(r.Type) && tgt < src {
			src, tgt = tgt, src
		}
		k := occ{r.Type, src, tgt, r.Evidence}
		if seen[k] {
			continue
		}
		seen[k] = true
		if err := b.endpoint(d, r.Source, src); err != nil {
			return err
		}
		if err := b.endpoint(d, r.Target, tgt); err != nil {
			return err
		}
		date := normDate(r.Date)
		if date == "" {
			date = published
		}
		if err := b.tie(src, tgt, r.Type, r.Label, date, Evidence{
			Doc: d.ID, Sentence: sentence(d, r.Evidence), Date: date, Rule: r.Rule,
			seq: d.Seq, off: r.Evidence.Start,
		}, relationKind(d, r)); err != nil {
			return err
		}
	}

	if b.opts.Events {
		if err := b.addEvents(d, published, gid); err != nil {
			return err
		}
	}
	return b.joinPending(fullNames)
}

// node returns the node for an entity of d, creating it, and counts d once.
// The name and type come from a gazetteer-linked mention when there is one,
// else from the earliest document.
func (b *Builder) node(d *pipeline.Document, id, typ, name string, linked bool) (*Node, error) {
	n := b.g.Node(id)
	if n == nil {
		seq := d.Seq
		if name == "" {
			// A name derived from the id loses to any real name.
			name, seq = nameFromID(id), math.MaxInt
		}
		var err error
		if n, err = b.g.addNode(&Node{ID: id, Kind: KindEntity, Type: typ, Name: name, Linked: linked, nameSeq: seq}); err != nil {
			return nil, err
		}
	} else if name != "" && (linked && !n.Linked || linked == n.Linked && d.Seq < n.nameSeq && !shorterName(n, name)) {
		old, derived := n.Name, n.nameSeq == math.MaxInt
		n.Name, n.Linked, n.nameSeq = name, linked, d.Seq
		if !derived {
			n.addAlias(old)
		}
		n.removeAlias(name)
		if typ != "" {
			n.Type = typ
		}
	} else if name != n.Name {
		n.addAlias(name)
	}
	if n.Type == "" {
		n.Type = typeFromID(id)
	}
	if n.gen != b.gen {
		n.gen = b.gen
		n.Docs++
		if b.opts.Observations {
			n.see(b.published, 1, 0)
		}
	}
	return n, nil
}

// shorterName reports whether name would replace a person's full name by
// fewer words (a lone surname joined to a full name, identity.go).
func shorterName(n *Node, name string) bool {
	return n.Type == entity.Person && nameWords(name) < nameWords(n.Name)
}

// endpoint makes sure a relation or event endpoint exists as a node, even
// when the document's entity list lacks it: raw is its id in d, id its
// graph id.
func (b *Builder) endpoint(d *pipeline.Document, raw, id string) error {
	if n := b.g.Node(id); n != nil && n.gen == b.gen {
		return nil
	}
	if e := d.Entity(raw); e != nil {
		_, err := b.node(d, id, e.Type, e.Name, e.Linked)
		return err
	}
	for _, m := range d.Mentions {
		if m.EntityID == raw {
			if name := strings.Join(strings.Fields(d.Slice(m.Span)), " "); name != "" {
				typ := m.Type
				if typ == "" {
					typ = typeFromID(id)
				}
				_, err := b.node(d, id, typ, name, false)
				return err
			}
		}
	}
	_, err := b.node(d, id, typeFromID(id), "", false)
	return err
}

// tie counts one occurrence of a typed tie from src to tgt (both nodes).
func (b *Builder) tie(src, tgt, typ, label, date string, ev Evidence, kind string) error {
	e, err := b.g.edge(src, tgt)
	if err != nil {
		return err
	}
	t := e.tie(typ)
	t.Weight++
	if t.gen != b.gen {
		t.gen = b.gen
		t.Docs++
	}
	t.addLabel(label)
	t.addDate(date)
	t.addEvidence(ev, b.opts.MaxEvidence)
	if b.opts.Observations {
		t.Observations = append(t.Observations, Observation{Doc: ev.Doc, Date: date, Day: dayOf(date, b.published),
			Kind: kind, Label: label, Rule: ev.Rule, Sentence: ev.Sentence, seq: ev.seq, off: ev.off})
	}
	return b.g.syncWeight(e)
}

func (b *Builder) addEvents(d *pipeline.Document, published string, gid func(string) string) error {
	for _, ev := range d.Events {
		if ev.ID == "" {
			continue
		}
		id := string(entity.New(entity.KindEvent, d.ID+"/"+ev.ID))
		date := normDate(ev.Date)
		name := ev.Kind
		if name == "" {
			name = "event"
		}
		if date != "" {
			name += " " + date
		}
		n, err := b.g.addNode(&Node{ID: id, Kind: KindEvent, Type: EventType, Name: name, Date: date, CAMEO: ev.CAMEO})
		if err != nil {
			return err
		}
		if n.gen != b.gen {
			n.gen = b.gen
			n.Docs++
		}
		n.Mentions++
		if date == "" {
			date = published
		}
		evd := Evidence{Doc: d.ID, Sentence: sentence(d, ev.Evidence), Date: date, seq: d.Seq, off: ev.Evidence.Start}
		for _, p := range ev.Participants {
			if p.Entity == "" {
				continue
			}
			pid := gid(p.Entity)
			if err := b.endpoint(d, p.Entity, pid); err != nil {
				return err
			}
			if err := b.tie(pid, id, ParticipatesIn, p.Role, date, evd, ev.Kind); err != nil {
				return err
			}
		}
		if ev.Location != "" {
			loc := gid(ev.Location)
			if err := b.endpoint(d, ev.Location, loc); err != nil {
				return err
			}
			if err := b.tie(id, loc, OccursIn, "", date, evd, ev.Kind); err != nil {
				return err
			}
		}
	}
	return nil
}

// relationKind is the kind of the first event r cites that d holds, or "".
func relationKind(d *pipeline.Document, r pipeline.Relation) string {
	for _, id := range r.Events {
		for i := range d.Events {
			if d.Events[i].ID == id {
				return d.Events[i].Kind
			}
		}
	}
	return ""
}

// sentence returns the evidence text for s widened to the sentences it
// touches (a relation's evidence may be a clause), whitespace collapsed and
// capped at maxSentence bytes on a rune boundary.
func sentence(d *pipeline.Document, s pipeline.Span) string {
	if s.End > s.Start {
		if i := d.SentenceAt(s.Start); i >= 0 {
			s.Start = min(s.Start, d.Sentences[i].Start)
		}
		if j := d.SentenceAt(s.End - 1); j >= 0 {
			s.End = max(s.End, d.Sentences[j].End)
		}
	}
	txt := strings.Join(strings.Fields(d.Slice(s)), " ")
	if len(txt) > maxSentence {
		cut := maxSentence
		for cut > 0 && !utf8.RuneStart(txt[cut]) {
			cut--
		}
		txt = txt[:cut] + "…"
	}
	return txt
}

// normDate keeps normalized date values (YYYY, YYYY-MM, YYYY-MM-DD, or a
// START/END range of those) and returns "" for anything else.
func normDate(v string) string {
	if v == "" {
		return ""
	}
	if i := strings.IndexByte(v, '/'); i >= 0 {
		if isDate(v[:i]) && isDate(v[i+1:]) {
			return v
		}
		return ""
	}
	if isDate(v) {
		return v
	}
	if len(v) > 10 && isDate(v[:10]) && v[10] == 'T' {
		return v[:10]
	}
	return ""
}

func isDate(v string) bool {
	switch len(v) {
	case 4, 7, 10:
	default:
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if i == 4 || i == 7 {
			if c != '-' {
				return false
			}
			continue
		}
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// typeFromID is the entity type an id's kind implies (entity.ID.Type),
// else its kind in capitals ("vessel:x" is a VESSEL), "" without a kind.
func typeFromID(id string) string {
	if t := entity.ID(id).Type(); t != "" {
		return t
	}
	return strings.ToUpper(entity.ID(id).Kind())
}

// nameFromID turns "person:andrei-akulov" into "Andrei Akulov" for
// endpoints that neither the document's entities nor its mentions name.
func nameFromID(id string) string {
	rest := entity.ID(id).Key()
	if entity.ID(id).Kind() == "" || rest == "" {
		return id
	}
	words := strings.Fields(strings.ReplaceAll(rest, "-", " "))
	for i, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[size:]
	}
	return strings.Join(words, " ")
}
