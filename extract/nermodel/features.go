package nermodel

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/entente-nlp/entente/pipeline"
)

// FeatureVersion names the feature set. A model file records the version it
// was trained with, and Read refuses a model from another version: the
// weights would be meaningless.
const FeatureVersion = "nermodel-features-5"

// Feature templates. Each feature hashes its template id with its values,
// so templates never collide by construction, only by hashing.
const (
	fBias byte = iota + 1
	fNorm
	fWord
	fShape
	fShort
	fPrefix
	fSuffix
	fNormPrev1
	fNormNext1
	fNormPrev2
	fNormNext2
	fShortPrev1
	fShortNext1
	fShortTri
	fPOS
	fPOSPrev1
	fPOSNext1
	fPOSPrevCur
	fPOSCurNext
	fBigramPrev
	fBigramNext
	fSentStart
	fCapsSent
	fCapsSentNorm
	fDocCase
	fPOSShort
	fLen
	fHyphenHead
	fHyphenTail
	// Features that depend on the labels already chosen.
	fLabel1
	fLabel12
	fLabel1Norm
	fLabel1Short
	fLabel1POS
	fDocMemory
	fDocMemoryShort
	fGazKind
	fGazForm
	fGiven
	fGivenPrev
	fGivenNext
	fNormPrevShort
	fShortNormNext
	fShortPrev2
	fShortNext2
	fSuffixNext
	fDocMemoryLabel
	fHistKind
	fHistMajor
	fGazPrev
	fGazNext
	fGazShort
	fPrefixNext
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hstart(t byte) uint64 { return (fnvOffset ^ uint64(t)) * fnvPrime }

// hstr mixes s into h, followed by a separator so that ("ab","c") and
// ("a","bc") differ.
func hstr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return (h ^ 0xff) * fnvPrime
}

func hint(h uint64, v int) uint64 {
	h = (h ^ uint64(v&0xff)) * fnvPrime
	return (h ^ 0xfe) * fnvPrime
}

// hmix mixes x, itself a hash (of a word, shape, tag), into h.
func hmix(h, x uint64) uint64 {
	h = (h ^ x) * fnvPrime
	return h ^ h>>29
}

// bucket maps a 64-bit feature hash to one of 1<<logBuckets rows.
func bucket(h uint64, logBuckets uint) uint32 {
	h ^= h >> 31
	h *= 0x9e3779b97f4a7c15
	return uint32(h >> (64 - logBuckets))
}

// tokenView is what the features see of one token.
type tokenView struct {
	word, norm, shape, short, pos string
	// lower is strings.ToLower(word).
	lower string
	// flags are the word's case and character classes
	// (pipeline.Word.Flags).
	flags       pipeline.WordFlags
	capitalized bool
	sentStart   bool
	// id numbers the token's norm within the document (0, 1, ... in order
	// of first use): document-level features index slices by it instead
	// of keying maps by the norm.
	id int32
	// wid numbers the token's word within the document likewise.
	wid int32
	// Lexicon facts: position in a known name (0 when none), the kinds
	// and form of that name, and whether the word is a given name.
	gazPos   byte
	gazKinds []string
	gazForm  string
	given    bool
	// Hashes of the norm, short shape, tag and the norm's last three
	// runes (0 when the norm is shorter), mixed into features.
	hNorm, hShort, hPOS, hSuf3 uint64
}

// segment is a token range [start, end) decoded as one sequence.
type segment struct{ start, end int }

// document is a featurized token sequence: what every feature needs, and,
// when precomputed (training reads each document many times), the static
// features per token (feats[off[i]:off[i+1]]).
type document struct {
	views    []tokenView
	segments []segment
	capsSeg  []bool  // segment is an all-caps line
	caseSeen []uint8 // by norm id; see featurize
	nIDs     int     // distinct norms
	lb       uint
	feats    []uint32
	off      []int
	// skipWord leaves the word features out of staticFeatures (and so out
	// of what decode passes on): the tagger scores them once per distinct
	// word (see tokenView.wid).
	skipWord bool
	// scratch buffers, reused when the document is (see docPool).
	spans []tokenSpan
	// document history, by norm id (see decode).
	mem  []int
	hist []int32
	// per segment: its tokens' features, and where each token's start.
	sfeats []uint32
	soff   []int
	// the tagger's labels, margins, label scores and Viterbi buffers.
	labs     []int
	imargins []int64
	em       []int64
	lat      lattice
	words    map[string]wordForms
	ids      map[string]int32
	// per distinct word: its word features' scores, and whether computed.
	wscore [][numLabels]int64
	wdone  []bool
	wfeats []uint32
}

// wordForms caches, per distinct word of a document, what featurize derives
// from the word alone.
type wordForms struct {
	norm, shape, short, lower string
	flags                     pipeline.WordFlags
	capitalized, given        bool
	id, wid                   int32
	hNorm, hShort, hSuf3      uint64
}

// segments splits tokens into sequences at sentence boundaries and at line
// breaks between tokens (headlines, list items). With no sentences the
// tokens form one sequence apart from line breaks.
func segmentsOf(text string, tokens []pipeline.Token, sentences []pipeline.Sentence) []segment {
	var segs []segment
	start := 0
	si := 0
	sentOf := func(off int) int {
		for si < len(sentences) && sentences[si].End <= off {
			si++
		}
		if si < len(sentences) && sentences[si].Start <= off {
			return si
		}
		return -1 - si // between sentences: distinct from any index
	}
	prevSent := 0
	for i := range tokens {
		cur := 0
		if len(sentences) > 0 {
			cur = sentOf(tokens[i].Start)
		}
		if i > start {
			gap := ""
			if a, b := tokens[i-1].End, tokens[i].Start; a >= 0 && a <= b && b <= len(text) {
				gap = text[a:b]
			}
			if cur != prevSent || strings.ContainsRune(gap, '\n') {
				segs = append(segs, segment{start, i})
				start = i
			}
		}
		prevSent = cur
	}
	if start < len(tokens) {
		segs = append(segs, segment{start, len(tokens)})
	}
	return segs
}

// tokenSpan is a token's byte range, clipped to the text.
type tokenSpan struct{ start, end int }

// featurize prepares the features of every token; lex may be nil. With
// precompute it also computes every label-independent feature up front;
// otherwise decode computes them one sequence at a time, which keeps memory
// flat on huge documents.
func featurize(text string, tokens []pipeline.Token, sentences []pipeline.Sentence, lex Lexicon, logBuckets uint, precompute bool) *document {
	d := &document{}
	d.featurize(text, tokens, sentences, lex, nil, false, logBuckets, precompute)
	d.spans, d.words, d.ids = nil, nil, nil // scratch only
	return d
}

// featurize is the function featurize into d, reusing d's buffers. When
// matched, ms are lex's matches in text (Lexicon.Match is not called).
func (d *document) featurize(text string, tokens []pipeline.Token, sentences []pipeline.Sentence, lex Lexicon, ms []LexiconMatch, matched bool, logBuckets uint, precompute bool) {
	d.views = grow(d.views, len(tokens))
	d.segments = segmentsOf(text, tokens, sentences)
	d.lb = logBuckets
	d.skipWord = false
	d.feats, d.off = d.feats[:0], nil
	d.spans = grow(d.spans, len(tokens))
	spans := d.spans
	if d.words == nil {
		d.words = make(map[string]wordForms, len(tokens)/2)
	} else {
		clear(d.words)
	}
	d.nIDs = 0
	if d.ids == nil {
		d.ids = make(map[string]int32, len(tokens)/2)
	} else {
		clear(d.ids)
	}
	ids := d.ids
	for i, t := range tokens {
		w := ""
		if t.Start >= 0 && t.Start <= t.End && t.End <= len(text) {
			w = text[t.Start:t.End]
			spans[i] = tokenSpan{t.Start, t.End}
		}
		f, ok := d.words[w]
		if !ok {
			// The nlp stage analyzed the word (pipeline.Word); tokens
			// from elsewhere are analyzed here, the same way.
			wd := t.Word
			if wd.Flags&pipeline.Analyzed == 0 {
				wd = pipeline.AnalyzeWord(w)
			}
			f.norm = normalize(w)
			f.shape, f.short = wd.Shape, shortShape(wd.Shape)
			f.lower = wd.Lower
			f.flags = wd.Flags
			f.capitalized = wd.Flags.Has(pipeline.Capitalized)
			f.given = f.capitalized && lex != nil && lex.IsGivenName(w)
			f.hNorm = hstr(0, f.norm)
			f.hShort = hstr(0, f.short)
			if s3, ok := runeSuffix(f.norm, 3); ok {
				f.hSuf3 = hstr(0, s3)
			}
			id, seen := ids[f.norm]
			if !seen {
				id = int32(d.nIDs)
				ids[f.norm] = id
				d.nIDs++
			}
			f.id = id
			f.wid = int32(len(d.words))
			d.words[w] = f
		}
		d.views[i] = tokenView{
			word: w, norm: f.norm, shape: f.shape, short: f.short, lower: f.lower, pos: t.Tag,
			flags: f.flags, capitalized: f.capitalized, given: f.given, id: f.id, wid: f.wid,
			hNorm: f.hNorm, hShort: f.hShort, hSuf3: f.hSuf3, hPOS: hstr(0, t.Tag),
		}
	}
	lexiconViews(lex, text, d.views, spans, ms, matched)
	// Document-level case evidence: for each lowercased word, whether the
	// document also uses it in lower case, and whether it is capitalized
	// somewhere other than the start of a sentence or an all-caps line.
	caseSeen := grow(d.caseSeen, d.nIDs)
	clear(caseSeen)
	capsSeg := grow(d.capsSeg, len(d.segments))
	for si, sg := range d.segments {
		capsSeg[si] = allCaps(d.views[sg.start:sg.end])
		for i := sg.start; i < sg.end; i++ {
			v := &d.views[i]
			if i == sg.start {
				v.sentStart = true
			}
			switch {
			case v.flags.Has(pipeline.LowerInitial):
				caseSeen[v.id] |= 1
			case v.capitalized && i > sg.start && !capsSeg[si]:
				caseSeen[v.id] |= 2
			}
		}
	}
	d.capsSeg, d.caseSeen = capsSeg, caseSeen
	if precompute {
		d.off = make([]int, 0, len(tokens)+1)
		d.feats = make([]uint32, 0, len(tokens)*48)
		for si, sg := range d.segments {
			for i := sg.start; i < sg.end; i++ {
				d.off = append(d.off, len(d.feats))
				d.feats = d.staticFeatures(d.feats, i, sg, capsSeg[si], caseSeen, logBuckets)
			}
		}
		d.off = append(d.off, len(d.feats))
	}
}

// grow returns s resliced (or reallocated) to length n; the elements hold
// whatever they held before.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

var pad = tokenView{word: "<pad>", norm: "<pad>", shape: "<pad>", short: "<pad>", pos: "<pad>",
	hNorm: hstr(0, "<pad>"), hShort: hstr(0, "<pad>"), hPOS: hstr(0, "<pad>")}

// staticFeatures appends the label-independent features of token i of
// segment sg: its word features (unless d.skipWord) and its context
// features.
func (d *document) staticFeatures(out []uint32, i int, sg segment, capsLine bool, caseSeen []uint8, lb uint) []uint32 {
	if !d.skipWord {
		out = wordFeatures(out, &d.views[i], lb)
	}
	return d.contextFeatures(out, i, sg, capsLine, caseSeen, lb)
}

// wordFeatures appends the static features that depend on the token's word
// alone (and the bias), the same for every occurrence of the word.
func wordFeatures(out []uint32, v *tokenView, lb uint) []uint32 {
	add := func(h uint64) { out = append(out, bucket(h, lb)) }
	add(hstart(fBias))
	add(hstr(hstart(fNorm), v.norm))
	add(hstr(hstart(fWord), v.word))
	add(hstr(hstart(fShape), v.shape))
	add(hstr(hstart(fShort), v.short))
	lower := v.lower
	for n := 1; n <= 4; n++ {
		if p, ok := runePrefix(lower, n); ok {
			add(hstr(hint(hstart(fPrefix), n), p))
		}
		if s, ok := runeSuffix(lower, n); ok {
			add(hstr(hint(hstart(fSuffix), n), s))
		}
	}
	add(hint(hstart(fLen), min(utf8.RuneCountInString(v.word), 12)))
	if h := strings.IndexByte(v.norm, '-'); h > 0 && h < len(v.norm)-1 {
		add(hstr(hstart(fHyphenHead), v.norm[:h]))
		add(hstr(hstart(fHyphenTail), v.norm[strings.LastIndexByte(v.norm, '-')+1:]))
	}
	return out
}

// contextFeatures appends the static features that depend on more than the
// word: its part of speech, neighbours, line and lexicon facts.
func (d *document) contextFeatures(out []uint32, i int, sg segment, capsLine bool, caseSeen []uint8, lb uint) []uint32 {
	at := func(j int) *tokenView {
		if j < sg.start || j >= sg.end {
			return &pad
		}
		return &d.views[j]
	}
	v, p1, p2, n1, n2 := at(i), at(i-1), at(i-2), at(i+1), at(i+2)
	add := func(h uint64) { out = append(out, bucket(h, lb)) }

	// Neighbours' norms, shapes and tags are hashed once per word (the
	// views' h fields) and mixed here.
	add(hmix(hstart(fNormPrev1), p1.hNorm))
	add(hmix(hstart(fNormNext1), n1.hNorm))
	add(hmix(hstart(fNormPrev2), p2.hNorm))
	add(hmix(hstart(fNormNext2), n2.hNorm))
	add(hmix(hstart(fShortPrev1), p1.hShort))
	add(hmix(hstart(fShortNext1), n1.hShort))
	add(hmix(hmix(hmix(hstart(fShortTri), p1.hShort), v.hShort), n1.hShort))
	add(hmix(hstart(fPOS), v.hPOS))
	add(hmix(hstart(fPOSPrev1), p1.hPOS))
	add(hmix(hstart(fPOSNext1), n1.hPOS))
	add(hmix(hmix(hstart(fPOSPrevCur), p1.hPOS), v.hPOS))
	add(hmix(hmix(hstart(fPOSCurNext), v.hPOS), n1.hPOS))
	add(hmix(hmix(hstart(fBigramPrev), p1.hNorm), v.hNorm))
	add(hmix(hmix(hstart(fBigramNext), v.hNorm), n1.hNorm))
	add(hmix(hmix(hstart(fPOSShort), v.hPOS), v.hShort))
	if i == sg.start {
		add(hmix(hstart(fSentStart), v.hShort))
	}
	if capsLine {
		add(hstart(fCapsSent))
		add(hmix(hstart(fCapsSentNorm), v.hNorm))
	}
	if v.capitalized {
		add(hmix(hint(hstart(fDocCase), int(caseSeen[v.id])), v.hShort))
	}
	add(hmix(hmix(hstart(fNormPrevShort), p1.hNorm), v.hShort))
	add(hmix(hmix(hstart(fShortNormNext), v.hShort), n1.hNorm))
	add(hmix(hstart(fShortPrev2), p2.hShort))
	add(hmix(hstart(fShortNext2), n2.hShort))
	if n1.hSuf3 != 0 {
		add(hmix(hstart(fSuffixNext), n1.hSuf3))
	}
	if v.gazPos != 0 {
		for _, k := range v.gazKinds[:min(len(v.gazKinds), 3)] {
			add(hstr(hint(hstart(fGazKind), int(v.gazPos)), k))
		}
		if len(v.gazKinds) > 0 {
			add(hstr(hstr(hstart(fGazForm), v.gazKinds[0]), v.gazForm))
			add(hstr(hstr(hint(hstart(fGazShort), int(v.gazPos)), v.gazKinds[0]), v.short))
		}
	}
	if p1.gazPos != 0 && len(p1.gazKinds) > 0 {
		add(hstr(hint(hstart(fGazPrev), int(p1.gazPos)), p1.gazKinds[0]))
	}
	if n1.gazPos != 0 && len(n1.gazKinds) > 0 {
		add(hstr(hint(hstart(fGazNext), int(n1.gazPos)), n1.gazKinds[0]))
	}
	if v.given {
		add(hstart(fGiven))
		add(hmix(hstart(fGivenNext), n1.hShort))
	}
	if p1.given {
		add(hmix(hstart(fGivenPrev), v.hShort))
	}
	return out
}

// histKinds is the number of label kinds the document history counts:
// O, PER, LOC, ORG, MISC.
const histKinds = 5

// historyFeatures appends the non-local features of token i: what the
// document's earlier sequences labelled the same word (by norm) where it
// was capitalized. mem holds, per norm id, 1 + the last such label (0 when
// none yet); hist counts those labels by kind.
func (d *document) historyFeatures(out []uint32, i int, mem []int, hist []int32, lb uint) []uint32 {
	v := &d.views[i]
	if !v.capitalized {
		return out
	}
	add := func(h uint64) { out = append(out, bucket(h, lb)) }
	last := mem[v.id]
	kind := 0
	if last > 0 {
		kind = 1 + labelKind(last-1)
	}
	add(hint(hstart(fDocMemory), kind))
	add(hint(hstart(fDocMemoryShort), kind) ^ v.hShort*fnvPrime)
	if last > 0 {
		add(hint(hstart(fDocMemoryLabel), last))
		h := hist[int(v.id)*histKinds : int(v.id)*histKinds+histKinds]
		total, major := int32(0), 0
		for k, c := range h {
			total += c
			if c > h[major] {
				major = k
			}
		}
		for k, c := range h {
			if c > 0 {
				// the share of the earlier occurrences, in quarters
				add(hint(hint(hstart(fHistKind), k), int(4*c/total)))
			}
		}
		add(hint(hstart(fHistMajor), major) ^ v.hShort*fnvPrime)
	}
	return out
}

// labelRowFeature is the feature of the previous label alone (-1 at the
// start of a sequence): its row holds the transition scores to every label.
func labelRowFeature(prev int, lb uint) uint32 {
	return bucket(hint(hstart(fLabel1), prev+1), lb)
}

// decode labels the document sequence by sequence, in text order. For each
// sequence it gathers every token's features (off[j] is where token
// sg.start+j's start in feats): the label-independent ones and those read
// from the labels the document's earlier sequences received (the document
// history, see historyFeatures). tag must write the sequence's labels into
// labels[sg.start:sg.end]; decode then adds them to the history. Training
// and tagging share this loop so that they see exactly the same features.
func (d *document) decode(lb uint, labels []int, tag func(sg segment, feats []uint32, off []int)) {
	mem := grow(d.mem, d.nIDs)
	clear(mem)
	hist := grow(d.hist, d.nIDs*histKinds)
	clear(hist)
	d.mem, d.hist = mem, hist
	feats, off := d.sfeats[:0], d.soff[:0]
	for si, sg := range d.segments {
		feats, off = feats[:0], off[:0]
		for i := sg.start; i < sg.end; i++ {
			off = append(off, len(feats))
			if d.off != nil {
				feats = append(feats, d.feats[d.off[i]:d.off[i+1]]...)
			} else {
				feats = d.staticFeatures(feats, i, sg, d.capsSeg[si], d.caseSeen, d.lb)
			}
			feats = d.historyFeatures(feats, i, mem, hist, lb)
		}
		off = append(off, len(feats))
		tag(sg, feats, off)
		for i := sg.start; i < sg.end; i++ {
			if v := &d.views[i]; v.capitalized {
				k := labels[i]
				mem[v.id] = k + 1
				hist[int(v.id)*histKinds+labelKind(k)]++
			}
		}
	}
	d.sfeats, d.soff = feats, off
}

// normalize lowercases w and replaces every digit with 0, so that numbers
// and dates share features.
func normalize(w string) string {
	var b strings.Builder
	b.Grow(len(w))
	changed := false
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			b.WriteByte('0')
			changed = changed || r != '0'
		case unicode.IsUpper(r):
			b.WriteRune(unicode.ToLower(r))
			changed = true
		default:
			b.WriteRune(r)
		}
	}
	if !changed {
		return w
	}
	return b.String()
}

// shortShape returns the short form of a word shape (pipeline.Word.Shape):
// every run of one character cut to one ("Xxxxx" → "Xx", "dd-dd" → "d-d").
// The classes of a shape are X, x, d and runes that are not letters or
// digits, so runs of the shape are runs of the word.
func shortShape(shape string) string {
	var last rune = -1
	for i, r := range shape {
		if r == last {
			return collapseRuns(shape, i)
		}
		last = r
	}
	return shape
}

// collapseRuns is shortShape for a shape whose first repeat is at byte i.
func collapseRuns(shape string, i int) string {
	var b strings.Builder
	b.Grow(len(shape))
	b.WriteString(shape[:i])
	last, _ := utf8.DecodeLastRuneInString(shape[:i])
	for _, r := range shape[i:] {
		if r != last {
			b.WriteRune(r)
		}
		last = r
	}
	return b.String()
}

// allCaps reports whether a sequence is an all-caps line (a headline): at
// least three letters and no lowercase letter.
func allCaps(vs []tokenView) bool {
	for _, v := range vs {
		if v.flags.Has(pipeline.HasLower) {
			return false
		}
	}
	letters := 0
	for _, v := range vs {
		if !v.flags.Has(pipeline.HasLetter) {
			continue
		}
		for _, r := range v.word {
			if unicode.IsLower(r) {
				return false
			}
			if unicode.IsLetter(r) {
				letters++
			}
		}
	}
	return letters >= 3
}

func runePrefix(s string, n int) (string, bool) {
	i := 0
	for k := 0; k < n; k++ {
		if i >= len(s) {
			return "", false
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i], i < len(s) || n == 1
}

func runeSuffix(s string, n int) (string, bool) {
	i := len(s)
	for k := 0; k < n; k++ {
		if i <= 0 {
			return "", false
		}
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:], i > 0 || n == 1
}
