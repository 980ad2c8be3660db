package entente

import (
	"context"

	"github.com/entente-nlp/entente/pipeline"
)

// ExtractWithText is Extract with the record's Text set to the document's
// main text (MainText): the record `entente extract --text` writes. The
// HTTP API's ?text=true uses it.
func (x *Extractor) ExtractWithText(ctx context.Context, in Input) (*Record, error) {
	d := x.document(in, 0)
	if err := pipeline.ProcessDocument(ctx, x.stages, d); err != nil {
		return nil, err
	}
	r := NewRecord(d)
	r.Text = MainText(d)
	return r, nil
}
