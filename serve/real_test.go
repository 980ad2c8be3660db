package serve

import (
	"sync"
	"testing"

	"github.com/entente-nlp/entente"
	"github.com/entente-nlp/entente/gazetteer"
)

var (
	realOnce    sync.Once
	realBack    Backend
	realBackErr error
)

// realBackend is the backend over entente's default pipeline, built once
// per test binary.
func realBackend(t testing.TB) Backend {
	t.Helper()
	realOnce.Do(func() {
		x, err := entente.New()
		if err != nil {
			realBackErr = err
			return
		}
		gaz, err := gazetteer.Default()
		if err != nil {
			realBackErr = err
			return
		}
		realBack = NewBackend(x, gaz)
	})
	if realBackErr != nil {
		t.Fatal(realBackErr)
	}
	return realBack
}
