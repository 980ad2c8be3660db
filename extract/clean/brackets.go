package clean

// Finding a link's closing bracket by scanning from its opening one costs
// O(n) per bracket, so a line of 100,000 "[" took O(n²) (seconds). The
// parser instead pairs every bracket of a stretch of text in one pass and
// remembers the pairs.

// bracketKey names one pass: the end of the stretch scanned and the kind
// of bracket.
type bracketKey struct {
	e    int
	open byte
}

// closing returns matching(p.src, i, e, open, close), from the pairs found
// by an earlier pass over the same stretch when i was on that pass's path,
// else by a new pass from i that records the pairs of every bracket after
// it. Each pass is linear; a stretch is scanned again only from a position
// the earlier pass did not reach as a token boundary.
func (p *mdParser) closing(i, e int, open, close byte) int {
	if i >= e || p.src[i] != open {
		return matching(p.src, i, e, open, close)
	}
	k := bracketKey{e, open}
	if pairs, ok := p.pairs[k]; ok {
		if c, ok := pairs[i]; ok {
			return c
		}
	}
	if p.pairs == nil {
		p.pairs = map[bracketKey]map[int]int{}
	}
	pairs := p.pairs[k]
	if pairs == nil {
		pairs = map[int]int{}
		p.pairs[k] = pairs
	}
	pairBrackets(p.src, i, e, open, close, pairs)
	return pairs[i]
}

// pairBrackets scans src[i:e] as matching does (escapes, code spans,
// nesting) and records in pairs, for every opening bracket it meets, the
// index of its closing bracket, or -1 when it has none before e.
func pairBrackets(src []byte, i, e int, open, close byte, pairs map[int]int) {
	var stack []int
	for k := i; k < e; k++ {
		switch src[k] {
		case '\\':
			k++
		case '`':
			n := runLen(src, k, e, '`')
			if cl := closingRun(src, k+n, e, '`', n); cl >= 0 {
				k = cl + n - 1
			} else {
				k += n - 1
			}
		case open:
			stack = append(stack, k)
		case close:
			if len(stack) > 0 {
				pairs[stack[len(stack)-1]] = k
				stack = stack[:len(stack)-1]
			}
		}
	}
	for _, o := range stack {
		pairs[o] = -1
	}
}
