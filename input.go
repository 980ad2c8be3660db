package entente

import "github.com/entente-nlp/entente/pipeline"

// Input is one article to extract from.
type Input struct {
	// ID identifies the document; it is copied to Record.ID and names the
	// document in error messages and graph evidence. entente does not
	// invent or de-duplicate ids in the Go API.
	ID string
	// Source says where the text came from (a path, a URL, a queue); it is
	// copied to Record.Source. Optional.
	Source string
	// Title is the article's title; "" lets entente find it (HTML title
	// and meta tags, the first heading).
	Title string
	// Text is the article: plain text, Markdown or HTML, UTF-8. Record
	// offsets are byte offsets into it.
	Text string
	// Format is "text", "markdown" or "html" (or an extension such as md,
	// htm, txt); "" detects it from the text. An unknown format is
	// reported in Record.Errors (not fatal) and detected instead.
	Format string
	// Published is the publication date, YYYY-MM-DD; "" lets entente find
	// it (HTML meta tags, a dateline). Relative dates ("on Tuesday")
	// resolve against it. A value that is not a date is reported in
	// Record.Errors (not fatal) and ignored.
	Published string
	// URL is the article's address; "" lets entente find it in HTML meta
	// tags.
	URL string
}

// document makes the pipeline document for in, the seq-th of its run.
func (x *Extractor) document(in Input, seq int) *pipeline.Document {
	d := &pipeline.Document{
		Seq: seq, ID: in.ID, Source: in.Source, Format: in.Format, Title: in.Title, URL: in.URL,
		Published: in.Published, Original: []byte(in.Text),
	}
	if d.Published != "" {
		d.PublishedFrom = "input"
	}
	if x.published != "" {
		d.Published, d.PublishedFrom = x.published, "config"
	}
	return d
}
