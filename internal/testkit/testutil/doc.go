// Package testutil finds the files entente's tests read: the repository
// root, testdata/, and the shared corpora in ../shared (skipping the test
// with a clear message when they are absent), and times code for the
// tests that check how it scales with its input (ThreadCPU, Linear).
//
// It is part of the test kit (internal/testkit): only _test.go files and
// the other test-kit packages import it, and it imports no entente package,
// so any package's own tests may use it.
package testutil
