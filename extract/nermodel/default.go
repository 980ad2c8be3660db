package nermodel

import (
	"bytes"
	"embed"
	"fmt"
	"sync"
)

// DefaultFile is the embedded model's path inside the package's data.
const DefaultFile = "data/conll2003-eng-train.nermodel.gz"

//go:embed data
var data embed.FS

var defaultModel = sync.OnceValues(func() (*Model, error) {
	b, err := data.ReadFile(DefaultFile)
	if err != nil {
		return nil, fmt.Errorf("nermodel: embedded model %s: %w", DefaultFile, err)
	}
	m, err := Read(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("nermodel: embedded model %s: %w", DefaultFile, err)
	}
	if m.meta.Lexicon != "" {
		lex, err := DefaultLexicon()
		if err != nil {
			return nil, err
		}
		m.lex = lex
	}
	return m, nil
})

// Default returns the embedded model, trained only on CoNLL-2003 eng.train,
// with the embedded gazetteer (gazetteer.Default) feeding its lexicon
// features as in training. It is loaded on the first call and shared by
// every caller; the Model is read-only and safe for concurrent use.
func Default() (*Model, error) { return defaultModel() }
