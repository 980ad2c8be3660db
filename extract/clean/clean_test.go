package clean

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/pipeline"
)

func process(t *testing.T, src, format string) *pipeline.Document {
	t.Helper()
	s, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	d := &pipeline.Document{Source: "t", Original: []byte(src), Format: format}
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, d.Original, Result{Text: d.Text, Offsets: d.Offsets})
	checkBoilerplate(t, d)
	return d
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestFixturesKeepInvariants(t *testing.T) {
	for name, format := range map[string]string{
		"moscow-declaration.md":  Markdown,
		"ingest/markup.md":       Markdown,
		"ingest/entities.html":   HTML,
		"ingest/wire.html":       HTML,
		"ingest/plain.txt":       Text,
		"ingest/bom.txt":         Text,
		"moscow-declaration.md ": Text, // the article read as plain text
	} {
		t.Run(name+format, func(t *testing.T) {
			src := readFixture(t, strings.TrimSpace(name))
			d := process(t, string(src), format)
			if strings.TrimSpace(d.Text) == "" {
				t.Fatal("no text")
			}
		})
	}
}

func TestMarkdown(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"link", "Met [Sergey Lavrov](#) today.", "Met Sergey Lavrov today."},
		{"link with title and parens", "See [Moscow](https://x.org/a_(b) \"t\") now.", "See Moscow now."},
		{"image dropped", "A ![photo](p.jpg) B.", "A  B."},
		{"image line leaves one break", "A\n![photo](p.jpg)\nB.", "A\nB."},
		{"emphasis", "*December 20* was **big** and _so_ __was__ ~~not~~ this.", "December 20 was big and so was not this."},
		{"intraword underscore and lone star kept", "snake_case 2 * 3", "snake_case 2 * 3"},
		{"escape", `a\*b \[x\]`, "a*b [x]"},
		{"code span", "run `go test` now", "run go test now"},
		{"heading gets a stop", "# Moscow Declaration\n\nRussia acted.", "Moscow Declaration.\n\nRussia acted."},
		{"closing hashes", "## Title ##\nBody.", "Title.\n\nBody."},
		{"setext", "Title\n=====\nBody.", "Title.\n\nBody."},
		{"bullets", "- Russia\n- Turkey\n* Iran", "Russia.\nTurkey.\nIran"},
		{"ordered", "1. One\n2) Two", "One.\nTwo"},
		{"blockquote", "> quoted text\n> goes on.", "quoted text\ngoes on."},
		{"rule dropped", "A.\n\n---\n\nB.", "A.\n\nB."},
		{"fence", "```go\nx := 1\n```\nAfter.", "x := 1.\n\nAfter."},
		{"inline html", "<div class=\"x\">Inside <em>HTML</em></div>", "Inside HTML"},
		{"comment over lines", "A <!-- start\nstill comment --> B.", "A B."},
		{"entity", "Ankara &amp; Moscow", "Ankara & Moscow"},
		{"hard break before digit joins a date", "21 December  \n2016", "21 December 2016"},
		{"hard break before text keeps the line", "Source  \nCopyright", "Source\nCopyright"},
		{"colon introduces", "He said:\n\n> We agree.", "He said:\n\nWe agree."},
		{"items always stopped", "- one\n- two", "one.\ntwo"},
		{"continuation not stopped", "the tragedy would\n\n«make all of us fight»", "the tragedy would\n\n«make all of us fight»"},
		{"reference link", "[text][r] and [r].\n\n[r]: https://x.org", "text and r."},
		{"footnote", "Claim[^1].", "Claim."},
		{"autolink", "Mail <a@b.org> or <https://x.org>.", "Mail a@b.org or https://x.org."},
		{"table", "| A | B |\n|---|---|\n| c | d |", "A B.\nc d"},
		{"front matter", "---\ntitle: T\n---\nBody.", "Body."},
		{"bom", "\ufeffBody.", "Body."},
		{"crlf", "# T\r\n\r\nBody\r\nmore.", "T.\n\nBody\nmore."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := process(t, c.in, Markdown)
			if d.Text != c.want {
				t.Errorf("Text = %q, want %q", d.Text, c.want)
			}
		})
	}
}

func TestHTML(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"entities", "<p>Ankara &amp; Moscow &lt;b&gt; &#8212; &#x41;&nbsp;B</p>", "Ankara & Moscow <b> — A B"},
		{"entity without semicolon", "<p>a &amp b &ampx</p>", "a & b &x"},
		{"blocks", "<h1>Title</h1><p>One.</p><div>Two</div>", "Title.\n\nOne.\n\nTwo"},
		{"whitespace collapsed", "<p>  a \n\t b  </p>", "a b"},
		{"script style dropped", "<script>x<y</script><style>p{}</style><p>kept</p>", "kept"},
		{"nav aside dropped, page header kept as furniture", "<header>Site</header><nav>Menu</nav><article><header>Head</header><p>Body.</p></article><aside>Ad</aside>", "Site.\n\nHead.\n\nBody."},
		{"br", "<p>a<br>b</p>", "a\nb"},
		{"pre keeps spaces", "<pre>a  b\n c</pre>", "a  b\n c"},
		{"list", "<ul><li>Russia</li><li>Iran</li></ul>", "Russia.\nIran"},
		{"table cells", "<table><tr><td>a</td><td>b</td></tr></table>", "a b"},
		{"inline", "<p>Mr <b>Putin</b> <i>said</i>.</p>", "Mr Putin said."},
		{"unclosed dropped element ends at body", "<body><nav>menu<p>x</body>", ""},
		{"comment", "<p>a<!-- x -->b</p>", "ab"},
		{"unclosed head", "<html><head><title>T</title><meta charset=utf-8><body><p>Body.</p>", "Body."},
		{"unclosed head without body tag", "<head><title>T</title><p>Body.</p>", "Body."},
		{"class words, not substrings", `<div class="commentary-body">Analysis.</div><div class="post_comments">Nice!</div>`, "Analysis.\n\nNice!"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := process(t, c.in, HTML)
			if d.Text != c.want {
				t.Errorf("Text = %q, want %q", d.Text, c.want)
			}
		})
	}
}

// TestHTMLEntityOffsets proves that a span over decoded text maps to the
// entity bytes in the original.
func TestHTMLEntityOffsets(t *testing.T) {
	src := "<p>Mevl&uuml;t &Ccedil;avu&#351;o&#x11F;lu met Lavrov</p>"
	d := process(t, src, HTML)
	i := strings.Index(d.Text, "Çavuşoğlu")
	if i < 0 {
		t.Fatalf("Text = %q", d.Text)
	}
	o := d.Offsets.SpanToOriginal(pipeline.Span{Start: i, End: i + len("Çavuşoğlu")})
	if got := src[o.Start:o.End]; got != "&Ccedil;avu&#351;o&#x11F;lu" {
		t.Errorf("Çavuşoğlu maps to %q", got)
	}
	j := strings.Index(d.Text, "Lavrov")
	o = d.Offsets.SpanToOriginal(pipeline.Span{Start: j, End: j + 6})
	if got := src[o.Start:o.End]; got != "Lavrov" {
		t.Errorf("Lavrov maps to %q", got)
	}
}

func TestHTMLClassHints(t *testing.T) {
	d := process(t, `<div class="commentary-body">Analysis here.</div><div class="post_comments">Nice!</div><section role="complementary">Aside text.</section>`, HTML)
	assertBoiler(t, d, "Analysis here.", false)
	assertBoiler(t, d, "Nice!", true)
	assertBoiler(t, d, "Aside text.", true)
}

func TestHTMLFixture(t *testing.T) {
	d := process(t, string(readFixture(t, "ingest/entities.html")), HTML)
	for _, want := range []string{"Mevlüt Çavuşoğlu met Sergey\u00a0Lavrov", "December 20", "“the process” would continue", "Turkey’s president, Recep Tayyip Erdoğan", "Turkey <guarantor>"} {
		if !strings.Contains(strings.ReplaceAll(d.Text, "\u00a0", " "), strings.ReplaceAll(want, "\u00a0", " ")) {
			t.Errorf("Text lacks %q:\n%s", want, d.Text)
		}
	}
	for _, gone := range []string{"not text", "color", "Home", "Most read", "Example News |"} {
		if strings.Contains(d.Text, gone) {
			t.Errorf("Text keeps %q:\n%s", gone, d.Text)
		}
	}
	assertBoiler(t, d, "Share on Facebook", true)
	assertBoiler(t, d, "© 2016 Example News", true)
	assertBoiler(t, d, "welcomed the declaration", false)
}

func assertBoiler(t *testing.T, d *pipeline.Document, phrase string, want bool) {
	t.Helper()
	i := strings.Index(d.Text, phrase)
	if i < 0 {
		t.Fatalf("Text lacks %q:\n%s", phrase, d.Text)
	}
	if got := d.InBoilerplate(pipeline.Span{Start: i, End: i + len(phrase)}); got != want {
		t.Errorf("InBoilerplate(%q) = %v, want %v (spans %v)", phrase, got, want, d.Boilerplate)
	}
}

func TestReferenceArticleBoilerplate(t *testing.T) {
	d := process(t, string(readFixture(t, "moscow-declaration.md")), Markdown)
	for _, p := range []string{
		"Disclaimer: The contents of this article",
		"you must request permission from the copyright owner",
		"Become a Member of Global Research",
		"Copyright © Andrei Akulov, Strategic Culture Foundation, 2016",
		"The original source of this article is Strategic Culture Foundation",
		"Comment on Global Research Articles on our Facebook page",
		"Articles by: Andrei Akulov",
		"Region: Middle East & North Africa",
		"In-depth Report: SYRIA",
		"For media inquiries",
	} {
		assertBoiler(t, d, p, true)
	}
	for _, p := range []string{
		"Moscow Declaration: Russia, Turkey and Iran Join Together",
		"Global Research, December 22, 2016",
		"December 20 will go down in history",
		"Russian Foreign Minister Sergey Lavrov said",
		"This is a great opportunity not to be missed.",
	} {
		assertBoiler(t, d, p, false)
	}
	// Markup is gone, text is kept.
	for _, gone := range []string{"](#)", "**", "*December", "---"} {
		if strings.Contains(d.Text, gone) {
			t.Errorf("Text keeps markup %q", gone)
		}
	}
	for _, kept := range []string{"By Andrei Akulov.", "Strategic Culture Foundation 21 December 2016", "«to go»", "Mevlut Cavusoglu"} {
		if !strings.Contains(d.Text, kept) {
			t.Errorf("Text lacks %q", kept)
		}
	}
	// Every body paragraph of the article survives: the body has no
	// boilerplate between the lede and the closing sentence.
	lede := strings.Index(d.Text, "December 20 will go down")
	end := strings.Index(d.Text, "not to be missed.") + len("not to be missed.")
	for _, b := range d.Boilerplate {
		if b.Overlaps(pipeline.Span{Start: lede, End: end}) {
			t.Errorf("boilerplate %q inside the article body", d.Slice(b))
		}
	}
}

func TestTextBoilerplate(t *testing.T) {
	d := process(t, "Body text.\r\n\r\nDisclaimer: the views\r\nare the author's.\r\n\r\nMore body.\r\n", Text)
	if len(d.Boilerplate) != 1 || d.Slice(d.Boilerplate[0]) != "Disclaimer: the views\r\nare the author's." {
		t.Errorf("boilerplate = %v", d.Boilerplate)
	}
	d = process(t, string(readFixture(t, "ingest/plain.txt")), Text)
	assertBoiler(t, d, "Copyright 2016 Reuters. All rights reserved.", true)
	assertBoiler(t, d, "Russia and Turkey have agreed", false)
}

func TestBoilerplateRules(t *testing.T) {
	cases := []struct {
		line string
		want bool
	}{
		{"(Reporting by Maria Tsvetkova; Editing by Jon Boyle)", true},
		{"Additional reporting by Tulay Karadeniz in Ankara", true},
		{"Our Standards: The Thomson Reuters Trust Principles.", true},
		{"Subscribe to our newsletter", true},
		{"Follow us on Twitter and Facebook", true},
		{"Become a Member of Global Research", true},
		{"Copyright © 2016 Example", true},
		{"All rights reserved.", true},
		{"Region: Middle East", true},
		{"Share this article", true},
		{"12 comments", true},
		{"The ministers discussed reporting by state media in Moscow.", false},
		{"Turkey shares a long border with Syria.", false},
		{"Lavrov said the newsletter of the ministry was not consulted, and that talks in Astana would follow in January after a ceasefire holds across Syria for a month or more.", false},
		{"Copyright law was not discussed.", false},
		{"Copyright Reuters 2016", true},
		{"(c) 2016 Example News", true},
		{"Russia, Turkey and Iran adopted a declaration.", false},
	}
	for _, c := range cases {
		d := process(t, "Body.\n\n"+c.line+"\n\nMore body.", Text)
		i := strings.Index(d.Text, c.line)
		if got := d.InBoilerplate(pipeline.Span{Start: i, End: i + len(c.line)}); got != c.want {
			t.Errorf("%q: boilerplate %v, want %v", c.line, got, c.want)
		}
	}
}

func TestTextIsIdentity(t *testing.T) {
	src := "Title\n\nBody *with* [markup](#) kept.\n"
	d := process(t, src, Text)
	if d.Text != src || len(d.Offsets) != 0 {
		t.Errorf("Text = %q, Offsets = %v", d.Text, d.Offsets)
	}
	d = process(t, "plain, no format given", "")
	if d.Text != "plain, no format given" {
		t.Errorf("empty format: %q", d.Text)
	}
}

func TestInvalidUTF8BecomesReplacement(t *testing.T) {
	for _, f := range []string{Text, Markdown} {
		d := process(t, "a\xffb", f)
		if d.Text != "a\uFFFDb" {
			t.Errorf("%s: Text = %q", f, d.Text)
		}
	}
}

// TestOtherCharsets: pages in other encodings are decoded, and every
// span still slices the original bytes.
func TestOtherCharsets(t *testing.T) {
	cases := []struct{ name, src, text, word, orig string }{
		{"html declaring nothing is windows-1252, as in browsers", "<p>a\xffb</p>", "aÿb", "aÿb", "a\xffb"},
		{"windows-1252", "<meta charset=windows-1252><p>Jos\xe9 Mu\xf1oz met \x93Lavrov\x94.</p>", "José Muñoz met “Lavrov”.", "Lavrov", "Lavrov"},
		{"latin-1 name", "<meta charset=iso-8859-1><p>Jos\xe9 Mu\xf1oz met Lavrov.</p>", "José Muñoz met Lavrov.", "Muñoz", "Mu\xf1oz"},
		{"shift_jis", "<meta charset=shift_jis><p>\x93\xfa\x96\x7b Tokyo</p>", "日本 Tokyo", "Tokyo", "Tokyo"},
		{"utf-16 text", "\xff\xfeP\x00u\x00t\x00i\x00n\x00", "Putin", "tin", "t\x00i\x00n\x00"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := HTML
			if strings.HasPrefix(c.src, "\xff\xfe") {
				f = Text
			}
			d := process(t, c.src, f)
			if d.Text != c.text {
				t.Fatalf("Text = %q, want %q", d.Text, c.text)
			}
			i := strings.Index(d.Text, c.word)
			sp := d.Offsets.SpanToOriginal(pipeline.Span{Start: i, End: i + len(c.word)})
			if got := string(d.Original[sp.Start:sp.End]); got != c.orig {
				t.Errorf("%q maps to %q, want %q", c.word, got, c.orig)
			}
		})
	}
}

func TestOptions(t *testing.T) {
	build := func(m map[string]any) (*Stage, error) {
		s, err := Spec().New(m)
		if err != nil {
			return nil, err
		}
		return s.(*Stage), nil
	}
	if _, err := build(map[string]any{"boilerplate": "yes"}); err == nil || !strings.Contains(err.Error(), "boilerplate") {
		t.Errorf("bad bool accepted: %v", err)
	}
	if _, err := build(map[string]any{"colour": 1}); err == nil || !strings.Contains(err.Error(), `"colour"`) {
		t.Errorf("unknown key: %v", err)
	}
	if _, err := build(map[string]any{"boilerplate_patterns": []any{"("}}); err == nil || !strings.Contains(err.Error(), `"("`) {
		t.Errorf("bad pattern: %v", err)
	}
	s, err := build(map[string]any{"boilerplate": false})
	if err != nil {
		t.Fatal(err)
	}
	d := &pipeline.Document{Original: []byte("Copyright 2016 Reuters"), Format: Text}
	if err := s.Process(context.Background(), d); err != nil || len(d.Boilerplate) != 0 {
		t.Errorf("boilerplate off: %v %v", err, d.Boilerplate)
	}
	s, err = build(map[string]any{"boilerplate_patterns": `^Sponsored by`})
	if err != nil {
		t.Fatal(err)
	}
	d = &pipeline.Document{Original: []byte("News.\n\nSponsored by ACME"), Format: Text}
	if err := s.Process(context.Background(), d); err != nil || len(d.Boilerplate) != 1 || d.Slice(d.Boilerplate[0]) != "Sponsored by ACME" {
		t.Errorf("user pattern: %v %v", err, d.Boilerplate)
	}
}

func TestUnknownFormat(t *testing.T) {
	s, _ := New(DefaultOptions())
	d := &pipeline.Document{Source: "a.pdf", Original: []byte("x"), Format: "pdf"}
	err := s.Process(context.Background(), d)
	if err == nil || !strings.Contains(err.Error(), "a.pdf") || d.Text != "x" {
		t.Errorf("unknown format: %v %q", err, d.Text)
	}
}

func TestWireHTML(t *testing.T) {
	src := string(readFixture(t, "ingest/wire.html"))
	d := process(t, src, HTML)
	for _, gone := range []string{"Accept", "Business", "Most popular", "Something unrelated", "ads.js", "NewsArticle", "Putin at the Kremlin", "Example Wire</a>"} {
		if strings.Contains(d.Text, gone) {
			t.Errorf("Text keeps %q:\n%s", gone, d.Text)
		}
	}
	if !strings.HasPrefix(d.Text, "We use cookies.\n\nExample Wire.\n\nRussia, Turkey back Syria ceasefire.\n\nBy Maria Tsvetkova.\n\nMOSCOW, Dec. 29 (Reuters) - Russia and Turkey") {
		t.Errorf("Text starts %q", d.Text[:min(len(d.Text), 200)])
	}
	assertBoiler(t, d, "We use cookies", true)
	assertBoiler(t, d, "Share on Facebook", true)
	assertBoiler(t, d, "Aleppo evacuation ends", true)
	assertBoiler(t, d, "Terms", true)
	assertBoiler(t, d, "© 2016 Example Wire", true)
	assertBoiler(t, d, "Foreign Minister Sergey Lavrov told reporters", false)
	assertBoiler(t, d, "Vladimir Putin in Moscow", false)
	// Names map back to their original bytes, entities and all.
	for name, orig := range map[string]string{
		"Mevlüt Çavuşoğlu":     "Mevl&#252;t &#199;avu&#351;o&#287;lu",
		"Vladimir Putin":       "Vladimir&nbsp;Putin",
		"Iran’s":               "Iran&#8217;s",
		"Jabhat Fateh al-Sham": "Jabhat Fateh al-Sham",
		"State & Jabhat":       "State &amp; Jabhat",
	} {
		i := strings.Index(d.Text, name)
		if i < 0 {
			t.Errorf("Text lacks %q", name)
			continue
		}
		o := d.Offsets.SpanToOriginal(pipeline.Span{Start: i, End: i + len(name)})
		if got := src[o.Start:o.End]; got != orig {
			t.Errorf("%q maps to %q, want %q", name, got, orig)
		}
	}
}

// TestCleanedDocumentRoundTrips: a cleaned document crosses a JSON
// boundary (a future queue between stages) without loss.
func TestCleanedDocumentRoundTrips(t *testing.T) {
	for _, c := range []struct{ file, format string }{{"moscow-declaration.md", Markdown}, {"ingest/wire.html", HTML}, {"ingest/plain.txt", Text}} {
		d := process(t, string(readFixture(t, c.file)), c.format)
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		var back pipeline.Document
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(d.Offsets, back.Offsets) || d.Text != back.Text || !reflect.DeepEqual(d.Boilerplate, back.Boilerplate) {
			t.Errorf("%s: round trip lost offsets, text or boilerplate", c.file)
		}
	}
}
