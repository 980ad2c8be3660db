package testutil

import (
	"testing"
	"time"
)

// Linear checks that work grows about linearly with its input: it calls
// setup(n) and setup(4n) (untimed) a few times each and runs the work they
// return on one thread, keeps the least CPU
// time of each, and fails t when the larger took more than maxRatio times
// the smaller (linear is 4, n log n a little more, quadratic 16; 8 leaves
// room for caches and the garbage collector). n is doubled (up to four
// times) until the smaller run takes 10 ms; a larger run under 20 ms is
// too fast to judge and passes. It skips under -short and
// the race detector. what names the work in messages.
func Linear(t testing.TB, what string, n int, maxRatio float64, setup func(n int) func()) {
	t.Helper()
	if testing.Short() || Race {
		t.Skip("scaling check skipped with -short or -race")
	}
	best := func(size int) time.Duration {
		var b time.Duration
		for i := 0; i < 3; i++ {
			d := ThreadCPU(setup(size))
			if i == 0 || d < b {
				b = d
			}
		}
		return b
	}
	small := best(n)
	for i := 0; i < 4 && small < 10*time.Millisecond; i++ {
		// Too fast to time reliably: a larger input.
		n *= 2
		small = best(n)
	}
	large := best(4 * n)
	t.Logf("%s: %v for n=%d, %v for 4n", what, small, n, large)
	if large < 20*time.Millisecond {
		return
	}
	if ratio := float64(large) / float64(max(small, time.Millisecond)); ratio > maxRatio {
		t.Errorf("%s: %v for n=%d but %v for 4n (%.1fx for 4x the input): grows faster than n log n",
			what, small, n, large, ratio)
	}
}
