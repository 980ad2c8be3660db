package nermodel

import (
	"math"
	"slices"
	"sync"

	"github.com/entente-nlp/entente/pipeline"
)

// TypeOf maps the model's types to entente's entity types. MISC has no
// entente type and is never reported.
var TypeOf = map[string]string{
	"PER": pipeline.Person,
	"LOC": pipeline.Location,
	"ORG": pipeline.Organization,
}

// bioLabels[k] is bioOf(k), computed once.
var bioLabels = func() (out [numLabels]string) {
	for k := range out {
		out[k] = bioOf(k)
	}
	return out
}()

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
	// of the best labelling of the sequence and the best labelling that
	// gives the token another label (Viterbi max-marginals). 0 is a tie;
	// larger is surer. Useful for ranking, not a probability.
	Margin float64 `json:"margin"`
	// Confidence maps Margin to 0..1 by a fixed logistic, 1/(1+e^-(0.1m-0.7)):
	// 0.33 at margin 0, 0.79 at 20, 0.96 at 40. On CoNLL-2003 eng.testa the
	// shipped model's spans with Confidence 0.5-0.6, 0.8-0.9, 0.9-0.95,
	// 0.95-0.99 and above 0.99 were right 51%, 79%, 89%, 92% and 98% of
	// the time. The entities stage's thresholds are tuned on this scale;
	// keep it when retraining.
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
	labels, margins := m.labels(text, tokens, sentences, nil, false, false)
	return candidates(tokens, labels, margins)
}

// TagMatched is Tag given ms, the known names in text exactly as the
// model's Lexicon would Match them (any order; TagMatched may reorder ms):
// a caller that has matched the same gazetteer over the text already saves
// matching it again.
func (m *Model) TagMatched(text string, tokens []pipeline.Token, sentences []pipeline.Sentence, ms []LexiconMatch) []Candidate {
	labels, margins := m.labels(text, tokens, sentences, ms, true, false)
	return candidates(tokens, labels, margins)
}

// TagDocument is Tag over d.Text, d.Tokens and d.Sentences.
func (m *Model) TagDocument(d *pipeline.Document) []Candidate {
	return m.Tag(d.Text, d.Tokens, d.Sentences)
}

// Labels returns the BIO label of every token (B- for the first token of
// an entity, I- for the others, O outside; the model decodes BILOU, see the
// Labels variable) and the score margin of each choice: how much the best
// labelling of the token's sequence beats the best one that gives the token
// another label.
func (m *Model) Labels(text string, tokens []pipeline.Token, sentences []pipeline.Sentence) ([]string, []float64) {
	return m.labels(text, tokens, sentences, nil, false, true)
}

// labels is Labels; with allMargins false, the margins of sequences
// labelled O throughout are left 0 (candidates never read them).
func (m *Model) labels(text string, tokens []pipeline.Token, sentences []pipeline.Sentence, ms []LexiconMatch, matched, allMargins bool) ([]string, []float64) {
	doc := docPool.Get().(*document)
	doc.featurize(text, tokens, sentences, m.lex, ms, matched, m.logBuckets, false)
	labs := grow(doc.labs, len(tokens))
	im := grow(doc.imargins, len(tokens))
	doc.labs, doc.imargins = labs, im
	// Every occurrence of a word has the same word features: score them
	// once per distinct word and add that to the context features' scores
	// (integer sums, so the order of addition does not matter).
	doc.skipWord = true
	tr := m.w.transitions(m.logBuckets)
	nw := len(doc.words)
	wscore := grow(doc.wscore, nw)
	wdone := grow(doc.wdone, nw)
	clear(wdone)
	doc.wscore, doc.wdone = wscore, wdone
	var scores [numLabels]int64
	doc.decode(m.logBuckets, labs, func(sg segment, feats []uint32, off []int) {
		n := sg.end - sg.start
		em := grow(doc.em, n*numLabels)
		doc.em = em
		for j := 0; j < n; j++ {
			v := &doc.views[sg.start+j]
			ws := &wscore[v.wid]
			if !wdone[v.wid] {
				doc.wfeats = wordFeatures(doc.wfeats[:0], v, m.logBuckets)
				m.w.score(doc.wfeats, ws)
				wdone[v.wid] = true
			}
			m.w.score(feats[off[j]:off[j+1]], &scores)
			e := (*[numLabels]int64)(em[j*numLabels:])
			for k := range scores {
				e[k] = scores[k] + ws[k]
			}
		}
		out, mg := labs[sg.start:sg.end], im[sg.start:sg.end]
		doc.lat.viterbi(em, n, tr, out)
		if allMargins || slices.ContainsFunc(out, func(k int) bool { return k != 0 }) {
			doc.lat.margins(em, n, tr, mg)
		} else {
			clear(mg)
		}
	})
	out := make([]string, len(tokens))
	margins := make([]float64, len(tokens))
	for i, k := range labs {
		out[i] = bioLabels[k]
		margins[i] = float64(im[i]) * m.scale
	}
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

func scoreDense(w []int32, feats []uint32, scores *[numLabels]int64) {
	*scores = [numLabels]int64{}
	for _, f := range feats {
		row := (*[numLabels]int32)(w[int(f)*numLabels:])
		for k, x := range row {
			scores[k] += int64(x)
		}
	}
}

// candidates groups BIO labels into entities, dropping MISC. An I- label
// after a label of another type starts a new entity.
func candidates(tokens []pipeline.Token, labels []string, margins []float64) []Candidate {
	var out []Candidate
	open := false
	for i, l := range labels {
		kind, begins, ok := parseGold(l)
		if !ok || kind == 0 {
			open = false
			continue
		}
		et, report := TypeOf[entityTypes[kind-1]]
		if !begins && open && out[len(out)-1].Type == et {
			c := &out[len(out)-1]
			c.TokenEnd = i + 1
			c.Span.End = tokens[i].End
			c.Margin = min(c.Margin, margins[i])
			continue
		}
		if !report { // MISC
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
