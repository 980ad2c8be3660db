package clean

import "github.com/entente-nlp/entente/pipeline"

// docBlocks turns the rendered blocks into the Document's Blocks: each
// with its Kind, boilerplate for page furniture, title for the first
// heading (or first block) that repeats the document's title, and byline
// or dateline for short metadata lines among the first blocks.
func docBlocks(text string, rbs []renderedBlock, title string) []pipeline.Block {
	if len(rbs) == 0 {
		return nil
	}
	out := make([]pipeline.Block, len(rbs))
	key := wordKey(title)
	titled := false
	for i, rb := range rbs {
		kind := rb.role
		if kind == "" {
			kind = defaultKind(rb.kind)
		}
		if kind == pipeline.BlockTitle {
			titled = true
		}
		out[i] = pipeline.Block{Span: rb.Span, Kind: kind}
	}
	for i, rb := range rbs {
		if rb.boiler {
			out[i].Kind = pipeline.BlockBoilerplate
			continue
		}
		if i >= 8 {
			continue
		}
		k := &out[i].Kind
		switch {
		case !titled && key != "" && (*k == pipeline.BlockHeading || *k == pipeline.BlockParagraph) && wordKey(text[rb.Start:rb.End]) == key:
			*k, titled = pipeline.BlockTitle, true
		case *k == pipeline.BlockParagraph:
			if role := metaLine(text[rb.Start:rb.End]); role != "" {
				*k = role
			}
		}
	}
	return out
}

func defaultKind(k blockKind) string {
	switch k {
	case heading:
		return pipeline.BlockHeading
	case item:
		return pipeline.BlockListItem
	case code:
		return pipeline.BlockCode
	case row:
		return pipeline.BlockTable
	}
	return pipeline.BlockParagraph
}
