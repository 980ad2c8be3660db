package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/entente-nlp/entente/pipeline"
)

// pieceKind says how a piece of Text relates to Original.
type pieceKind uint8

const (
	copied   pieceKind = iota // s == src[orig:orig+origLen]
	replaced                  // s stands for src[orig:orig+origLen] (an entity, collapsed space)
	inserted                  // s has no source (a sentence stop, a paragraph break)
)

type piece struct {
	s       string
	orig    int
	origLen int
	kind    pieceKind
}

// blockKind is the role of a block of text; it decides separators and
// sentence stops.
type blockKind uint8

const (
	para blockKind = iota
	heading
	item
	code
	row
)

type block struct {
	kind   blockKind
	boiler bool
	// role is the block's Kind on the Document (pipeline.BlockCaption...);
	// empty means the default for kind.
	role string
	// hints are the ids of the enclosing elements whose class or id hint
	// at page furniture (HTML); boiler is decided from them at the end.
	hints  []int
	pieces []piece
}

// builder accumulates the clean text of a document as blocks of pieces, in
// Original order, and renders them into Text, Offsets and block spans.
type builder struct {
	src []byte
	// str is src as one string: copied pieces are substrings of it, so
	// copying allocates nothing.
	str    string
	blocks []block
	open   bool
}

func newBuilder(src []byte) *builder { return &builder{src: src, str: string(src)} }

// addCopy appends the copied run src[start:end], extending the last piece
// when it is the copy just before.
func (b *builder) addCopy(blk *block, start, end int) {
	if n := len(blk.pieces); n > 0 {
		last := &blk.pieces[n-1]
		if last.kind == copied && last.orig+last.origLen == start {
			last.origLen = end - last.orig
			last.s = b.str[last.orig:end]
			return
		}
	}
	blk.pieces = append(blk.pieces, piece{s: b.str[start:end], orig: start, origLen: end - start, kind: copied})
}

// start begins a new block of the given kind, closing the current one.
func (b *builder) start(kind blockKind, boiler bool) {
	b.blocks = append(b.blocks, block{kind: kind, boiler: boiler})
	b.open = true
}

// end closes the current block; text added next starts a paragraph.
func (b *builder) end() { b.open = false }

func (b *builder) cur() *block {
	if !b.open {
		b.start(para, false)
	}
	return &b.blocks[len(b.blocks)-1]
}

// copy appends src[start:end] unchanged, replacing invalid UTF-8 bytes by
// U+FFFD so that Text is always valid.
func (b *builder) copy(start, end int) {
	if start >= end {
		return
	}
	blk := b.cur()
	run := start
	for i := start; i < end; {
		c := b.src[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b.src[i:end])
		if r == utf8.RuneError && n <= 1 {
			if run < i {
				b.addCopy(blk, run, i)
			}
			blk.pieces = append(blk.pieces, piece{s: "\uFFFD", orig: i, origLen: 1, kind: replaced})
			i++
			run = i
			continue
		}
		i += n
	}
	if run < end {
		b.addCopy(blk, run, end)
	}
}

// replace appends s standing for src[start:end].
func (b *builder) replace(s string, start, end int) {
	if s == "" {
		return
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if s == b.str[start:end] {
		b.copy(start, end)
		return
	}
	blk := b.cur()
	blk.pieces = append(blk.pieces, piece{s: s, orig: start, origLen: end - start, kind: replaced})
}

// insert appends s, which has no counterpart in Original.
func (b *builder) insert(s string) {
	blk := b.cur()
	blk.pieces = append(blk.pieces, piece{s: s, kind: inserted})
}

// endsInSpace reports whether the current block is empty or ends in white
// space (used to collapse HTML white space).
func (b *builder) endsInSpace() bool {
	if !b.open || len(b.blocks) == 0 {
		return true
	}
	ps := b.blocks[len(b.blocks)-1].pieces
	for i := len(ps) - 1; i >= 0; i-- {
		if ps[i].s == "" {
			continue
		}
		r, _ := utf8.DecodeLastRuneInString(ps[i].s)
		return unicode.IsSpace(r)
	}
	return true
}

// rendered is the output of render.
type rendered struct {
	text    string
	offsets pipeline.OffsetMap
	// blocks are the spans of the rendered blocks in text, with their kind
	// and boilerplate flag; a block span includes its inserted stop.
	blocks []renderedBlock
	// nhints is the number of hinted elements (HTML).
	nhints int
}

type renderedBlock struct {
	pipeline.Span
	kind   blockKind
	boiler bool
	role   string
	hints  []int
}

// render joins the non-empty blocks with paragraph breaks, inserting a
// sentence stop after blocks that do not end one.
func (b *builder) render() rendered {
	var out rendered
	var sb strings.Builder
	sb.Grow(len(b.src))
	blocks := make([]block, 0, len(b.blocks))
	for _, blk := range b.blocks {
		blk.pieces = trimPieces(blk.pieces)
		if len(blk.pieces) > 0 {
			blocks = append(blocks, blk)
		}
	}
	var st segState
	texts := make([]string, len(blocks))
	for i, blk := range blocks {
		var t strings.Builder
		for _, p := range blk.pieces {
			t.WriteString(p.s)
		}
		texts[i] = t.String()
	}
	for i, blk := range blocks {
		if i > 0 {
			sep := "\n\n"
			if (blk.kind == item || blk.kind == row) && blocks[i-1].kind == blk.kind {
				sep = "\n"
			}
			out.offsets, st = addSegment(out.offsets, st, sb.Len(), piece{s: sep, kind: inserted})
			sb.WriteString(sep)
		}
		startText := sb.Len()
		for _, p := range blk.pieces {
			out.offsets, st = addSegment(out.offsets, st, sb.Len(), p)
			sb.WriteString(p.s)
		}
		if i+1 < len(blocks) && needsStop(texts[i], blk.kind, texts[i+1]) {
			out.offsets, st = addSegment(out.offsets, st, sb.Len(), piece{s: ".", kind: inserted})
			sb.WriteString(".")
		}
		out.blocks = append(out.blocks, renderedBlock{Span: pipeline.Span{Start: startText, End: sb.Len()}, kind: blk.kind, boiler: blk.boiler, role: blk.role, hints: blk.hints})
	}
	out.text = sb.String()
	return out
}

// segState tracks the last segment added by addSegment: how it was made
// and where in Original the text so far ends.
type segState struct {
	kind    pieceKind
	origEnd int
}

// addSegment records where a piece placed at text offset at came from.
// Contiguous one-to-one copies merge into one segment. Inserted text gets
// a segment of original length 0 at the end of the preceding original
// text, so that a span lying wholly in inserted text (a sentence stop)
// maps to an empty span there rather than to an inverted one.
func addSegment(m pipeline.OffsetMap, st segState, at int, p piece) (pipeline.OffsetMap, segState) {
	if n := len(m); n > 0 && st.kind == p.kind && p.kind != replaced {
		last := &m[n-1]
		orig := p.orig
		if p.kind == inserted {
			orig = st.origEnd
		}
		if last.Text+last.Len == at && last.Orig+last.OrigLen == orig {
			last.Len += len(p.s)
			if p.kind == copied {
				last.OrigLen += p.origLen
				st.origEnd = last.Orig + last.OrigLen
			}
			return m, st
		}
	}
	if p.kind == inserted {
		return append(m, pipeline.Segment{Text: at, Orig: st.origEnd, Len: len(p.s)}), segState{kind: inserted, origEnd: st.origEnd}
	}
	return append(m, pipeline.Segment{Text: at, Orig: p.orig, Len: len(p.s), OrigLen: p.origLen}), segState{kind: p.kind, origEnd: p.orig + p.origLen}
}

// trimPieces drops white space at both ends of a block.
func trimPieces(ps []piece) []piece {
	for len(ps) > 0 {
		p := ps[0]
		t := strings.TrimLeftFunc(p.s, unicode.IsSpace)
		if t == p.s {
			break
		}
		if t == "" {
			ps = ps[1:]
			continue
		}
		if p.kind == copied {
			cut := len(p.s) - len(t)
			p = piece{s: t, orig: p.orig + cut, origLen: p.origLen - cut, kind: copied}
		} else {
			p.s = t
		}
		ps[0] = p
		break
	}
	for len(ps) > 0 {
		p := ps[len(ps)-1]
		t := strings.TrimRightFunc(p.s, unicode.IsSpace)
		if t == p.s {
			break
		}
		if t == "" {
			ps = ps[:len(ps)-1]
			continue
		}
		if p.kind == copied {
			p = piece{s: t, orig: p.orig, origLen: len(t), kind: copied}
		} else {
			p.s = t
		}
		ps[len(ps)-1] = p
		break
	}
	return ps
}

// needsStop decides whether a sentence stop goes after a block: when the
// block does not already end a sentence and the next block does not read
// as its continuation (starting in lower case). Headings always end.
func needsStop(text string, kind blockKind, next string) bool {
	t := strings.TrimRightFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("\"'»”’)]*_", r)
	})
	if t == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune(".!?…", last) {
		return false
	}
	if kind == heading || kind == row || kind == item {
		return true
	}
	if last == ':' {
		return false // "He said:" introduces the next block
	}
	for _, r := range next {
		if unicode.IsLetter(r) {
			return !unicode.IsLower(r)
		}
		if unicode.IsDigit(r) {
			return true
		}
	}
	return true
}
