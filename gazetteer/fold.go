package gazetteer

import (
	"unicode/utf8"

	"github.com/entente-nlp/entente/internal/textnorm"
)

// folded is a folded text with a sparse map back to the original: each
// breakpoint says that folded byte f came from original byte o, and the
// folded bytes after it, up to the next breakpoint, map one to one.
type folded struct {
	text []byte
	bps  []textnorm.Breakpoint
}

// origAt returns the original byte offset of the rune that produced folded
// byte k.
func (f *folded) origAt(k int) int {
	lo, hi := 0, len(f.bps)
	for lo < hi {
		mid := (lo + hi) / 2
		if int(f.bps[mid].Folded) <= k {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	b := f.bps[lo-1]
	return int(b.Orig) + k - int(b.Folded)
}

// foldBytes folds s into f (reusing its buffers) by textnorm's rule
// (textnorm.FoldMap). When withOffsets is true it also records the
// breakpoints mapping folded bytes back to s.
func foldBytes(s string, f *folded, withOffsets bool) ([]byte, []textnorm.Breakpoint) {
	f.text, f.bps = textnorm.FoldMap(s, f.text, f.bps, withOffsets)
	return f.text, f.bps
}

// isWordByte reports whether a folded byte belongs to a word: ASCII letters
// and digits, and any byte of a non-ASCII letter that folding kept.
func isWordByte(c byte) bool {
	return ('a' <= c && c <= 'z') || ('0' <= c && c <= '9') || c >= utf8.RuneSelf
}
