package pipeline

import "context"

// ProcessDocument runs stages over one document in order, synchronously,
// exactly as a Runner would: a stage error is attached to the document (a
// panic becomes a fatal error), and after a fatal error the remaining
// stages skip the document. The context is checked before each stage: when
// it is cancelled ProcessDocument returns ctx.Err(), leaving the document
// partly processed.
func ProcessDocument(ctx context.Context, stages []Stage, d *Document) error {
	for _, st := range stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		if d.Failed() {
			return nil
		}
		if err := process(ctx, st, d); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			d.AddError(st.Name(), err, IsFatal(err))
		}
	}
	return nil
}
