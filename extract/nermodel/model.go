package nermodel

import (
	"math"
	"sync"

	"github.com/entente-nlp/entente/pipeline"
)

// Labels is the tag set, in model order: O, then B- and I- for each type.
var Labels = []string{"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"}

// labelType[k] is the type of label k ("" for O); labelInside[k] says I-.
var (
	labelType   = []string{"", "PER", "PER", "LOC", "LOC", "ORG", "ORG", "MISC", "MISC"}
	labelInside = []bool{false, false, true, false, true, false, true, false, true}
)

// TypeOf maps the model's types to entente's entity types. MISC has no
// entente type and is never reported.
var TypeOf = map[string]string{
	"PER": pipeline.Person,
	"LOC": pipeline.Location,
	"ORG": pipeline.Organization,
}

func labelIndex(l string) int {
	for i, x := range Labels {
		if x == l {
			return i
		}
	}
	return -1
}

// allowed reports whether label k may follow label prev (-1 = start): I-X
// only continues B-X or I-X.
func allowed(prev, k int) bool {
	if !labelInside[k] {
		return true
	}
	return prev >= 0 && labelType[prev] == labelType[k]
}

// Candidate is an entity the model proposes: a byte span of the text, its
// entente type (PERSON, LOCATION, ORGANIZATION) and its token range.
type Candidate struct {
	pipeline.Span
	// Type is pipeline.Person, pipeline.Location or pipeline.Organization.
	// LOCATION covers countries too: the model does not tell them apart.
	Type string `json:"type"`
	// TokenStart and TokenEnd are the token range [TokenStart, TokenEnd)
	// in the tokens passed to Tag.
	TokenStart int `json:"token_start"`
	TokenEnd   int `json:"token_end"`
	// Margin is the smallest gap, over the span's tokens, between the score
	// of the chosen label and the best other allowed label. 0 is a tie;
	// larger is surer. Useful for ranking, not a probability.
	Margin float64 `json:"margin"`
	// Confidence maps Margin to 0..1 by a fixed logistic, 1/(1+e^-(0.1m-0.7)):
	// 0.33 at margin 0, 0.79 at 20, 0.96 at 40. It ranks well but runs
	// high: on CoNLL-2003 eng.testa the shipped model's spans with
	// Confidence around 0.5, 0.83 and 0.96 were right 47%, 72% and 87% of
	// the time, and those above 0.99 about 96%. The entities stage's
	// thresholds are tuned on this scale; keep it when retraining.
	Confidence float64 `json:"confidence"`
}

// confidence is the calibration behind Candidate.Confidence.
func confidence(margin float64) float64 {
	return 1 / (1 + math.Exp(-(0.1*margin - 0.7)))
}

// Model is a trained tagger. It is read-only and safe for concurrent use.
type Model struct {
	logBuckets uint
	// w holds len(Labels) weights per non-zero bucket, quantized: the
	// real weight is w*scale.
	w     *table
	scale float64
	meta  Meta
	// lex feeds the lexicon features; nil turns them off.
	lex Lexicon
}

// Meta describes how a model was trained.
type Meta struct {
	// TrainedOn names the training data, e.g. "CoNLL-2003 eng.train".
	TrainedOn      string `json:"trained_on"`
	Documents      int    `json:"documents"`
	Sentences      int    `json:"sentences"`
	Tokens         int    `json:"tokens"`
	Epochs         int    `json:"epochs"`
	Seed           uint64 `json:"seed"`
	LogBuckets     uint   `json:"log_buckets"`
	FeatureVersion string `json:"feature_version"`
	// Lexicon describes the gazetteer the lexicon features read during
	// training ("" when none).
	Lexicon string `json:"lexicon,omitempty"`
}

// Rows returns the number of non-zero weight rows (hashed features) the
// model holds, each of len(Labels) int16 weights.
func (m *Model) Rows() int { return m.w.n }

// Meta returns the model's training description.
func (m *Model) Meta() Meta { return m.meta }

// Tag labels tokens of text and returns the PER, LOC and ORG entities found,
// in text order. tokens are the nlp stage's tokens (spans into text, Tag
// holding the Penn Treebank part of speech); sentences, which may be nil,
// are its sentence spans: the tagger decodes each sentence (and each line)
// as one sequence. Tokens whose spans fall outside text are treated as
// empty words.
func (m *Model) Tag(text string, tokens []pipeline.Token, sentences []pipeline.Sentence) []Candidate {
	labels, margins := m.labels(text, tokens, sentences, nil, false)
	return candidates(tokens, labels, margins)
}

// TagMatched is Tag given ms, the known names in text exactly as the
// model's Lexicon would Match them (any order; TagMatched may reorder ms):
// a caller that has matched the same gazetteer over the text already saves
// matching it again.
func (m *Model) TagMatched(text string, tokens []pipeline.Token, sentences []pipeline.Sentence, ms []LexiconMatch) []Candidate {
	labels, margins := m.labels(text, tokens, sentences, ms, true)
	return candidates(tokens, labels, margins)
}

// TagDocument is Tag over d.Text, d.Tokens and d.Sentences.
func (m *Model) TagDocument(d *pipeline.Document) []Candidate {
	return m.Tag(d.Text, d.Tokens, d.Sentences)
}

// Labels returns the BIO label of every token (see the Labels variable) and
// the score margin of each choice.
func (m *Model) Labels(text string, tokens []pipeline.Token, sentences []pipeline.Sentence) ([]string, []float64) {
	return m.labels(text, tokens, sentences, nil, false)
}

func (m *Model) labels(text string, tokens []pipeline.Token, sentences []pipeline.Sentence, ms []LexiconMatch, matched bool) ([]string, []float64) {
	doc := docPool.Get().(*document)
	doc.featurize(text, tokens, sentences, m.lex, ms, matched, m.logBuckets, false)
	out := make([]string, len(tokens))
	margins := make([]float64, len(tokens))
	// Every occurrence of a word has the same word features: score them
	// once per distinct word and add that to the context features' scores
	// (integer sums, so the order of addition does not matter).
	doc.skipWord = true
	doc.skipLabelPair = true
	lab := m.w.labelRows(m.logBuckets)
	nw := len(doc.words)
	wscore := grow(doc.wscore, nw)
	wdone := grow(doc.wdone, nw)
	clear(wdone)
	doc.wscore, doc.wdone = wscore, wdone
	var scores [numLabels]int64
	doc.decode(m.logBuckets, func(i int, feats []uint32, prev, prev2 int) int {
		v := &doc.views[i]
		ws := &wscore[v.wid]
		if !wdone[v.wid] {
			doc.wfeats = wordFeatures(doc.wfeats[:0], v, m.logBuckets)
			m.w.score(doc.wfeats, ws)
			wdone[v.wid] = true
		}
		m.w.score(feats, &scores)
		lr := &lab[prev+1][prev2+1]
		for k := range scores {
			scores[k] += ws[k] + lr[k]
		}
		best, margin := argmax(&scores, prev)
		out[i] = Labels[best]
		margins[i] = float64(margin) * m.scale
		return best
	})
	doc.release()
	return out, margins
}

// docPool holds documents whose buffers Labels reuses: one featurized
// document per call would otherwise be a fifth of the tagger's allocation.
var docPool = sync.Pool{New: func() any { return new(document) }}

// maxPooledTokens bounds the documents kept for reuse, so that one huge
// input does not pin its buffers for the rest of the run.
const maxPooledTokens = 1 << 16

// release drops d's references into the text and returns it to docPool.
func (d *document) release() {
	if cap(d.views) > maxPooledTokens {
		return
	}
	clear(d.views)
	clear(d.words)
	clear(d.ids)
	docPool.Put(d)
}

const numLabels = 9

func scoreDense(w []int32, feats []uint32, scores *[numLabels]int64) {
	*scores = [numLabels]int64{}
	for _, f := range feats {
		row := w[int(f)*numLabels : int(f)*numLabels+numLabels]
		for k, x := range row {
			scores[k] += int64(x)
		}
	}
}

// argmax returns the best label allowed after prev and its margin over the
// runner-up. Ties go to the lower index (O first).
func argmax(scores *[numLabels]int64, prev int) (int, int64) {
	best, second := -1, -1
	for k := 0; k < numLabels; k++ {
		if !allowed(prev, k) {
			continue
		}
		switch {
		case best < 0 || scores[k] > scores[best]:
			second, best = best, k
		case second < 0 || scores[k] > scores[second]:
			second = k
		}
	}
	if second < 0 {
		return best, 0
	}
	return best, scores[best] - scores[second]
}

// candidates groups labels into entities, dropping MISC. An I- label after
// a label of another type starts a new entity.
func candidates(tokens []pipeline.Token, labels []string, margins []float64) []Candidate {
	var out []Candidate
	open := false
	for i, l := range labels {
		k := labelIndex(l)
		if k <= 0 {
			open = false
			continue
		}
		typ := labelType[k]
		if labelInside[k] && open && out[len(out)-1].Type == TypeOf[typ] {
			c := &out[len(out)-1]
			c.TokenEnd = i + 1
			c.Span.End = tokens[i].End
			c.Margin = min(c.Margin, margins[i])
			continue
		}
		et, ok := TypeOf[typ]
		if !ok { // MISC
			open = false
			continue
		}
		out = append(out, Candidate{
			Span:       pipeline.Span{Start: tokens[i].Start, End: tokens[i].End},
			Type:       et,
			TokenStart: i,
			TokenEnd:   i + 1,
			Margin:     margins[i],
		})
		open = true
	}
	for i := range out {
		out[i].Confidence = confidence(out[i].Margin)
	}
	return out
}
