package depparse

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
)

// Example is one training sentence.
type Example struct {
	Words []string
	// Penn holds Penn Treebank tags from the tagger used at run time
	// (prose's), one per word; nil trains without them.
	Penn []string
	UPOS []string
	// Heads are 0-based word indexes, -1 for the root.
	Heads []int
	Deps  []string
}

// TrainOptions control training. Zero values take the defaults in
// parentheses.
type TrainOptions struct {
	// Epochs of the parser (12) and of the tagger (6).
	Epochs, TagEpochs int
	// Folds of the tagger's jackknife (5): the parser trains on tags
	// predicted by a tagger that did not see the sentence, as at run time.
	Folds int
	// Explore is the probability of following the model's own (possibly
	// wrong) transition from the second epoch on (0.9).
	Explore float64
	// Prune drops the weight rows of the tagger, the transition and the
	// label classifier whose largest weight is below this many 32000ths of
	// the classifier's largest weight (1, 1500 and 3000), which keeps the
	// model small and fast; -1 keeps every non-zero row.
	PruneTagger, PruneActions, PruneLabels int
	// Seed of the shuffles and of exploration (1).
	Seed      uint64
	TrainedOn string
	// Progress, when set, receives one line per epoch.
	Progress func(line string)
}

func (o *TrainOptions) defaults() {
	if o.Epochs == 0 {
		o.Epochs = 12
	}
	if o.TagEpochs == 0 {
		o.TagEpochs = 6
	}
	if o.Folds == 0 {
		o.Folds = 5
	}
	if o.Explore == 0 {
		o.Explore = 0.9
	}
	for i, p := range []*int{&o.PruneTagger, &o.PruneActions, &o.PruneLabels} {
		if *p == 0 {
			*p = []int{1, 1500, 3000}[i]
		}
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
}

// example is an Example in ids.
type example struct {
	words, penn []string
	upos        []uint8 // gold
	tags        []uint8 // predicted by a jackknifed tagger
	heads       []int32 // parser positions: 0 root, 1..n words
	labels      []uint8
}

// Train trains a tagger and a parser on examples. It is deterministic: the
// same examples and options give the same model.
func Train(ctx context.Context, examples []Example, opts TrainOptions) (*Model, error) {
	opts.defaults()
	if len(examples) == 0 {
		return nil, fmt.Errorf("depparse: no training sentences")
	}
	labelSet := map[string]bool{"root": true}
	words := 0
	for _, e := range examples {
		for _, d := range e.Deps {
			labelSet[d] = true
		}
		words += len(e.Words)
	}
	labels := make([]string, 0, len(labelSet))
	for l := range labelSet {
		labels = append(labels, l)
	}
	slices.Sort(labels)
	m, err := newModel(Meta{TrainedOn: opts.TrainedOn, Sentences: len(examples), Words: words,
		Epochs: opts.Epochs, TagEpochs: opts.TagEpochs, Seed: opts.Seed}, labels)
	if err != nil {
		return nil, err
	}
	labelID := map[string]uint8{}
	for i, l := range labels {
		labelID[l] = uint8(i)
	}
	exs := make([]example, len(examples))
	for i, e := range examples {
		n := len(e.Words)
		if len(e.UPOS) != n || len(e.Heads) != n || len(e.Deps) != n || (e.Penn != nil && len(e.Penn) != n) {
			return nil, fmt.Errorf("depparse: training sentence %d: column lengths differ", i+1)
		}
		x := example{words: e.Words, penn: e.Penn, upos: make([]uint8, n), heads: make([]int32, n), labels: make([]uint8, n)}
		for j := 0; j < n; j++ {
			u := uposID(e.UPOS[j])
			if u < 0 {
				return nil, fmt.Errorf("depparse: training sentence %d word %d: unknown UPOS %q", i+1, j+1, e.UPOS[j])
			}
			if e.Heads[j] < -1 || e.Heads[j] >= n || e.Heads[j] == j {
				return nil, fmt.Errorf("depparse: training sentence %d word %d: bad head %d", i+1, j+1, e.Heads[j]+1)
			}
			x.upos[j], x.heads[j], x.labels[j] = uint8(u), int32(e.Heads[j]+1), labelID[e.Deps[j]]
		}
		exs[i] = x
	}
	m.dict = buildTagDict(exs)
	rng := rand.New(rand.NewPCG(opts.Seed, 0x7a6))
	report := func(format string, args ...any) {
		if opts.Progress != nil {
			opts.Progress(fmt.Sprintf(format, args...))
		}
	}
	// Jackknifed tags for the parser, then the final tagger on everything.
	all := make([]int, len(exs))
	for i := range all {
		all[i] = i
	}
	if opts.Folds > 1 {
		for k := 0; k < opts.Folds; k++ {
			var in, out []int
			for _, i := range all {
				if i%opts.Folds == k {
					out = append(out, i)
				} else {
					in = append(in, i)
				}
			}
			tm := &Model{meta: m.meta, labels: m.labels, rootLabel: m.rootLabel, dict: m.dict}
			tm.tagger, err = trainTagger(ctx, m, exs, in, opts.TagEpochs, rng, nil)
			if err != nil {
				return nil, err
			}
			p := tm.NewParser()
			right, total := 0, 0
			for _, i := range out {
				p.load(exs[i].words, exs[i].penn, nil)
				exs[i].tags = slices.Clone(p.upos[:p.n])
				for j, t := range exs[i].tags {
					if t == exs[i].upos[j] {
						right++
					}
					total++
				}
			}
			report("train parser: tagger fold %d of %d: UPOS %.2f%% on held-out sentences", k+1, opts.Folds, 100*float64(right)/float64(total))
		}
	} else {
		for i := range exs {
			exs[i].tags = exs[i].upos
		}
	}
	m.tagger, err = trainTagger(ctx, m, exs, all, opts.TagEpochs, rng, report)
	m.tagger = m.tagger.pruned(int16(opts.PruneTagger))
	if err != nil {
		return nil, err
	}
	if err := trainParser(ctx, m, exs, opts, rng, report); err != nil {
		return nil, err
	}
	return m, nil
}

func trainTagger(ctx context.Context, m *Model, exs []example, idx []int, epochs int, rng *rand.Rand, report func(string, ...any)) (*table, error) {
	ws := newWeights(numUPOS)
	p := m.NewParser()
	order := slices.Clone(idx)
	s := make([]int32, numUPOS)
	for ep := 1; ep <= epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		wrong, total := 0, 0
		for _, i := range order {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			e := &exs[i]
			p.load(e.words, e.penn, e.upos) // attributes only; tags are overwritten below
			for j := range e.words {
				if t, ok := m.dict.get(p.wh[j]); ok {
					p.upos[j] = t
					continue
				}
				ws.step++
				clear(s)
				f := p.tagFeatures(j)
				ws.score(f, s)
				best := 0
				for c := 1; c < len(s); c++ {
					if s[c] > s[best] {
						best = c
					}
				}
				if best != int(e.upos[j]) {
					ws.update(f, int(e.upos[j]), best)
					wrong++
				}
				p.upos[j] = uint8(best)
				total++
			}
		}
		if report != nil {
			report("train parser: tagger epoch %d: %.2f%% of the words outside the dictionary (%d) mistagged", ep, 100*float64(wrong)/float64(max(total, 1)), m.dict.n)
		}
	}
	return ws.average(0), nil
}

func trainParser(ctx context.Context, m *Model, exs []example, opts TrainOptions, rng *rand.Rand, report func(string, ...any)) error {
	act := newWeights(3)
	lw := newWeights(len(m.labels))
	p := m.NewParser()
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	ls := make([]int32, len(m.labels))
	var cost [3]int
	for ep := 1; ep <= opts.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		var steps, wrongSteps, arcs, wrongLabels int
		for _, i := range order {
			if err := ctx.Err(); err != nil {
				return err
			}
			e := &exs[i]
			p.load(e.words, e.penn, e.tags)
			for !p.done() {
				act.step++
				lw.step = act.step
				if a := p.forced(); a >= 0 {
					p.apply(a, p.trainLabel(a, e, lw, ls, ep, &arcs, &wrongLabels))
					continue
				}
				f := p.features()
				var sc [3]int32
				act.score(f, sc[:])
				pred, gold := -1, -1
				for a := 0; a < 3; a++ {
					if !p.valid(a) {
						cost[a] = 1 << 30
						continue
					}
					cost[a] = p.cost(a, e.heads)
					if pred < 0 || sc[a] > sc[pred] {
						pred = a
					}
				}
				for a := 0; a < 3; a++ {
					if cost[a] == 1<<30 {
						continue
					}
					if gold < 0 || cost[a] < cost[gold] || (cost[a] == cost[gold] && sc[a] > sc[gold]) {
						gold = a
					}
				}
				steps++
				if cost[pred] > cost[gold] {
					act.update(f, gold, pred)
					wrongSteps++
				}
				next := gold
				if ep > 1 && pred != gold && rng.Float64() < opts.Explore {
					next = pred
				}
				p.apply(next, p.trainLabel(next, e, lw, ls, ep, &arcs, &wrongLabels))
			}
		}
		report("train parser: epoch %d: %.2f%% of transitions and %.2f%% of labels of correct arcs wrong", ep,
			100*float64(wrongSteps)/float64(steps), 100*float64(wrongLabels)/float64(max(arcs, 1)))
	}
	m.actions = act.average(opts.PruneActions)
	m.arcLabels = lw.average(opts.PruneLabels)
	return nil
}

// cost is the dynamic oracle's cost of action a: how many gold arcs that
// are still reachable it makes unreachable (Goldberg & Nivre 2013, for the
// arc-hybrid system). gold[i] is the gold head position of position i+1.
func (p *Parser) cost(a int, gold []int32) int {
	k := len(p.stack)
	n := int32(p.n)
	gh := func(pos int32) int32 { return gold[pos-1] }
	// depsIn counts words in the buffer whose gold head is h.
	depsIn := func(h int32) int {
		c := 0
		for j := p.b; j <= n; j++ {
			if gh(j) == h {
				c++
			}
		}
		return c
	}
	switch a {
	case shift:
		b := p.b
		c := 0
		for _, s := range p.stack {
			if s != 0 && gh(s) == b {
				c++
			}
		}
		if h := gh(b); p.onStack[h+1] && h != p.stack[k-1] {
			c++
		}
		return c
	case leftArc:
		s0, s1 := p.stack[k-1], p.stack[k-2]
		c := depsIn(s0)
		if h := gh(s0); h != p.b && (h == s1 || h >= p.b) {
			c++
		}
		return c
	default:
		s0, s1 := p.stack[k-1], p.stack[k-2]
		c := depsIn(s0)
		if h := gh(s0); h != s1 && h >= p.b {
			c++
		}
		return c
	}
}

// trainLabel returns the label for action a during training, updating the
// label classifier when a attaches a word to its gold head.
func (p *Parser) trainLabel(a int, e *example, lw *weights, ls []int32, ep int, arcs, wrong *int) uint8 {
	if a == shift {
		return 0
	}
	h, d := p.arc(a)
	if h == 0 {
		return p.m.rootLabel
	}
	lf := p.labelFeatures(h, d, a)
	clear(ls)
	lw.score(lf, ls)
	best := 0
	for j := 1; j < len(ls); j++ {
		if ls[j] > ls[best] {
			best = j
		}
	}
	label := uint8(best)
	if e.heads[d-1] == h {
		*arcs++
		if g := e.labels[d-1]; label != g {
			lw.update(lf, int(g), best)
			*wrong++
			if ep == 1 {
				label = g
			}
		}
	}
	return label
}
