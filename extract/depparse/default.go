package depparse

import (
	"bytes"
	"embed"
	"fmt"
	"sync"
)

// DefaultFile is the embedded model's path inside the package's data.
const DefaultFile = "data/en_ewt-ud-train.depparse.gz"

//go:embed data
var data embed.FS

var defaultModel = sync.OnceValues(func() (*Model, error) {
	b, err := data.ReadFile(DefaultFile)
	if err != nil {
		return nil, fmt.Errorf("depparse: embedded model %s: %w", DefaultFile, err)
	}
	m, err := Read(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("depparse: embedded model %s: %w", DefaultFile, err)
	}
	return m, nil
})

// Default returns the embedded model, trained only on Universal
// Dependencies English EWT's training set (CC BY-SA 4.0). It is loaded on
// the first call and shared; the Model is read-only and safe for
// concurrent use.
func Default() (*Model, error) { return defaultModel() }
