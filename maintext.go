package entente

import (
	"strings"

	"github.com/entente-nlp/entente/pipeline"
)

// MainText is the main text of a finished document as entente read it:
// its blocks (title, headings, paragraphs, captions, list items...) one
// per line, without the blocks of page furniture and the boilerplate
// lines inside the article (a disclaimer, a copyright line). A document
// without blocks gives its clean text minus the boilerplate.
func MainText(d *pipeline.Document) string {
	blocks := d.Blocks
	if len(blocks) == 0 && d.Text != "" {
		blocks = []pipeline.Block{{Span: pipeline.Span{Start: 0, End: len(d.Text)}}}
	}
	var sb strings.Builder
	bp := d.Boilerplate
	for _, b := range blocks {
		if b.Kind == pipeline.BlockBoilerplate || b.End > len(d.Text) {
			continue
		}
		at := b.Start
		var part strings.Builder
		for len(bp) > 0 && bp[0].End <= b.Start {
			bp = bp[1:]
		}
		for _, s := range bp {
			if s.Start >= b.End {
				break
			}
			if s.Start > at {
				part.WriteString(d.Text[at:s.Start])
			}
			at = max(at, min(s.End, b.End))
		}
		if at < b.End {
			part.WriteString(d.Text[at:b.End])
		}
		t := strings.TrimSpace(part.String())
		if t == "" {
			continue
		}
		if sb.Len() > 0 {
			sb.WriteByte('\n')
		}
		sb.WriteString(t)
	}
	return sb.String()
}
