package graph

import (
	"strings"
	"testing"

	"github.com/entente-nlp/entente/pipeline"
)

func TestFilter(t *testing.T) {
	g := corpus(Options{Events: true}).Graph()
	cases := []struct {
		name       string
		f          Filter
		nodes      int
		ties       int
		mustHave   []string
		mustNotHav []string
	}{
		{"zero filter drops nothing with ties", Filter{}, 20, 30, []string{ru, "event:moscow-declaration/ev1"}, nil},
		{"countries only", Filter{Types: []string{"country"}}, 3, 4, []string{ru, tr, ir}, []string{kz, putin}},
		{"countries kept isolated", Filter{Types: []string{"COUNTRY"}, KeepIsolated: true}, 4, 4, []string{kz}, nil},
		{"cooperation only", Filter{Relations: []string{"cooperates_with"}}, 3, 3, []string{ru, tr, ir}, []string{is}},
		{"opposition and membership", Filter{Relations: []string{"opposes", "member_of"}}, 6, 8, []string{nato, is, nusra}, []string{lavrov}},
		{"min weight 2", Filter{MinWeight: 2}, 5, 4, []string{lavrov, is}, []string{nusra, putin}},
		{"top 3", Filter{Top: 3, Types: []string{"COUNTRY", "ORGANIZATION"}}, 3, 4, []string{ru, tr, ir}, []string{is}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fg, err := g.Filter(c.f)
			if err != nil {
				t.Fatal(err)
			}
			if fg.Order() != c.nodes || fg.Ties() != c.ties {
				var ids []string
				for _, n := range fg.Nodes() {
					ids = append(ids, n.ID)
				}
				t.Errorf("%d nodes, %d ties; want %d and %d (%s)", fg.Order(), fg.Ties(), c.nodes, c.ties, strings.Join(ids, " "))
			}
			for _, id := range c.mustHave {
				if fg.Node(id) == nil {
					t.Errorf("%s missing", id)
				}
			}
			for _, id := range c.mustNotHav {
				if fg.Node(id) != nil {
					t.Errorf("%s kept", id)
				}
			}
			for _, e := range fg.Edges() {
				if fg.Node(e.Source) == nil || fg.Node(e.Target) == nil {
					t.Errorf("dangling edge %s -> %s", e.Source, e.Target)
				}
			}
		})
	}
	// The original graph is untouched.
	if g.Ties() != 30 || len(g.Edge(ru, tr).Ties) != 2 {
		t.Errorf("filtering changed the source graph: %d ties", g.Ties())
	}
}

func TestFilterValidate(t *testing.T) {
	g := corpus(Options{}).Graph()
	for _, f := range []Filter{{Relations: []string{"oposes"}}, {MinWeight: -1}, {Top: -2}} {
		if _, err := g.Filter(f); err == nil {
			t.Errorf("Filter(%+v) accepted", f)
		}
	}
	_, err := g.Filter(Filter{Relations: []string{"oposes"}})
	if !strings.Contains(err.Error(), `"oposes"`) || !strings.Contains(err.Error(), pipeline.Opposes) {
		t.Errorf("error %q should name the bad type and the known ones", err)
	}
	// A misspelt entity type is refused (it would keep no node at all);
	// known types are accepted in any case.
	_, err = g.Filter(Filter{Types: []string{"country", "PEOPLE"}})
	if err == nil || !strings.Contains(err.Error(), `"PEOPLE"`) || !strings.Contains(err.Error(), "PERSON, COUNTRY") {
		t.Errorf("unknown type: %v", err)
	}
	if _, err := g.Filter(Filter{Types: []string{"person", "Country", "EVENT"}}); err != nil {
		t.Errorf("known types refused: %v", err)
	}
}
