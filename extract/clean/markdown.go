package clean

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/entente-nlp/entente/pipeline"
)

// mdParser removes Markdown markup line by line, keeping the text. It is
// deliberately forgiving: anything it does not recognise is kept as text.
type mdParser struct {
	b    *builder
	src  []byte
	refs map[string]bool // lower-cased labels of link reference definitions
	// skipUntil is set inside a multi-line HTML comment or script/style
	// element: text up to and including it is dropped.
	skipUntil string
	// pending line break inside the open block: the newline's offset, and
	// whether the line ended in a hard break (two spaces or a backslash)
	// starting at trail.
	nl, trail int
	hard      bool
	// pairs caches bracket pairs for closing.
	pairs map[bracketKey]*bracketPairs
	// depth counts the link texts inline is inside of.
	depth int
}

// cleanMarkdown keeps the text of a Markdown document and drops its markup.
func cleanMarkdown(src []byte) rendered {
	p := &mdParser{b: newBuilder(src), src: src, refs: map[string]bool{}, nl: -1}
	start := bomLen(src)
	lines := splitLines(src, start)
	p.collectRefs(lines)
	i := skipFrontMatter(src, lines)
	var fence []byte
	for ; i < len(lines); i++ {
		ln := lines[i]
		s, e := ln.start, ln.end
		if p.skipUntil != "" {
			k := indexFold(src[s:e], p.skipUntil)
			if k < 0 {
				continue
			}
			s += k + len(p.skipUntil)
			p.skipUntil = ""
		}
		if fence != nil {
			t := s + indent(src[s:e])
			if bytes.HasPrefix(src[t:e], fence) && isBlank(bytes.TrimLeft(src[t:e], string(fence[:1]))) {
				fence = nil
				p.endBlock()
				continue
			}
			if p.nl >= 0 {
				p.b.copy(p.nl, p.nl+1)
			}
			p.b.copy(s, e)
			p.nl = ln.nl
			continue
		}
		s += indent(src[s:e])
		if s == e {
			p.endBlock()
			continue
		}
		quoted := false
		for s < e && src[s] == '>' {
			s++
			if s < e && src[s] == ' ' {
				s++
			}
			s += indent(src[s:e])
			quoted = true
		}
		if s == e {
			if quoted {
				p.endBlock()
			}
			continue
		}
		line := src[s:e]
		switch {
		case isFence(line):
			c := line[0]
			n := 0
			for n < len(line) && line[n] == c {
				n++
			}
			fence = bytes.Repeat([]byte{c}, n)
			p.endBlock()
			p.b.start(code, false)
			continue
		case atxLevel(line) > 0:
			p.endBlock()
			p.b.start(heading, false)
			cs, ce := atxContent(src, s, e)
			p.inline(cs, ce)
			p.endBlock()
			continue
		case isSetext(line) && p.b.open && p.b.cur().kind == para:
			p.b.cur().kind = heading
			p.endBlock()
			continue
		case isRule(line):
			p.endBlock()
			continue
		case isRefDef(line):
			p.endBlock()
			continue
		case isTableDelim(line):
			continue
		case line[0] == '|':
			p.endBlock()
			p.b.start(row, false)
			p.tableRow(s, e)
			p.endBlock()
			continue
		}
		if n := listMarker(line); n > 0 {
			p.endBlock()
			p.b.start(item, false)
			s += n
			s += indent(src[s:e])
			if e-s >= 3 && src[s] == '[' && src[s+2] == ']' && strings.IndexByte(" xX", src[s+1]) >= 0 {
				s += 3
			}
		} else if !p.b.open {
			p.b.start(para, false)
			if quoted {
				p.b.cur().role = pipeline.BlockQuote
			}
		} else {
			p.lineBreak(s)
		}
		ce, hard := lineEnd(src, s, e)
		p.inline(s, ce)
		p.nl, p.trail, p.hard = ln.nl, ce, hard
	}
	return p.b.render()
}

// endBlock closes the open block and forgets the pending line break.
func (p *mdParser) endBlock() {
	p.b.end()
	p.nl = -1
}

// lineBreak emits the break between two lines of one block: the newline
// itself, or for a hard break before a digit (a date split over two lines,
// "21 December  \n2016") one space standing for the spaces and newline.
func (p *mdParser) lineBreak(next int) {
	if p.nl < 0 {
		return
	}
	if p.b.endsInSpace() {
		// The previous line left nothing (an image) or ended in a
		// break already: one break is enough.
		p.nl = -1
		return
	}
	if p.hard && next < len(p.src) && isDigit(p.src[next]) {
		p.b.replace(" ", p.trail, p.nl+1)
	} else {
		p.b.copy(p.nl, p.nl+1)
	}
	p.nl = -1
}

// tableRow keeps the cells of a table row, separated by spaces.
func (p *mdParser) tableRow(s, e int) {
	cell := s
	if p.src[cell] == '|' {
		cell++
	}
	for i := cell; i <= e; i++ {
		if i < e && p.src[i] == '\\' {
			i++
			continue
		}
		if i == e || p.src[i] == '|' {
			cs, ce := trimSpace(p.src, cell, i)
			if cs < ce {
				if !p.b.endsInSpace() {
					p.b.insert(" ")
				}
				p.inline(cs, ce)
			}
			cell = i + 1
		}
	}
}

// maxLinkNesting is the deepest link text inline parses for markup: each
// level costs a pass over its text, so "[[[[...]]]]" nested thousands deep
// would take quadratic time.
const maxLinkNesting = 8

// maxLabel is the longest link label (CommonMark's limit): a longer
// bracketed text is no reference, and is not lower-cased to look it up.
const maxLabel = 999

// inline copies src[s:e] without inline markup.
func (p *mdParser) inline(s, e int) {
	src := p.src
	run := s
	flush := func(k int) {
		if run < k {
			p.b.copy(run, k)
		}
	}
	for i := s; i < e; {
		c := src[i]
		switch c {
		case '\\':
			if i+1 < e && isASCIIPunct(src[i+1]) {
				flush(i)
				run = i + 1
				i += 2
				continue
			}
		case '`':
			n := runLen(src, i, e, '`')
			if cl := closingRun(src, i+n, e, '`', n); cl >= 0 {
				flush(i)
				cs, ce := i+n, cl
				if ce-cs >= 2 && src[cs] == ' ' && src[ce-1] == ' ' {
					cs, ce = cs+1, ce-1
				}
				p.b.copy(cs, ce)
				i = cl + n
				run = i
				continue
			}
			i += n
			continue
		case '!':
			if i+1 < e && src[i+1] == '[' {
				if _, end, ok := p.link(i+1, e); ok {
					flush(i)
					i = end
					run = i
					continue
				}
			}
		case '[':
			if textEnd, end, ok := p.link(i, e); ok {
				flush(i)
				switch {
				case textEnd <= i+1 || src[i+1] == '^':
				case p.depth >= maxLinkNesting:
					p.b.copy(i+1, textEnd) // absurdly nested: the text as it is
				default:
					p.depth++
					p.inline(i+1, textEnd)
					p.depth--
				}
				i = end
				run = i
				continue
			}
		case '<':
			flush(i)
			run = i
			if n := p.angle(i, e); n > 0 {
				i += n
				run = i
				continue
			}
		case '*', '_', '~':
			n := runLen(src, i, e, c)
			if isDelimiter(src, s, e, i, n, c) {
				flush(i)
				i += n
				run = i
				continue
			}
			i += n
			continue
		case '&':
			if u, n, ok := entityAt(src, i, e, true); ok {
				flush(i)
				p.b.replace(u, i, i+n)
				i += n
				run = i
				continue
			}
		}
		i++
	}
	flush(e)
}

// link parses a link or image at src[i] == '[': [text](dest), [text][ref],
// [text] with a reference definition, or a footnote [^1]. It returns the
// end of the text (the closing bracket) and of the whole construct.
func (p *mdParser) link(i, e int) (textEnd, end int, ok bool) {
	src := p.src
	cb := p.closing(i, e, '[', ']')
	if cb < 0 {
		return 0, 0, false
	}
	if cb+1 < e && src[cb+1] == '(' {
		cp := p.closing(cb+1, e, '(', ')')
		if cp < 0 {
			return 0, 0, false
		}
		return cb, cp + 1, true
	}
	if cb+1 < e && src[cb+1] == '[' {
		if rb := p.closing(cb+1, e, '[', ']'); rb >= 0 {
			return cb, rb + 1, true
		}
	}
	if cb-i-1 > maxLabel {
		return 0, 0, false
	}
	label := strings.ToLower(strings.TrimSpace(string(src[i+1 : cb])))
	if p.refs[label] || strings.HasPrefix(label, "^") && !strings.ContainsAny(label, " \t") && len(label) > 1 {
		return cb, cb + 1, true
	}
	return 0, 0, false
}

// angle handles '<' at src[i]: an autolink keeps its address, an HTML
// comment or tag is dropped (a <br> becomes a line break; <script> and
// <style> drop their content). It returns the bytes consumed, 0 if src[i]
// is a literal '<'.
func (p *mdParser) angle(i, e int) int {
	src := p.src
	rest := src[i:e]
	if bytes.HasPrefix(rest, []byte("<!--")) {
		if k := bytes.Index(rest[4:], []byte("-->")); k >= 0 {
			return 4 + k + 3
		}
		p.skipUntil = "-->"
		return len(rest)
	}
	gt := bytes.IndexByte(rest, '>')
	if gt < 0 {
		return 0
	}
	inner := rest[1:gt]
	if len(inner) == 0 {
		return 0
	}
	if k := bytes.IndexByte(inner, ':'); k > 1 && isAlpha(inner[0]) && !bytes.ContainsAny(inner, " \t<") {
		p.b.copy(i+1, i+gt) // autolink: keep the address
		return gt + 1
	}
	if bytes.IndexByte(inner, '@') > 0 && !bytes.ContainsAny(inner, " \t<") {
		p.b.copy(i+1, i+gt)
		return gt + 1
	}
	t := inner
	closing := false
	if t[0] == '/' {
		closing = true
		t = t[1:]
	}
	n := 0
	for n < len(t) && (isAlpha(t[n]) || n > 0 && (isDigit(t[n]) || t[n] == '-')) {
		n++
	}
	if n == 0 || n < len(t) && !isHTMLSpace(t[n]) && t[n] != '/' {
		return 0
	}
	name := strings.ToLower(string(t[:n]))
	if name == "br" {
		p.b.replace("\n", i, i+gt+1)
		return gt + 1
	}
	if !closing && (name == "script" || name == "style") {
		endTag := "</" + name + ">"
		if k := indexFold(src[i+gt+1:e], endTag); k >= 0 {
			return gt + 1 + k + len(endTag)
		}
		p.skipUntil = endTag
		return e - i
	}
	return gt + 1
}

// isDelimiter reports whether the run src[i:i+n] of c is emphasis or
// strikethrough markup (left- or right-flanking, not intraword for '_').
func isDelimiter(src []byte, s, e, i, n int, c byte) bool {
	before, after := ' ', ' '
	if i > s {
		before, _ = utf8.DecodeLastRune(src[s:i])
	}
	if i+n < e {
		after, _ = utf8.DecodeRune(src[i+n : e])
	}
	bs, as := unicode.IsSpace(before), unicode.IsSpace(after)
	bp, ap := isPunctRune(before), isPunctRune(after)
	left := !as && (!ap || bs || bp)
	right := !bs && (!bp || as || ap)
	switch c {
	case '_':
		if left && right && !bp && !ap {
			return false
		}
		return left || right
	case '~':
		return n == 2 && (left || right)
	}
	return left || right
}

func isPunctRune(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// matching returns the index of the bracket closing src[i] (== open)
// within src[:e], honouring nesting, escapes and code spans; -1 if none.
func matching(src []byte, i, e int, open, close byte) int {
	depth := 0
	for k := i; k < e; k++ {
		switch src[k] {
		case '\\':
			k++
		case '`':
			n := runLen(src, k, e, '`')
			if cl := closingRun(src, k+n, e, '`', n); cl >= 0 {
				k = cl + n - 1
			} else {
				k += n - 1
			}
		case open:
			depth++
		case close:
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return -1
}

func runLen(src []byte, i, e int, c byte) int {
	n := 0
	for i+n < e && src[i+n] == c {
		n++
	}
	return n
}

// closingRun finds a run of exactly n c's in src[i:e].
func closingRun(src []byte, i, e int, c byte, n int) int {
	for k := i; k < e; {
		if src[k] != c {
			k++
			continue
		}
		m := runLen(src, k, e, c)
		if m == n {
			return k
		}
		k += m
	}
	return -1
}

type mdLine struct{ start, end, nl int }

// splitLines splits src[from:] into lines; end excludes "\r\n" or "\n",
// nl is the newline's offset or -1 on the last line.
func splitLines(src []byte, from int) []mdLine {
	var out []mdLine
	for s := from; s < len(src); {
		k := bytes.IndexByte(src[s:], '\n')
		if k < 0 {
			out = append(out, mdLine{s, len(src), -1})
			break
		}
		e := s + k
		ce := e
		if ce > s && src[ce-1] == '\r' {
			ce--
		}
		out = append(out, mdLine{s, ce, e})
		s = e + 1
	}
	return out
}

func (p *mdParser) collectRefs(lines []mdLine) {
	for _, ln := range lines {
		t := bytes.TrimLeft(p.src[ln.start:ln.end], " ")
		if isRefDef(t) {
			cb := bytes.IndexByte(t, ']')
			p.refs[strings.ToLower(strings.TrimSpace(string(t[1:cb])))] = true
		}
	}
}

// skipFrontMatter returns the index of the first line after a YAML front
// matter block ("---" ... "---" or "..."), or 0.
func skipFrontMatter(src []byte, lines []mdLine) int {
	if len(lines) == 0 || strings.TrimSpace(string(src[lines[0].start:lines[0].end])) != "---" {
		return 0
	}
	for i := 1; i < len(lines) && i < 200; i++ {
		t := strings.TrimSpace(string(src[lines[i].start:lines[i].end]))
		if t == "---" || t == "..." {
			return i + 1
		}
		if t != "" && !strings.Contains(t, ":") && !strings.HasPrefix(t, "-") && !strings.HasPrefix(t, " ") && !strings.HasPrefix(string(src[lines[i].start:lines[i].end]), " ") {
			return 0
		}
	}
	return 0
}

// lineEnd trims trailing white space from a line and reports a hard break
// (two or more trailing spaces, or a trailing backslash).
func lineEnd(src []byte, s, e int) (int, bool) {
	ce := e
	for ce > s && (src[ce-1] == ' ' || src[ce-1] == '\t') {
		ce--
	}
	if e-ce >= 2 {
		return ce, true
	}
	if ce > s && src[ce-1] == '\\' && (ce-1 == s || src[ce-2] != '\\') {
		return ce - 1, true
	}
	return ce, false
}

func atxLevel(line []byte) int {
	n := 0
	for n < len(line) && line[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n < len(line) && line[n] != ' ' && line[n] != '\t' {
		return 0
	}
	return n
}

// atxContent returns the heading text of an ATX heading line, without the
// opening and closing '#' runs.
func atxContent(src []byte, s, e int) (int, int) {
	for s < e && src[s] == '#' {
		s++
	}
	s, e = trimSpace(src, s, e)
	k := e
	for k > s && src[k-1] == '#' {
		k--
	}
	if k == s || src[k-1] == ' ' || src[k-1] == '\t' {
		e = k
	}
	return trimSpace(src, s, e)
}

func trimSpace(src []byte, s, e int) (int, int) {
	for s < e && (src[s] == ' ' || src[s] == '\t') {
		s++
	}
	for e > s && (src[e-1] == ' ' || src[e-1] == '\t') {
		e--
	}
	return s, e
}

func isFence(line []byte) bool {
	if len(line) < 3 || line[0] != '`' && line[0] != '~' {
		return false
	}
	n := runLen(line, 0, len(line), line[0])
	return n >= 3 && (line[0] == '~' || bytes.IndexByte(line[n:], '`') < 0)
}

// isRule reports a thematic break: three or more '-', '*' or '_' with
// optional spaces.
func isRule(line []byte) bool {
	c := line[0]
	if c != '-' && c != '*' && c != '_' {
		return false
	}
	n := 0
	for _, x := range line {
		switch x {
		case c:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// isSetext reports a setext underline ("===" or "---" without inner
// spaces).
func isSetext(line []byte) bool {
	t := bytes.TrimRight(line, " \t")
	if len(t) == 0 || t[0] != '=' && t[0] != '-' {
		return false
	}
	return runLen(t, 0, len(t), t[0]) == len(t)
}

func isRefDef(line []byte) bool {
	if len(line) < 4 || line[0] != '[' || len(line) > 1 && line[1] == '^' {
		return false
	}
	cb := bytes.IndexByte(line, ']')
	return cb > 1 && cb+1 < len(line) && line[cb+1] == ':'
}

// isTableDelim reports a table delimiter row such as "|---|:--:|".
func isTableDelim(line []byte) bool {
	if !bytes.ContainsRune(line, '|') || !bytes.ContainsRune(line, '-') {
		return false
	}
	for _, c := range line {
		if c != '|' && c != '-' && c != ':' && c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}

// listMarker returns the length of a list marker ("- ", "* ", "+ ", "1. ",
// "1) ") at the start of line, 0 if there is none.
func listMarker(line []byte) int {
	if len(line) >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && (line[1] == ' ' || line[1] == '\t') {
		return 2
	}
	n := 0
	for n < len(line) && n < 9 && isDigit(line[n]) {
		n++
	}
	if n > 0 && n+1 < len(line) && (line[n] == '.' || line[n] == ')') && (line[n+1] == ' ' || line[n+1] == '\t') {
		return n + 2
	}
	return 0
}

// indent returns the number of leading spaces and tabs.
func indent(b []byte) int {
	n := 0
	for n < len(b) && (b[n] == ' ' || b[n] == '\t') {
		n++
	}
	return n
}

func isBlank(b []byte) bool { return len(bytes.TrimSpace(b)) == 0 }

// indexFold is a case-insensitive bytes.Index for an ASCII needle.
func indexFold(b []byte, needle string) int {
	n := len(needle)
	for i := 0; i+n <= len(b); i++ {
		if strings.EqualFold(string(b[i:i+n]), needle) {
			return i
		}
	}
	return -1
}

// bomLen returns 3 when src starts with a UTF-8 byte-order mark.
func bomLen(src []byte) int {
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		return 3
	}
	return 0
}
