package clean

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"

	"github.com/entente-nlp/entente/pipeline"
)

// selectArticle marks as boilerplate every block of r that the main-content
// extractor (go-readability, the Go port of Firefox Reader View's
// Readability.js) did not keep, so that only the article is mined. The
// extractor gives no source offsets, so entente keeps its own offset-mapped
// blocks and matches them to the extractor's text by word trigrams: a block
// is the article's when at least half of its trigrams occur there (a
// block of one or two words, when it equals one of the article's text
// nodes). Class/id hints then mark furniture inside the article, unless
// the hinted element holds most of it. The headline, a byline and a
// dateline near the top are kept with their own kinds. When the extractor
// fails or finds no text, the blocks are left as the hints made them.
func selectArticle(src []byte, r *rendered) {
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		return
	}
	p := readability.NewParser()
	p.DisableJSONLD = true
	art, err := p.ParseAndMutate(doc, nil)
	if err != nil || art.Node == nil {
		return
	}
	idx := newShingles()
	texts := 0
	walkText(art.Node, func(s string) {
		if idx.addNode(s) {
			texts++
		}
	})
	if texts == 0 {
		return
	}
	title := wordKey(art.Title())
	first, last := -1, -1
	kept := make([]bool, len(r.blocks))
	for i := range r.blocks {
		blk := &r.blocks[i]
		text := r.text[blk.Start:blk.End]
		switch {
		case idx.holds(text):
			kept[i] = true
		case blk.kind == heading && title != "" && wordKey(text) == title:
			kept[i] = true
			blk.role = pipeline.BlockTitle
			title = "" // the first one only
		}
		blk.boiler = !kept[i]
		if kept[i] {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	for i := range r.blocks {
		blk := &r.blocks[i]
		if kept[i] {
			continue
		}
		// A byline or dateline between the headline and the body is the
		// article's, though the extractor moves it to its metadata.
		if i > first && i < last && first >= 0 {
			if role := metaLine(r.text[blk.Start:blk.End]); role != "" {
				blk.role, blk.boiler, kept[i] = role, false, true
			}
		}
	}
	// Inside the article, hints still mark share bars and related-story
	// lists, unless the hinted element holds most of the article.
	furniture(r.blocks, r.nhints, kept)
}

// walkText calls f with the text of every text node under n, in order.
func walkText(n *html.Node, f func(string)) {
	if n.Type == html.TextNode {
		f(n.Data)
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkText(c, f)
	}
}

var (
	reBylineBlock = regexp.MustCompile(`^(?i:by|written by|words by|posted by|reporting by)\s+\p{Lu}`)
	reDateBlock   = regexp.MustCompile(`(?i)\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|\d{4}-\d\d-\d\d|(?:updated|published|posted)\b)`)
)

// metaLine returns pipeline.BlockByline or BlockDateline when a short block
// reads as one ("By Jane Doe", "March 13, 2015 9:30 pm"), else "".
func metaLine(s string) string {
	s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), "."))
	if s == "" || utf8.RuneCountInString(s) > 120 {
		return ""
	}
	if reBylineBlock.MatchString(s) {
		return pipeline.BlockByline
	}
	if reDateBlock.MatchString(s) && len(strings.Fields(s)) <= 12 {
		return pipeline.BlockDateline
	}
	return ""
}

// shingles indexes a text by word trigrams (and whole short text nodes),
// case-folded, as hashes.
type shingles struct {
	tri   map[uint64]struct{}
	nodes map[string]struct{}
	// the last two word hashes seen, across text nodes (inline markup
	// splits a sentence into several nodes)
	prev, w1, w2 uint64
	n            int
}

func newShingles() *shingles {
	return &shingles{tri: map[uint64]struct{}{}, nodes: map[string]struct{}{}}
}

// addNode indexes the words of one text node and reports whether it held
// any.
func (s *shingles) addNode(text string) bool {
	any := false
	forWords(text, func(h uint64) {
		any = true
		s.prev, s.w1, s.w2 = s.w1, s.w2, h
		s.n++
		if s.n >= 3 {
			s.tri[trigram(s.prev, s.w1, s.w2)] = struct{}{}
		}
	})
	if any {
		if k := wordKey(text); len(strings.Fields(k)) <= 3 {
			s.nodes[k] = struct{}{}
		}
	}
	return any
}

// holds reports whether a block of entente's text belongs to the indexed
// text.
func (s *shingles) holds(text string) bool {
	var hs []uint64
	forWords(text, func(h uint64) { hs = append(hs, h) })
	if len(hs) == 0 {
		return false
	}
	if len(hs) < 3 {
		_, ok := s.nodes[wordKey(text)]
		return ok
	}
	hit := 0
	for i := 2; i < len(hs); i++ {
		if _, ok := s.tri[trigram(hs[i-2], hs[i-1], hs[i])]; ok {
			hit++
		}
	}
	return 2*hit >= len(hs)-2
}

func trigram(a, b, c uint64) uint64 {
	return a*0x9E3779B97F4A7C15 ^ (b*0xC2B2AE3D27D4EB4F+c)*0x165667B19E3779F9
}

// forWords calls f with a case-folded hash of every word (run of letters
// and digits) of s.
func forWords(s string, f func(uint64)) {
	const offset, prime = 14695981039346656037, 1099511628211
	h, in := uint64(offset), false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			h = (h ^ uint64(unicode.ToLower(r))) * prime
			in = true
			continue
		}
		if in {
			f(h)
			h, in = offset, false
		}
	}
	if in {
		f(h)
	}
}

// wordKey is s as lower-case words joined by single spaces.
func wordKey(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}
