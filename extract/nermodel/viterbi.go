package nermodel

import "math"

// negInf scores an impossible label: far below any sum of weights, and
// safe to add a few of without overflow.
const negInf = math.MinInt64 / 4

// transRows holds the transition scores: [prev+1][k] is the score of label
// k after label prev (-1, the start of a sequence, at row 0).
type transRows [numLabels + 1][numLabels]int64

// closedLabels are the labels after which an entity may begin (O, L-,
// U-); startLabels those that may follow them (O, B-, U-). Every other
// transition continues an entity: I- or L- of type X after B- or I- of X.
var (
	closedLabels = [9]int{0, 3, 4, 7, 8, 11, 12, 15, 16}
	startLabels  = [9]int{0, 1, 4, 5, 8, 9, 12, 13, 16}
)

// transitions are the allowed transitions' scores laid out for Viterbi.
type transitions struct {
	// first[k] scores label k at the start of a sequence (negInf when
	// not allowed).
	first [numLabels]int64
	// open[ki][pi] scores startLabels[ki] after closedLabels[pi].
	open [9][9]int64
	// inside[t][a][b] scores, for type t, I- (b=0) or L- (b=1) after B-
	// (a=0) or I- (a=1).
	inside [4][2][2]int64
}

// compile lays out tr's allowed transitions.
func (x *transitions) compile(tr *transRows) {
	for k := 0; k < numLabels; k++ {
		x.first[k] = negInf
		if allowed(-1, k) {
			x.first[k] = tr[0][k]
		}
	}
	for ki, k := range startLabels {
		for pi, p := range closedLabels {
			x.open[ki][pi] = tr[p+1][k]
		}
	}
	for t := 0; t < 4; t++ {
		b := 1 + 4*t
		for a := 0; a < 2; a++ {
			for c := 0; c < 2; c++ {
				x.inside[t][a][c] = tr[b+a+1][b+1+c]
			}
		}
	}
}

// lattice holds Viterbi's buffers, reused across sequences.
type lattice struct {
	alpha, beta []int64
	back        []int8
}

// viterbi writes into out[:n] the best well-formed BILOU sequence for n
// tokens whose label scores are em[i*numLabels+k], with transition scores
// tr; only allowed transitions are considered, and the sequence ends on a
// closed label (O, L- or U-). Ties go to the lower label index.
func (l *lattice) viterbi(em []int64, n int, tr *transitions, out []int) {
	if n == 0 {
		return
	}
	l.alpha = grow(l.alpha, n*numLabels)
	l.back = grow(l.back, n*numLabels)
	alpha, back := l.alpha, l.back
	for k := 0; k < numLabels; k++ {
		alpha[k] = em[k] + tr.first[k]
	}
	for i := 1; i < n; i++ {
		a := (*[numLabels]int64)(alpha[(i-1)*numLabels:])
		cur := (*[numLabels]int64)(alpha[i*numLabels:])
		bk := (*[numLabels]int8)(back[i*numLabels:])
		e := (*[numLabels]int64)(em[i*numLabels:])
		var ac [9]int64
		for pi, p := range closedLabels {
			ac[pi] = a[p]
		}
		for ki := range tr.open {
			row := &tr.open[ki]
			best, arg := ac[0]+row[0], 0
			for pi := 1; pi < 9; pi++ {
				if s := ac[pi] + row[pi]; s > best {
					best, arg = s, pi
				}
			}
			k := startLabels[ki]
			cur[k] = best + e[k]
			bk[k] = int8(closedLabels[arg])
		}
		for t := range tr.inside {
			b := 1 + 4*t
			in := &tr.inside[t]
			for c := 0; c < 2; c++ { // I- then L-
				k := b + 1 + c
				best, arg := a[b]+in[0][c], b
				if s := a[b+1] + in[1][c]; s > best {
					best, arg = s, b+1
				}
				cur[k] = best + e[k]
				bk[k] = int8(arg)
			}
		}
	}
	last := (*[numLabels]int64)(alpha[(n-1)*numLabels:])
	best, arg := int64(negInf), 0
	for _, k := range closedLabels {
		if last[k] > best {
			best, arg = last[k], k
		}
	}
	out[n-1] = arg
	for i := n - 1; i > 0; i-- {
		arg = int(back[i*numLabels+arg])
		out[i-1] = arg
	}
}

// margins writes into margins[:n], for every token of the sequence viterbi
// last decoded (same em, n and tr), the gap between the best sequence's
// score and the best score of a sequence giving that token another label:
// max-marginals, from a backward pass over viterbi's forward scores.
func (l *lattice) margins(em []int64, n int, tr *transitions, margins []int64) {
	alpha := l.alpha
	l.beta = grow(l.beta, n*numLabels)
	beta := l.beta
	end := (*[numLabels]int64)(beta[(n-1)*numLabels:])
	for k := range end {
		end[k] = negInf
	}
	for _, k := range closedLabels {
		end[k] = 0
	}
	for i := n - 2; i >= 0; i-- {
		nb := (*[numLabels]int64)(beta[(i+1)*numLabels:])
		e := (*[numLabels]int64)(em[(i+1)*numLabels:])
		cur := (*[numLabels]int64)(beta[i*numLabels:])
		// next[ki]: the score of startLabels[ki] at i+1 and what follows.
		var next [9]int64
		for ki, k := range startLabels {
			next[ki] = e[k] + nb[k]
		}
		for pi, p := range closedLabels {
			b := tr.open[0][pi] + next[0]
			for ki := 1; ki < 9; ki++ {
				if s := tr.open[ki][pi] + next[ki]; s > b {
					b = s
				}
			}
			cur[p] = b
		}
		for t := range tr.inside {
			b := 1 + 4*t
			in := &tr.inside[t]
			ni, nl := e[b+1]+nb[b+1], e[b+2]+nb[b+2]
			cur[b] = max(in[0][0]+ni, in[0][1]+nl)
			cur[b+1] = max(in[1][0]+ni, in[1][1]+nl)
		}
	}
	for i := 0; i < n; i++ {
		a := (*[numLabels]int64)(alpha[i*numLabels:])
		b := (*[numLabels]int64)(beta[i*numLabels:])
		top, second := int64(negInf), int64(negInf)
		for k := range a {
			s := a[k] + b[k]
			switch {
			case s > top:
				second, top = top, s
			case s > second:
				second = s
			}
		}
		if second <= negInf/2 {
			margins[i] = 0
		} else {
			margins[i] = top - second
		}
	}
}
