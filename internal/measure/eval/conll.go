package eval

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/entente-nlp/entente/pipeline"
)

// ConllToken is one token line of a CoNLL-2003 file: the word, and the
// entity tag from the last column (O, I-PER, B-LOC, ...). POS and chunk
// columns are read but not used for scoring.
type ConllToken struct {
	Word  string
	POS   string
	Chunk string
	Tag   string
}

// ConllDoc is one document of a CoNLL-2003 file (the text between two
// -DOCSTART- lines), as sentences of tokens.
type ConllDoc struct {
	// Line is the 1-based line where the document starts, for messages.
	Line      int
	Sentences [][]ConllToken
}

// ConllEntity is a typed entity over a document's flat token sequence:
// tokens [Start, End). Start is -1 for a prediction that does not line up
// with token boundaries (it can never match a gold entity).
type ConllEntity struct {
	Type       string
	Start, End int
}

// ReadConllFile reads the CoNLL-2003-format file at path, naming it in
// errors.
func ReadConllFile(path string) ([]ConllDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("conll: %w", err)
	}
	defer f.Close()
	return ReadConll(f, path)
}

// ReadConll parses CoNLL-2003 data: one token per line with the word in the
// first column and the entity tag in the last, blank lines between
// sentences, "-DOCSTART-" lines between documents. Both IOB1 (the original
// CoNLL-2003 files) and IOB2/BIO tags are accepted. name is used in error
// messages. A file with no -DOCSTART- is one document.
func ReadConll(r io.Reader, name string) ([]ConllDoc, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	var (
		docs []ConllDoc
		doc  *ConllDoc
		sent []ConllToken
		line int
	)
	flushSent := func() {
		if len(sent) > 0 {
			if doc == nil {
				docs = append(docs, ConllDoc{Line: line})
				doc = &docs[len(docs)-1]
			}
			doc.Sentences = append(doc.Sentences, sent)
			sent = nil
		}
	}
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		fields := strings.Fields(text)
		if len(fields) == 0 {
			flushSent()
			continue
		}
		if fields[0] == "-DOCSTART-" {
			flushSent()
			docs = append(docs, ConllDoc{Line: line})
			doc = &docs[len(docs)-1]
			continue
		}
		if len(fields) < 2 {
			return nil, fmt.Errorf("eval: conll %s:%d: want a word and an entity tag, got %q", name, line, text)
		}
		tag := fields[len(fields)-1]
		if err := checkConllTag(tag); err != nil {
			return nil, fmt.Errorf("eval: conll %s:%d: %w", name, line, err)
		}
		tok := ConllToken{Word: fields[0], Tag: tag}
		if len(fields) >= 3 {
			tok.POS = fields[1]
		}
		if len(fields) >= 4 {
			tok.Chunk = fields[2]
		}
		sent = append(sent, tok)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: conll %s: reading line %d: %w", name, line+1, err)
	}
	flushSent()
	// Drop documents with no tokens (a trailing -DOCSTART-).
	out := docs[:0]
	for _, d := range docs {
		if len(d.Sentences) > 0 {
			out = append(out, d)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("eval: conll %s: no tokens found", name)
	}
	return out, nil
}

func checkConllTag(tag string) error {
	if tag == "O" {
		return nil
	}
	if len(tag) > 2 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-' {
		return nil
	}
	return fmt.Errorf("bad entity tag %q (want O, B-TYPE or I-TYPE)", tag)
}

// Tokens returns the document's tokens in order, across sentences.
func (d *ConllDoc) Tokens() []ConllToken {
	var out []ConllToken
	for _, s := range d.Sentences {
		out = append(out, s...)
	}
	return out
}

// Text joins the document's words into text: tokens of a sentence separated
// by single spaces, sentences by a newline. It returns the text and the byte
// span [starts[i], ends[i]) of each flat token, so spans found in the text
// map back to tokens exactly.
func (d *ConllDoc) Text() (text string, starts, ends []int) {
	var b strings.Builder
	for si, s := range d.Sentences {
		if si > 0 {
			b.WriteByte('\n')
		}
		for ti, t := range s {
			if ti > 0 {
				b.WriteByte(' ')
			}
			starts = append(starts, b.Len())
			b.WriteString(t.Word)
			ends = append(ends, b.Len())
		}
	}
	return b.String(), starts, ends
}

// Gold returns the document's entities from its tags, over flat token
// indices. I-X after O or another type starts an entity (IOB1); B-X always
// does.
func (d *ConllDoc) Gold() []ConllEntity {
	tags := make([]string, 0, 64)
	for _, t := range d.Tokens() {
		tags = append(tags, t.Tag)
	}
	return EntitiesFromTags(tags)
}

// EntitiesFromTags groups IOB1 or IOB2 tags into entities over token
// indices. Types are the tag suffixes as written (PER, LOC, ORG, MISC).
func EntitiesFromTags(tags []string) []ConllEntity {
	var out []ConllEntity
	cur := -1 // index in out of the open entity
	for i, tag := range tags {
		if tag == "O" || len(tag) < 3 {
			cur = -1
			continue
		}
		typ := tag[2:]
		if tag[0] == 'I' && cur >= 0 && out[cur].Type == typ {
			out[cur].End = i + 1
			continue
		}
		out = append(out, ConllEntity{Type: typ, Start: i, End: i + 1})
		cur = len(out) - 1
	}
	return out
}

// AlignSpans maps byte spans of a document's Text (see ConllDoc.Text) to
// token ranges. A span that does not start at a token start and end at a
// token end gets Start -1. Exact duplicates are dropped.
func AlignSpans(starts, ends []int, spans []TypedSpan) []ConllEntity {
	byStart := make(map[int]int, len(starts))
	byEnd := make(map[int]int, len(ends))
	for i := range starts {
		byStart[starts[i]] = i
		byEnd[ends[i]] = i
	}
	seen := map[TypedSpan]bool{}
	var out []ConllEntity
	for _, s := range spans {
		if seen[s] {
			continue
		}
		seen[s] = true
		a, okA := byStart[s.Start]
		b, okB := byEnd[s.End]
		if !okA || !okB || b < a {
			out = append(out, ConllEntity{Type: s.Type, Start: -1, End: -1})
			continue
		}
		out = append(out, ConllEntity{Type: s.Type, Start: a, End: b + 1})
	}
	return out
}

// TypedSpan is a predicted entity as a byte span of text with a CoNLL type
// (PER, LOC, ORG).
type TypedSpan struct {
	Type       string
	Start, End int
}

// ConllType maps an entity type from entente (PERSON, COUNTRY, LOCATION,
// ORGANIZATION), prose (PERSON, GPE, ORGANIZATION) or CoNLL itself to the
// CoNLL type scored here: PER, LOC or ORG. Other types map to "".
func ConllType(t string) string {
	switch strings.ToUpper(t) {
	case "PER", "PERSON":
		return "PER"
	case "LOC", "LOCATION", "COUNTRY", "GPE", "CITY", "PLACE":
		return "LOC"
	case "ORG", "ORGANIZATION", "ORGANISATION":
		return "ORG"
	}
	return ""
}

// ConllTypes are the entity types ConllScorer scores by default.
var ConllTypes = []string{"LOC", "ORG", "PER"}

// Counts holds true positives, false positives and false negatives.
type Counts struct {
	TP, FP, FN int
}

// Precision is TP/(TP+FP), 0 when nothing was predicted.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN), 0 when there was nothing to find.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall, 0 when both are 0.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// ConllScorer accumulates exact-span entity matches per type over
// documents. An entity is correct only when its type and both token
// boundaries match a gold entity. Entities of types outside Types (MISC,
// say) are ignored on both sides. The zero value is not usable; call
// NewConllScorer.
type ConllScorer struct {
	types  map[string]bool
	counts map[string]*Counts
	// Tokens and Docs count what was scored.
	Tokens int
	Docs   int
	// Elapsed is the time the system took (set by ScoreConll).
	Elapsed time.Duration
	// KeepErrors makes Add record every error in Errors.
	KeepErrors bool
	Errors     []ConllError
}

// NewConllScorer scores the given types (ConllTypes when none are given).
func NewConllScorer(types ...string) *ConllScorer {
	if len(types) == 0 {
		types = ConllTypes
	}
	s := &ConllScorer{types: map[string]bool{}, counts: map[string]*Counts{}}
	for _, t := range types {
		s.types[t] = true
		s.counts[t] = &Counts{}
	}
	return s
}

// Add scores one document's predictions against its gold entities and adds
// tokens to the token count.
func (s *ConllScorer) Add(gold, pred []ConllEntity, tokens int) {
	s.Docs++
	s.Tokens += tokens
	want := map[ConllEntity]bool{}
	for _, g := range gold {
		if s.types[g.Type] {
			want[g] = true
		}
	}
	got := map[ConllEntity]bool{}
	for _, p := range pred {
		if !s.types[p.Type] {
			continue
		}
		if p.Start >= 0 {
			if got[p] {
				continue
			}
			got[p] = true
		}
		if p.Start >= 0 && want[p] {
			s.counts[p.Type].TP++
			delete(want, p)
		} else {
			s.counts[p.Type].FP++
			if s.KeepErrors {
				s.Errors = append(s.Errors, ConllError{Kind: "spurious", ConllEntity: p})
			}
		}
	}
	for _, g := range gold { // in gold order, for stable listings
		if want[g] {
			s.counts[g.Type].FN++
			if s.KeepErrors {
				s.Errors = append(s.Errors, ConllError{Kind: "missed", ConllEntity: g})
			}
			delete(want, g)
		}
	}
}

// Types returns the scored types, sorted.
func (s *ConllScorer) Types() []string {
	out := make([]string, 0, len(s.types))
	for t := range s.types {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// Type returns the counts for one type.
func (s *ConllScorer) Type(t string) Counts {
	if c, ok := s.counts[t]; ok {
		return *c
	}
	return Counts{}
}

// Micro returns the counts summed over all types.
func (s *ConllScorer) Micro() Counts {
	var m Counts
	for _, c := range s.counts {
		m.TP += c.TP
		m.FP += c.FP
		m.FN += c.FN
	}
	return m
}

// WriteTable prints precision, recall and F1 per type and micro-averaged.
func (s *ConllScorer) WriteTable(w io.Writer) error {
	var errs []error
	pr := func(format string, a ...any) {
		_, err := fmt.Fprintf(w, format, a...)
		errs = append(errs, err)
	}
	pr("%-6s %6s %6s %6s %6s %6s %6s\n", "type", "P", "R", "F1", "tp", "fp", "fn")
	for _, t := range s.Types() {
		c := s.Type(t)
		pr("%-6s %6.3f %6.3f %6.3f %6d %6d %6d\n", t, c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN)
	}
	m := s.Micro()
	pr("%-6s %6.3f %6.3f %6.3f %6d %6d %6d\n", "micro", m.Precision(), m.Recall(), m.F1(), m.TP, m.FP, m.FN)
	return errors.Join(errs...)
}

// Document returns a pipeline document whose Text is the document's words
// joined as ConllDoc.Text joins them, ready for the nlp stage.
func (d *ConllDoc) Document(id string) *pipeline.Document {
	text, _, _ := d.Text()
	return &pipeline.Document{ID: id, Source: id, Format: "text", Original: []byte(text), Text: text}
}

// TokenLabels projects the document's gold entities onto another
// tokenization of its Text (the nlp stage's tokens, say) as BIO labels:
// the first token inside a gold entity gets B-TYPE, the following ones
// I-TYPE, tokens outside any entity O. A token belongs to the CoNLL token
// that contains its start.
func (d *ConllDoc) TokenLabels(tokens []pipeline.Token) []string {
	_, starts, ends := d.Text()
	owner := func(off int) int { // CoNLL token containing off, or -1
		i := sort.SearchInts(ends, off+1) // first token with end > off
		if i < len(starts) && starts[i] <= off {
			return i
		}
		return -1
	}
	entOf := make([]int, len(starts))
	for i := range entOf {
		entOf[i] = -1
	}
	gold := d.Gold()
	for e, g := range gold {
		for i := g.Start; i < g.End; i++ {
			entOf[i] = e
		}
	}
	out := make([]string, len(tokens))
	prevEnt := -1
	for i, t := range tokens {
		out[i] = "O"
		o := owner(t.Start)
		e := -1
		if o >= 0 {
			e = entOf[o]
		}
		if e >= 0 {
			if e == prevEnt {
				out[i] = "I-" + gold[e].Type
			} else {
				out[i] = "B-" + gold[e].Type
			}
		}
		prevEnt = e
	}
	return out
}

// ConllTagger finds entities in a document built by ConllDoc.Document
// (only Text is set) and returns them as byte spans of its Text with CoNLL
// types (see ConllType); spans of other types are ignored by the scorer.
type ConllTagger func(ctx context.Context, d *pipeline.Document) ([]TypedSpan, error)

// ScoreConll runs tag over every document and scores its output against the
// gold entities. Scorer.Elapsed is the time spent inside tag. A tagger error
// stops the run: it means the system is broken, not that a document is bad.
func ScoreConll(ctx context.Context, docs []ConllDoc, tag ConllTagger) (*ConllScorer, error) {
	s := NewConllScorer()
	if err := s.Run(ctx, docs, tag); err != nil {
		return nil, err
	}
	return s, nil
}

// Run is ScoreConll on an existing scorer (to keep errors, say).
func (s *ConllScorer) Run(ctx context.Context, docs []ConllDoc, tag ConllTagger) error {
	for i := range docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		_, starts, ends := docs[i].Text()
		d := docs[i].Document(fmt.Sprintf("conll-%d", i+1))
		t0 := time.Now()
		spans, err := tag(ctx, d)
		s.Elapsed += time.Since(t0)
		if err != nil {
			return fmt.Errorf("eval: conll document %d (line %d): %w", i+1, docs[i].Line, err)
		}
		pred := AlignSpans(starts, ends, spans)
		// The texts of unaligned predictions, in pred order.
		var unaligned []string
		seen := map[TypedSpan]bool{}
		for _, sp := range spans {
			if !seen[sp] {
				seen[sp] = true
				if AlignSpans(starts, ends, []TypedSpan{sp})[0].Start < 0 && s.types[sp.Type] {
					unaligned = append(unaligned, d.Slice(pipeline.Span{Start: sp.Start, End: sp.End}))
				}
			}
		}
		before := len(s.Errors)
		s.Add(docs[i].Gold(), pred, len(starts))
		// Name the words of the errors Add recorded.
		words := docs[i].Tokens()
		for k := before; k < len(s.Errors); k++ {
			e := &s.Errors[k]
			e.Doc, e.Line = i+1, docs[i].Line
			switch {
			case e.Start >= 0:
				ws := make([]string, 0, e.End-e.Start)
				for _, t := range words[e.Start:e.End] {
					ws = append(ws, t.Word)
				}
				e.Text = strings.Join(ws, " ")
			case len(unaligned) > 0:
				e.Text, unaligned = unaligned[0]+" (not on token boundaries)", unaligned[1:]
			}
		}
	}
	return nil
}

// ConllError is one scoring error: a gold entity the system missed, or one
// it predicted that is not in the gold data (wrong type or boundaries
// included).
type ConllError struct {
	// Kind is "missed" or "spurious".
	Kind string
	ConllEntity
	// Doc is the 1-based document number, Line its first line in the file.
	Doc, Line int
	// Text is the entity's words joined by spaces.
	Text string
}

// TokensPerSecond is Tokens/Elapsed, 0 when nothing was timed.
func (s *ConllScorer) TokensPerSecond() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Tokens) / s.Elapsed.Seconds()
}

// SpansFromLabels groups per-token IOB labels (B-PERSON, I-GPE, ...) into
// typed byte spans, mapping types with ConllType. Tokens with empty labels
// count as O.
func SpansFromLabels(tokens []pipeline.Token, labels []string) []TypedSpan {
	tags := make([]string, len(labels))
	for i, l := range labels {
		if l == "" {
			l = "O"
		}
		tags[i] = l
	}
	var out []TypedSpan
	for _, e := range EntitiesFromTags(tags) {
		if t := ConllType(e.Type); t != "" {
			out = append(out, TypedSpan{Type: t, Start: tokens[e.Start].Start, End: tokens[e.End-1].End})
		}
	}
	return out
}
