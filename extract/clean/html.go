package clean

import (
	"bytes"
	"strings"

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
	"contentinfo": true, "navigation": true,
}

type openElem struct {
	name   string
	boiler bool
}

// cleanHTML keeps the visible text of an HTML document. Page-level header,
// nav and aside are dropped; footer and elements whose class or id names
// share buttons, comments, newsletters and the like are kept as
// boilerplate blocks.
func cleanHTML(src []byte) rendered {
	b := newBuilder(src)
	pos := bomLen(src)
	z := html.NewTokenizer(bytes.NewReader(src[pos:]))
	var stack []openElem
	skip := ""   // name of the dropped element being skipped
	skipN := 0   // nesting depth of skip
	pre := 0     // depth of <pre>
	article := 0 // depth of <article>/<main>
	boilerN := 0 // depth of boilerplate elements
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
				b.start(para, boilerN > 0)
			}
			appendHTMLText(b, start, pos, pre > 0)
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
			boiler := false
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				if (string(k) == "class" || string(k) == "id" || string(k) == "role") && hintsBoiler(string(v)) {
					boiler = true
				}
			}
			if tag == "header" && article == 0 {
				// Page headers are site navigation; an article's own
				// header (title, byline) is kept.
				tag = "nav"
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
			if tag == "footer" {
				boiler = true
			}
			if tag == "article" || tag == "main" {
				article++
			}
			if tag == "pre" {
				pre++
			}
			if boiler {
				boilerN++
			}
			stack = append(stack, openElem{name: tag, boiler: boiler})
			if kind, ok := blockTags[tag]; ok {
				b.start(kind, boilerN > 0)
			} else if boiler {
				b.start(para, true)
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
			if tag == "header" && article == 0 {
				continue
			}
			// Pop to the matching element, if open (tolerates bad nesting).
			leftBoiler := false
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i].name != tag {
					continue
				}
				for _, e := range stack[i:] {
					if e.boiler {
						boilerN--
						leftBoiler = true
					}
					switch e.name {
					case "article", "main":
						article--
					case "pre":
						pre--
					}
				}
				stack = stack[:i]
				break
			}
			if _, ok := blockTags[tag]; ok || leftBoiler {
				b.end()
			}
		}
	}
	return b.render()
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
