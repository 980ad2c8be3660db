package nlp

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/internal/measure/bench"
	"github.com/entente-nlp/entente/internal/testkit/testutil"
	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tag/aptagmodel"
	"github.com/jdkato/prose/v3/token"
)

// sameTags tags toks with prose's tagger and with FastTagger and reports
// every difference.
func sameTags(t *testing.T, name string, toks []token.Token) {
	t.Helper()
	m, err := SharedModels()
	if err != nil {
		t.Fatal(err)
	}
	fast, err := SharedFastTagger()
	if err != nil {
		t.Fatal(err)
	}
	want := append([]token.Token(nil), toks...)
	got := append([]token.Token(nil), toks...)
	m.Tagger.TagTokens(want)
	fast.TagTokens(got)
	bad := 0
	for i := range want {
		if want[i].Tag != got[i].Tag {
			if bad++; bad <= 10 {
				t.Errorf("%s: token %d %q: fast tag %q, prose %q", name, i, want[i].Text, got[i].Tag, want[i].Tag)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%s: %d of %d tags differ", name, bad, len(want))
	}
}

func TestFastTaggerMatchesProseOnTestdata(t *testing.T) {
	m, _ := SharedModels()
	files, _ := filepath.Glob(testutil.Testdata(t, "*.md"))
	if len(files) == 0 {
		t.Fatal("no testdata articles")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sameTags(t, filepath.Base(f), m.Tokenizer.Tokenize(string(b)))
	}
	sameTags(t, "bench sentences", m.Tokenizer.Tokenize(strings.Join(bench.DefaultSentences(), " ")))
}

func TestFastTaggerSpecialWords(t *testing.T) {
	var toks []token.Token
	for _, w := range []string{"-", "@nato", "0", "*", "*T*-2", "*-1", "*?*", "-LRB-", "-RRB-", "-LRb-", ":-)", "xD",
		"1999", "-199", "+201", "12.5", "well-known", "-well", "Çavuşoğlu", "ÇAVUŞOĞLU", "", "a", "Z", "the", "The",
		"U.S.", "co-operation", "'s", "n't", "$", "%", "(", ")", "--", "…", "“", "”", "¯\\(ツ)/¯"} {
		toks = append(toks, token.Token{Text: w})
	}
	sameTags(t, "special words", toks)
	// Every word alone, so that the context is the sentinels.
	for _, tk := range toks {
		sameTags(t, "alone "+tk.Text, []token.Token{tk})
	}
}

// TestFastTaggerEmoticons checks data/emoticons.txt against prose: each is
// tagged SYM alone and among words.
func TestFastTaggerEmoticons(t *testing.T) {
	m, _ := SharedModels()
	for w := range emoticons {
		got := m.Tagger.Tag([]string{"Hello", w, "there"})
		if got[1].Tag != "SYM" {
			t.Errorf("prose tags emoticon %q as %q, not SYM: data/emoticons.txt is out of date", w, got[1].Tag)
		}
	}
	sameTags(t, "empty", nil)
}

func TestFastTaggerMatchesProseOnCoNLL(t *testing.T) {
	path := testutil.Shared(t, "corpora/conll2003/eng.testa")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var toks []token.Token
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 || fields[0] == "-DOCSTART-" {
			continue
		}
		toks = append(toks, token.Token{Text: fields[0]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	sameTags(t, "eng.testa", toks)
}

func TestNewFastTaggerRejectsBadModels(t *testing.T) {
	for name, data := range map[string][]byte{
		"empty":     nil,
		"magic":     []byte("NOTATAGGER"),
		"truncated": []byte("PROSETAG\x01\x00\x00\x00\x05\x00\x00\x00"),
	} {
		if _, err := newFastTagger(data); err == nil || !strings.Contains(err.Error(), "nlp: tagger model") {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

// BenchmarkTaggers tags the reference article's tokens with prose's tagger
// and with FastTagger.
func BenchmarkTaggers(b *testing.B) {
	src, err := os.ReadFile(testutil.Testdata(b, "moscow-declaration.md"))
	if err != nil {
		b.Fatal(err)
	}
	m, _ := SharedModels()
	fast, err := SharedFastTagger()
	if err != nil {
		b.Fatal(err)
	}
	toks := m.Tokenizer.Tokenize(string(src))
	for _, c := range []struct {
		name string
		tag  func([]token.Token)
	}{{"prose", m.Tagger.TagTokens}, {"fast", fast.TagTokens}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				c.tag(toks)
			}
			b.ReportMetric(float64(len(toks))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
		})
	}
}

var _ interface{ TagTokens([]token.Token) } = (*tag.Tagger)(nil)

func BenchmarkLoadFastTagger(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := newFastTagger(aptagmodel.English); err != nil {
			b.Fatal(err)
		}
	}
}
