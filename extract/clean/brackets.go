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

// bracketPairs holds the pairs found by passes over one stretch: close[k-base]
// is 0 when the bracket at k is unknown, 1 when it has no closing bracket
// before the stretch's end, and c+2 when it closes at c.
type bracketPairs struct {
	base  int
	close []int32
}

// closing returns matching(p.src, i, e, open, close), from the pairs found
// by an earlier pass over the same stretch when i was on that pass's path,
// else by a new pass from i that records the pairs of every bracket after
// it. Each pass is linear; a stretch is scanned again only from a position
// the earlier pass did not reach as a token boundary.
func (p *mdParser) closing(i, e int, open, close byte) int {
	if i >= e || p.src[i] != open || e-i > 1<<30 {
		return matching(p.src, i, e, open, close)
	}
	k := bracketKey{e, open}
	bp := p.pairs[k]
	if bp != nil && i >= bp.base {
		if c := bp.close[i-bp.base]; c != 0 {
			return int(c) - 2
		}
	}
	if p.pairs == nil {
		p.pairs = map[bracketKey]*bracketPairs{}
	}
	if bp == nil || i < bp.base {
		bp = &bracketPairs{base: i, close: make([]int32, e-i)}
		p.pairs[k] = bp
	}
	pairBrackets(p.src, i, e, open, close, bp)
	return int(bp.close[i-bp.base]) - 2
}

// pairBrackets scans src[i:e] as matching does (escapes, code spans,
// nesting) and records in bp, for every opening bracket it meets, the
// index of its closing bracket, or that it has none before e.
func pairBrackets(src []byte, i, e int, open, close byte, bp *bracketPairs) {
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
				bp.close[stack[len(stack)-1]-bp.base] = int32(k + 2)
				stack = stack[:len(stack)-1]
			}
		}
	}
	for _, o := range stack {
		bp.close[o-bp.base] = 1
	}
}
