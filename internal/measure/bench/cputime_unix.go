//go:build unix

package bench

import (
	"syscall"
	"time"
)

// CPUTime returns the process's user plus system CPU time so far, 0 where
// it cannot be read. Throughput per CPU second is steadier than per
// wall-clock second on a machine shared with other work.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
