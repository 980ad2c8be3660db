package bench

import (
	_ "embed"
	"strings"
)

//go:embed sentences.txt
var defaultSentences string

// DefaultSentences returns the embedded benchmark sentences (news-like
// sentences written for this project, one per line).
func DefaultSentences() []string {
	var out []string
	for _, line := range strings.Split(defaultSentences, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	return out
}
