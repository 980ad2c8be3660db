package nermodel_test

import (
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/entente-nlp/entente/extract/nermodel"
	"github.com/entente-nlp/entente/internal/measure/eval"
	"github.com/entente-nlp/entente/internal/testkit/testutil"
)

// Fingerprints of the embedded model's labels and margins, token by token,
// recorded before the tagger was optimized. A speed change must leave them
// as they are; a retrained model or a new feature set changes them (update
// the constants then, and say why in the commit).
const (
	testdataFingerprint = "7 files, 3367 tokens, 5a6df4c3a00f87df"
	testaFingerprint    = "216 documents, 51695 tokens, 631178c626590264"
)

// labelPrint hashes every token's label and margin.
func labelPrint(h io.Writer, labels []string, margins []float64) {
	for i, l := range labels {
		fmt.Fprintf(h, "%s %x\n", l, math.Float64bits(margins[i]))
	}
	io.WriteString(h, "--\n")
}

// TestLabelsUnchangedOnTestdata proves that the tagger labels every
// testdata article exactly as it did before it was made faster.
func TestLabelsUnchangedOnTestdata(t *testing.T) {
	m, err := nermodel.Default()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(testutil.Testdata(t, "moscow-declaration.md"))
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	cleaned, _ := filepath.Glob(filepath.Join(dir, "ingest", "*.golden"))
	files = append(files, cleaned...)
	if len(files) < 3 {
		t.Fatalf("testdata articles: found only %v", files)
	}
	sort.Strings(files)
	h := fnv.New64a()
	tokens := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := analyze(t, string(b))
		labels, margins := m.Labels(d.Text, d.Tokens, d.Sentences)
		labelPrint(h, labels, margins)
		tokens += len(labels)
	}
	got := fmt.Sprintf("%d files, %d tokens, %016x", len(files), tokens, h.Sum64())
	if got != testdataFingerprint {
		t.Errorf("labels on testdata = %s, want %s", got, testdataFingerprint)
	}
}

// TestLabelsUnchangedOnTesta does the same over CoNLL-2003 eng.testa.
func TestLabelsUnchangedOnTesta(t *testing.T) {
	if testing.Short() {
		t.Skip("eng.testa in full is slow")
	}
	path := testutil.Shared(t, "corpora/conll2003/eng.testa")
	docs, err := eval.ReadConllFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m, err := nermodel.Default()
	if err != nil {
		t.Fatal(err)
	}
	h := fnv.New64a()
	tokens := 0
	for i := range docs {
		d := analyze(t, docs[i].Document(fmt.Sprint(i)).Text)
		labels, margins := m.Labels(d.Text, d.Tokens, d.Sentences)
		labelPrint(h, labels, margins)
		tokens += len(labels)
	}
	got := fmt.Sprintf("%d documents, %d tokens, %016x", len(docs), tokens, h.Sum64())
	if got != testaFingerprint {
		t.Errorf("labels on eng.testa = %s, want %s", got, testaFingerprint)
	}
}
