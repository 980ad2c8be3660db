package entente

import (
	"encoding/json"
	"os"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/internal/testkit/testutil"
)

// docs/output.md documents the contract with a real example. Its JSON must
// decode strictly into []Record, use every field of the contract, and its
// offsets must slice testdata/example.md to the mention texts.
func TestDocsExample(t *testing.T) {
	md, err := os.ReadFile(testutil.RepoRoot(t) + "/docs/output.md")
	if err != nil {
		t.Fatal(err)
	}
	input, err := os.ReadFile(testutil.Testdata(t, "example.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```json\n(.*?)\n```").FindSubmatch(md)
	if m == nil {
		t.Fatal("docs/output.md has no ```json example")
	}
	dec := json.NewDecoder(strings.NewReader(string(m[1])))
	dec.DisallowUnknownFields()
	var recs []Record
	if err := dec.Decode(&recs); err != nil {
		t.Fatalf("docs example does not decode into []Record: %v", err)
	}
	if len(recs) != 1 || len(recs[0].Entities) == 0 || len(recs[0].Dates) == 0 || len(recs[0].Events) == 0 || len(recs[0].Relations) == 0 {
		t.Fatalf("docs example should show every section: %+v", recs)
	}
	for _, e := range recs[0].Entities {
		for _, mt := range e.Mentions {
			if got := string(input[mt.Start:mt.End]); got != mt.Text {
				t.Errorf("docs example: %s mention [%d,%d) is %q in example.md, documented as %q", e.ID, mt.Start, mt.End, got, mt.Text)
			}
		}
	}
	for _, d := range recs[0].Dates {
		if got := string(input[d.Start:d.End]); got != d.Text {
			t.Errorf("docs example: date [%d,%d) is %q in example.md, documented as %q", d.Start, d.End, got, d.Text)
		}
	}
	// Every field of the contract is named in the document.
	for _, typ := range []any{Record{}, Entity{}, Mention{}, Date{}, Event{}, Participant{}, Relation{}, Coreference{}, Error{}} {
		for _, f := range jsonFields(reflect.TypeOf(typ)) {
			if !strings.Contains(string(md), "`"+f+"`") && !strings.Contains(string(md), f+",") && !strings.Contains(string(md), f+"}") {
				t.Errorf("docs/output.md does not document field %q of %T", f, typ)
			}
		}
	}
}

func jsonFields(t reflect.Type) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}
