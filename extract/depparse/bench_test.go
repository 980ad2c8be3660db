package depparse_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/entente-nlp/entente/extract/depparse"
	"github.com/entente-nlp/entente/extract/depparse/conllu"
	"github.com/entente-nlp/entente/extract/nlp"
	"github.com/entente-nlp/entente/internal/measure/bench"
	"github.com/jdkato/prose/v3/token"
)

// ewtFile returns the path of an EWT file from $ENTENTE_UD_EWT (the
// treebank's directory), else /work/data/UD_English-EWT, or skips.
func ewtFile(tb testing.TB, name string) string {
	dir := os.Getenv("ENTENTE_UD_EWT")
	if dir == "" {
		dir = "/work/data/UD_English-EWT"
	}
	p := filepath.Join(dir, name)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("UD English EWT not found (%v): set ENTENTE_UD_EWT to the treebank's directory", err)
	}
	return p
}

// testModel returns the model in $ENTENTE_PARSER_MODEL, else the embedded one.
func testModel(tb testing.TB) *depparse.Model {
	if p := os.Getenv("ENTENTE_PARSER_MODEL"); p != "" {
		f, err := os.Open(p)
		if err != nil {
			tb.Fatal(err)
		}
		defer f.Close()
		m, err := depparse.Read(f)
		if err != nil {
			tb.Fatal(err)
		}
		return m
	}
	m, err := depparse.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

type taggedSentence struct{ words, penn []string }

func readTagged(tb testing.TB, path string) ([]taggedSentence, int) {
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	sents, err := conllu.ReadAll(f, path)
	if err != nil {
		tb.Fatal(err)
	}
	tg, err := nlp.SharedFastTagger()
	if err != nil {
		tb.Fatal(err)
	}
	out := make([]taggedSentence, len(sents))
	words := 0
	for i, s := range sents {
		w := s.Forms()
		toks := make([]token.Token, len(w))
		for j := range w {
			toks[j].Text = w[j]
		}
		tg.TagTokens(toks)
		penn := make([]string, len(w))
		for j := range toks {
			penn[j] = toks[j].Tag
		}
		out[i] = taggedSentence{w, penn}
		words += len(w)
	}
	return out, words
}

// BenchmarkParse measures the tagger and parser alone (prose's Penn tags
// computed beforehand) on EWT dev, in words per second.
func BenchmarkParse(b *testing.B) {
	sents, words := readTagged(b, ewtFile(b, "en_ewt-ud-dev.conllu"))
	m := testModel(b)
	p := m.NewParser()
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := bench.CPUTime()
	for range b.N {
		for _, s := range sents {
			p.Parse(s.words, s.penn)
		}
	}
	cpu := bench.CPUTime() - cpu0
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
	if cpu > 0 {
		b.ReportMetric(float64(words)*float64(b.N)/cpu.Seconds(), "words/CPU-s")
	}
}

// BenchmarkTag measures the UPOS tagger alone on EWT dev.
func BenchmarkTag(b *testing.B) {
	sents, words := readTagged(b, ewtFile(b, "en_ewt-ud-dev.conllu"))
	m := testModel(b)
	p := m.NewParser()
	b.ResetTimer()
	cpu0 := bench.CPUTime()
	for range b.N {
		for _, s := range sents {
			p.Tag(s.words, s.penn)
		}
	}
	if cpu := bench.CPUTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(words)*float64(b.N)/cpu.Seconds(), "words/CPU-s")
	}
}

// BenchmarkLoad measures reading the embedded model.
func BenchmarkLoad(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("data", "en_ewt-ud-train.depparse.gz"))
	if err != nil {
		b.Skip(err)
	}
	b.ResetTimer()
	cpu0 := bench.CPUTime()
	for range b.N {
		if _, err := depparse.Read(bytes.NewReader(raw)); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := bench.CPUTime() - cpu0; cpu > 0 {
		b.ReportMetric(cpu.Seconds()*1000/float64(b.N), "CPU-ms/load")
	}
}
