package graph

import (
	"sort"

	"github.com/entente-nlp/entente/entity"
	"github.com/entente-nlp/entente/pipeline"
)

// Node kinds and the extra types and relation types used for events.
const (
	// KindEntity marks a node that is a reconciled entity.
	KindEntity = "entity"
	// KindEvent marks a node that is an event (Options.Events).
	KindEvent = "event"
	// EventType is the Type of event nodes.
	EventType = entity.Event
	// ParticipatesIn links a participant entity to an event; its label is
	// the participant role (actor, target, other).
	ParticipatesIn = "participates_in"
	// OccursIn links an event to the place where it happened.
	OccursIn = "occurs_in"
)

// RelationTypes lists the relation types the graph knows, in display order:
// the pipeline's relation types, then the event links.
var RelationTypes = []string{
	pipeline.CooperatesWith,
	pipeline.Opposes,
	pipeline.HoldsRole,
	pipeline.MemberOf,
	pipeline.AffiliatedWith,
	pipeline.LocatedIn,
	ParticipatesIn,
	OccursIn,
}

// Symmetric reports whether relation type t has no direction. Only
// cooperates_with is symmetric; a symmetric tie is stored once, on the edge
// from the smaller node id to the larger.
func Symmetric(t string) bool { return t == pipeline.CooperatesWith }

// Node is one vertex: a reconciled entity merged over every document that
// mentions it, or an event.
type Node struct {
	ID   string `json:"id"`
	Kind string `json:"kind"`
	// Type is the entity type (PERSON, COUNTRY, ORGANIZATION, LOCATION, ...)
	// or EVENT.
	Type string `json:"type"`
	Name string `json:"name"`
	// Aliases are the other names seen, sorted, at most MaxAliases.
	Aliases []string `json:"aliases,omitempty"`
	// Docs is the number of documents that mention the node.
	Docs int `json:"docs"`
	// Mentions is the number of mentions over all documents.
	Mentions int `json:"mentions"`
	// Linked is true when the id is a gazetteer entry.
	Linked bool `json:"linked,omitempty"`
	// Date is the event date (event nodes only).
	Date string `json:"date,omitempty"`
	// CAMEO is the event code (event nodes only).
	CAMEO string `json:"cameo,omitempty"`

	gen     int // last Builder generation that counted this node
	nameSeq int // Seq of the document the name came from
	// seen counts documents and mentions by publication day ("" when
	// undated), kept with Options.Observations for time frames.
	seen map[string]*dayCount
}

// dayCount is what a node saw on one publication day.
type dayCount struct{ docs, mentions int }

func (n *Node) see(day string, docs, mentions int) {
	if n.seen == nil {
		n.seen = map[string]*dayCount{}
	}
	c := n.seen[day]
	if c == nil {
		c = &dayCount{}
		n.seen[day] = c
	}
	c.docs += docs
	c.mentions += mentions
}

// MaxAliases caps Node.Aliases.
const MaxAliases = 16

func (n *Node) addAlias(a string) {
	if a == "" || a == n.Name {
		return
	}
	i := sort.SearchStrings(n.Aliases, a)
	if i < len(n.Aliases) && n.Aliases[i] == a {
		return
	}
	if len(n.Aliases) >= MaxAliases {
		if i >= MaxAliases {
			return // keep the smallest ones: order-independent
		}
		n.Aliases = n.Aliases[:MaxAliases-1]
	}
	n.Aliases = append(n.Aliases, "")
	copy(n.Aliases[i+1:], n.Aliases[i:])
	n.Aliases[i] = a
}

func (n *Node) removeAlias(a string) {
	i := sort.SearchStrings(n.Aliases, a)
	if i < len(n.Aliases) && n.Aliases[i] == a {
		n.Aliases = append(n.Aliases[:i], n.Aliases[i+1:]...)
	}
}

// Edge joins an ordered pair of nodes and holds every typed tie between
// them in that direction (symmetric ties live on the pair's edge from the
// smaller id to the larger).
type Edge struct {
	Source string `json:"source"`
	Target string `json:"target"`
	// Ties is sorted by relation type.
	Ties []*Tie `json:"ties"`
}

// Weight returns the occurrences of all ties on the edge.
func (e *Edge) Weight() int {
	w := 0
	for _, t := range e.Ties {
		w += t.Weight
	}
	return w
}

// Tie returns the tie of relation type typ, or nil.
func (e *Edge) Tie(typ string) *Tie {
	for _, t := range e.Ties {
		if t.Type == typ {
			return t
		}
	}
	return nil
}

func (e *Edge) tie(typ string) *Tie {
	i := sort.Search(len(e.Ties), func(i int) bool { return e.Ties[i].Type >= typ })
	if i < len(e.Ties) && e.Ties[i].Type == typ {
		return e.Ties[i]
	}
	t := &Tie{Type: typ, Directed: !Symmetric(typ)}
	e.Ties = append(e.Ties, nil)
	copy(e.Ties[i+1:], e.Ties[i:])
	e.Ties[i] = t
	return t
}

// Tie is one relation type between a pair of nodes, merged over documents.
type Tie struct {
	Type string `json:"type"`
	// Directed is false for symmetric types (cooperates_with).
	Directed bool `json:"directed"`
	// Labels are the qualifiers seen (the role for holds_role), most
	// frequent first, at most MaxLabels.
	Labels []LabelCount `json:"labels,omitempty"`
	// Weight is the number of occurrences (distinct relation mentions).
	Weight int `json:"weight"`
	// Docs is the number of documents with at least one occurrence.
	Docs int `json:"docs"`
	// FirstSeen and LastSeen bound the dates of the occurrences: the
	// relation's own date when known, else the document's publication
	// date. Empty when no occurrence had a date.
	FirstSeen string `json:"first_seen,omitempty"`
	LastSeen  string `json:"last_seen,omitempty"`
	// Evidence holds the earliest occurrences in input order (document
	// Seq, then offset), at most Options.MaxEvidence; Weight counts all.
	Evidence []Evidence `json:"evidence,omitempty"`
	// Observations are every occurrence with its date, in the order the
	// documents were added; kept only with Options.Observations (memory
	// then grows with the corpus). Time frames (Graph.InTime) and the
	// timeline read them.
	Observations []Observation `json:"-"`

	gen int
}

// Observation is one dated occurrence of a tie.
type Observation struct {
	// Doc is the document id.
	Doc string `json:"doc"`
	// Date is the occurrence date as normalized (the relation's or event's
	// date, else the publication date); "" when unknown.
	Date string `json:"date,omitempty"`
	// Day places the occurrence on one day (YYYY-MM-DD) for periods: Date
	// when it is a day, else the publication day when it lies within
	// Date, else Date's first day; "" when undated.
	Day string `json:"day,omitempty"`
	// Kind is the kind of the event behind the occurrence (the event of a
	// participates_in or occurs_in tie, or the first event a relation
	// cites); "" when none.
	Kind string `json:"kind,omitempty"`
	// Label is the occurrence's qualifier (the office for holds_role).
	Label string `json:"label,omitempty"`
	// Rule names the extraction rule.
	Rule string `json:"rule,omitempty"`
	// Sentence is the evidence sentence.
	Sentence string `json:"evidence,omitempty"`

	seq, off int
}

// Label returns the most frequent label, or "".
func (t *Tie) Label() string {
	if len(t.Labels) == 0 {
		return ""
	}
	return t.Labels[0].Label
}

// EvidenceOmitted returns how many occurrences have no stored evidence.
func (t *Tie) EvidenceOmitted() int { return t.Weight - len(t.Evidence) }

// LabelCount is a tie label and how many occurrences carried it.
type LabelCount struct {
	Label string `json:"label"`
	Count int    `json:"count"`
}

// MaxLabels caps Tie.Labels.
const MaxLabels = 8

func (t *Tie) addLabel(l string) {
	if l == "" {
		return
	}
	found := false
	for i := range t.Labels {
		if t.Labels[i].Label == l {
			t.Labels[i].Count++
			found = true
			break
		}
	}
	if !found {
		t.Labels = append(t.Labels, LabelCount{Label: l, Count: 1})
	}
	sort.SliceStable(t.Labels, func(i, j int) bool {
		if t.Labels[i].Count != t.Labels[j].Count {
			return t.Labels[i].Count > t.Labels[j].Count
		}
		return t.Labels[i].Label < t.Labels[j].Label
	})
	if len(t.Labels) > MaxLabels {
		t.Labels = t.Labels[:MaxLabels]
	}
}

// Evidence is one occurrence of a tie: where it was read.
type Evidence struct {
	// Doc is the document id.
	Doc string `json:"doc"`
	// Sentence is the evidence sentence, whitespace collapsed.
	Sentence string `json:"sentence"`
	// Date is the occurrence date (relation date or publication date).
	Date string `json:"date,omitempty"`
	// Rule names the extraction rule that produced the relation.
	Rule string `json:"rule,omitempty"`

	seq, off int
}

func (e Evidence) before(o Evidence) bool {
	if e.seq != o.seq {
		return e.seq < o.seq
	}
	if e.off != o.off {
		return e.off < o.off
	}
	return e.Doc < o.Doc
}

// addEvidence inserts ev in input order keeping at most max entries.
func (t *Tie) addEvidence(ev Evidence, max int) {
	if max <= 0 {
		return
	}
	i := sort.Search(len(t.Evidence), func(i int) bool { return ev.before(t.Evidence[i]) })
	if i >= max {
		return
	}
	if len(t.Evidence) >= max {
		t.Evidence = t.Evidence[:max-1]
	}
	t.Evidence = append(t.Evidence, Evidence{})
	copy(t.Evidence[i+1:], t.Evidence[i:])
	t.Evidence[i] = ev
}

// addDate widens [FirstSeen, LastSeen] with a normalized date value
// (YYYY, YYYY-MM, YYYY-MM-DD, or START/END). Values compare as strings, so
// a coarser date sorts before the finer dates it contains.
func (t *Tie) addDate(v string) {
	if v == "" {
		return
	}
	first, last := v, v
	for i := 0; i < len(v); i++ {
		if v[i] == '/' {
			first, last = v[:i], v[i+1:]
			break
		}
	}
	if first != "" && (t.FirstSeen == "" || first < t.FirstSeen) {
		t.FirstSeen = first
	}
	if last != "" && (t.LastSeen == "" || last > t.LastSeen) {
		t.LastSeen = last
	}
}
