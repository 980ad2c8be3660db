package gazetteer

import (
	"fmt"
	"github.com/entente-nlp/entente/internal/textnorm"
	"sort"
	"strings"
	"sync"
)

// Gazetteer is a read-only set of entries with a name matcher and lookup
// indexes. It is safe for concurrent use.
type Gazetteer struct {
	entries []*Entry          // in load order; index = payload entry
	byID    map[string]*Entry // id → entry
	index   map[string]int32  // id → position in entries
	m       *matcher
	names   map[string][]nameRef // folded name → entries (Lookup)
	fuzzy   fuzzyIndex           // keys of names by first byte, words, length
	acros   map[string][]int32   // folded acronym of multi-word names → entries
	given   map[string]bool      // folded given names
	holders map[string][]int32   // folded title + "|" + of → people who held it
	nodes   int
	aliases int
}

// nameRef is one entry carrying a folded name, with the original text and
// form of that name.
type nameRef struct {
	entry int32
	text  string
	form  string
}

var (
	defaultOnce sync.Once
	defaultG    *Gazetteer
	defaultErr  error
)

// Default returns the gazetteer built from the embedded data. It is built
// once per process; later calls return the same value.
func Default() (*Gazetteer, error) {
	defaultOnce.Do(func() {
		defaultG, defaultErr = buildDefault()
	})
	return defaultG, defaultErr
}

// buildDefault reads the embedded data set.
func buildDefault() (*Gazetteer, error) {
	set, err := loadEmbedded()
	if err != nil {
		return nil, fmt.Errorf("gazetteer: embedded data: %w", err)
	}
	return set.build()
}

// Load returns a gazetteer made of the embedded data plus the entries of the
// given YAML (.yaml, .yml) or CSV (.csv) files, applied in order: an entry
// whose id already exists is merged into it (see docs/gazetteer.md), with
// `replace: true` it replaces it and with `remove: true` it is removed.
// With no files it returns Default().
func Load(files ...string) (*Gazetteer, error) {
	if len(files) == 0 {
		return Default()
	}
	set, err := loadEmbedded()
	if err != nil {
		return nil, fmt.Errorf("gazetteer: embedded data: %w", err)
	}
	for _, f := range files {
		if err := set.loadFile(f); err != nil {
			return nil, err
		}
	}
	return set.build()
}

// Get returns the entry with the given id.
func (g *Gazetteer) Get(id string) (*Entry, bool) {
	e, ok := g.byID[id]
	return e, ok
}

// Entries returns every entry, sorted by id. The entries are shared.
func (g *Gazetteer) Entries() []*Entry {
	out := append([]*Entry(nil), g.entries...)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// idOf returns the id of the entry at index i.
func (g *Gazetteer) idOf(i int32) string { return g.entries[i].ID }

// IsGivenName reports whether word (any case, with or without diacritics)
// is a common given name ("Sergey", "Mevlüt", "John").
func (g *Gazetteer) IsGivenName(word string) bool {
	return g.given[textnorm.Fold(word)]
}

// RoleOn returns the offices person personID held on date ("2016-12-20";
// "2016-12" and "2016" also work). A role with no From started before any
// date and one with no To is still held. Dates compare as far as both are
// precise.
func (g *Gazetteer) RoleOn(personID, date string) []Role {
	e, ok := g.byID[personID]
	if !ok {
		return nil
	}
	var out []Role
	for _, r := range e.Roles {
		if r.From != "" && cmpDate(date, r.From) < 0 {
			continue
		}
		if r.To != "" && cmpDate(date, r.To) > 0 {
			continue
		}
		out = append(out, r)
	}
	return out
}

// HoldersOn returns the people who held office title (as normalized in the
// data: "Foreign Minister", "President") for of (an id, "country:TR", or a
// country code, "TR") on date, in data order. It answers "his Turkish
// counterpart" for a foreign minister: HoldersOn("Foreign Minister", "TR",
// "2016-12-20") gives Mevlut Cavusoglu. Titles compare folded.
func (g *Gazetteer) HoldersOn(title, of, date string) []*Entry {
	of = toID(of)
	var out []*Entry
	for _, i := range g.holders[textnorm.Fold(title)+"|"+of] {
		e := g.entries[i]
		for _, r := range e.Roles {
			if r.Of == of && textnorm.Fold(r.Title) == textnorm.Fold(title) && (r.From == "" || cmpDate(date, r.From) >= 0) && (r.To == "" || cmpDate(date, r.To) <= 0) {
				out = append(out, e)
				break
			}
		}
	}
	return out
}

// LastRole returns the office personID held on date or, when none, the one
// that ended most recently before it (a person killed or dismissed just
// before an article is still named by the office): the latest-starting of
// the roles held on date, else the latest-ending of those that ended.
func (g *Gazetteer) LastRole(personID, date string) (Role, bool) {
	if on := g.RoleOn(personID, date); len(on) > 0 {
		best := on[0]
		for _, r := range on[1:] {
			if r.From > best.From {
				best = r
			}
		}
		return best, true
	}
	e, ok := g.byID[personID]
	if !ok {
		return Role{}, false
	}
	var best Role
	found := false
	for _, r := range e.Roles {
		if r.To != "" && cmpDate(r.To, date) < 0 && (!found || r.To > best.To) {
			best, found = r, true
		}
	}
	return best, found
}

// cmpDate compares two ISO dates of possibly different precision on their
// common prefix: "2016" equals "2016-12-20".
func cmpDate(a, b string) int {
	n := min(len(a), len(b))
	return strings.Compare(a[:n], b[:n])
}

// Stats counts entries per kind and reports the size of the indexes:
// "country", "org", "person", "city", "region", "entries", "aliases" (names
// in the matcher), "roles", "given_names" and "trie_nodes".
func (g *Gazetteer) Stats() map[string]int {
	s := map[string]int{}
	for _, e := range g.entries {
		s[e.Kind]++
		s["roles"] += len(e.Roles)
	}
	s["entries"] = len(g.entries)
	s["aliases"] = g.aliases
	s["given_names"] = len(g.given)
	s["trie_nodes"] = g.nodes
	s["dense_nodes"] = len(g.m.dense)
	return s
}

// CodeOn returns the CAMEO actor code of entry id on date (see
// Entry.CodeOn), "" when the entry is unknown or has none.
func (g *Gazetteer) CodeOn(id, date string) string {
	e, ok := g.byID[id]
	if !ok {
		return ""
	}
	return e.CodeOn(date)
}
