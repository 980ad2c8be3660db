package graph

import (
	"bytes"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/pipeline"
)

func TestMultiTypeTiesCoexistOnOnePair(t *testing.T) {
	g := corpus(Options{}).Graph()
	e := g.Edge(ru, tr)
	if e == nil {
		t.Fatal("no edge Russia -> Turkey")
	}
	if len(e.Ties) != 2 || e.Tie(pipeline.CooperatesWith) == nil || e.Tie(pipeline.Opposes) == nil {
		t.Fatalf("Russia -> Turkey ties = %v, want cooperates_with and opposes", tieTypes(e))
	}
	if e.Weight() != 3 {
		t.Errorf("edge weight = %d, want 3 (2 cooperation + 1 opposition)", e.Weight())
	}
	// The underlying dominikbraun/graph edge mirrors the weight and holds
	// the same *Edge.
	se, err := g.Store().Edge(ru, tr)
	if err != nil {
		t.Fatal(err)
	}
	if se.Properties.Weight != 3 || se.Properties.Data != any(e) {
		t.Errorf("store edge weight %d data %p, want 3 and %p", se.Properties.Weight, se.Properties.Data, e)
	}
	// Both directions are separate edges: Turkey -> Russia holds nothing.
	if g.Edge(tr, ru) != nil {
		t.Errorf("Turkey -> Russia edge exists: %v", tieTypes(g.Edge(tr, ru)))
	}
}

func TestSymmetricTieStoredOnceWhicheverOrder(t *testing.T) {
	g := corpus(Options{}).Graph()
	// ceasefire says "Iran ... alongside Russia" (IR, RU) and "Turkey and
	// Russia" (TR, RU): both merge with the Moscow declaration's ties.
	for _, pair := range [][2]string{{ru, ir}, {ir, ru}, {tr, ru}, {ru, tr}} {
		tie := g.Between(pair[0], pair[1], pipeline.CooperatesWith)
		if tie == nil || tie.Weight != 2 || tie.Docs != 2 || tie.Directed {
			t.Fatalf("cooperates_with %v = %+v, want weight 2 in 2 docs, undirected", pair, tie)
		}
	}
	if e := g.Edge(ru, ir); e != nil {
		t.Errorf("symmetric tie also stored as Russia -> Iran (%v); want only Iran -> Russia", tieTypes(e))
	}
	if g.Between(is, tr, pipeline.Opposes) != nil {
		t.Error("Between found opposes in the reverse direction; directed types keep direction")
	}
}

func TestMergeIncreasesWeightsAndDocuments(t *testing.T) {
	b := NewBuilder(Options{})
	if err := b.Add(moscowDoc()); err != nil {
		t.Fatal(err)
	}
	g := b.Graph()
	if got := g.Between(tr, is, pipeline.Opposes); got.Weight != 1 || got.Docs != 1 {
		t.Fatalf("after one doc Turkey opposes IS = %d/%d", got.Weight, got.Docs)
	}
	if n := g.Node(ru); n.Docs != 1 || n.Mentions != 24 {
		t.Fatalf("after one doc Russia docs/mentions = %d/%d", n.Docs, n.Mentions)
	}
	if err := b.Add(ceasefireDoc()); err != nil {
		t.Fatal(err)
	}
	tie := g.Between(tr, is, pipeline.Opposes)
	// The repeated relation in one sentence counts once.
	if tie.Weight != 2 || tie.Docs != 2 {
		t.Errorf("Turkey opposes IS = weight %d docs %d, want 2 and 2", tie.Weight, tie.Docs)
	}
	if tie.FirstSeen != "2016-12-22" || tie.LastSeen != "2016-12-29" {
		t.Errorf("Turkey opposes IS seen %s..%s, want publication dates 2016-12-22..2016-12-29", tie.FirstSeen, tie.LastSeen)
	}
	if n := g.Node(ru); n.Docs != 2 || n.Mentions != 29 {
		t.Errorf("Russia docs/mentions = %d/%d, want 2/29", n.Docs, n.Mentions)
	}
	lav := g.Node(lavrov)
	if lav.Name != "Sergey Lavrov" || strings.Join(lav.Aliases, ",") != "Sergei Lavrov" {
		t.Errorf("Lavrov name %q aliases %v, want the earliest name and the other as alias", lav.Name, lav.Aliases)
	}
	hr := g.Between(lavrov, ru, pipeline.HoldsRole)
	if hr.Label() != "Foreign Minister" || hr.Labels[0].Count != 2 {
		t.Errorf("Lavrov role labels = %+v", hr.Labels)
	}
	if len(hr.Evidence) != 2 || hr.Evidence[0].Doc != "moscow-declaration" || hr.Evidence[1].Doc != "ceasefire" {
		t.Errorf("Lavrov evidence = %+v", hr.Evidence)
	}
	if err := b.Add(failedDoc()); err != nil {
		t.Fatal(err)
	}
	if b.Documents() != 2 || b.Skipped() != 1 {
		t.Errorf("documents %d skipped %d, want 2 and 1", b.Documents(), b.Skipped())
	}
	if g.Between(ru, tr, pipeline.Opposes).Weight != 1 {
		t.Error("the failed document's relation was merged")
	}
}

func TestEvidenceCappedWithCount(t *testing.T) {
	b := NewBuilder(Options{MaxEvidence: 2})
	for i := 5; i >= 0; i-- { // reverse order: kept evidence is still the earliest
		d := makeDoc("doc"+string(rune('a'+i)), i, "2017-01-0"+string(rune('1'+i)),
			[]string{"Russia and Turkey cooperate."}, []ent{{ru, pipeline.Country, "Russia", 1, nil}, {tr, pipeline.Country, "Turkey", 1, nil}},
			[]rel{{ru, pipeline.CooperatesWith, tr, "", 0, ""}})
		if err := b.Add(d); err != nil {
			t.Fatal(err)
		}
	}
	tie := b.Graph().Between(ru, tr, pipeline.CooperatesWith)
	if tie.Weight != 6 || tie.Docs != 6 || len(tie.Evidence) != 2 || tie.EvidenceOmitted() != 4 {
		t.Fatalf("weight %d docs %d evidence %d omitted %d, want 6 6 2 4", tie.Weight, tie.Docs, len(tie.Evidence), tie.EvidenceOmitted())
	}
	if tie.Evidence[0].Doc != "doca" || tie.Evidence[1].Doc != "docb" {
		t.Errorf("kept evidence %s, %s; want the two earliest documents", tie.Evidence[0].Doc, tie.Evidence[1].Doc)
	}
	if tie.FirstSeen != "2017-01-01" || tie.LastSeen != "2017-01-06" {
		t.Errorf("seen %s..%s", tie.FirstSeen, tie.LastSeen)
	}
}

func TestResultIndependentOfArrivalOrder(t *testing.T) {
	a := NewBuilder(Options{Events: true})
	if err := a.Add(moscowDoc()); err != nil {
		t.Fatal(err)
	}
	if err := a.Add(ceasefireDoc()); err != nil {
		t.Fatal(err)
	}
	b := NewBuilder(Options{Events: true})
	if err := b.Add(ceasefireDoc()); err != nil {
		t.Fatal(err)
	}
	if err := b.Add(moscowDoc()); err != nil {
		t.Fatal(err)
	}
	var ja, jb bytes.Buffer
	if err := WriteJSON(&ja, a.Graph()); err != nil {
		t.Fatal(err)
	}
	if err := WriteJSON(&jb, b.Graph()); err != nil {
		t.Fatal(err)
	}
	if ja.String() != jb.String() {
		t.Error("graph depends on the order documents arrive in")
	}
}

func TestDropsSelfLoopsAndIncompleteRelations(t *testing.T) {
	d := makeDoc("x", 0, "", []string{"Russia and Russia."}, nil, []rel{
		{ru, pipeline.CooperatesWith, ru, "", 0, ""},
		{"", pipeline.Opposes, tr, "", 0, ""},
		{ru, "", tr, "", 0, ""},
		{ru, pipeline.Opposes, "org:unknown-group", "", 0, "not-a-date"},
	})
	b := NewBuilder(Options{})
	if err := b.Add(d); err != nil {
		t.Fatal(err)
	}
	g := b.Graph()
	if b.Dropped() != 3 || g.Size() != 1 {
		t.Fatalf("dropped %d, edges %d; want 3 and 1", b.Dropped(), g.Size())
	}
	n := g.Node("org:unknown-group")
	if n == nil || n.Type != pipeline.Organization || n.Name != "Unknown Group" {
		t.Errorf("endpoint missing from the entity list became %+v", n)
	}
	if tie := g.Between(ru, "org:unknown-group", pipeline.Opposes); tie.FirstSeen != "" {
		t.Errorf("invalid date kept: %q", tie.FirstSeen)
	}
}

func TestEventsOption(t *testing.T) {
	without := corpus(Options{}).Graph()
	for _, n := range without.Nodes() {
		if n.Kind == KindEvent {
			t.Fatalf("event node %s without Options.Events", n.ID)
		}
	}
	g := corpus(Options{Events: true}).Graph()
	ev := g.Node("event:moscow-declaration/ev1")
	if ev == nil || ev.Type != EventType || ev.Name != "agreement 2016-12-20" || ev.CAMEO != "057" {
		t.Fatalf("event node = %+v", ev)
	}
	for _, p := range []string{ru, tr, ir} {
		tie := g.Between(p, ev.ID, ParticipatesIn)
		if tie == nil || tie.Label() != "actor" {
			t.Errorf("%s participates_in agreement = %+v", p, tie)
		}
	}
	if g.Between(ev.ID, moscow, OccursIn) == nil {
		t.Error("agreement does not occur in Moscow")
	}
}

func TestNormDate(t *testing.T) {
	for in, want := range map[string]string{
		"2016-12-20": "2016-12-20", "2016-11": "2016-11", "2016": "2016",
		"2016-07-15/2016-07-16": "2016-07-15/2016-07-16", "2016-12-22T10:00:00Z": "2016-12-22",
		"PRESENT_REF": "", "20161220": "", "2016-1-2": "", "x/2016": "",
	} {
		if got := normDate(in); got != want {
			t.Errorf("normDate(%q) = %q, want %q", in, got, want)
		}
	}
	var tie Tie
	tie.addDate("2016-07-15/2016-07-16")
	tie.addDate("2016-11")
	tie.addDate("2016")
	if tie.FirstSeen != "2016" || tie.LastSeen != "2016-11" {
		t.Errorf("seen %s..%s, want 2016..2016-11", tie.FirstSeen, tie.LastSeen)
	}
}

func TestAliasesCapped(t *testing.T) {
	n := &Node{Name: "X"}
	for i := 0; i < 40; i++ {
		n.addAlias(string(rune('z'-i%26)) + string(rune('a'+i)))
	}
	n.addAlias("X")
	if len(n.Aliases) != MaxAliases {
		t.Fatalf("%d aliases, want %d", len(n.Aliases), MaxAliases)
	}
	for i := 1; i < len(n.Aliases); i++ {
		if n.Aliases[i-1] >= n.Aliases[i] {
			t.Fatalf("aliases not sorted and unique: %v", n.Aliases)
		}
	}
}

func tieTypes(e *Edge) []string {
	var out []string
	for _, t := range e.Ties {
		out = append(out, t.Type)
	}
	return out
}

func TestEvidenceWidenedToSentence(t *testing.T) {
	d := makeDoc("w", 0, "", []string{"First sentence.", "Russia, Iran and Turkey will fight together Islamic State.", "Last."}, nil, nil)
	clause := strings.Index(d.Text, "Turkey will fight")
	d.Relations = []pipeline.Relation{{Source: tr, Type: pipeline.Opposes, Target: is,
		Evidence: pipeline.Span{Start: clause, End: clause + len("Turkey will fight")}}}
	b := NewBuilder(Options{})
	if err := b.Add(d); err != nil {
		t.Fatal(err)
	}
	got := b.Graph().Between(tr, is, pipeline.Opposes).Evidence[0].Sentence
	if got != "Russia, Iran and Turkey will fight together Islamic State." {
		t.Errorf("evidence = %q, want the whole sentence", got)
	}
}

func TestEndpointNamedFromMention(t *testing.T) {
	d := makeDoc("m", 0, "", []string{"By Andrei Akulov, Strategic Culture Foundation."}, nil,
		[]rel{{"person:andrei-akulov", pipeline.AffiliatedWith, "org:strategic-culture-foundation", "", 0, ""}})
	d.Mentions = []pipeline.Mention{{Span: pipeline.Span{Start: 3, End: 16}, EntityID: "person:andrei-akulov", Type: pipeline.Person}}
	b := NewBuilder(Options{})
	if err := b.Add(d); err != nil {
		t.Fatal(err)
	}
	g := b.Graph()
	if n := g.Node("person:andrei-akulov"); n.Name != "Andrei Akulov" || n.Type != pipeline.Person {
		t.Errorf("author node = %+v, want the mention text as name", n)
	}
	if n := g.Node("org:strategic-culture-foundation"); n.Name != "Strategic Culture Foundation" || n.Type != pipeline.Organization {
		t.Errorf("outlet node = %+v, want a name derived from the id", n)
	}
}
