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
	mdSignals = []*regexp.Regexp{
		regexp.MustCompile(`(?m)^#{1,6}[ \t]+\S`),                                    // ATX heading
		regexp.MustCompile(`!?\[[^\]\n]+\]\([^)\n]*\)`),                              // link or image
		regexp.MustCompile(`(?m)^[ \t]{0,3}[-*+][ \t]+\S`),                           // bullet
		regexp.MustCompile(`\*\*[^*\n]+\*\*|__[^_\n]+__`),                            // strong
		regexp.MustCompile(`(?m)(^|\s)[*_][^*_\s][^*_\n]*[^*_\s][*_]($|[\s.,;:!?])`), // emphasis
		regexp.MustCompile("(?m)^(```|~~~)"),                                         // fence
		regexp.MustCompile(`(?m)^>[ \t]?\S`),                                         // blockquote
		regexp.MustCompile(`(?m)^\S.*\n(=+|-+)[ \t]*$`),                              // setext heading
		regexp.MustCompile(`(?m)^\[[^\]]+\]:[ \t]*\S`),                               // reference definition
	}
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
	kinds, hits := 0, 0
	for _, re := range mdSignals {
		if n := len(re.FindAllIndex(head, 10)); n > 0 {
			kinds++
			hits += n
		}
	}
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
