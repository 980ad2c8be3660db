package nlp

import (
	_ "embed"
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"math"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/jdkato/prose/v3/tag/aptagmodel"
	"github.com/jdkato/prose/v3/token"
)

// FastTagger gives exactly the tags of prose v3's averaged-perceptron
// tagger (tag.Tagger with no lexicon) on the same model, several times
// faster: prose finds each of the 14 features of a token by binary search
// over 75,000 sorted strings; FastTagger finds it in a pointer-free open
// addressing table. Feature order, float32 accumulation order and tie
// breaking are prose's, so the scores are bit for bit the same.
// It is safe for concurrent use.
type FastTagger struct {
	classes  []string
	blob     string   // feature strings, concatenated (zero-copy from the model)
	featOff  []uint32 // nFeatures+1 offsets into blob
	pairOff  []uint32 // nFeatures+1 offsets into classIDs/weights
	classIDs []uint8
	weights  []float32
	tagMap   map[string]uint8

	seed  maphash.Seed
	slots []uint32 // feature index+1, 0 when empty
	mask  uint32

	// Features that depend only on the previous two tags, looked up once:
	// tagIDs numbers the classes and the start sentinels; bias, prev1,
	// prev2 and pair hold feature indexes (-1 when the model lacks one).
	tagIDs       map[string]int
	bias         int
	prev1, prev2 []int
	pair         []int // [id1*len(tagIDs)+id2]

	// The other features are found by value (see values.go): the words
	// and suffixes of the context are looked up once per position.
	vals *featureValues

	pool sync.Pool
}

type tagScratch struct {
	scores  []float32
	key     []byte
	context []string
	// word and suffix hold the value ids of context[j] and of its last
	// three bytes (-1 when no feature has that value).
	word, suffix []int32
}

// Penn Treebank traces and bracket literals, passed through unscored (as
// prose does).
var (
	noneRe = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	keepRe = regexp.MustCompile(`^\-[A-Z]{3}\-$`)
)

//go:embed data/emoticons.txt
var emoticonData string

// emoticons are tagged SYM without scoring (data/SOURCE).
var emoticons = func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(emoticonData, "\n") {
		if line != "" {
			m[line] = true
		}
	}
	return m
}()

var sharedFast = sync.OnceValues(func() (*FastTagger, error) { return newFastTagger(aptagmodel.English) })

// SharedFastTagger returns the process-wide fast tagger on prose's built-in
// English model, loading it on first use.
func SharedFastTagger() (*FastTagger, error) { return sharedFast() }

// newFastTagger decodes a model in prose's flat format (magic "PROSETAG",
// version 1: classes, features as a sorted string blob with offsets,
// compressed-sparse-row weights, unambiguous-word map).
func newFastTagger(data []byte) (*FastTagger, error) {
	r := &flatReader{b: data}
	if string(r.bytes(8)) != "PROSETAG" {
		return nil, fmt.Errorf("nlp: tagger model: not a prose flat model")
	}
	if v := r.u32(); v != 1 {
		return nil, fmt.Errorf("nlp: tagger model: unsupported version %d", v)
	}
	t := &FastTagger{seed: maphash.MakeSeed()}
	nClasses := int(r.u32())
	if nClasses > 256 {
		return nil, fmt.Errorf("nlp: tagger model: %d classes, at most 256", nClasses)
	}
	for i := 0; i < nClasses && r.err == nil; i++ {
		t.classes = append(t.classes, r.str16())
	}
	nFeatures, nPairs, blobLen := int(r.u32()), int(r.u32()), int(r.u32())
	blob := r.bytes(blobLen)
	if len(blob) > 0 {
		t.blob = unsafe.String(&blob[0], len(blob)) // read-only embedded data
	}
	t.featOff = r.u32s(nFeatures + 1)
	t.pairOff = r.u32s(nFeatures + 1)
	t.classIDs = append([]uint8(nil), r.bytes(nPairs)...)
	t.weights = r.f32s(nPairs)
	nTagMap := int(r.u32())
	if r.err != nil {
		return nil, fmt.Errorf("nlp: tagger model: %w", r.err)
	}
	t.tagMap = make(map[string]uint8, nTagMap)
	for i := 0; i < nTagMap; i++ {
		w, id := r.str16(), r.u8()
		if r.err != nil {
			return nil, fmt.Errorf("nlp: tagger model: %w", r.err)
		}
		if int(id) >= nClasses {
			return nil, fmt.Errorf("nlp: tagger model: word %q has class %d of %d", w, id, nClasses)
		}
		t.tagMap[w] = id
	}
	if int(t.featOff[nFeatures]) != len(t.blob) || int(t.pairOff[nFeatures]) != nPairs {
		return nil, fmt.Errorf("nlp: tagger model: offsets disagree with the data")
	}
	for f := 0; f < nFeatures; f++ {
		if a, b := t.featOff[f], t.featOff[f+1]; a > b || b-a >= 1<<24 {
			return nil, fmt.Errorf("nlp: tagger model: feature %d has bad offsets %d..%d", f, a, b)
		}
	}
	for _, id := range t.classIDs {
		if int(id) >= nClasses {
			return nil, fmt.Errorf("nlp: tagger model: class %d of %d", id, nClasses)
		}
	}
	size := 16
	for size < 2*nFeatures {
		size <<= 1
	}
	t.slots, t.mask = make([]uint32, size), uint32(size-1)
	for f := 0; f < nFeatures; f++ {
		i := uint32(maphash.String(t.seed, t.feature(f))) & t.mask
		for t.slots[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = uint32(f) + 1
	}
	t.tagIDs = map[string]int{}
	tags := append(append([]string(nil), t.classes...), "-START-", "-START2-")
	for _, tg := range tags {
		if _, dup := t.tagIDs[tg]; !dup {
			t.tagIDs[tg] = len(t.tagIDs)
		}
	}
	n := len(t.tagIDs)
	t.bias = t.lookup([]byte("bias"))
	t.prev1, t.prev2, t.pair = make([]int, n), make([]int, n), make([]int, n*n)
	for a, i := range t.tagIDs {
		t.prev1[i] = t.lookup([]byte("i-1 tag " + a))
		t.prev2[i] = t.lookup([]byte("i-2 tag " + a))
		for b, j := range t.tagIDs {
			t.pair[i*n+j] = t.lookup([]byte("i tag+i-2 tag " + a + " " + b))
		}
	}
	t.vals = newFeatureValues(t)
	t.pool.New = func() any {
		return &tagScratch{scores: make([]float32, nClasses), key: make([]byte, 0, 64)}
	}
	return t, nil
}

func (t *FastTagger) feature(f int) string { return t.blob[t.featOff[f]:t.featOff[f+1]] }

// lookup returns the index of feature key, or -1.
func (t *FastTagger) lookup(key []byte) int {
	for i := uint32(maphash.Bytes(t.seed, key)) & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s == 0 {
			return -1
		}
		if f := int(s - 1); t.feature(f) == string(key) {
			return f
		}
	}
}

// TagTokens sets the Tag of every token from its Text, treating the slice
// as one sequence, as prose's tag.Tagger.TagTokens does.
func (t *FastTagger) TagTokens(tokens []token.Token) {
	if len(tokens) == 0 {
		return
	}
	s := t.pool.Get().(*tagScratch)
	defer t.pool.Put(s)
	need := len(tokens) + 4
	if cap(s.context) < need {
		s.context = make([]string, need)
	}
	ctx := s.context[:need]
	ctx[0], ctx[1] = "-START-", "-START2-"
	for i := range tokens {
		ctx[i+2] = normalizeWord(tokens[i].Text)
	}
	ctx[need-2], ctx[need-1] = "-END-", "-END2-"
	s.word, s.suffix = grow(s.word, need), grow(s.suffix, need)
	for j, w := range ctx {
		s.word[j], s.suffix[j] = t.vals.id(w), t.vals.id(suffixBytes(w, 3))
	}
	p1, p2 := "-START-", "-START2-"
	for i := range tokens {
		tg := t.tagOne(s, i, ctx, tokens[i].Text, p1, p2)
		tokens[i].Tag = tg
		p2, p1 = p1, tg
	}
	clear(ctx) // drop references to the document's words
}

func (t *FastTagger) tagOne(s *tagScratch, i int, ctx []string, word, p1, p2 string) string {
	switch {
	case word == "-":
		return "-"
	case emoticons[word]:
		return "SYM"
	case strings.HasPrefix(word, "@"):
		return "NN"
	case mayBeTrace(word) && noneRe.MatchString(word):
		return "-NONE-"
	case len(word) == 5 && keepRe.MatchString(word):
		return word
	}
	if id, ok := t.tagMap[word]; ok {
		return t.classes[id]
	}
	return t.predict(s, i, ctx, word, p1, p2)
}

// mayBeTrace is a cheap necessary condition for noneRe: "0", or a word
// starting with '*'.
func mayBeTrace(w string) bool { return w == "0" || strings.HasPrefix(w, "*") }

func (t *FastTagger) predict(s *tagScratch, i int, ctx []string, word, p1, p2 string) string {
	clear(s.scores)
	i += 2
	v := t.vals
	id1, ok1 := t.tagIDs[p1]
	id2, ok2 := t.tagIDs[p2]
	t.add(s, t.bias)
	t.add(s, v.feature(v.id(suffixBytes(word, 3)), fSuffix))
	t.add(s, v.feature(v.byteID(word), fPref1))
	if ok1 {
		t.add(s, t.prev1[id1])
	} else {
		t.feat(s, "i-1 tag ", p1, "", "")
	}
	if ok2 {
		t.add(s, t.prev2[id2])
	} else {
		t.feat(s, "i-2 tag ", p2, "", "")
	}
	if ok1 && ok2 {
		t.add(s, t.pair[id1*len(t.tagIDs)+id2])
	} else {
		t.feat(s, "i tag+i-2 tag ", p1, " ", p2)
	}
	t.add(s, v.feature(s.word[i], fWord))
	if ok1 {
		t.add(s, v.tagWord(id1, s.word[i]))
	} else {
		t.feat(s, "i-1 tag+i word ", p1, " ", ctx[i])
	}
	t.add(s, v.feature(s.word[i-1], fPrevWord))
	t.add(s, v.feature(s.suffix[i-1], fPrevSuffix))
	t.add(s, v.feature(s.word[i-2], fPrev2Word))
	t.add(s, v.feature(s.word[i+1], fNextWord))
	t.add(s, v.feature(s.suffix[i+1], fNextSuffix))
	t.add(s, v.feature(s.word[i+2], fNext2Word))
	best, bestID := float32(math.Inf(-1)), -1
	for id, sc := range s.scores {
		if sc > best {
			best, bestID = sc, id
		}
	}
	if bestID < 0 {
		return ""
	}
	return t.classes[bestID]
}

// feat adds the weights of the feature a+b+c+d into the scores.
func (t *FastTagger) feat(s *tagScratch, a, b, c, d string) {
	s.key = append(append(append(append(s.key[:0], a...), b...), c...), d...)
	t.add(s, t.lookup(s.key))
}

// add adds the weights of feature f (none when f < 0) into the scores.
func (t *FastTagger) add(s *tagScratch, f int) {
	if f < 0 {
		return
	}
	lo, hi := t.pairOff[f], t.pairOff[f+1]
	ids, wts := t.classIDs[lo:hi], t.weights[lo:hi]
	for j := range ids {
		s.scores[ids[j]] += 1 * wts[j]
	}
}

func suffixBytes(w string, n int) string {
	if len(w) <= n {
		return w
	}
	return w[len(w)-n:]
}

// normalizeWord maps a word onto the form the model was trained on:
// !HYPHEN, !YEAR, !DIGITS or lower case.
func normalizeWord(w string) string {
	if w == "" {
		return w
	}
	first := w[0]
	if first != '-' && strings.IndexByte(w, '-') >= 0 {
		return "!HYPHEN"
	}
	if len(w) == 4 && isYear(w) {
		return "!YEAR"
	}
	if first >= '0' && first <= '9' {
		return "!DIGITS"
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; (c >= 'A' && c <= 'Z') || c >= utf8.RuneSelf {
			return strings.ToLower(w)
		}
	}
	return w
}

// isYear reports whether the 4-byte s is an optionally signed decimal
// integer (what strconv.Atoi accepts).
func isYear(s string) bool {
	i := 0
	if s[0] == '+' || s[0] == '-' {
		i = 1
	}
	if i == len(s) {
		return false
	}
	for ; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// flatReader reads prose's little-endian flat model format.
type flatReader struct {
	b   []byte
	pos int
	err error
}

func (r *flatReader) bytes(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || r.pos+n > len(r.b) {
		r.err = fmt.Errorf("truncated at byte %d (wanted %d more)", r.pos, n)
		return nil
	}
	out := r.b[r.pos : r.pos+n]
	r.pos += n
	return out
}

func (r *flatReader) u32() uint32 {
	if b := r.bytes(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

func (r *flatReader) u16() uint16 {
	if b := r.bytes(2); b != nil {
		return binary.LittleEndian.Uint16(b)
	}
	return 0
}

func (r *flatReader) u8() uint8 {
	if b := r.bytes(1); b != nil {
		return b[0]
	}
	return 0
}

func (r *flatReader) str16() string { return string(r.bytes(int(r.u16()))) }

func (r *flatReader) u32s(n int) []uint32 {
	b := r.bytes(4 * n)
	if b == nil {
		return make([]uint32, n)
	}
	out := make([]uint32, n)
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return out
}

func (r *flatReader) f32s(n int) []float32 {
	b := r.bytes(4 * n)
	if b == nil {
		return nil
	}
	out := make([]float32, n)
	for i := range out {
		out[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
	}
	return out
}
