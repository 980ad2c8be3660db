package depparse

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"testing"

	"github.com/entente-nlp/entente/extract/depparse/conllu"
)

func readExamples(t testing.TB, path string, limit int) []Example {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := conllu.ReadAll(f, path)
	if err != nil {
		t.Fatal(err)
	}
	var out []Example
	for _, s := range sents {
		if limit > 0 && len(out) == limit {
			break
		}
		heads, ok := s.Heads()
		if !ok {
			t.Fatalf("%s:%d: no heads", path, s.StartLine)
		}
		e := Example{Words: s.Forms(), Heads: heads}
		for i := range e.Words {
			w := s.Word(i)
			e.UPOS = append(e.UPOS, w.Cols[conllu.UPOS])
			e.Penn = append(e.Penn, w.Cols[conllu.XPOS])
			e.Deps = append(e.Deps, w.Cols[conllu.Deprel])
		}
		out = append(out, e)
	}
	return out
}

func projective(heads []int) bool {
	for d, h := range heads {
		if h < 0 {
			continue
		}
		lo, hi := min(d, h), max(d, h)
		for k := lo + 1; k < hi; k++ {
			// Every word between an arc's ends must descend from its head.
			a := k
			for n := 0; a >= 0 && a != h && n <= len(heads); n++ {
				a = heads[a]
			}
			if a != h {
				return false
			}
		}
	}
	return true
}

// oracleParse follows the dynamic oracle's first zero-cost action from the
// initial configuration and returns the heads it builds, checking that a
// zero-cost action exists at every step.
func oracleParse(t *testing.T, m *Model, e Example) []int {
	p := m.NewParser()
	gold := make([]int32, len(e.Heads))
	ups := make([]uint8, len(e.Heads))
	for i, h := range e.Heads {
		gold[i] = int32(h + 1)
		ups[i] = uint8(max(uposID(e.UPOS[i]), 0))
	}
	p.load(e.Words, e.Penn, ups)
	for steps := 0; !p.done(); steps++ {
		if steps > 2*len(e.Words)+2 {
			t.Fatalf("%v: no terminal configuration after %d steps", e.Words, steps)
		}
		best := -1
		for a := 0; a < 3; a++ {
			if !p.valid(a) {
				continue
			}
			c := p.cost(a, gold)
			if c < 0 {
				t.Fatalf("negative cost %d", c)
			}
			if c == 0 && best < 0 {
				best = a
			}
		}
		if best < 0 {
			t.Fatalf("%v: no zero-cost action at stack %v, buffer %d", e.Words, p.stack, p.b)
		}
		p.features() // every configuration must yield features without panicking
		p.apply(best, 0)
	}
	out := make([]int, len(e.Words))
	for i := range out {
		out[i] = p.Head(i)
	}
	return out
}

func emptyModel(t testing.TB) *Model {
	m, err := newModel(Meta{}, []string{"nsubj", "root"})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestOracleReproducesProjectiveTrees(t *testing.T) {
	m := emptyModel(t)
	exs := readExamples(t, "testdata/tiny.conllu", 0)
	if p := os.Getenv("ENTENTE_UD_EWT"); p != "" {
		exs = append(exs, readExamples(t, p+"/en_ewt-ud-dev.conllu", 0)...)
	}
	checked := 0
	for _, e := range exs {
		if !projective(e.Heads) {
			continue
		}
		got := oracleParse(t, m, e)
		for i := range got {
			if got[i] != e.Heads[i] {
				t.Fatalf("%v: oracle heads %v, gold %v", e.Words, got, e.Heads)
			}
		}
		checked++
	}
	if checked < 8 {
		t.Fatalf("checked %d projective sentences", checked)
	}
}

func TestDynamicOracleCosts(t *testing.T) {
	m := emptyModel(t)
	p := m.NewParser()
	// a <- b (root) -> c
	gold := []int32{2, 0, 2}
	p.load([]string{"a", "b", "c"}, nil, []uint8{0, 0, 0})
	if !p.valid(shift) || p.valid(leftArc) || p.valid(rightArc) {
		t.Fatal("initial configuration: only shift is valid")
	}
	if c := p.cost(shift, gold); c != 0 {
		t.Errorf("initial shift costs %d", c)
	}
	p.apply(shift, 0) // stack [root a], buffer [b c]
	if p.valid(rightArc) {
		t.Error("right arc from the root is valid before the buffer is empty")
	}
	if c := p.cost(leftArc, gold); c != 0 {
		t.Errorf("b -> a costs %d, want 0", c)
	}
	// Shifting b loses a <- b and b's attachment to the root.
	if c := p.cost(shift, gold); c != 2 {
		t.Errorf("shift b costs %d, want 2", c)
	}
	p.apply(shift, 0) // stack [root a b], buffer [c]
	// b's arc from the root was lost by the shift; popping b now loses
	// its dependent c whichever arc is built.
	if c := p.cost(rightArc, gold); c != 1 {
		t.Errorf("a -> b costs %d, want 1 (b's dependent c)", c)
	}
	if c := p.cost(leftArc, gold); c != 1 {
		t.Errorf("c -> b costs %d, want 1 (b's dependent c)", c)
	}
}

func trainTiny(t testing.TB) (*Model, []Example) {
	exs := readExamples(t, "testdata/tiny.conllu", 0)
	m, err := Train(context.Background(), exs, TrainOptions{Epochs: 15, TagEpochs: 8, Folds: 1, TrainedOn: "tiny"})
	if err != nil {
		t.Fatal(err)
	}
	return m, exs
}

func TestTrainLearnsAndIsDeterministic(t *testing.T) {
	m, exs := trainTiny(t)
	p := m.NewParser()
	words, right, rightTags := 0, 0, 0
	for _, e := range exs {
		p.Parse(e.Words, e.Penn)
		for i := range e.Words {
			words++
			if p.Head(i) == e.Heads[i] && p.Dep(i) == e.Deps[i] {
				right++
			}
			if p.UPOS(i) == e.UPOS[i] {
				rightTags++
			}
		}
	}
	if right < words*9/10 || rightTags < words*9/10 {
		t.Errorf("on its training data: %d of %d arcs, %d tags right", right, words, rightTags)
	}
	var a, b bytes.Buffer
	if err := m.Write(&a); err != nil {
		t.Fatal(err)
	}
	m2, _ := trainTiny(t)
	if err := m2.Write(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two trainings on the same data wrote different models")
	}
	r, err := Read(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var c bytes.Buffer
	if err := r.Write(&c); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Error("read and written again, the model changed")
	}
	q := r.NewParser()
	for _, e := range exs {
		p.Parse(e.Words, e.Penn)
		q.Parse(e.Words, e.Penn)
		for i := range e.Words {
			if p.Head(i) != q.Head(i) || p.Dep(i) != q.Dep(i) || p.UPOS(i) != q.UPOS(i) {
				t.Fatalf("%v: the read model parses differently", e.Words)
			}
		}
	}
}

func TestParseIsATreeAndAllocatesNothing(t *testing.T) {
	m, _ := trainTiny(t)
	p := m.NewParser()
	words := []string{"The", "rebels", "said", "on", "Monday", "that", "they", "had", "seized", "the", "town", "of", "Idlib", "after", "heavy", "fighting", "."}
	p.Parse(words, nil)
	roots := 0
	for i := range words {
		h := p.Head(i)
		if h == -1 {
			roots++
			if p.Dep(i) != "root" {
				t.Errorf("root %q has relation %q", words[i], p.Dep(i))
			}
			continue
		}
		if h < 0 || h >= len(words) || h == i || p.Dep(i) == "root" {
			t.Errorf("word %d: head %d, relation %q", i, h, p.Dep(i))
		}
		for a, n := h, 0; a >= 0; a, n = p.Head(a), n+1 {
			if n > len(words) {
				t.Fatalf("cycle through word %d", i)
			}
		}
	}
	if roots != 1 {
		t.Errorf("%d roots", roots)
	}
	if n := testing.AllocsPerRun(20, func() { p.Parse(words, nil) }); n != 0 {
		t.Errorf("Parse allocates %.0f times per sentence", n)
	}
	p.Parse(nil, nil)
	if p.Len() != 0 {
		t.Error("empty sentence")
	}
}

func TestReadRejectsGarbage(t *testing.T) {
	for _, in := range [][]byte{nil, []byte("not gzip"), gzipped("entente-depparse 0\n")} {
		if _, err := Read(bytes.NewReader(in)); err == nil {
			t.Errorf("Read(%q) succeeded", in)
		}
	}
}

func gzipped(s string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.Bytes()
}
