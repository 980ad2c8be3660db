package relations_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/internal/testkit/pipetest"
	"github.com/entente-nlp/entente/pipeline"
)

// TestCases runs the whole pipeline over each short article of
// testdata/cases and checks the relations it states. A case file is the
// article's text with directive lines:
//
//	# published: 2017-01-10
//	want: Lama Fakih | holds_role | Human Rights Watch | deputy Middle East director
//	not: US-led coalition | cooperates_with | Islamic State
//
// Entities are named by their name or an alias (case-insensitive); the
// fourth field, when given, is the label the relation must carry.
// cooperates_with matches in either order.
func TestCases(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "cases", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases in testdata/cases: %v", err)
	}
	stages := pipetest.Stages(t, nil, nil)
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".txt"), func(t *testing.T) {
			c := readCase(t, f)
			d := &pipeline.Document{ID: filepath.Base(f), Source: f, Original: []byte(c.text), Published: c.published}
			pipetest.Run(t, stages, d)
			for _, w := range c.want {
				if r := findNamed(d, w); r == nil {
					t.Errorf("missing %s; got:\n%s", strings.Join(w, " | "), dumpNamed(d))
				} else if len(w) > 3 && r.Label != w[3] {
					t.Errorf("%s: label %q", strings.Join(w, " | "), r.Label)
				} else if r.Evidence.Len() == 0 || r.Confidence <= 0 || r.Rule == "" {
					t.Errorf("%s: evidence %v confidence %v rule %q", strings.Join(w, " | "), r.Evidence, r.Confidence, r.Rule)
				}
			}
			for _, w := range c.not {
				if r := findNamed(d, w); r != nil {
					t.Errorf("unexpected %s (rule %s, evidence %q)", strings.Join(w, " | "), r.Rule, d.Slice(r.Evidence))
				}
			}
		})
	}
}

type relCase struct {
	text, published string
	want, not       [][]string
}

func readCase(t *testing.T, path string) relCase {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var c relCase
	var text []string
	for _, line := range strings.Split(string(b), "\n") {
		switch {
		case strings.HasPrefix(line, "# published:"):
			c.published = strings.TrimSpace(strings.TrimPrefix(line, "# published:"))
		case strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "want:"), strings.HasPrefix(line, "not:"):
			kind, rest, _ := strings.Cut(line, ":")
			var fields []string
			for _, f := range strings.Split(rest, "|") {
				fields = append(fields, strings.TrimSpace(f))
			}
			if len(fields) < 3 {
				t.Fatalf("%s: bad directive %q", path, line)
			}
			if kind == "want" {
				c.want = append(c.want, fields)
			} else {
				c.not = append(c.not, fields)
			}
		default:
			text = append(text, line)
		}
	}
	c.text = strings.TrimSpace(strings.Join(text, "\n")) + "\n"
	if len(c.want)+len(c.not) == 0 {
		t.Fatalf("%s: no want or not lines", path)
	}
	return c
}

// named reports whether entity id is called name in d.
func named(d *pipeline.Document, id, name string) bool {
	e := d.Entity(id)
	if e == nil {
		return strings.EqualFold(id, name)
	}
	if strings.EqualFold(e.Name, name) {
		return true
	}
	for _, a := range e.Aliases {
		if strings.EqualFold(a, name) {
			return true
		}
	}
	return false
}

func findNamed(d *pipeline.Document, w []string) *pipeline.Relation {
	for i, r := range d.Relations {
		if r.Type != w[1] {
			continue
		}
		if named(d, r.Source, w[0]) && named(d, r.Target, w[2]) ||
			r.Type == pipeline.CooperatesWith && named(d, r.Source, w[2]) && named(d, r.Target, w[0]) {
			return &d.Relations[i]
		}
	}
	return nil
}

func dumpNamed(d *pipeline.Document) string {
	name := func(id string) string {
		if e := d.Entity(id); e != nil {
			return e.Name
		}
		return id
	}
	var out []string
	for _, r := range d.Relations {
		out = append(out, "  "+name(r.Source)+" | "+r.Type+" | "+name(r.Target)+" | "+r.Label+" ("+r.Rule+")")
	}
	return strings.Join(out, "\n")
}
