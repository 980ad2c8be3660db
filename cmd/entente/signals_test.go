//go:build unix

package main

import (
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The first signal cancels the run and says so; the second exits at once
// with 128 + its number.
func TestSignalsFirstStopsSecondExits(t *testing.T) {
	var stderr syncBuffer
	exited := make(chan int, 1)
	in := watchSignals(&stderr, func(code int) { exited <- code })
	defer in.stop()
	syscall.Kill(syscall.Getpid(), syscall.SIGTERM)
	select {
	case <-in.ctx.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("first SIGTERM did not cancel the run")
	}
	if !strings.Contains(stderr.String(), "stopping…") || in.signalled() != syscall.SIGTERM {
		t.Errorf("after the first signal: stderr %q, signalled %v", stderr.String(), in.signalled())
	}
	syscall.Kill(syscall.Getpid(), syscall.SIGINT)
	select {
	case code := <-exited:
		// The status is the first signal's: the run was terminated.
		if code != 130 && code != 143 {
			t.Errorf("exit status %d", code)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("second signal did not exit")
	}
}

// `extract -` stops on Ctrl-C (130) or SIGTERM (143) while standard input
// is still open, saying "stopping…".
func TestCLIStdinInterrupted(t *testing.T) {
	for _, tc := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}} {
		cmd := exec.Command(binary(t), "extract", "-")
		cmd.Dir = t.TempDir()
		stdin, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		defer stdin.Close()
		var stderr syncBuffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		stdin.Write([]byte("Putin met Erdogan in Moscow, and the input stays open"))
		time.Sleep(300 * time.Millisecond) // let it start reading
		cmd.Process.Signal(tc.sig)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			cmd.Process.Kill()
			t.Fatalf("%v: extract - did not stop while standard input was open; stderr:\n%s", tc.sig, stderr.String())
		}
		if got := cmd.ProcessState.ExitCode(); got != tc.code {
			t.Errorf("%v: exit status %d, want %d; stderr:\n%s", tc.sig, got, tc.code, stderr.String())
		}
		if !strings.Contains(stderr.String(), "stopping…") {
			t.Errorf("%v: stderr lacks stopping…:\n%s", tc.sig, stderr.String())
		}
	}
}
