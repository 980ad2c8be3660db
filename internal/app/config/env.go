package config

// env.go: ENTENTE_* variables that configure nothing (a misspelt
// ENTENTE_OUTPT_FORMAT) are warned about, with the closest real name.

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// OtherEnv are ENTENTE_* variables that are not configuration keys but
// are read elsewhere (by tests and measurements); they draw no warning.
var OtherEnv = []string{
	"ENTENTE_SHARED",           // internal/testkit/testutil: the shared corpora
	"ENTENTE_UD_EWT",           // extract/depparse tests: the UD English EWT treebank
	"ENTENTE_PARSER_MODEL",     // extract/depparse benchmarks
	"ENTENTE_TIMEML_ERRORS",    // extract/dates tests
	"ENTENTE_NATS_TEST_MARK",   // nats tests
	"ENTENTE_NATS_TEST_WORKER", // nats tests
}

// unknownEnv returns a warning for each ENTENTE_* variable of environ
// that is neither a configuration key's variable nor one of OtherEnv.
func unknownEnv(defs map[string]any, environ []string) []string {
	known := make([]string, 0, len(defs))
	for key := range defs {
		known = append(known, EnvName(key))
	}
	sort.Strings(known)
	var warnings []string
	for _, kv := range environ {
		name, _, _ := strings.Cut(kv, "=")
		if !strings.HasPrefix(name, EnvPrefix+"_") || slices.Contains(known, name) || slices.Contains(OtherEnv, name) {
			continue
		}
		msg := fmt.Sprintf("config: environment variable %s is not a setting of entente and is ignored", name)
		if best := closest(name, known); best != "" {
			msg += fmt.Sprintf(" (did you mean %s?)", best)
		}
		warnings = append(warnings, msg)
	}
	sort.Strings(warnings)
	return warnings
}

// closest returns the name of names nearest to s by edit distance, when
// it is near enough to be a misspelling; else "".
func closest(s string, names []string) string {
	best, bestD := "", 4
	for _, n := range names {
		if d := editDistance(s, n); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
