package depparse

import (
	"fmt"
	"sync"
)

// Meta describes how a model was trained.
type Meta struct {
	// TrainedOn names the training data.
	TrainedOn string
	// Sentences and Words count the training data.
	Sentences, Words int
	// Epochs of the parser and of the tagger; Seed of the shuffles.
	Epochs, TagEpochs int
	Seed              uint64
}

// Model is a trained tagger and parser.
type Model struct {
	meta      Meta
	labels    []string
	rootLabel uint8
	tagger    *table
	dict      *tagDict
	actions   *table
	arcLabels *table
	pool      sync.Pool
}

// Meta returns how the model was trained.
func (m *Model) Meta() Meta { return m.meta }

// Labels returns the dependency relations the model predicts.
func (m *Model) Labels() []string { return append([]string(nil), m.labels...) }

// Features returns the number of weight rows of the tagger, the action
// classifier and the label classifier.
func (m *Model) Features() (tagger, actions, labels int) {
	return m.tagger.n, m.actions.n, m.arcLabels.n
}

// Get returns a pooled Parser; give it back with Put.
func (m *Model) Get() *Parser {
	if p, ok := m.pool.Get().(*Parser); ok {
		return p
	}
	return m.NewParser()
}

// Put returns a Parser taken with Get.
func (m *Model) Put(p *Parser) { m.pool.Put(p) }

func newModel(meta Meta, labels []string) (*Model, error) {
	m := &Model{meta: meta, labels: labels}
	if len(labels) == 0 || len(labels) > 250 {
		return nil, fmt.Errorf("depparse: %d labels, want 1..250", len(labels))
	}
	root := -1
	for i, l := range labels {
		if l == "root" {
			root = i
		}
	}
	if root < 0 {
		return nil, fmt.Errorf("depparse: no \"root\" among the labels")
	}
	m.rootLabel = uint8(root)
	return m, nil
}
