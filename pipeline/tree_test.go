package pipeline_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/pipeline"
)

// parsedDoc builds a document from "word/UPOS/head/dep" items (head is a
// 1-based word number, 0 for the root), one sentence per line.
func parsedDoc(lines ...string) *pipeline.Document {
	d := &pipeline.Document{}
	for _, line := range lines {
		base := len(d.Tokens)
		start := len(d.Text)
		for _, item := range strings.Fields(line) {
			f := strings.Split(item, "/")
			var h int
			fmt.Sscan(f[2], &h)
			if len(d.Text) > start {
				d.Text += " "
			}
			head := -1
			if h > 0 {
				head = base + h - 1
			}
			tok := pipeline.Token{Span: pipeline.Span{Start: len(d.Text), End: len(d.Text) + len(f[0])}, UPOS: f[1], Head: head, Dep: f[3]}
			d.Text += f[0]
			d.Tokens = append(d.Tokens, tok)
		}
		d.Sentences = append(d.Sentences, pipeline.Sentence{Span: pipeline.Span{Start: start, End: len(d.Text)}})
		d.Text += " "
	}
	return d
}

func ExampleTree() {
	d := parsedDoc("Russia/PROPN/6/nsubj ,/PUNCT/3/punct Turkey/PROPN/1/conj and/CCONJ/5/cc Iran/PROPN/1/conj signed/VERB/0/root the/DET/8/det declaration/NOUN/6/obj ./PUNCT/6/punct")
	t := pipeline.NewTree(d)
	verb := t.Roots()[0]
	word := func(i int) string { return d.Slice(d.Tokens[i].Span) }
	for _, s := range t.Conjuncts(t.Dependent(verb, "nsubj")) {
		fmt.Print(word(s), " ")
	}
	fmt.Println(word(verb), d.Slice(t.SubtreeSpan(t.Dependent(verb, "obj"))))
	// Output: Russia Turkey Iran signed the declaration
}

func TestTree(t *testing.T) {
	d := parsedDoc(
		"Lavrov/PROPN/2/nsubj met/VERB/0/root Zarif/PROPN/2/obj in/ADP/5/case Moscow/PROPN/2/obl",
		"He/PRON/3/nsubj:pass was/AUX/3/aux:pass elected/VERB/0/root",
	)
	d.Tokens = append(d.Tokens, pipeline.Token{Span: pipeline.Span{Start: len(d.Text), End: len(d.Text) + 1}})
	tr := pipeline.NewTree(d)
	if got := tr.Roots(); !reflect.DeepEqual(got, []int{1, 7}) {
		t.Errorf("Roots = %v", got)
	}
	if got := tr.Children(1); !reflect.DeepEqual(got, []int{0, 2, 4}) {
		t.Errorf("Children(met) = %v", got)
	}
	if got := tr.Dependents(7, "nsubj"); !reflect.DeepEqual(got, []int{5}) {
		t.Errorf("Dependents(elected, nsubj) = %v (nsubj matches nsubj:pass)", got)
	}
	if got := tr.Dependent(7, "nsubj:outer"); got != -1 {
		t.Errorf("Dependent(elected, nsubj:outer) = %d", got)
	}
	if got := tr.Path(0, 3); !reflect.DeepEqual(got, []int{0, 1, 4, 3}) {
		t.Errorf("Path(Lavrov, in) = %v", got)
	}
	if got := tr.Path(0, 5); got != nil {
		t.Errorf("Path across sentences = %v", got)
	}
	if lo, hi := tr.Subtree(4); lo != 3 || hi != 5 {
		t.Errorf("Subtree(Moscow) = %d, %d", lo, hi)
	}
	if !tr.Dominates(1, 3) || tr.Dominates(3, 1) {
		t.Error("Dominates")
	}
	if lo, hi := d.SentenceTokens(1); lo != 5 || hi != 8 {
		t.Errorf("SentenceTokens(1) = %d, %d", lo, hi)
	}
	if h := tr.Head(8); h != -1 || tr.Children(8) != nil && len(tr.Children(8)) != 0 {
		t.Errorf("unparsed token: head %d, children %v", h, tr.Children(8))
	}
	// "Lavrov met Zarif in Moscow": the phrase "in Moscow" is headed by Moscow.
	if got := tr.SpanHead(3, 5); got != 4 {
		t.Errorf("SpanHead(in Moscow) = %d", got)
	}
	if got := tr.SpanHead(0, 5); got != 1 {
		t.Errorf("SpanHead(whole sentence) = %d", got)
	}
	if got := tr.SpanHead(8, 9); got != -1 {
		t.Errorf("SpanHead(unparsed) = %d", got)
	}
	if lo, hi := d.TokenRange(pipeline.Span{Start: d.Tokens[2].Start, End: d.Tokens[4].End}); lo != 2 || hi != 5 {
		t.Errorf("TokenRange = %d, %d", lo, hi)
	}
	if !pipeline.RelMatches("obl:tmod", "obl") || pipeline.RelMatches("oblique", "obl") || pipeline.RelMatches("obl", "obl:tmod") {
		t.Error("RelMatches")
	}
}
