package nlp

import (
	"context"
	"sync"
	"testing"

	"github.com/entente-nlp/entente/pipeline"
)

func TestProcessTokensSentencesTags(t *testing.T) {
	m, err := SharedModels()
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(m, Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := &pipeline.Document{Text: "Sergey Lavrov met Mevlüt Çavuşoğlu in Moscow. They signed a declaration."}
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Sentences) != 2 {
		t.Fatalf("sentences = %d, want 2: %+v", len(d.Sentences), d.Sentences)
	}
	if got := d.Slice(d.Sentences[1].Span); got != "They signed a declaration." {
		t.Errorf("second sentence = %q", got)
	}
	want := map[string]string{"Lavrov": "NNP", "met": "VBD", "Moscow": "NNP", "signed": "VBD"}
	for _, tok := range d.Tokens {
		if w, ok := want[d.Slice(tok.Span)]; ok && tok.Tag != w {
			t.Errorf("%s tagged %s, want %s", d.Slice(tok.Span), tok.Tag, w)
		}
		if tok.Label != "" {
			t.Errorf("NER label %q set with ProseNER off", tok.Label)
		}
	}
	if got := d.Slice(d.Tokens[4].Span); got != "Çavuşoğlu" {
		t.Errorf("token 4 = %q, want Çavuşoğlu (offsets must be bytes)", got)
	}
}

func TestProseNERLabels(t *testing.T) {
	m, err := SharedModels()
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(m, Options{ProseNER: true})
	if err != nil {
		t.Fatal(err)
	}
	d := &pipeline.Document{Text: "Vladimir Putin visited Paris."}
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	labelled := 0
	for _, tok := range d.Tokens {
		if tok.Label != "" && tok.Label != "O" {
			labelled++
		}
	}
	if labelled == 0 {
		t.Errorf("no entity labels from prose NER: %+v", d.Tokens)
	}
}

func TestConcurrentUse(t *testing.T) {
	m, err := SharedModels()
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(m, Options{ProseNER: true})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := &pipeline.Document{Text: "Russia, Turkey and Iran adopted a declaration in Moscow on December 20."}
			if err := s.Process(context.Background(), d); err != nil {
				t.Error(err)
			}
			if len(d.Tokens) < 10 {
				t.Errorf("tokens = %d", len(d.Tokens))
			}
		}()
	}
	wg.Wait()
}
