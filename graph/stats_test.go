package graph

import (
	"bytes"
	"strings"
	"testing"
)

func TestAnalyze(t *testing.T) {
	st, err := corpus(Options{}).Graph().Analyze()
	if err != nil {
		t.Fatal(err)
	}
	if st.Order != 18 || st.Size != 21 || st.TieCount != 22 {
		t.Fatalf("order %d size %d ties %d, want 18 21 22", st.Order, st.Size, st.TieCount)
	}
	top := st.Nodes[0]
	// Russia: 3 cooperation (weight 2+2+... ) — count by hand: cooperates
	// IR 2, TR 2; opposes IS 1, Nusra 1, TR 1; holds_role Lavrov 2, Putin
	// 1, Peskov 1, Karlov 1; located_in Moscow 1 = 13; neighbours: IR TR
	// IS Nusra Lavrov Putin Peskov Karlov Moscow = 9.
	if top.ID != ru || top.WeightedDegree != 13 || top.Degree != 9 || top.In != 5 || top.Out != 3 {
		t.Errorf("top node = %+v, want Russia with weighted degree 13, degree 9, in 5, out 3", top)
	}
	if len(st.Components) != 2 || st.Components[0].Size != 15 || st.Components[1].Size != 3 {
		t.Errorf("components = %+v, want sizes 15 and 3", st.Components)
	}
	if st.Components[1].Members[0] != kz {
		t.Errorf("second component led by %s, want Kazakhstan", st.Components[1].Members[0])
	}
	s := st.Strongest[0]
	if s.Weight != 2 || s.Source != ir || s.Target != ru || s.Type != "cooperates_with" {
		t.Errorf("strongest tie = %s %s %s %d", s.Source, s.Type, s.Target, s.Weight)
	}
	if st.ByRelation["holds_role"] != 9 || st.ByType["PERSON"] != 9 {
		t.Errorf("by relation %v by type %v", st.ByRelation, st.ByType)
	}
}

func TestStatsTable(t *testing.T) {
	var b bytes.Buffer
	st, err := corpus(Options{}).Graph().Analyze()
	if err != nil {
		t.Fatal(err)
	}
	if err := st.WriteTable(&b, 3); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"Graph: 18 nodes, 21 edges, 22 typed ties, 2 components",
		"Nodes by weighted degree (3 of 18)",
		"Strongest ties (3 of 22)",
		"Iran    cooperates_with --  Russia",
		"Connected components (2)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "\n"); n != 20 {
		t.Errorf("table has %d lines, want 20 (top 3 per list):\n%s", n, out)
	}
}
