package ingest

import (
	"bytes"
	"regexp"
	"strings"
)

// Formats.
const (
	Text     = "text"
	Markdown = "markdown"
	HTML     = "html"
)

// NormalizeFormat maps a format name or file extension (md, htm, txt, ...)
// to text, markdown or html, and reports whether it knew it.
func NormalizeFormat(s string) (string, bool) {
	switch strings.TrimPrefix(strings.ToLower(strings.TrimSpace(s)), ".") {
	case "text", "txt", "plain", "text/plain":
		return Text, true
	case "markdown", "md", "mdown", "mkd", "text/markdown":
		return Markdown, true
	case "html", "htm", "xhtml", "text/html":
		return HTML, true
	}
	return "", false
}

var (
	htmlStart = regexp.MustCompile(`(?i)^\s*(<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<!doctype\s+html|<head[\s>]|<body[\s>])`)
	htmlTag   = regexp.MustCompile(`(?i)</?(html|head|body|div|p|span|a|meta|title|article|section|h[1-6]|ul|ol|li|table|tr|td|br|img|script|style|link|header|footer|nav|main|em|strong|b|i)(\s[^<>]*)?/?>`)
)

// DetectFormat guesses the format of src: html when it starts like an
// HTML document or is mostly tags, markdown when at least two kinds of
// Markdown markup appear (or one, repeatedly), else text.
func DetectFormat(src []byte) string {
	head := src
	if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	if htmlStart.Match(head) {
		return HTML
	}
	tags := htmlTag.FindAllIndex(head, 50)
	kinds, hits := markdownSignals(head)
	if len(tags) >= 5 && bytes.HasPrefix(bytes.TrimSpace(head), []byte("<")) && len(tags) > hits {
		return HTML
	}
	if kinds >= 2 || hits >= 3 {
		return Markdown
	}
	if len(tags) >= 10 && len(tags) > 2*hits {
		return HTML
	}
	return Text
}

// markdownSignals counts, line by line, the kinds of Markdown markup in src
// (headings, links, bullets, strong and plain emphasis, fences, quotes,
// setext underlines, reference definitions) and their occurrences, at most
// 10 of each kind.
func markdownSignals(src []byte) (kinds, hits int) {
	var count [9]int
	prevBlank := true
	for len(src) > 0 {
		var line []byte
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			line, src = src, nil
		}
		line = bytes.TrimRight(line, " \t\r")
		t := bytes.TrimLeft(line, " ")
		indent := len(line) - len(t)
		if len(t) == 0 {
			prevBlank = true
			continue
		}
		k := -1
		switch {
		case indent <= 3 && t[0] == '#' && atxHeading(t):
			k = 0
		case indent <= 3 && len(t) > 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ' && t[2] != ' ':
			k = 2
		case indent == 0 && (bytes.HasPrefix(t, []byte("```")) || bytes.HasPrefix(t, []byte("~~~"))):
			k = 5
		case indent == 0 && t[0] == '>':
			k = 6
		case !prevBlank && (allOf(t, '=') || allOf(t, '-')):
			k = 7
		case t[0] == '[' && bytes.Contains(t, []byte("]:")):
			k = 8
		}
		if k >= 0 {
			count[k]++
		}
		if i := bytes.Index(line, []byte("](")); i > 0 && bytes.LastIndexByte(line[:i], '[') >= 0 {
			count[1]++
		}
		if bytes.Count(line, []byte("**")) >= 2 || bytes.Count(line, []byte("__")) >= 2 {
			count[3]++
		} else if emphasis(line) {
			count[4]++
		}
		prevBlank = false
	}
	for _, n := range count {
		if n > 0 {
			kinds++
			hits += min(n, 10)
		}
	}
	return kinds, hits
}

func atxHeading(t []byte) bool {
	n := 0
	for n < len(t) && t[n] == '#' {
		n++
	}
	return n <= 6 && n < len(t) && (t[n] == ' ' || t[n] == '\t') && len(bytes.TrimSpace(t[n:])) > 0
}

func allOf(t []byte, c byte) bool {
	for _, x := range t {
		if x != c {
			return false
		}
	}
	return len(t) > 0
}

// emphasis reports a *word* or _word_ span: an opening mark after a space
// (or at the start) before a non-space, closed by the same mark after a
// non-space.
func emphasis(line []byte) bool {
	for i := 0; i+2 < len(line); i++ {
		c := line[i]
		if c != '*' && c != '_' || i > 0 && line[i-1] != ' ' && line[i-1] != '(' || line[i+1] == ' ' || line[i+1] == c {
			continue
		}
		for j := i + 2; j < len(line); j++ {
			if line[j] == c && line[j-1] != ' ' && (j+1 == len(line) || !isWordByte(line[j+1])) {
				return true
			}
		}
	}
	return false
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c >= 0x80
}
