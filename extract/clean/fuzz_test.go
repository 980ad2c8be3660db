package clean

import (
	"context"
	"testing"

	"github.com/entente-nlp/entente/pipeline"
)

func fuzzFormat(f *testing.F, format string, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	s, err := New(DefaultOptions())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d := &pipeline.Document{Source: "fuzz", Original: src, Format: format}
		if err := s.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, src, Result{Text: d.Text, Offsets: d.Offsets})
		checkBoilerplate(t, d)
	})
}

func FuzzCleanMarkdown(f *testing.F) {
	fuzzFormat(f, Markdown,
		"# Title\n\nBy [A B](#)\n\n*x* **y** _z_ `c` ![i](j) <b>h</b> &amp; a\\*b\n\n> q\n- l\n1. m\n\n```\nc\n```\n\n---\n",
		"21 December  \n2016\n\n| a | b |\n|---|---|\n| c | d |\n[r]: u\n[t][r] [r] [^1]",
		"<!-- x\ny --> <script>\nz</script> w <a@b.c> <http://x>",
		"---\ntitle: x\n---\n\xef\xbb\xbf\xff\xfe[[[]]]((**__",
	)
}

func FuzzCleanHTML(f *testing.F) {
	fuzzFormat(f, HTML,
		"<!DOCTYPE html><html><head><title>T</title></head><body><p>a &amp; b &#351; &#x11F; &nbsp;c</p></body></html>",
		"<header>h</header><article><header>x</header><p>y<br>z</p><footer>&copy; 2016</footer></article>",
		"<pre> a  b </pre><table><tr><td>1</td><td>2</td></tr></table><div class=share>s</div>",
		"<p>&amplt; &notit; &#0; &#x110000; &\xff</p><script>",
	)
}

// FuzzClean covers every format, including plain text.
func FuzzClean(f *testing.F) {
	for _, s := range []string{"plain text\n\nCopyright 2016", "\xef\xbb\xbfbom", "a\x00b\xffc", "# md", "<p>h</p>"} {
		for _, format := range []uint8{0, 1, 2} {
			f.Add([]byte(s), format)
		}
	}
	s, err := New(DefaultOptions())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte, format uint8) {
		d := &pipeline.Document{Source: "fuzz", Original: src, Format: []string{Text, Markdown, HTML}[format%3]}
		if err := s.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, src, Result{Text: d.Text, Offsets: d.Offsets})
		checkBoilerplate(t, d)
	})
}

// FuzzCleanCharsets covers pages in other charsets and UTF-16 text.
func FuzzCleanCharsets(f *testing.F) {
	for _, s := range []string{"<meta charset=shift_jis><p>\x93\xfa\x96\x7b</p>", "<meta charset=windows-1252><p>Caf\xe9 \x93q\x94</p>",
		"<p>a\xffb</p>", "\xff\xfeP\x00u\x00\x3d\xd8\x00\xde", "\xfe\xff\x00P\x00u", "<meta charset=gb2312><p>\xd6\xd0\xb9\xfa</p>"} {
		f.Add([]byte(s))
	}
	s, err := New(DefaultOptions())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, format := range []string{HTML, Text} {
			d := &pipeline.Document{Source: "fuzz", Original: src, Format: format}
			if err := s.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, src, Result{Text: d.Text, Offsets: d.Offsets})
			checkBoilerplate(t, d)
		}
	})
}
