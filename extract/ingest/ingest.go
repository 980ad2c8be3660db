package ingest

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/entente-nlp/entente/internal/charset"
	"github.com/entente-nlp/entente/pipeline"
)

// Name is the stage name used in configuration.
const Name = "ingest"

// Stage validates documents, sets Format and reads metadata. It is safe
// for concurrent use.
type Stage struct {
	maxBytes int
}

var _ pipeline.Stage = (*Stage)(nil)

// Options configure the stage (config key stages.ingest).
type Options struct {
	// MaxBytes fails documents larger than this ("too large"); 0, the
	// default, means no limit here (the source may have its own).
	MaxBytes int `mapstructure:"max_bytes"`
}

// Spec registers the stage: it requires nothing and provides the
// document (validated input, Format and metadata).
func Spec() pipeline.Spec {
	return pipeline.Spec{
		Name:     Name,
		Provides: []string{pipeline.ArtifactDocument},
		New: func(m map[string]any) (pipeline.Stage, error) {
			var o Options
			if err := pipeline.DecodeOptions(Name, m, &o); err != nil {
				return nil, err
			}
			return New(o)
		},
	}
}

// New builds the stage. A negative MaxBytes is an error.
func New(o Options) (*Stage, error) {
	if o.MaxBytes < 0 {
		return nil, &pipeline.OptionError{Stage: Name, Key: "max_bytes", Msg: fmt.Sprintf("want 0 (no limit) or more, got %d", o.MaxBytes)}
	}
	return &Stage{maxBytes: o.MaxBytes}, nil
}

// Name returns "ingest".
func (s *Stage) Name() string { return Name }

// Process validates d.Original (decoding a UTF-16 byte-order mark or an
// HTML page's declared charset first) and fills Format, Title, Authors, URL,
// Published (YYYY-MM-DD) and PublishedFrom, and Meta. Unreadable input
// (empty, binary, plain text or Markdown that is not UTF-8, too large) returns an error wrapped by
// pipeline.Fatal, which the runner records as fatal so later stages skip
// the document. A format hint or publication date that cannot be
// understood is returned as a plain (non-fatal) error; the unreadable
// date is replaced by one found in the document, or left out.
func (s *Stage) Process(ctx context.Context, d *pipeline.Document) error {
	if s.maxBytes > 0 && len(d.Original) > s.maxBytes {
		return pipeline.Fatal(fmt.Errorf("ingest: %s: too large (%s bytes, limit %s)", source(d), group(len(d.Original)), group(s.maxBytes)))
	}
	var problems []string
	if d.Format != "" {
		if f, ok := NormalizeFormat(d.Format); ok {
			d.Format = f
		} else {
			problems = append(problems, fmt.Sprintf("unknown format %q, detected instead", d.Format))
			d.Format = ""
		}
	}
	// A UTF-16 byte-order mark, or an HTML page in another charset, is
	// decoded; the clean stage decodes it the same way and maps offsets
	// back to the original bytes.
	text := d.Original
	if !utf8.Valid(text) && !hasMagic(text) {
		html := d.Format == HTML || d.Format == "" && DetectFormat(text) == HTML
		if dec, ok := charset.Decode(text, html); ok && dec.Charset != "" {
			text = dec.Text
			if d.Meta == nil {
				d.Meta = map[string]string{}
			}
			d.Meta["charset"] = dec.Charset
		}
	}
	if why := validate(text, 0); why != "" {
		return pipeline.Fatal(fmt.Errorf("ingest: %s: %s", source(d), why))
	}
	if d.Format == "" {
		d.Format = DetectFormat(text)
	}

	var f found
	f.url = d.URL
	if d.Format == HTML {
		readHTML(text, &f)
	} else {
		readMarkdown(strings.TrimPrefix(string(text), "\ufeff"), &f)
	}
	if d.Title == "" {
		d.Title = f.title
	}
	if len(d.Authors) == 0 {
		d.Authors = f.authors
	}
	if d.URL == "" {
		d.URL = f.url
	}
	for k, v := range f.meta {
		if d.Meta == nil {
			d.Meta = map[string]string{}
		}
		if _, ok := d.Meta[k]; !ok {
			d.Meta[k] = v
		}
	}
	if d.Published != "" {
		if n, ok := NormalizeDate(d.Published); ok {
			d.Published = n
		} else {
			// An unreadable date is not passed on as if it were one: the
			// date found in the document, if any, is used instead.
			msg := fmt.Sprintf("publication date %q is not a date", d.Published)
			d.Published, d.PublishedFrom = f.published, f.publishedFrom
			if d.Published != "" {
				msg += fmt.Sprintf("; using %s from the %s instead", d.Published, d.PublishedFrom)
			} else {
				msg += "; left out"
			}
			problems = append(problems, msg)
		}
	} else if f.published != "" {
		d.Published, d.PublishedFrom = f.published, f.publishedFrom
	}
	if len(problems) > 0 {
		return fmt.Errorf("ingest: %s: %s", source(d), strings.Join(problems, "; "))
	}
	return nil
}

func source(d *pipeline.Document) string {
	switch {
	case d.Source != "":
		return d.Source
	case d.ID != "":
		return d.ID
	}
	return "input"
}
