package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/entente-nlp/entente/pipeline"
)

// Gold is a hand-made answer key for one article (NAME.gold.json; the
// format is described in shared/gold/README.md). It lists what a careful
// reader finds, not character spans.
type Gold struct {
	// Document names the article, relative to the shared data folder.
	Document    string         `json:"document"`
	Published   string         `json:"published"`
	Entities    []GoldEntity   `json:"entities"`
	NotEntities []string       `json:"not_entities"`
	Dates       []GoldDate     `json:"dates"`
	Events      []GoldEvent    `json:"events"`
	Relations   []GoldRelation `json:"relations"`
}

// GoldEntity is an entity a reader finds. Optional ones are fine to find
// and fine to miss.
type GoldEntity struct {
	Type     string   `json:"type"`
	Name     string   `json:"name"`
	Aliases  []string `json:"aliases,omitempty"`
	ISO      string   `json:"iso,omitempty"`
	Optional bool     `json:"optional,omitempty"`
}

// GoldDate is a temporal expression with its normalized value and the other
// defensible readings in Accept.
type GoldDate struct {
	Text   string   `json:"text"`
	Value  string   `json:"value"`
	Accept []string `json:"accept,omitempty"`
	Note   string   `json:"note,omitempty"`
}

// GoldEvent is something that happened. Date is nil when the text gives
// none.
type GoldEvent struct {
	Kind         string   `json:"kind"`
	CAMEO        string   `json:"cameo"`
	Date         *string  `json:"date"`
	DateAccept   []string `json:"date_accept,omitempty"`
	Participants []string `json:"participants"`
	Location     string   `json:"location,omitempty"`
	Optional     bool     `json:"optional,omitempty"`
	Evidence     string   `json:"evidence,omitempty"`
}

// GoldRelation links two gold entities by name.
type GoldRelation struct {
	Subject  string `json:"subject"`
	Type     string `json:"type"`
	Object   string `json:"object"`
	Role     string `json:"role,omitempty"`
	Label    string `json:"label,omitempty"`
	Optional bool   `json:"optional,omitempty"`
	Note     string `json:"note,omitempty"`
}

// ReadGold reads and checks an answer key. Errors name the file and the
// problem: unreadable, not JSON, unknown fields, an entity without a type or
// name, a relation or event naming an entity the key does not list.
func ReadGold(path string) (*Gold, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is named below, not "open ..."
		}
		return nil, fmt.Errorf("eval: answer key %s: %w", path, err)
	}
	return ParseGold(b, path)
}

// ParseGold parses and checks an answer key; name is used in errors.
func ParseGold(b []byte, name string) (*Gold, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var g Gold
	if err := dec.Decode(&g); err != nil {
		return nil, fmt.Errorf("eval: answer key %s: %w", name, err)
	}
	if err := g.check(); err != nil {
		return nil, fmt.Errorf("eval: answer key %s: %w", name, err)
	}
	return &g, nil
}

var relationTypes = map[string]bool{
	pipeline.HoldsRole: true, pipeline.MemberOf: true, pipeline.CooperatesWith: true,
	pipeline.Opposes: true, pipeline.AffiliatedWith: true, pipeline.LocatedIn: true,
}

func (g *Gold) check() error {
	if len(g.Entities) == 0 {
		return fmt.Errorf("no entities")
	}
	for i, e := range g.Entities {
		if strings.TrimSpace(e.Name) == "" || strings.TrimSpace(e.Type) == "" {
			return fmt.Errorf("entity %d has no name or type", i+1)
		}
	}
	for i, d := range g.Dates {
		if d.Value == "" {
			return fmt.Errorf("date %d (%q) has no value", i+1, d.Text)
		}
	}
	for i, e := range g.Events {
		for _, p := range e.Participants {
			if g.entity(p) < 0 {
				return fmt.Errorf("event %d: participant %q is not an entity of the key", i+1, p)
			}
		}
	}
	for i, r := range g.Relations {
		if !relationTypes[r.Type] {
			return fmt.Errorf("relation %d: unknown type %q", i+1, r.Type)
		}
		for _, n := range []string{r.Subject, r.Object} {
			if g.entity(n) < 0 {
				return fmt.Errorf("relation %d: %q is not an entity of the key", i+1, n)
			}
		}
	}
	return nil
}

// entity returns the index of the gold entity with this name or alias, or
// -1.
func (g *Gold) entity(name string) int {
	f := fold(name)
	for i, e := range g.Entities {
		if fold(e.Name) == f {
			return i
		}
	}
	for i, e := range g.Entities {
		for _, a := range e.Aliases {
			if fold(a) == f {
				return i
			}
		}
	}
	return -1
}
