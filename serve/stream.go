package serve

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"runtime"
	"strconv"
	"time"
)

// streamError is a line of a JSON Lines answer that replaces a document's
// record when the document could not be processed.
type streamError struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
	Line   int    `json:"line"`
}

// errorLine encodes e as a line of a JSON Lines answer.
func errorLine(n int, e *httpError) []byte {
	b, _ := json.Marshal(streamError{Error: e.msg, Status: e.status, Line: n})
	return append(b, '\n')
}

// extractStream answers a JSON Lines body with one line per document, in
// input order, each written as soon as it and the ones before it are done.
// Up to GOMAXPROCS documents of the stream are extracted at once, while
// the body is still being read (the connection runs full duplex). A bad
// line gets an error line and the stream goes on; a document entente
// cannot read gets its record (with the error), as `entente extract`
// writes it; a body over the limit ends the stream with an error line.
func (s *Server) extractStream(w http.ResponseWriter, r *http.Request, body io.Reader, withText bool) {
	ctx := r.Context()
	rc := http.NewResponseController(w)
	// Without full duplex, an HTTP/1 server discards the unread body when
	// the first record is written.
	_ = rc.EnableFullDuplex()
	w.Header().Set("Content-Type", typeNDJSON)
	w.WriteHeader(http.StatusOK)

	// Each document's answer is a channel in the queue, in input order;
	// the queue's capacity bounds the documents in flight.
	workers := runtime.GOMAXPROCS(0)
	queue := make(chan chan []byte, workers)
	written := make(chan error, 1)
	go func() {
		var werr error
		for answer := range queue {
			b := <-answer
			if werr != nil || b == nil {
				continue // the client is gone: let the rest finish
			}
			_ = rc.SetWriteDeadline(time.Now().Add(s.opts.Timeout + writeSlack))
			if _, werr = w.Write(b); werr == nil {
				werr = rc.Flush()
			}
		}
		written <- werr
	}()

	err := lines(body, func(n int, line []byte) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		// Each document gets the full timeouts, however long the stream.
		_ = rc.SetReadDeadline(time.Now().Add(s.opts.Timeout + writeSlack))
		answer := make(chan []byte, 1)
		queue <- answer
		in, err := decodeInput(line)
		if err != nil {
			answer <- errorLine(n, errorf(http.StatusBadRequest, "line %d: %v", n, err))
			return nil
		}
		if in.ID == "" {
			in.ID = "line:" + strconv.Itoa(n)
		}
		in.Source = "http:" + strconv.Itoa(n)
		in.WithText = withText
		go func() { answer <- s.streamRecord(ctx, n, in) }()
		return nil
	})
	close(queue)
	werr := <-written
	if err != nil && werr == nil && ctx.Err() == nil {
		w.Write(errorLine(0, s.readErr(err)))
	}
}

// streamRecord extracts the document of line n and returns its line of
// the answer: the record, or an error line; nil when the client is gone.
func (s *Server) streamRecord(ctx context.Context, n int, in Input) []byte {
	res, e := s.run(ctx, in)
	switch {
	case e != nil && e.status == 499:
		return nil
	case e != nil && (res == nil || res.Fatal == ""):
		return errorLine(n, errorf(e.status, "line %d: %s", n, e.msg))
	}
	b, err := recordJSON(res, false)
	if err != nil {
		return errorLine(n, errorf(http.StatusInternalServerError, "line %d: encoding the record: %v", n, err))
	}
	return b
}
