package pipeline

import "context"

// Stage is one step of the pipeline. Process reads and enriches the document
// in place. A Stage must be safe for concurrent use by several workers, each
// with its own Document; heavy resources are built once, before the run, and
// shared read-only.
//
// The Runner (and ProcessDocument) owns failure and cancellation: it checks
// the context before calling Process and never hands a stage a document
// that already has a fatal error, so Process does not check either at its
// top. A returned error is attached to the document (see Document.Errors);
// wrapped by Fatal it makes the remaining stages skip the document, else
// they still see it. Process checks ctx.Err() inside long loops and
// returns it promptly when the context is cancelled.
type Stage interface {
	Name() string
	Process(ctx context.Context, d *Document) error
}

// StageFunc adapts a name and a function to the Stage interface.
type StageFunc struct {
	StageName string
	Fn        func(ctx context.Context, d *Document) error
}

var _ Stage = StageFunc{}

// Name returns the stage name.
func (s StageFunc) Name() string { return s.StageName }

// Process calls Fn.
func (s StageFunc) Process(ctx context.Context, d *Document) error { return s.Fn(ctx, d) }
