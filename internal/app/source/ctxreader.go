package source

import (
	"context"
	"io"
)

// ctxReader reads r from a goroutine, so that a read blocked on a terminal
// or a pipe (extract - waiting for standard input) returns ctx's error as
// soon as ctx is cancelled: Ctrl-C stops the run without waiting for the
// input to close. The goroutine stays blocked in r's Read until that
// returns; the process is normally exiting by then.
type ctxReader struct {
	ctx     context.Context
	results chan readResult
	pending []byte
	err     error
}

type readResult struct {
	b   []byte
	err error
}

func newCtxReader(ctx context.Context, r io.Reader) io.Reader {
	cr := &ctxReader{ctx: ctx, results: make(chan readResult)}
	go func() {
		for {
			buf := make([]byte, 64<<10)
			n, err := r.Read(buf)
			select {
			case cr.results <- readResult{buf[:n], err}:
			case <-ctx.Done():
				return
			}
			if err != nil {
				return
			}
		}
	}()
	return cr
}

func (cr *ctxReader) Read(p []byte) (int, error) {
	for len(cr.pending) == 0 {
		if cr.err != nil {
			return 0, cr.err
		}
		select {
		case res := <-cr.results:
			cr.pending, cr.err = res.b, res.err
		case <-cr.ctx.Done():
			return 0, cr.ctx.Err()
		}
	}
	n := copy(p, cr.pending)
	cr.pending = cr.pending[n:]
	return n, nil
}
