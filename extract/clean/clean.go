package clean

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/entente-nlp/entente/internal/charset"
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

// Options configure the stage (config key stages.clean).
type Options struct {
	// Boilerplate marks boilerplate spans (default true).
	Boilerplate bool `mapstructure:"boilerplate"`
	// BoilerplatePatterns are extra regular expressions: a matching line
	// of clean text is boilerplate.
	BoilerplatePatterns []string `mapstructure:"boilerplate_patterns"`
	// MainContent, on HTML pages, marks every block outside the article
	// as boilerplate (default true); false keeps only the class/id hints
	// and the line rules.
	MainContent bool `mapstructure:"main_content"`
}

// DefaultOptions returns the options used when the configuration sets
// none: boilerplate marked, the main content of pages selected, no extra
// patterns.
func DefaultOptions() Options { return Options{Boilerplate: true, MainContent: true} }

// Spec registers the stage: it requires the document and provides the
// clean text and its blocks.
func Spec() pipeline.Spec {
	return pipeline.Spec{
		Name:     Name,
		Requires: []string{pipeline.ArtifactDocument},
		Provides: []string{pipeline.ArtifactText, pipeline.ArtifactBlocks},
		New: func(m map[string]any) (pipeline.Stage, error) {
			o := DefaultOptions()
			if err := pipeline.DecodeOptions(Name, m, &o); err != nil {
				return nil, err
			}
			return New(o)
		},
	}
}

// New builds the stage. A pattern that is not a valid regular expression
// is an error that names it.
func New(o Options) (*Stage, error) {
	user, err := compileRules(o.BoilerplatePatterns)
	if err != nil {
		return nil, &pipeline.OptionError{Stage: Name, Key: "boilerplate_patterns", Msg: err.Error()}
	}
	s := &Stage{article: o.MainContent && o.Boilerplate}
	if o.Boilerplate {
		s.rules = append(append(s.rules, defaultRules...), user...)
	}
	return s, nil
}

// Name returns "clean".
func (s *Stage) Name() string { return Name }

// Process cleans d.Original into d.Text. An unknown format is cleaned as text and reported.
func (s *Stage) Process(ctx context.Context, d *pipeline.Document) error {
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

func clean(orig []byte, format string, article bool) Result {
	dec, _ := charset.Decode(orig, format == HTML)
	r := cleanDecoded(dec.Text, format, article)
	r.Offsets = toOriginal(r.Offsets, len(r.Text), dec)
	return r
}

func cleanDecoded(src []byte, format string, article bool) Result {
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
