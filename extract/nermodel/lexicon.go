package nermodel

import (
	"fmt"
	"hash/fnv"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/entente-nlp/entente/gazetteer"
)

// Lexicon is what the tagger's lexicon features read from a gazetteer:
// which spans of the text are known names, of which kinds of entry, and
// which words are given names. It must be safe for concurrent use.
type Lexicon interface {
	// Match returns the known names in text, leftmost-longest and not
	// overlapping, as byte spans with the kinds of the entries they may
	// name (country, city, org, person, region, ...).
	Match(text string) []LexiconMatch
	// IsGivenName reports whether word is a common given name.
	IsGivenName(word string) bool
}

// LexiconMatch is one known name found by a Lexicon.
type LexiconMatch struct {
	Start, End int
	// Kinds are the kinds of the candidate entries, best first.
	Kinds []string
	// Form is how the text names the entry: name, alias, demonym, acronym.
	Form string
}

// GazetteerLexicon adapts a gazetteer to Lexicon: an entry's kind is its
// id's prefix ("city" for city:aleppo).
type GazetteerLexicon struct{ G *gazetteer.Gazetteer }

var _ Lexicon = GazetteerLexicon{}

// Match returns the gazetteer's matches with the kinds of their entries.
func (l GazetteerLexicon) Match(text string) []LexiconMatch {
	ms := l.G.Match(text)
	out := make([]LexiconMatch, 0, len(ms))
	for _, m := range ms {
		out = append(out, LexiconMatch{Start: m.Start, End: m.End, Form: m.Form, Kinds: KindsOf(m.IDs)})
	}
	return out
}

// KindsOf returns the distinct kinds of gazetteer ids ("city" for
// city:aleppo), in order of first appearance: a gazetteer match's
// LexiconMatch.Kinds.
func KindsOf(ids []string) []string {
	var kinds []string
	for _, id := range ids {
		kind, _, _ := strings.Cut(id, ":")
		if !slices.Contains(kinds, kind) {
			kinds = append(kinds, kind)
		}
	}
	return kinds
}

// Describe names the gazetteer's data for a model's Meta: its entry count
// and a fingerprint of every entry's id and names, so that a model can be
// matched with the gazetteer it was trained with (the lexicon features
// change when the data does; retrain then).
func (l GazetteerLexicon) Describe() string {
	h := fnv.New64a()
	es := l.G.Entries()
	for _, e := range es {
		io.WriteString(h, e.ID)
		for _, a := range e.AllNames() {
			io.WriteString(h, "\x00"+a.Text+"\x00"+a.Form)
		}
		io.WriteString(h, "\n")
	}
	return fmt.Sprintf("gazetteer: %d entries, fingerprint %016x", len(es), h.Sum64())
}

// IsGivenName asks the gazetteer's given-name list.
func (l GazetteerLexicon) IsGivenName(word string) bool { return l.G.IsGivenName(word) }

// DefaultLexicon is the embedded gazetteer as a Lexicon, the one the
// shipped model was trained with.
func DefaultLexicon() (Lexicon, error) {
	g, err := gazetteer.Default()
	if err != nil {
		return nil, fmt.Errorf("nermodel: lexicon: %w", err)
	}
	return GazetteerLexicon{G: g}, nil
}

// WithLexicon returns a copy of the model that computes its lexicon
// features with l (nil: none). The copy shares the weights; both stay
// read-only. A model trained with a lexicon works without one, less well.
func (m *Model) WithLexicon(l Lexicon) *Model {
	c := *m
	c.lex = l
	return &c
}

// Lexicon returns the lexicon the model's features read (nil when none).
func (m *Model) Lexicon() Lexicon { return m.lex }

// lexiconViews sets the lexicon facts of each token: its position in a
// known name (B, I, L or U for a one-token name) with the name's kinds and
// form. (featurize sets whether it is a given name, once per distinct word.)
func lexiconViews(lex Lexicon, text string, views []tokenView, tokens []tokenSpan, ms []LexiconMatch, matched bool) {
	if lex == nil {
		return
	}
	if !matched {
		ms = lex.Match(text)
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	k := 0
	for i := range views {
		t := tokens[i]
		for k < len(ms) && ms[k].End <= t.start {
			k++
		}
		v := &views[i]
		if k < len(ms) && ms[k].Start <= t.start && t.end <= ms[k].End && t.start < t.end {
			m := &ms[k]
			switch {
			case t.start == m.Start && t.end == m.End:
				v.gazPos = 'U'
			case t.start == m.Start:
				v.gazPos = 'B'
			case t.end == m.End:
				v.gazPos = 'L'
			default:
				v.gazPos = 'I'
			}
			v.gazKinds = m.Kinds
			v.gazForm = m.Form
		}
	}
}
