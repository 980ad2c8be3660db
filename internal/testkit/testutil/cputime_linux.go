//go:build linux

package testutil

import (
	"runtime"
	"syscall"
	"time"
)

// rusageThread is RUSAGE_THREAD: the calling thread's usage only.
const rusageThread = 1

// ThreadCPU runs f on a locked OS thread and returns the CPU time that
// thread spent in it (user and system): unlike wall time, it does not grow
// when other processes share the machine, so scaling tests can compare
// runs of different sizes on a busy machine. Work that f hands to other
// goroutines (and most of the garbage collector's) is not counted.
func ThreadCPU(f func()) time.Duration {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	t0, ok0 := threadUsage()
	start := time.Now()
	f()
	t1, ok1 := threadUsage()
	if !ok0 || !ok1 {
		return time.Since(start)
	}
	return t1 - t0
}

func threadUsage() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
