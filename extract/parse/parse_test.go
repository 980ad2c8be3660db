package parse_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/entente-nlp/entente/extract/depparse/conllu"
	"github.com/entente-nlp/entente/extract/parse"
	"github.com/entente-nlp/entente/internal/testkit/pipetest"
	"github.com/entente-nlp/entente/pipeline"
)

const text = "Russia, Turkey and Iran signed a declaration in Moscow on Tuesday. Lavrov said the talks would continue."

func parsed(t *testing.T, opts map[string]map[string]any) *pipeline.Document {
	stages := pipetest.StagesGiven(t, []string{pipeline.ArtifactDocument, pipeline.ArtifactText}, []string{"nlp", parse.Name}, opts)
	return pipetest.Run(t, stages, &pipeline.Document{ID: "short", Text: text})
}

func TestStageParsesEachSentenceIntoOneTree(t *testing.T) {
	d := parsed(t, nil)
	if len(d.Sentences) != 2 {
		t.Fatalf("%d sentences", len(d.Sentences))
	}
	for si := range d.Sentences {
		lo, hi := d.SentenceTokens(si)
		roots := 0
		for i := lo; i < hi; i++ {
			tok := d.Tokens[i]
			if !tok.Parsed() || tok.UPOS == "" {
				t.Fatalf("token %q not parsed", d.Slice(tok.Span))
			}
			if tok.Head == -1 {
				roots++
				continue
			}
			if tok.Head < lo || tok.Head >= hi || tok.Head == i {
				t.Errorf("token %q: head %d outside sentence [%d, %d)", d.Slice(tok.Span), tok.Head, lo, hi)
			}
		}
		if roots != 1 {
			t.Errorf("sentence %d has %d roots", si, roots)
		}
	}
	tr := pipeline.NewTree(d)
	word := func(i int) string {
		if i < 0 {
			return ""
		}
		return d.Slice(d.Tokens[i].Span)
	}
	root := tr.Roots()[0]
	if word(root) != "signed" || word(tr.Dependent(root, "nsubj")) != "Russia" || word(tr.Dependent(root, "obj")) != "declaration" {
		t.Errorf("first sentence: root %q, nsubj %q, obj %q", word(root), word(tr.Dependent(root, "nsubj")), word(tr.Dependent(root, "obj")))
	}
	// The parse survives a JSON round trip.
	b, err := json.Marshal(d.Tokens)
	if err != nil {
		t.Fatal(err)
	}
	var back []pipeline.Token
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	for i := range back {
		a, b := back[i], d.Tokens[i]
		if a.Span != b.Span || a.UPOS != b.UPOS || a.Head != b.Head || a.Dep != b.Dep {
			t.Fatalf("token %d: %+v after JSON, was %+v", i, a, b)
		}
	}
}

func TestStageLeavesLongSentencesUnparsed(t *testing.T) {
	d := parsed(t, map[string]map[string]any{parse.Name: {"max_tokens": 12}})
	lo, hi := d.SentenceTokens(0)
	if hi-lo <= 12 || d.Tokens[lo].Parsed() {
		t.Errorf("first sentence (%d tokens) parsed with max_tokens 12", hi-lo)
	}
	lo, _ = d.SentenceTokens(1)
	if !d.Tokens[lo].Parsed() {
		t.Error("second sentence not parsed")
	}
}

func TestStageSelectsSentences(t *testing.T) {
	const text = "Lavrov met Zarif in Moscow. It was cold. Putin called Erdogan on Monday."
	run := func(opts map[string]any) []bool {
		stages := pipetest.StagesGiven(t, []string{pipeline.ArtifactDocument, pipeline.ArtifactText}, []string{"nlp", parse.Name}, map[string]map[string]any{parse.Name: opts})
		d := pipetest.Run(t, stages, &pipeline.Document{ID: "sel", Text: text})
		var out []bool
		for si := range d.Sentences {
			lo, _ := d.SentenceTokens(si)
			out = append(out, d.Tokens[lo].Parsed())
		}
		return out
	}
	if got := fmt.Sprint(run(nil)); got != "[true false true]" {
		t.Errorf("default: parsed %s; want the sentences with a verb and a proper noun", got)
	}
	if got := fmt.Sprint(run(map[string]any{"max_sentences": 1})); got != "[true false false]" {
		t.Errorf("max_sentences 1: parsed %s", got)
	}
	if got := fmt.Sprint(run(map[string]any{"max_sentences": -1})); got != "[true true true]" {
		t.Errorf("max_sentences -1: parsed %s", got)
	}
	// A later stage parses a sentence the selection left out.
	stages := pipetest.StagesGiven(t, []string{pipeline.ArtifactDocument, pipeline.ArtifactText}, []string{"nlp", parse.Name}, nil)
	d := pipetest.Run(t, stages, &pipeline.Document{ID: "sel", Text: text})
	if err := parse.Sentence(nil, d, 1); err != nil {
		t.Fatal(err)
	}
	lo, hi := d.SentenceTokens(1)
	for i := lo; i < hi; i++ {
		if !d.Tokens[i].Parsed() {
			t.Errorf("token %d of sentence 2 not parsed by parse.Sentence", i)
		}
	}
}

func TestStageRejectsBadOptions(t *testing.T) {
	for _, o := range []map[string]any{{"max_tokens": -1}, {"max_tokens": "many"}, {"max_sentences": -2}, {"beam": 4}} {
		if _, err := parse.Spec(nil).New(o); err == nil {
			t.Errorf("options %v accepted", o)
		}
	}
}

func TestConlluWritesTheParse(t *testing.T) {
	d := parsed(t, nil)
	var out bytes.Buffer
	for _, s := range parse.Conllu(d) {
		if err := conllu.Write(&out, s); err != nil {
			t.Fatal(err)
		}
	}
	sents, err := conllu.ReadAll(&out, "out")
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if len(sents) != 2 || sents[0].Comment("text") != "Russia, Turkey and Iran signed a declaration in Moscow on Tuesday." {
		t.Fatalf("%d sentences; first text %q", len(sents), sents[0].Comment("text"))
	}
	w := sents[0].Word(0)
	if w.Cols[conllu.Form] != "Russia" || w.Cols[conllu.Misc] != "SpaceAfter=No" || w.Cols[conllu.XPOS] != "NNP" {
		t.Errorf("first word: %v", w.Cols)
	}
	if _, ok := sents[1].Heads(); !ok {
		t.Error("second sentence without heads")
	}
}
