package gazetteer

import (
	"sort"
	"sync"
	"unicode"
	"unicode/utf8"
)

// payload is one alias ending at a trie node: the entry it names, the form
// of the alias and the case rules that a mention must satisfy.
type payload struct {
	entry int32
	form  string
	// exactCase: a short all-capitals alias ("US", "IS", "UN") or a short
	// acronym ("LeT") matches only text whose letters have the same case.
	exactCase bool
	// text is the alias as written, for exactCase.
	text string
	// caps has bit w set when word w of the alias starts with a capital: the
	// mention's word w must too, so "turkey", "china" and "Turkish armed
	// forces" do not match "Turkey", "China" and "Turkish Armed Forces".
	caps uint64
}

// terminal is the set of aliases that end at one trie node, best first,
// with the id list used when they all pass the case rules.
type terminal struct {
	payloads []payload
	ids      []string
}

// matcher is a byte trie over folded aliases, walked from every word start
// of a folded text. Node n's edges are labels[nodes[n].first:nodes[n+1].first]
// (sorted) leading to targets[...]; nodes[n].term indexes terms or is -1.
// Nodes with many edges also have a dense table, dense[nodes[n].dense].
type matcher struct {
	root    [256]int32
	nodes   []node
	labels  []byte
	targets []int32
	dense   [][256]int32
	terms   []terminal
}

// node is one trie node: its first edge, its terminal (-1 for none) and its
// dense table (-1 for none).
type node struct {
	first, term, dense int32
}

// denseMin is the number of edges from which a node gets a dense table.
const denseMin = 6

// trieBuilder accumulates aliases before the trie is flattened.
type trieBuilder struct {
	edges [][]edge
	term  []int32
	terms []terminal
}

type edge struct {
	label byte
	to    int32
}

func newTrieBuilder() *trieBuilder {
	return &trieBuilder{edges: [][]edge{nil}, term: []int32{-1}}
}

// add inserts folded key with payload p.
func (b *trieBuilder) add(key string, p payload) {
	n := int32(0)
	for i := 0; i < len(key); i++ {
		c := key[i]
		es := b.edges[n]
		k := sort.Search(len(es), func(j int) bool { return es[j].label >= c })
		if k < len(es) && es[k].label == c {
			n = es[k].to
			continue
		}
		next := int32(len(b.edges))
		b.edges = append(b.edges, nil)
		b.term = append(b.term, -1)
		es = append(es, edge{})
		copy(es[k+1:], es[k:])
		es[k] = edge{label: c, to: next}
		b.edges[n] = es
		n = next
	}
	if b.term[n] < 0 {
		b.term[n] = int32(len(b.terms))
		b.terms = append(b.terms, terminal{})
	}
	t := &b.terms[b.term[n]]
	t.payloads = append(t.payloads, p)
}

// build flattens the trie; rank orders the payloads of one terminal and ids
// gives the id of an entry index.
func (b *trieBuilder) build(less func(a, b payload) bool, id func(int32) string) *matcher {
	m := &matcher{terms: b.terms}
	m.nodes = make([]node, len(b.edges)+1)
	total := 0
	for i, es := range b.edges {
		m.nodes[i] = node{first: int32(total), term: b.term[i], dense: -1}
		total += len(es)
		if len(es) >= denseMin && i > 0 {
			var d [256]int32
			for k := range d {
				d[k] = -1
			}
			for _, e := range es {
				d[e.label] = e.to
			}
			m.nodes[i].dense = int32(len(m.dense))
			m.dense = append(m.dense, d)
		}
	}
	m.nodes[len(b.edges)] = node{first: int32(total), term: -1, dense: -1}
	m.labels = make([]byte, 0, total)
	m.targets = make([]int32, 0, total)
	for _, es := range b.edges {
		for _, e := range es {
			m.labels = append(m.labels, e.label)
			m.targets = append(m.targets, e.to)
		}
	}
	for i := range m.root {
		m.root[i] = -1
	}
	for _, e := range b.edges[0] {
		m.root[e.label] = e.to
	}
	for i := range m.terms {
		t := &m.terms[i]
		sort.SliceStable(t.payloads, func(x, y int) bool { return less(t.payloads[x], t.payloads[y]) })
		t.ids = idsOf(t.payloads, id, nil)
	}
	return m
}

// idsOf lists the distinct entry ids of ps (those allowed by keep, or all
// when keep is nil), in order.
func idsOf(ps []payload, id func(int32) string, keep func(payload) bool) []string {
	ids := make([]string, 0, len(ps))
outer:
	for _, p := range ps {
		if keep != nil && !keep(p) {
			continue
		}
		s := id(p.entry)
		for _, x := range ids {
			if x == s {
				continue outer
			}
		}
		ids = append(ids, s)
	}
	return ids
}

// child returns the node reached from n by byte c, or -1.
func (m *matcher) child(n int32, c byte) int32 {
	nd := &m.nodes[n]
	if nd.dense >= 0 {
		return m.dense[nd.dense][c]
	}
	lo, hi := nd.first, m.nodes[n+1].first
	for k := lo; k < hi; k++ {
		if m.labels[k] == c {
			return m.targets[k]
		}
	}
	return -1
}

// foldPool recycles folding buffers across Match calls.
var foldPool = sync.Pool{New: func() any { return new(folded) }}

// candidateEnd is a trie terminal reached during one walk.
type candidateEnd struct {
	term int32
	end  int // folded offset just past the alias
}

// Match returns every leftmost-longest, non-overlapping mention of a known
// name in text. Text is folded for case and diacritics; a mention starts and
// ends on word boundaries (a possessive "'s" is a boundary, so "Syria's"
// yields "Syria"); short all-capitals aliases (US, IS, UN) need upper-case
// text and names written with capitals do not match all-lower-case text.
// Start and End are byte offsets into text, on rune boundaries. The IDs
// slices may be shared between calls and must not be modified.
func (g *Gazetteer) Match(text string) []Match {
	f := foldPool.Get().(*folded)
	defer foldPool.Put(f)
	ft, _ := foldBytes(text, f, true)
	m := g.m
	out := make([]Match, 0, len(text)/128+4) // news has about one name per 50-150 bytes
	var cands [32]candidateEnd
	n := len(ft)
	for i := 0; i < n; {
		c := ft[i]
		if !isWordByte(c) || (i > 0 && isWordByte(ft[i-1])) {
			i++
			continue
		}
		nc := 0
		node := m.root[c]
		j := i + 1
		for node >= 0 {
			if t := m.nodes[node].term; t >= 0 && (j == n || !isWordByte(ft[j]) || !isWordByte(ft[j-1])) {
				if nc == len(cands) {
					copy(cands[:], cands[1:])
					nc--
				}
				cands[nc] = candidateEnd{term: t, end: j}
				nc++
			}
			if j == n {
				break
			}
			node = m.child(node, ft[j])
			j++
		}
		matched := false
		for k := nc - 1; k >= 0; k-- {
			if mt, ok := g.accept(text, f, i, cands[k]); ok {
				out = append(out, mt)
				i = cands[k].end
				matched = true
				break
			}
		}
		if !matched {
			for i < n && isWordByte(ft[i]) {
				i++
			}
		}
	}
	return out
}

// accept maps a candidate back to the original text and applies the case
// rules; it returns the match and whether any alias survived.
func (g *Gazetteer) accept(text string, f *folded, start int, c candidateEnd) (Match, bool) {
	s := f.origAt(start)
	p := f.origAt(c.end - 1)
	_, size := utf8.DecodeRuneInString(text[p:])
	e := p + size
	for e < len(text) {
		r, size := utf8.DecodeRuneInString(text[e:])
		if r < utf8.RuneSelf || !unicode.Is(unicode.Mn, r) {
			break
		}
		e += size
	}
	span := text[s:e]
	caps := capsOf(text, f, start, c.end)
	t := &g.m.terms[c.term]
	pass := func(p payload) bool {
		return p.caps&^caps == 0 && (!p.exactCase || sameCase(span, p.text))
	}
	all := true
	first := -1
	for k, p := range t.payloads {
		if pass(p) {
			if first < 0 {
				first = k
			}
		} else {
			all = false
		}
	}
	if first < 0 {
		return Match{}, false
	}
	ids := t.ids
	if !all {
		ids = idsOf(t.payloads, g.idOf, pass)
	}
	return Match{Start: s, End: e, Text: span, Form: t.payloads[first].form, IDs: ids}, true
}

// sameCase reports whether the letters of a and b, in order, have the same
// case ("US" and "US" yes, "Us" and "US" no).
func sameCase(a, b string) bool {
	next := func(s string, i int) (int, rune) {
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			if unicode.IsLetter(r) {
				return i, r
			}
		}
		return i, -1
	}
	i, j := 0, 0
	for {
		var ra, rb rune
		i, ra = next(a, i)
		j, rb = next(b, j)
		if ra < 0 || rb < 0 {
			return ra == rb
		}
		if unicode.IsUpper(ra) != unicode.IsUpper(rb) {
			return false
		}
	}
}

// capsOf returns a bit set of the words of folded span ft[start:end] whose
// first original rune is a capital letter (word w is bit w, up to 64).
func capsOf(text string, f *folded, start, end int) uint64 {
	ft := f.text
	var caps uint64
	w := 0
	for k := start; k < end && w < 64; k++ {
		if !isWordByte(ft[k]) || (k > start && isWordByte(ft[k-1])) {
			continue
		}
		o := f.origAt(k)
		if c := text[o]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				caps |= 1 << w
			}
		} else if r, _ := utf8.DecodeRuneInString(text[o:]); unicode.IsUpper(r) {
			caps |= 1 << w
		}
		w++
	}
	return caps
}

// aliasCase derives the case rules of an alias: exactCase for short
// all-capitals aliases (at most 4 letters), short acronyms (at most 5) and
// any capitalized alias of at most 3 letters ("Xi" is not "XI"), and the
// capitalized words.
func aliasCase(alias, form string) (exactCase bool, caps uint64) {
	letters := 0
	upper, lower := false, false
	w := -1
	inWord := false
	for _, r := range alias {
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if word && !inWord {
			w++
			if unicode.IsUpper(r) && w < 64 {
				caps |= 1 << w
			}
		}
		inWord = word
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper = true
			} else if unicode.IsLower(r) {
				lower = true
			}
		}
	}
	return (upper && !lower && letters <= 4) || (form == FormAcronym && upper && letters <= 5) || (upper && letters <= 3), caps
}
