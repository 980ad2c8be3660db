package clean

import (
	"bytes"
	"strings"

	"github.com/entente-nlp/entente/pipeline"
	"golang.org/x/net/html"
)

// dropped elements hold no visible article text: their content is skipped.
var dropped = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "head": true,
	"title": true, "nav": true, "aside": true, "svg": true, "iframe": true, "object": true,
	"button": true, "select": true, "textarea": true, "form": true, "canvas": true,
	"math": true, "map": true, "dialog": true,
}

// blockTags start and end a block of text.
var blockTags = map[string]blockKind{
	"p": para, "div": para, "section": para, "article": para, "main": para,
	"header": para, "footer": para, "blockquote": para, "address": para,
	"figure": para, "figcaption": para, "ul": para, "ol": para, "dl": para,
	"dt": item, "dd": item, "li": item, "table": para, "tr": row, "caption": para,
	"h1": heading, "h2": heading, "h3": heading, "h4": heading, "h5": heading, "h6": heading,
	"pre": code, "hr": para, "body": para, "html": para, "center": para, "details": para,
	"summary": heading, "fieldset": para, "legend": heading,
}

// headTags may appear in <head>; any other start tag ends an unclosed
// head.
var headTags = map[string]bool{
	"head": true, "meta": true, "link": true, "title": true, "script": true, "style": true,
	"base": true, "noscript": true, "template": true,
}

// voidTags never have content or an end tag.
var voidTags = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true,
	"track": true, "wbr": true, "param": true,
}

// boilerHints are the words of a class, id or role ("social-share",
// "related_stories", "cookie-banner") that mark an element as page
// furniture. Whole words only: "commentary" is not "comment".
var boilerHints = map[string]bool{
	"share": true, "sharing": true, "social": true, "comment": true, "comments": true,
	"newsletter": true, "subscribe": true, "subscription": true, "related": true,
	"advert": true, "advertisement": true, "ad": true, "ads": true, "cookie": true,
	"cookies": true, "promo": true, "sidebar": true, "breadcrumb": true, "breadcrumbs": true,
	"donate": true, "signup": true, "popup": true, "modal": true, "complementary": true,
	"contentinfo": true, "navigation": true, "settings": true, "controls": true, "toolbar": true,
	"menu": true,
}

type openElem struct {
	name string
	hint int // id of the furniture hint this element carries, or -1
}

// noHints are elements whose class or id never marks them as furniture:
// they hold the whole page or the article ("ads-enabled" on <html>,
// "sidebar" on <body>, "js-social-anchor-start" on <main>).
var noHints = map[string]bool{"html": true, "body": true, "main": true, "article": true}

// htmlState is the context cleanHTML tracks while it walks the tags.
type htmlState struct {
	stack   []openElem
	hints   []int // ids of the open hinted elements, outermost first
	nhints  int
	pre     int // depth of <pre>
	article int // depth of <article>/<main>
	quote   int // depth of <blockquote>/<q> blocks
	caption int // depth of <figcaption>/<caption>
}

// role is the Kind of a block starting now with the given kind.
func (st *htmlState) role(kind blockKind, tag string) string {
	switch {
	case kind == heading:
		return pipeline.BlockHeading
	case st.caption > 0 || tag == "figcaption" || tag == "caption":
		return pipeline.BlockCaption
	case kind == item:
		return pipeline.BlockListItem
	case kind == row || tag == "table":
		return pipeline.BlockTable
	case kind == code:
		return pipeline.BlockCode
	case st.quote > 0 || tag == "blockquote":
		return pipeline.BlockQuote
	}
	return pipeline.BlockParagraph
}

// start begins a block of the given kind in the current context.
func (st *htmlState) start(b *builder, kind blockKind, tag string) {
	b.start(kind, false)
	blk := &b.blocks[len(b.blocks)-1]
	blk.role = st.role(kind, tag)
	if len(st.hints) > 0 {
		blk.hints = append([]int(nil), st.hints...)
	}
}

// cleanHTML keeps the visible text of an HTML document. Navigation, asides
// and scripts are dropped; page headers and footers and elements whose
// class, id or role names share buttons, comments, newsletters and the
// like are kept as boilerplate blocks, unless they hold most of the page's
// text (see furniture).
func cleanHTML(src []byte) rendered {
	b := newBuilder(src)
	pos := bomLen(src)
	z := html.NewTokenizer(bytes.NewReader(src[pos:]))
	var st htmlState
	skip := "" // name of the dropped element being skipped
	skipN := 0 // nesting depth of skip
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		start := pos
		pos += len(raw)
		switch tt {
		case html.TextToken:
			if skip != "" {
				continue
			}
			if !b.open {
				st.start(b, para, "")
			}
			appendHTMLText(b, start, pos, st.pre > 0)
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			if skip == "head" && !headTags[tag] {
				// </head> is optional: body content ends the head.
				skip, skipN = "", 0
			}
			if skip != "" {
				if tag == skip && tt == html.StartTagToken {
					skipN++
				}
				continue
			}
			hinted := false
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				if (string(k) == "class" || string(k) == "id" || string(k) == "role") && hintsBoiler(string(v)) {
					hinted = true
				}
			}
			if noHints[tag] {
				hinted = false
			}
			if (tag == "header" || tag == "footer") && st.article == 0 {
				// Page headers and footers are site furniture; an
				// article's own header (title, byline) is kept.
				hinted = true
			}
			if dropped[tag] {
				if tt == html.StartTagToken && !voidTags[tag] {
					skip, skipN = string(name), 1
				}
				continue
			}
			if tag == "br" {
				b.insertBreak(start, pos)
				continue
			}
			if tag == "td" || tag == "th" {
				if !b.endsInSpace() {
					b.insert(" ")
				}
				continue
			}
			if tag == "img" || tt == html.SelfClosingTagToken || voidTags[tag] {
				if _, ok := blockTags[tag]; ok {
					b.end()
				}
				continue
			}
			switch tag {
			case "article", "main":
				st.article++
			case "pre":
				st.pre++
			case "blockquote":
				st.quote++
			case "figcaption", "caption":
				st.caption++
			}
			e := openElem{name: tag, hint: -1}
			if hinted {
				e.hint = st.nhints
				st.nhints++
				st.hints = append(st.hints, e.hint)
			}
			st.stack = append(st.stack, e)
			if kind, ok := blockTags[tag]; ok {
				st.start(b, kind, tag)
			} else if hinted {
				st.start(b, para, tag)
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if skip != "" {
				if tag == skip {
					skipN--
					if skipN == 0 {
						skip = ""
					}
				} else if tag == "body" || tag == "html" {
					skip, skipN = "", 0
				}
				continue
			}
			// Pop to the matching element, if open (tolerates bad nesting).
			leftHint := false
			for i := len(st.stack) - 1; i >= 0; i-- {
				if st.stack[i].name != tag {
					continue
				}
				for _, e := range st.stack[i:] {
					if e.hint >= 0 {
						st.hints = st.hints[:len(st.hints)-1]
						leftHint = true
					}
					switch e.name {
					case "article", "main":
						st.article--
					case "pre":
						st.pre--
					case "blockquote":
						st.quote--
					case "figcaption", "caption":
						st.caption--
					}
				}
				st.stack = st.stack[:i]
				break
			}
			if _, ok := blockTags[tag]; ok || leftHint {
				b.end()
			}
		}
	}
	r := b.render()
	r.nhints = st.nhints
	furniture(r.blocks, r.nhints, nil)
	return r
}

// furniture marks as boilerplate the blocks inside an element hinted as
// furniture, unless that element holds more than half of the text (then
// the hint is wrong: a share-button id on the article's own div). The text
// is the page's, or with counted non-nil only that of the counted blocks
// (the article's).
func furniture(blocks []renderedBlock, nhints int, counted []bool) {
	if nhints == 0 {
		return
	}
	total := 0
	held := make([]int, nhints)
	for i, blk := range blocks {
		if counted != nil && !counted[i] {
			continue
		}
		total += blk.Len()
		for _, h := range blk.hints {
			held[h] += blk.Len()
		}
	}
	for i := range blocks {
		for _, h := range blocks[i].hints {
			if 2*held[h] <= total {
				blocks[i].boiler = true
				break
			}
		}
	}
}

func hintsBoiler(v string) bool {
	words := strings.FieldsFunc(strings.ToLower(v), func(r rune) bool {
		return r == ' ' || r == '-' || r == '_' || r == '\t' || r == '\n'
	})
	for _, w := range words {
		if boilerHints[w] {
			return true
		}
	}
	return false
}

// insertBreak adds a line break for <br>, standing for the tag's bytes.
func (b *builder) insertBreak(start, end int) {
	if b.open {
		b.replace("\n", start, end)
	}
}

// appendHTMLText adds the raw text src[start:end], decoding character
// references (each maps back to its own bytes) and, outside <pre>,
// collapsing white space runs to one space.
func appendHTMLText(b *builder, start, end int, keepSpace bool) {
	src := b.src
	run := start
	flush := func(i int) {
		if run < i {
			b.copy(run, i)
		}
	}
	for i := start; i < end; {
		c := src[i]
		switch {
		case c == '&':
			if u, n, ok := entityAt(src, i, end, false); ok {
				flush(i)
				if u == "\u00a0" && !keepSpace {
					u = " "
				}
				if !keepSpace && u == " " && b.endsInSpace() {
					// dropped: collapses into the preceding space
				} else {
					b.replace(u, i, i+n)
				}
				i += n
				run = i
				continue
			}
			i++
		case !keepSpace && isHTMLSpace(c):
			j := i
			for j < end && isHTMLSpace(src[j]) {
				j++
			}
			flush(i)
			if !b.endsInSpace() {
				if j-i == 1 && c == ' ' {
					b.copy(i, j)
				} else {
					b.replace(" ", i, j)
				}
			}
			i = j
			run = i
		case c == 0:
			flush(i)
			i++
			run = i
		default:
			i++
		}
	}
	flush(end)
}

func isHTMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
