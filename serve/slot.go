package serve

import (
	"context"
	"sync/atomic"
)

// slot is a place among the MaxInflight requests being worked on. It is
// freed when its last holder releases it: the handler, and the extraction
// still running after a 504, so that the limit counts the work really in
// progress.
type slot struct {
	refs atomic.Int32
	free func()
}

type slotKey struct{}

func newSlot(free func()) *slot {
	s := &slot{free: free}
	s.refs.Store(1)
	return s
}

func (s *slot) retain() { s.refs.Add(1) }

func (s *slot) release() {
	if s.refs.Add(-1) == 0 {
		s.free()
	}
}

// slotFrom returns the request's slot, or nil.
func slotFrom(ctx context.Context) *slot {
	s, _ := ctx.Value(slotKey{}).(*slot)
	return s
}
