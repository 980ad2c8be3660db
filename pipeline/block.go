package pipeline

// Block kinds: the role of a Block of Text, from the clean stage.
const (
	BlockTitle       = "title"       // the article's headline
	BlockHeading     = "heading"     // a section heading
	BlockParagraph   = "paragraph"   // body prose
	BlockCaption     = "caption"     // a figure or table caption
	BlockListItem    = "list_item"   // an item of a list
	BlockQuote       = "quote"       // a block quotation
	BlockTable       = "table"       // a table row
	BlockCode        = "code"        // preformatted text
	BlockByline      = "byline"      // "By Jane Doe"
	BlockDateline    = "dateline"    // "March 13, 2015" or "MOSCOW (Reuters) -"
	BlockBoilerplate = "boilerplate" // page furniture outside the article
)

// Block is one block of Text (a paragraph, heading, list item, caption...)
// with its Kind. Blocks are in text order and do not overlap; the
// separators between them belong to none. The clean stage fills them.
type Block struct {
	Span
	Kind string `json:"kind"`
}

// BlockAt returns the index of the block containing byte offset off, or
// -1.
func (d *Document) BlockAt(off int) int {
	lo, hi := 0, len(d.Blocks)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case off < d.Blocks[m].Start:
			hi = m
		case off >= d.Blocks[m].End:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// OutsideArticle reports whether s lies in a block of page furniture
// (Kind boilerplate): navigation, teasers, share bars and the like that
// the clean stage found outside the article. Line-level boilerplate inside
// the article (a disclaimer, a copyright line) is not outside it; see
// InBoilerplate.
func (d *Document) OutsideArticle(s Span) bool {
	i := d.BlockAt(s.Start)
	return i >= 0 && d.Blocks[i].Kind == BlockBoilerplate && d.Blocks[i].Contains(s)
}
