package bench

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/extract/nlp"
	"github.com/entente-nlp/entente/pipeline"
)

func TestCorpusIsDeterministic(t *testing.T) {
	c, err := NewCorpus(DefaultSentences(), 10, 8, 1)
	if err != nil {
		t.Fatal(err)
	}
	a1, p1 := c.Article(3)
	a2, p2 := c.Article(3)
	if a1 != a2 || p1 != p2 {
		t.Error("article 3 differs between calls")
	}
	b, _ := c.Article(4)
	if a1 == b {
		t.Error("articles 3 and 4 are identical")
	}
	if !strings.HasPrefix(p1, "2016-") {
		t.Errorf("published = %q, want a 2016 date", p1)
	}
}

func TestNewCorpusRejectsEmpty(t *testing.T) {
	if _, err := NewCorpus(nil, 10, 5, 1); err == nil {
		t.Error("empty sentence list accepted")
	}
	if _, err := NewCorpus([]string{"A sentence."}, 0, 5, 1); err == nil {
		t.Error("zero documents accepted")
	}
}

func TestSplitSentences(t *testing.T) {
	got := SplitSentences("# Heading\n\nRussia and Turkey signed a declaration in Moscow on Tuesday. Iran joined the talks\nlater that week in the capital.\n\nShort one.")
	want := []string{
		"Russia and Turkey signed a declaration in Moscow on Tuesday.",
		"Iran joined the talks later that week in the capital.",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("SplitSentences = %q, want %q", got, want)
	}
}

func TestEntenteAndProseRuns(t *testing.T) {
	m, err := nlp.SharedModels()
	if err != nil {
		t.Fatal(err)
	}
	st, err := nlp.New(m, nlp.Options{})
	if err != nil {
		t.Fatal(err)
	}
	clean := pipeline.StageFunc{StageName: "clean", Fn: func(_ context.Context, d *pipeline.Document) error {
		d.Text = string(d.Original)
		return nil
	}}
	c, _ := NewCorpus(DefaultSentences(), 12, 6, 7)
	var out bytes.Buffer
	r, err := Entente(context.Background(), []pipeline.Stage{clean, st}, c, 2, func(d *pipeline.Document) error {
		out.WriteString(d.ID + "\n")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if r.Docs != 12 || r.Tokens == 0 || r.Bytes == 0 || len(r.Stages) != 2 {
		t.Errorf("entente result = %+v", r)
	}
	if n := strings.Count(out.String(), "\n"); n != 12 {
		t.Errorf("wrote %d documents, want 12", n)
	}
	p, err := Prose(context.Background(), c, 2)
	if err != nil {
		t.Fatal(err)
	}
	if p.Docs != 12 || p.Bytes != r.Bytes {
		t.Errorf("prose saw %d docs / %d bytes, entente %d / %d", p.Docs, p.Bytes, r.Docs, r.Bytes)
	}
	var tab bytes.Buffer
	if err := WriteTable(&tab, []Result{r, p}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"entente", "prose v3", "tokens/s", "vs prose", "tokens/CPU-s", "stages, entente, 2 workers: clean"} {
		if !strings.Contains(tab.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, tab.String())
		}
	}
}

func TestPeakRSS(t *testing.T) {
	if PeakRSS() <= 0 {
		t.Skip("peak RSS is not readable on this system")
	}
	ResetPeakRSS()
	if PeakRSS() <= 0 {
		t.Error("peak RSS unreadable after reset")
	}
}

func BenchmarkCorpusArticle(b *testing.B) {
	c, _ := NewCorpus(DefaultSentences(), 1000, 25, 1)
	for i := 0; b.Loop(); i++ {
		text, _ := c.Article(i % 1000)
		b.SetBytes(int64(len(text)))
		_, _ = io.Discard.Write([]byte(text))
	}
}
