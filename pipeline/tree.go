package pipeline

import (
	"sort"
	"strings"
)

// SentenceTokens returns the range [lo, hi) of Tokens whose start lies in
// sentence s (tokens are in text order). It is empty when s is out of
// range or has no tokens.
func (d *Document) SentenceTokens(s int) (lo, hi int) {
	if s < 0 || s >= len(d.Sentences) {
		return 0, 0
	}
	sp := d.Sentences[s].Span
	lo = sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].Start >= sp.Start })
	hi = sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].Start >= sp.End })
	return lo, max(lo, hi)
}

// Parsed reports whether the token's sentence was parsed (Dep is set).
func (t *Token) Parsed() bool { return t.Dep != "" }

// Rel returns the universal part of Dep: "nsubj" for "nsubj:pass".
func (t *Token) Rel() string { return UniversalRel(t.Dep) }

// UniversalRel returns a relation without its subtype ("obl" for "obl:tmod").
func UniversalRel(dep string) string {
	if i := strings.IndexByte(dep, ':'); i >= 0 {
		return dep[:i]
	}
	return dep
}

// RelMatches reports whether dep matches rel: exactly, or by its universal
// part when rel has no subtype ("nsubj" matches "nsubj" and "nsubj:pass";
// "nsubj:pass" matches only itself).
func RelMatches(dep, rel string) bool {
	if dep == rel {
		return true
	}
	return strings.IndexByte(rel, ':') < 0 && len(dep) > len(rel) && dep[len(rel)] == ':' && dep[:len(rel)] == rel
}

// Tree is a read-only index of the dependency trees of a document's parsed
// sentences (the parse stage's Head and Dep), built once in O(tokens) by
// NewTree. Token indexes are indexes into Document.Tokens; tokens of
// unparsed sentences have no head and no children. A Tree must be rebuilt
// if the tokens change.
type Tree struct {
	toks []Token
	// kids[first[i]:first[i+1]] are the children of token i, in text order.
	first []int32
	kids  []int
	roots []int
}

// NewTree indexes d's parsed tokens.
func NewTree(d *Document) *Tree {
	n := len(d.Tokens)
	t := &Tree{toks: d.Tokens, first: make([]int32, n+1)}
	for i := range d.Tokens {
		if h := t.Head(i); h >= 0 {
			t.first[h+1]++
		} else if d.Tokens[i].Parsed() {
			t.roots = append(t.roots, i)
		}
	}
	for i := 0; i < n; i++ {
		t.first[i+1] += t.first[i]
	}
	t.kids = make([]int, t.first[n])
	fill := make([]int32, n)
	copy(fill, t.first[:n])
	for i := range d.Tokens {
		if h := t.Head(i); h >= 0 {
			t.kids[fill[h]] = i
			fill[h]++
		}
	}
	return t
}

// Head returns the index of token i's head, or -1 for a sentence root, an
// unparsed token or an index out of range.
func (t *Tree) Head(i int) int {
	if i < 0 || i >= len(t.toks) || !t.toks[i].Parsed() {
		return -1
	}
	h := t.toks[i].Head
	if h < 0 || h >= len(t.toks) || h == i {
		return -1
	}
	return h
}

// Dep returns token i's relation, "" when unparsed or out of range.
func (t *Tree) Dep(i int) string {
	if i < 0 || i >= len(t.toks) {
		return ""
	}
	return t.toks[i].Dep
}

// Roots returns the root token of every parsed sentence, in text order.
func (t *Tree) Roots() []int { return t.roots }

// Children returns token i's dependents in text order (do not modify the
// slice).
func (t *Tree) Children(i int) []int {
	if i < 0 || i >= len(t.toks) {
		return nil
	}
	return t.kids[t.first[i]:t.first[i+1]]
}

// Dependents returns token i's dependents whose relation matches one of
// rels (see RelMatches), in text order.
func (t *Tree) Dependents(i int, rels ...string) []int {
	var out []int
	for _, c := range t.Children(i) {
		for _, r := range rels {
			if RelMatches(t.toks[c].Dep, r) {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// Dependent returns token i's first dependent whose relation matches one of
// rels, or -1.
func (t *Tree) Dependent(i int, rels ...string) int {
	for _, c := range t.Children(i) {
		for _, r := range rels {
			if RelMatches(t.toks[c].Dep, r) {
				return c
			}
		}
	}
	return -1
}

// Conjuncts returns the tokens coordinated with token i through conj,
// i first: for "Russia, Turkey and Iran" with i at Russia, all three.
func (t *Tree) Conjuncts(i int) []int {
	first := i
	for t.Head(first) >= 0 && RelMatches(t.Dep(first), "conj") {
		first = t.Head(first)
	}
	out := []int{first}
	for k := 0; k < len(out); k++ {
		out = append(out, t.Dependents(out[k], "conj")...)
	}
	return out
}

// Ancestors returns the heads above token i, nearest first, up to the
// sentence root.
func (t *Tree) Ancestors(i int) []int {
	var out []int
	for h := t.Head(i); h >= 0 && len(out) < len(t.toks); h = t.Head(h) {
		out = append(out, h)
	}
	return out
}

// Dominates reports whether token a is token i or one of its ancestors.
func (t *Tree) Dominates(a, i int) bool {
	for n := 0; i >= 0 && n <= len(t.toks); n++ {
		if i == a {
			return true
		}
		i = t.Head(i)
	}
	return false
}

// Subtree returns the range [lo, hi) of token indexes spanned by token i
// and its descendants (for a non-projective tree, the range may include
// tokens outside the subtree).
func (t *Tree) Subtree(i int) (lo, hi int) {
	if i < 0 || i >= len(t.toks) {
		return 0, 0
	}
	lo, hi = i, i+1
	stack := []int{i}
	for len(stack) > 0 && len(stack) <= len(t.toks) {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, c := range t.Children(n) {
			lo, hi = min(lo, c), max(hi, c+1)
			stack = append(stack, c)
		}
	}
	return lo, hi
}

// SubtreeSpan returns the text span of token i's subtree.
func (t *Tree) SubtreeSpan(i int) Span {
	lo, hi := t.Subtree(i)
	if lo >= hi {
		return Span{}
	}
	return Span{Start: t.toks[lo].Start, End: t.toks[hi-1].End}
}

// Path returns the tokens from a up to the lowest common ancestor of a and
// b and down to b, both ends included; nil when they are in different
// sentences (or unparsed).
func (t *Tree) Path(a, b int) []int {
	up := append([]int{a}, t.Ancestors(a)...)
	pos := make(map[int]int, len(up))
	for k, x := range up {
		pos[x] = k
	}
	var down []int
	for x := b; x >= 0; x = t.Head(x) {
		if k, ok := pos[x]; ok {
			out := append([]int(nil), up[:k+1]...)
			for j := len(down) - 1; j >= 0; j-- {
				out = append(out, down[j])
			}
			return out
		}
		down = append(down, x)
		if len(down) > len(t.toks) {
			break
		}
	}
	return nil
}

// TokenRange returns the range [lo, hi) of Tokens that overlap span s (a
// mention, say); empty when none does.
func (d *Document) TokenRange(s Span) (lo, hi int) {
	lo = sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].End > s.Start })
	hi = sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].Start >= s.End })
	return lo, max(lo, hi)
}

// SpanHead returns the syntactic head of tokens [lo, hi): the parsed token
// of the range whose head lies outside it (the nearest to the root when
// several do), or -1 when no token of the range is parsed. For the mention
// "Foreign Minister Sergey Lavrov" it is "Lavrov", whose relation then
// says what the mention is to the rest of the sentence (nsubj, obj, ...).
func (t *Tree) SpanHead(lo, hi int) int {
	best, bestDepth := -1, 0
	for i := max(lo, 0); i < hi && i < len(t.toks); i++ {
		if !t.toks[i].Parsed() {
			continue
		}
		if h := t.Head(i); h >= lo && h < hi {
			continue
		}
		if d := len(t.Ancestors(i)); best < 0 || d < bestDepth {
			best, bestDepth = i, d
		}
	}
	return best
}
