package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// interrupts turns SIGINT (Ctrl-C) and SIGTERM into the cancellation of a
// run: the first signal says "stopping…" on stderr and cancels the
// context, so the run finishes the documents it can and writes them; a
// second signal exits at once. The exit status of an interrupted run is
// 128 + the signal's number: 130 for Ctrl-C, 143 for SIGTERM.
type interrupts struct {
	ctx    context.Context
	cancel context.CancelFunc
	ch     chan os.Signal
	mu     sync.Mutex
	first  os.Signal
}

// watchSignals starts watching; call stop when the run is over.
func watchSignals(stderr io.Writer, exit func(int)) *interrupts {
	ctx, cancel := context.WithCancel(context.Background())
	in := &interrupts{ctx: ctx, cancel: cancel, ch: make(chan os.Signal, 2)}
	signal.Notify(in.ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		for sig := range in.ch {
			in.mu.Lock()
			first := in.first == nil
			if first {
				in.first = sig
			}
			in.mu.Unlock()
			if !first {
				fmt.Fprintln(stderr, "entente: stopped")
				exit(exitStatus(sig))
				return
			}
			fmt.Fprintln(stderr, "entente: stopping… (finishing what is in progress; Ctrl-C again quits at once)")
			cancel()
		}
	}()
	return in
}

// signalled returns the first signal received, or nil.
func (in *interrupts) signalled() os.Signal {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.first
}

// stop stops watching: signals regain their default effect.
func (in *interrupts) stop() {
	signal.Stop(in.ch)
	in.cancel()
}

// exitStatus is the conventional status of a process ended by sig.
func exitStatus(sig os.Signal) int {
	if s, ok := sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 130
}
