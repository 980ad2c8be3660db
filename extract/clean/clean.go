package clean

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/entente-nlp/entente/pipeline"
)

// Name is the stage name used in configuration.
const Name = "clean"

// Formats the stage understands (Document.Format).
const (
	Text     = "text"
	Markdown = "markdown"
	HTML     = "html"
)

// Stage fills Document.Text, Offsets and Boilerplate from Original
// according to Document.Format (empty means text). It is safe for
// concurrent use.
type Stage struct {
	rules []rule
	// article: select the main content of HTML pages (option main_content)
	article bool
}

var _ pipeline.Stage = (*Stage)(nil)

// New builds the stage. Options (all optional):
//
//	boilerplate: bool              mark boilerplate spans (default true)
//	boilerplate_patterns: [string] extra regular expressions; a matching
//	                               line of clean text is boilerplate
//	main_content: bool             on HTML pages, mark every block outside
//	                               the article as boilerplate (default
//	                               true); false keeps only the class/id
//	                               hints and the line rules
//
// Unknown keys and bad patterns are errors that name them.
func New(opts map[string]any) (*Stage, error) {
	mark, article := true, true
	var extra []string
	keys := make([]string, 0, len(opts))
	for k := range opts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := opts[k]
		switch k {
		case "boilerplate":
			b, ok := v.(bool)
			if !ok {
				return nil, fmt.Errorf("clean: option boilerplate: want true or false, got %v", v)
			}
			mark = b
		case "boilerplate_patterns":
			list, err := stringList(v)
			if err != nil {
				return nil, fmt.Errorf("clean: option boilerplate_patterns: %w", err)
			}
			extra = list
		case "main_content":
			b, ok := v.(bool)
			if !ok {
				return nil, fmt.Errorf("clean: option main_content: want true or false, got %v", v)
			}
			article = b
		default:
			return nil, fmt.Errorf("clean: unknown option %q (known: boilerplate, boilerplate_patterns, main_content)", k)
		}
	}
	s := &Stage{article: article && mark}
	if mark {
		user, err := compileRules(extra)
		if err != nil {
			return nil, err
		}
		s.rules = append(append(s.rules, defaultRules...), user...)
	}
	return s, nil
}

func stringList(v any) ([]string, error) {
	switch l := v.(type) {
	case []string:
		return l, nil
	case []any:
		out := make([]string, 0, len(l))
		for _, x := range l {
			s, ok := x.(string)
			if !ok {
				return nil, fmt.Errorf("want a list of strings, got %v", x)
			}
			out = append(out, s)
		}
		return out, nil
	case string:
		return []string{l}, nil
	}
	return nil, fmt.Errorf("want a list of strings, got %T", v)
}

// Name returns "clean".
func (s *Stage) Name() string { return Name }

// Process cleans d.Original into d.Text. Documents that already failed are
// left alone. An unknown format is cleaned as text and reported.
func (s *Stage) Process(ctx context.Context, d *pipeline.Document) error {
	if d.Failed() {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	var err error
	format := strings.ToLower(d.Format)
	switch format {
	case Markdown, HTML, Text, "":
	default:
		err = fmt.Errorf("clean: %s: unknown format %q, cleaned as text", d.Source, d.Format)
		format = Text
	}
	r := clean(d.Original, format, s.article)
	d.Text, d.Offsets = r.Text, r.Offsets
	d.Boilerplate = nil
	if len(s.rules) > 0 || len(r.blocks) > 0 {
		d.Boilerplate = boilerplate(r.Text, r.blocks, s.rules)
	}
	d.Blocks = docBlocks(r.Text, r.blocks, d.Title)
	return err
}

// Result is a cleaned document.
type Result struct {
	Text    string
	Offsets pipeline.OffsetMap
	blocks  []renderedBlock
}

// Clean turns src in the given format (text, markdown or html; anything
// else is text) into clean text and its offset map. On HTML pages the
// blocks outside the main content are boilerplate.
func Clean(src []byte, format string) Result { return clean(src, format, true) }

func clean(src []byte, format string, article bool) Result {
	var r rendered
	switch format {
	case Markdown:
		r = cleanMarkdown(src)
	case HTML:
		r = cleanHTML(src)
		if article {
			selectArticle(src, &r)
		}
	default:
		return cleanText(src)
	}
	return Result{Text: r.text, Offsets: r.offsets, blocks: r.blocks}
}

// cleanText keeps plain text as it is: Text is Original and the offset map
// is empty (the identity), unless a byte-order mark or invalid UTF-8 has to
// go. Paragraphs (separated by blank lines) are the blocks that
// boilerplate rules look at.
func cleanText(src []byte) Result {
	var r Result
	bom := bomLen(src)
	if bom == 0 && utf8.Valid(src) {
		r.Text = string(src)
	} else {
		b := newBuilder(src)
		b.copy(bom, len(src))
		var sb strings.Builder
		var st segState
		for _, blk := range b.blocks {
			for _, p := range blk.pieces {
				r.Offsets, st = addSegment(r.Offsets, st, sb.Len(), p)
				sb.WriteString(p.s)
			}
		}
		r.Text = sb.String()
	}
	// Paragraphs: runs of non-blank lines (LF or CRLF).
	pstart := -1
	for ls := 0; ls <= len(r.Text); {
		le := strings.IndexByte(r.Text[ls:], '\n')
		if le < 0 {
			le = len(r.Text)
		} else {
			le += ls
		}
		blank := strings.TrimSpace(r.Text[ls:le]) == ""
		if !blank && pstart < 0 {
			pstart = ls
		}
		if pstart >= 0 && (blank || le == len(r.Text)) {
			end := ls
			if !blank {
				end = le
			}
			end = pstart + len(strings.TrimRightFunc(r.Text[pstart:end], unicode.IsSpace))
			r.blocks = append(r.blocks, renderedBlock{Span: pipeline.Span{Start: pstart, End: end}})
			pstart = -1
		}
		ls = le + 1
	}
	return r
}
