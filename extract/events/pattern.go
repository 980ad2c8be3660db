package events

import (
	"fmt"
	"sort"
	"strings"
)

// Pattern elements.
const (
	elWord   = iota // a word, a word sequence or a synonym set
	elSource        // $
	elTarget        // +
	elBoth          // %
	elSkip          // ^
)

// pelem is one compiled pattern element.
type pelem struct {
	typ int
	// alts are the word sequences the element matches (one for a word,
	// one per member for a synonym set); exact marks words that match
	// only themselves.
	alts  [][]pword
	adj   bool // directly follows the previous element (or the verb)
	inPP  bool // inside "( )": gaps only over noun-phrase words
	first bool // first element of its "( )" group
}

type pword struct {
	w     string
	exact bool
}

// pattern is one compiled verb pattern.
type pattern struct {
	verb    string  // base form the pattern is restricted to, "" for all
	upper   []pelem // before the verb, in text order
	lower   []pelem // after it
	adjVerb bool    // the first lower element directly follows the verb
	// upperAdj: the last upper element directly precedes the verb.
	upperAdj bool
	cameo    string
	reverse  string
	size     int // literal elements: longer patterns are tried first
	text     string
	order    int
}

// maxSynsetDepth bounds synonym sets nested in synonym sets.
const maxSynsetDepth = 4

// compilePatterns compiles a kind's patterns, longest first (file order
// among equals; verb-restricted defaults "*" after every longer pattern).
func compilePatterns(kind string, spec KindSpec, synsets map[string][]string, user bool) ([]*pattern, error) {
	var out []*pattern
	for i, ps := range spec.Patterns {
		for _, c := range []string{ps.CAMEO, ps.Reverse} {
			if c == "" || c == "---" {
				continue
			}
			if user && !validUserCode(c) || !user && !validCAMEO(c) {
				return nil, fmt.Errorf("kind %q: pattern %q: code %q is not valid (CAMEO code%s)", kind, ps.Match, c, userNote(user))
			}
		}
		if ps.CAMEO == "" && ps.Reverse == "" {
			return nil, fmt.Errorf("kind %q: pattern %q has no code", kind, ps.Match)
		}
		p, err := parsePattern(ps.Match, synsets)
		if err != nil {
			where := ""
			if ps.Line > 0 {
				where = fmt.Sprintf(" (line %d)", ps.Line)
			}
			return nil, fmt.Errorf("kind %q: pattern %q%s: %w", kind, ps.Match, where, err)
		}
		p.verb = strings.ToLower(strings.TrimSpace(ps.Verb))
		p.cameo, p.reverse, p.order = ps.CAMEO, ps.Reverse, i
		out = append(out, p)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].size > out[j].size })
	return out, nil
}

// parsePattern compiles the text of one pattern.
func parsePattern(s string, synsets map[string][]string) (*pattern, error) {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "-"))
	for _, b := range []string{"(", ")", "{", "}"} {
		s = strings.ReplaceAll(s, b, " "+b+" ")
	}
	p := &pattern{text: s}
	seenVerb := false
	inParen, inBrace, braceFirst := false, false, false
	parenFirst := false
	var els []pelem
	verbAt := -1
	for _, f := range strings.Fields(s) {
		switch f {
		case "(":
			inParen, parenFirst = true, true
			continue
		case ")":
			inParen = false
			continue
		case "{":
			inBrace, braceFirst = true, true
			continue
		case "}":
			inBrace = false
			continue
		}
		parts := strings.Split(f, "_")
		for k, part := range parts {
			if part == "" {
				// A trailing "_" stops stemming of the word before it.
				if k > 0 && len(els) > 0 {
					e := &els[len(els)-1]
					if e.typ == elWord && len(e.alts) == 1 {
						e.alts[0][len(e.alts[0])-1].exact = true
					}
				}
				continue
			}
			adj := k > 0 && parts[k-1] != "" || inBrace && !braceFirst
			if part == "*" {
				if seenVerb {
					return nil, fmt.Errorf("two verb markers")
				}
				seenVerb = true
				verbAt = len(els)
				if adj {
					p.upperAdj = true
				}
				if k+1 < len(parts) && parts[k+1] != "" {
					p.adjVerb = true
				}
				continue
			}
			e := pelem{adj: adj && !(verbAt == len(els) && seenVerb), inPP: inParen, first: inParen && parenFirst}
			parenFirst = false
			braceFirst = false
			switch {
			case part == "$":
				e.typ = elSource
			case part == "+":
				e.typ = elTarget
			case part == "%":
				e.typ = elBoth
			case part == "^":
				e.typ = elSkip
			case strings.HasPrefix(part, "&"):
				alts, err := expandSynset(strings.ToUpper(part[1:]), synsets, 0)
				if err != nil {
					return nil, err
				}
				e.alts = alts
			default:
				e.alts = [][]pword{{{w: strings.ToLower(part)}}}
			}
			if e.typ == elWord {
				p.size++
			} else if e.typ != elSkip {
				p.size++
			}
			els = append(els, e)
		}
	}
	if !seenVerb {
		return nil, fmt.Errorf("no verb marker *")
	}
	p.upper, p.lower = els[:verbAt], els[verbAt:]
	if len(p.lower) > 0 && p.adjVerb {
		p.lower[0].adj = true
	}
	return p, nil
}

// expandSynset returns the word sequences of synonym set name.
func expandSynset(name string, synsets map[string][]string, depth int) ([][]pword, error) {
	members, ok := synsets[name]
	if !ok {
		return nil, fmt.Errorf("unknown synonym set &%s", name)
	}
	if depth > maxSynsetDepth {
		return nil, fmt.Errorf("synonym set &%s nests too deep", name)
	}
	var out [][]pword
	for _, m := range members {
		m = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(m), "+"))
		if strings.HasPrefix(m, "&") {
			sub, err := expandSynset(strings.ToUpper(m[1:]), synsets, depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, sub...)
			continue
		}
		if seq := wordSeq(m); len(seq) > 0 {
			out = append(out, seq)
		}
	}
	return out, nil
}

// wordSeq splits a dictionary phrase ("IS_TO", "AUSTRIAN FLORIN", "CASH_")
// into words; a trailing "_" makes the last word exact.
func wordSeq(m string) []pword {
	exactLast := strings.HasSuffix(m, "_")
	var seq []pword
	for _, w := range strings.FieldsFunc(strings.ToLower(m), func(r rune) bool { return r == '_' || r == ' ' || r == '\t' }) {
		seq = append(seq, pword{w: w})
	}
	if exactLast && len(seq) > 0 {
		seq[len(seq)-1].exact = true
	}
	return seq
}

// wordMatches reports whether token tok matches dictionary word w: itself,
// a regular plural, or (unless exact, five letters or more) a longer word
// it starts.
func wordMatches(tok string, w pword) bool {
	if tok == w.w {
		return true
	}
	if w.exact {
		return false
	}
	if tok == w.w+"s" || tok == w.w+"es" || strings.HasSuffix(w.w, "y") && tok == w.w[:len(w.w)-1]+"ies" {
		return true
	}
	return len(w.w) >= 5 && strings.HasPrefix(tok, w.w)
}

// patternScope is where a pattern is matched: tokens [lo, v) before the
// verb v and [v+1, hi) after it, with the words and mentions of the
// document view.
type patternScope struct {
	x         *docView
	lo, v, hi int
}

// patternMatch is the result of matching one pattern.
type patternMatch struct {
	p              *pattern
	source, target int // token of a $ / + element, -1
	both           bool
	// object is the token after a preposition or particle the pattern
	// ends with ("call on", "(TO)"), -1: its object is the target.
	object int
}

// matchPatterns returns the first of ps (longest first) that matches
// around verb form base, or nil.
func (sc patternScope) matchPatterns(ps []*pattern, base string) *patternMatch {
	for _, p := range ps {
		if p.verb != "" && p.verb != base {
			continue
		}
		if m, ok := sc.match(p); ok {
			return m
		}
	}
	return nil
}

func (sc patternScope) match(p *pattern) (*patternMatch, bool) {
	m := &patternMatch{p: p, source: -1, target: -1, object: -1}
	// Lower part, left to right from the verb.
	pos := sc.v + 1
	for k, e := range p.lower {
		adj := e.adj || k == 0 && p.adjVerb
		end, at, ok := sc.findForward(e, pos, adj, k > 0 && e.inPP && !e.first)
		if !ok {
			return nil, false
		}
		sc.record(m, e, at)
		pos = end
		if k == len(p.lower)-1 && e.typ == elWord && end == at+1 {
			switch sc.x.tag(at) {
			case "IN", "TO", "RP":
				m.object = end
			}
		}
	}
	// Upper part, right to left from the verb.
	pos = sc.v // exclusive end
	for k := len(p.upper) - 1; k >= 0; k-- {
		e := p.upper[k]
		adj := k == len(p.upper)-1 && p.upperAdj || k+1 < len(p.upper) && p.upper[k+1].adj
		start, at, ok := sc.findBackward(e, pos, adj)
		if !ok {
			return nil, false
		}
		sc.record(m, e, at)
		pos = start
	}
	return m, true
}

func (sc patternScope) record(m *patternMatch, e pelem, at int) {
	switch e.typ {
	case elSource:
		m.source = at
	case elTarget:
		m.target = at
	case elBoth:
		m.source, m.both = at, true
	}
}

// findForward finds element e at or after pos (exactly at pos when adj);
// it returns the position after the match and where it starts.
func (sc patternScope) findForward(e pelem, pos int, adj, npGap bool) (int, int, bool) {
	if e.typ == elSkip {
		return pos, pos, true
	}
	for i := pos; i < sc.hi; i++ {
		if end, ok := sc.elemAt(e, i); ok {
			return end, i, true
		}
		if adj {
			break
		}
		if npGap && !(isNPTag(sc.x.tag(i)) || sc.x.argAt[i] >= 0) {
			break
		}
	}
	return 0, 0, false
}

// findBackward finds element e ending before end (right before it when
// adj); it returns where the match starts.
func (sc patternScope) findBackward(e pelem, end int, adj bool) (int, int, bool) {
	if e.typ == elSkip {
		return end, end, true
	}
	for j := end - 1; j >= sc.lo; j-- {
		// Try every start whose match ends at j.
		for i := j; i >= sc.lo && i >= j-4; i-- {
			if stop, ok := sc.elemAt(e, i); ok && stop == j+1 {
				return i, i, true
			}
		}
		if adj {
			break
		}
	}
	return 0, 0, false
}

// elemAt matches element e starting at token i and returns the end.
func (sc patternScope) elemAt(e pelem, i int) (int, bool) {
	x := sc.x
	switch e.typ {
	case elSource, elTarget, elBoth:
		if k := x.argAt[i]; k >= 0 {
			return x.args[k].b, true
		}
		t := x.tag(i)
		if strings.HasPrefix(t, "NN") || t == "PRP" {
			return i + 1, true
		}
		return 0, false
	}
	best := -1
	for _, seq := range e.alts {
		if i+len(seq) > sc.hi && i+len(seq) > sc.v {
			continue
		}
		ok := true
		for k, w := range seq {
			if i+k >= len(x.low) || !wordMatches(x.low[i+k], w) {
				ok = false
				break
			}
		}
		if ok && i+len(seq) > best {
			best = i + len(seq)
		}
	}
	return best, best >= 0
}
