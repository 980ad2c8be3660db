package graph

import (
	"bytes"
	"testing"

	"github.com/entente-nlp/entente/pipeline"
)

const (
	helena, marwick = "person:helena-marwick", "person:marwick"
	nordavia        = "org:nordavia-airlines"
	samsun          = "city:samsun"
)

// unlinked builds a document whose people and organizations the gazetteer
// does not know (makeDoc links every id but loc:).
func unlinked(id string, seq int, sentence string, ents []ent, rels []rel) *pipeline.Document {
	d := makeDoc(id, seq, "2023-03-0"+string(rune('1'+seq)), []string{sentence}, ents, rels)
	for i := range d.Entities {
		if d.Entities[i].Type == pipeline.Person || d.Entities[i].Type == pipeline.Organization {
			d.Entities[i].Linked = false
		}
	}
	return d
}

var (
	fullDoc = func(seq int) *pipeline.Document {
		return unlinked("full", seq, "Nordavia Airlines spokeswoman Helena Marwick spoke.",
			[]ent{{helena, pipeline.Person, "Helena Marwick", 1, nil}, {nordavia, pipeline.Organization, "Nordavia Airlines", 1, nil}},
			[]rel{{helena, pipeline.HoldsRole, nordavia, "Spokeswoman", 0, ""}})
	}
	surnameDoc = func(seq int) *pipeline.Document {
		return unlinked("surname", seq, "Nordavia spokeswoman Marwick declined to comment.",
			[]ent{{marwick, pipeline.Person, "Marwick", 2, nil}, {"org:nordavia-airlines-ltd", pipeline.Organization, "Nordavia Airlines Ltd", 1, nil}},
			[]rel{{marwick, pipeline.HoldsRole, "org:nordavia-airlines-ltd", "Spokeswoman", 0, ""}})
	}
	mayorDoc = func(seq int) *pipeline.Document {
		return unlinked("mayor", seq, "Marwick, the mayor of Samsun, opposed the plan.",
			[]ent{{marwick, pipeline.Person, "Marwick", 1, nil}, {samsun, pipeline.Location, "Samsun", 1, nil}},
			[]rel{{marwick, pipeline.HoldsRole, samsun, "Mayor", 0, ""}, {marwick, pipeline.Opposes, nordavia, "", 0, ""}})
	}
	bareDoc = func(seq int) *pipeline.Document {
		return unlinked("bare", seq, "Mr. Marwick opposed Nordavia.",
			[]ent{{marwick, pipeline.Person, "Mr. Marwick", 1, nil}},
			[]rel{{marwick, pipeline.Opposes, nordavia, "", 0, ""}})
	}
)

func build(t *testing.T, docs ...*pipeline.Document) *Graph {
	t.Helper()
	b := NewBuilder(Options{Observations: true})
	for _, d := range docs {
		if err := b.Add(d); err != nil {
			t.Fatal(err)
		}
	}
	return b.Graph()
}

func TestLoneSurnameJoinsTheFullNameWithTheSameOrganization(t *testing.T) {
	for _, g := range []*Graph{
		build(t, fullDoc(0), surnameDoc(1)),
		build(t, surnameDoc(1), fullDoc(0)), // the full name arrives later
	} {
		n := g.Node(helena)
		if n == nil || n.Name != "Helena Marwick" || n.Docs != 2 || n.Mentions != 3 {
			t.Fatalf("Helena Marwick: %+v", n)
		}
		if g.Node(marwick) != nil || g.Node(marwick+"@nordavia-airlines") != nil {
			t.Error("the lone surname kept a node of its own")
		}
		if g.Node("org:nordavia-airlines-ltd") != nil {
			t.Error("Nordavia Airlines Ltd is not Nordavia Airlines")
		}
		tie := g.Between(helena, nordavia, pipeline.HoldsRole)
		if tie == nil || tie.Weight != 2 || tie.Docs != 2 || len(tie.Observations) != 2 || tie.Observations[0].Doc != "full" {
			t.Errorf("holds_role tie: %+v", tie)
		}
	}
	// The order documents arrive in does not change the graph.
	var a, b bytes.Buffer
	if err := WriteJSON(&a, build(t, fullDoc(0), surnameDoc(1))); err != nil {
		t.Fatal(err)
	}
	if err := WriteJSON(&b, build(t, surnameDoc(1), fullDoc(0))); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("order changes the graph:\n%s\n---\n%s", a.String(), b.String())
	}
}

func TestLoneSurnameWithOtherEvidenceStaysApart(t *testing.T) {
	g := build(t, fullDoc(0), mayorDoc(1), bareDoc(2))
	if g.Node(helena).Docs != 1 {
		t.Errorf("Helena Marwick absorbed another Marwick: %+v", g.Node(helena))
	}
	mayor := g.Node(marwick + "@mayor")
	if mayor == nil || g.Between(marwick+"@mayor", samsun, pipeline.HoldsRole) == nil {
		t.Errorf("the mayor has no id of his own: %v", mayor)
	}
	// No evidence at all: the surname's own id.
	if g.Node(marwick) == nil || g.Between(marwick, nordavia, pipeline.Opposes) == nil {
		t.Error("a lone surname without evidence lost its id")
	}
}

func TestLoneSurnameMatchingTwoFullNamesStaysApart(t *testing.T) {
	other := unlinked("other", 3, "Nordavia Airlines pilot Jonas Marwick spoke.",
		[]ent{{"person:jonas-marwick", pipeline.Person, "Jonas Marwick", 1, nil}},
		[]rel{{"person:jonas-marwick", pipeline.AffiliatedWith, nordavia, "", 0, ""}})
	g := build(t, fullDoc(0), other, surnameDoc(1))
	if g.Node(helena).Docs != 1 || g.Node("person:jonas-marwick").Docs != 1 {
		t.Error("an ambiguous surname joined a full name")
	}
	if g.Node(marwick+"@nordavia-airlines") == nil {
		t.Errorf("the ambiguous surname has no qualified id: %v", g.Nodes())
	}
}
