//go:build !linux

package testutil

import "time"

// ThreadCPU runs f and returns the wall time it took: per-thread CPU time
// is read only on Linux.
func ThreadCPU(f func()) time.Duration {
	start := time.Now()
	f()
	return time.Since(start)
}
