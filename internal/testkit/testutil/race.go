//go:build race

package testutil

// Race reports whether the race detector is on: timing-based tests skip
// then, the detector slowing code unevenly.
const Race = true
