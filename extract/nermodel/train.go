package nermodel

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/entente-nlp/entente/pipeline"
)

// Example is one training document: text with the nlp stage's tokens and
// sentences, and one gold BIO label per token (see Labels).
type Example struct {
	Text      string
	Tokens    []pipeline.Token
	Sentences []pipeline.Sentence
	Labels    []string
}

// TrainOptions configure Train. The zero value of each field means its
// default.
type TrainOptions struct {
	// Epochs over the data; default 15.
	Epochs int
	// Seed fixes the sentence order of every epoch; default 1.
	Seed uint64
	// LogBuckets is the base-2 log of the number of hashed feature rows;
	// default 20 (about a million rows).
	LogBuckets uint
	// TrainedOn names the data, recorded in the model's Meta.
	TrainedOn string
	// Lexicon, when set, feeds the lexicon features; LexiconName
	// describes it in the model's Meta. Tag with the same lexicon.
	Lexicon     Lexicon
	LexiconName string
	// Progress, when set, is called after each epoch with the number of
	// tokens whose greedy guess was wrong during that epoch.
	Progress func(epoch, mistakes, tokens int)
}

// Train fits an averaged structured perceptron on the examples: BILOU
// labels (gold BIO labels are converted) decoded by Viterbi over the
// allowed transitions, one sequence at a time. Training is
// deterministic: the same examples and options give the same model, byte for
// byte once written. It returns ctx.Err() if the context is cancelled.
func Train(ctx context.Context, examples []Example, opts TrainOptions) (*Model, error) {
	if opts.Epochs <= 0 {
		opts.Epochs = 15
	}
	if opts.Seed == 0 {
		opts.Seed = 1
	}
	if opts.LogBuckets == 0 {
		opts.LogBuckets = 20
	}
	if opts.LogBuckets < 10 || opts.LogBuckets > 24 {
		return nil, fmt.Errorf("nermodel: log buckets %d out of range 10..24", opts.LogBuckets)
	}
	lb := opts.LogBuckets

	type doc struct {
		doc  *document
		gold []int
	}
	var docs []doc
	tokens, seqs := 0, 0
	for n, ex := range examples {
		if len(ex.Labels) != len(ex.Tokens) {
			return nil, fmt.Errorf("nermodel: example %d has %d labels for %d tokens", n, len(ex.Labels), len(ex.Tokens))
		}
		d := featurize(ex.Text, ex.Tokens, ex.Sentences, opts.Lexicon, lb, true)
		gold := make([]int, len(ex.Labels))
		if i := bilou(ex.Labels, d.segments, gold); i >= 0 {
			return nil, fmt.Errorf("nermodel: example %d token %d: unknown label %q (want O or B-, I-, L-, U- with PER, LOC, ORG or MISC)", n, i, ex.Labels[i])
		}
		docs = append(docs, doc{doc: d, gold: gold})
		tokens += len(ex.Tokens)
		seqs += len(d.segments)
	}
	if tokens == 0 {
		return nil, fmt.Errorf("nermodel: no training tokens")
	}

	n := (1 << lb) * numLabels
	w := make([]int32, n)
	// acc accumulates c*delta for every update made at step c; the
	// averaged weight is w - acc/c (Daumé's trick, no per-step averaging).
	acc := make([]int64, n)
	rng := rand.New(rand.NewPCG(opts.Seed, 0x656e74656e7465))
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	var (
		scores [numLabels]int64
		rows   transRows
		tr     transitions
		lat    lattice
		em     []int64
		guess  []int
		c      int64 = 1
	)
	update := func(f uint32, k int, delta int32) {
		i := int(f)*numLabels + k
		w[i] += delta
		acc[i] += c * int64(delta)
	}
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		// Documents in a new order each epoch, sentences in text order
		// within a document (the document history features need it).
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		mistakes := 0
		for _, di := range order {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			d := docs[di]
			guess = grow(guess, len(d.gold))
			// A structured perceptron: decode each sequence with the
			// current weights and move them from the guessed path
			// towards the gold one where the two differ.
			d.doc.decode(lb, guess, func(sg segment, feats []uint32, off []int) {
				m := sg.end - sg.start
				em = grow(em, m*numLabels)
				for j := 0; j < m; j++ {
					scoreDense(w, feats[off[j]:off[j+1]], &scores)
					copy(em[j*numLabels:], scores[:])
				}
				transitionsDense(w, lb, &rows)
				tr.compile(&rows)
				lat.viterbi(em, m, &tr, guess[sg.start:sg.end])
				for j := 0; j < m; j++ {
					i := sg.start + j
					g, p := d.gold[i], guess[i]
					if g != p {
						mistakes++
						for _, f := range feats[off[j]:off[j+1]] {
							update(f, g, 1)
							update(f, p, -1)
						}
					}
					gp, pp := -1, -1
					if j > 0 {
						gp, pp = d.gold[i-1], guess[i-1]
					}
					if g != p || gp != pp {
						update(labelRowFeature(gp, lb), g, 1)
						update(labelRowFeature(pp, lb), p, -1)
					}
				}
				c++
			})
		}
		if opts.Progress != nil {
			opts.Progress(epoch, mistakes, tokens)
		}
	}

	// Average, then quantize to int16 with one scale for the whole model.
	avg := make([]float64, n)
	maxAbs := 0.0
	for i := range w {
		a := float64(w[i]) - float64(acc[i])/float64(c)
		avg[i] = a
		maxAbs = math.Max(maxAbs, math.Abs(a))
	}
	if maxAbs == 0 {
		return nil, fmt.Errorf("nermodel: training learned nothing (every guess was right from the start?)")
	}
	scale := maxAbs / math.MaxInt16
	q := make([]int16, n)
	for i, a := range avg {
		q[i] = int16(math.Round(a / scale))
	}
	m := &Model{
		logBuckets: lb,
		w:          tableFromDense(q),
		scale:      scale,
		meta: Meta{
			TrainedOn:      opts.TrainedOn,
			Documents:      len(examples),
			Sentences:      seqs,
			Tokens:         tokens,
			Epochs:         opts.Epochs,
			Seed:           opts.Seed,
			LogBuckets:     lb,
			FeatureVersion: FeatureVersion,
			Lexicon:        opts.LexiconName,
		},
		lex: opts.Lexicon,
	}
	return m, nil
}
