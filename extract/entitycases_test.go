package extract_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/entente-nlp/entente/internal/testkit/pipetest"
	"github.com/entente-nlp/entente/internal/testkit/testutil"
	"github.com/entente-nlp/entente/pipeline"
)

// TestEntityCases runs every short text of testdata/entities through
// ingest, clean, nlp and entities and checks the expectations written at the
// top of each file (format in testdata/entities/README.md): the wrong cases
// of issue #13 on news nobody tuned for. Every case also has one mention
// per span and no name ending in a full stop.
func TestEntityCases(t *testing.T) {
	files, err := filepath.Glob(testutil.Testdata(t, "entities/*.txt"))
	if err != nil || len(files) < 10 {
		t.Fatalf("testdata/entities: found %d cases (%v)", len(files), err)
	}
	stages := pipetest.Stages(t, []string{"ingest", "clean", "nlp", "entities"}, nil)
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".txt"), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			checks, body := splitCase(t, string(src))
			d := &pipeline.Document{ID: filepath.Base(f), Source: f, Format: "text", Original: []byte(body)}
			pipetest.Run(t, stages, d)
			for _, c := range checks {
				if msg := c.check(d); msg != "" {
					t.Errorf("%s: %s", c.line, msg)
				}
			}
			checkSpans(t, d)
			if t.Failed() {
				t.Log("\n" + describeMentions(d))
			}
		})
	}
}

// caseCheck is one expectation line of a case file.
type caseCheck struct {
	line string
	verb string
	args []string
}

// splitCase reads the "# ..." expectation lines up to the first blank line
// and returns them with the text after it.
func splitCase(t *testing.T, src string) ([]caseCheck, string) {
	t.Helper()
	head, body, ok := strings.Cut(src, "\n\n")
	if !ok {
		t.Fatal("case file: want expectation lines, a blank line, then the text")
	}
	var out []caseCheck
	for _, line := range strings.Split(head, "\n") {
		line = strings.TrimSpace(strings.TrimPrefix(line, "#"))
		if line == "" {
			continue
		}
		args := caseFields(line)
		if len(args) < 2 {
			t.Fatalf("case file: bad expectation %q", line)
		}
		out = append(out, caseCheck{line: line, verb: args[0], args: args[1:]})
	}
	if len(out) == 0 {
		t.Fatal("case file: no expectations")
	}
	return out, body
}

// caseFields splits on spaces, keeping "quoted strings" whole.
func caseFields(s string) []string {
	var out []string
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		if s[0] == '"' {
			end := strings.IndexByte(s[1:], '"')
			if end < 0 {
				return append(out, s[1:])
			}
			out = append(out, s[1:end+1])
			s = s[end+2:]
			continue
		}
		f, rest, _ := strings.Cut(s, " ")
		out = append(out, f)
		s = rest
	}
	return out
}

// mentionsOf returns the mentions whose text (spaces collapsed) is text.
func mentionsOf(d *pipeline.Document, text string) []pipeline.Mention {
	var out []pipeline.Mention
	for _, m := range d.Mentions {
		if strings.Join(strings.Fields(d.Slice(m.Span)), " ") == text {
			out = append(out, m)
		}
	}
	return out
}

// idMatches reports whether id is want, or starts with want when want ends
// in ":" (a kind prefix such as "person:").
func idMatches(id, want string) bool {
	if strings.HasSuffix(want, ":") {
		return strings.HasPrefix(id, want)
	}
	return id == want
}

func (c caseCheck) check(d *pipeline.Document) string {
	switch c.verb {
	case "entity": // TYPE "mention" [id]
		if len(c.args) < 2 {
			return "entity needs a type and a mention"
		}
		ms := mentionsOf(d, c.args[1])
		if len(ms) == 0 {
			return "no such mention"
		}
		for _, m := range ms {
			if m.Type == c.args[0] && (len(c.args) < 3 || idMatches(m.EntityID, c.args[2])) {
				return ""
			}
		}
		return fmt.Sprintf("found as %s", describe(ms))
	case "not-linked": // "mention" id
		for _, m := range mentionsOf(d, c.args[0]) {
			if len(c.args) > 1 && idMatches(m.EntityID, c.args[1]) {
				return fmt.Sprintf("linked: %s", describe([]pipeline.Mention{m}))
			}
		}
	case "no-entity": // "mention"
		if ms := mentionsOf(d, c.args[0]); len(ms) > 0 {
			return fmt.Sprintf("found: %s", describe(ms))
		}
	case "no-type": // TYPE "mention"
		for _, m := range mentionsOf(d, c.args[1]) {
			if m.Type == c.args[0] {
				return fmt.Sprintf("found: %s", describe([]pipeline.Mention{m}))
			}
		}
	case "same": // "a" "b"
		a, b := mentionsOf(d, c.args[0]), mentionsOf(d, c.args[1])
		if len(a) == 0 || len(b) == 0 {
			return fmt.Sprintf("missing mention: %d and %d found", len(a), len(b))
		}
		if a[0].EntityID != b[0].EntityID {
			return fmt.Sprintf("different entities: %s and %s", a[0].EntityID, b[0].EntityID)
		}
	case "form": // "mention" FORM
		ms := mentionsOf(d, c.args[0])
		if len(ms) == 0 {
			return "no such mention"
		}
		if len(c.args) < 2 || ms[0].Form != c.args[1] {
			return fmt.Sprintf("form %q", ms[0].Form)
		}
	default:
		return "unknown expectation " + c.verb
	}
	return ""
}

// checkSpans checks the invariants every document keeps: one mention per
// span, and no name ending in a full stop after a word of three letters or
// more (initials, "U.S.", corporate abbreviations and the gazetteer's
// abbreviations such as "Calif." keep theirs).
func checkSpans(t *testing.T, d *pipeline.Document) {
	t.Helper()
	seen := map[pipeline.Span]bool{}
	for _, m := range d.Mentions {
		if seen[m.Span] {
			t.Errorf("two mentions of %q at %d", d.Slice(m.Span), m.Start)
		}
		seen[m.Span] = true
		text := d.Slice(m.Span)
		if strings.HasSuffix(text, ".") {
			last := text[strings.LastIndexFunc(text[:len(text)-1], func(r rune) bool { return !unicode.IsLetter(r) })+1 : len(text)-1]
			abbrev := m.Source == "gazetteer" || nameAbbrevs[strings.ToLower(last)]
			if len(last) >= 3 && !abbrev && !strings.Contains(strings.TrimSuffix(text, "."), ".") {
				t.Errorf("name with a trailing full stop: %q", text)
			}
		}
	}
}

// nameAbbrevs end names with their full stop ("Apple Inc.", "Warner Bros.").
var nameAbbrevs = map[string]bool{"inc": true, "corp": true, "ltd": true, "bros": true, "jr": true, "sr": true, "co": true}

func describe(ms []pipeline.Mention) string {
	var parts []string
	for _, m := range ms {
		parts = append(parts, fmt.Sprintf("%s %s (%s, %s)", m.Type, m.EntityID, m.Source, m.Form))
	}
	return strings.Join(parts, "; ")
}

func describeMentions(d *pipeline.Document) string {
	var b strings.Builder
	for _, m := range d.Mentions {
		fmt.Fprintf(&b, "  %q %s %s %s %s: %s\n", d.Slice(m.Span), m.Type, m.EntityID, m.Source, m.Form, m.Reason)
	}
	return b.String()
}
