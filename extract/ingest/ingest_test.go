package ingest

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/pipeline"
)

// run processes d as the runner does: a fatal error is recorded on the
// document and not returned; other errors are returned.
func run(t *testing.T, d *pipeline.Document) error {
	t.Helper()
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	return attach(d, s.Process(context.Background(), d))
}

func attach(d *pipeline.Document, err error) error {
	if pipeline.IsFatal(err) {
		d.AddError(Name, err, true)
		return nil
	}
	return err
}

func fixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestBadInput(t *testing.T) {
	big := strings.Repeat("a", 3406) + "\xff"
	cases := []struct {
		name, source, in, want string
	}{
		{"empty", "moscow.md", "", "ingest: moscow.md: empty input"},
		{"whitespace only", "blank.txt", " \n\t\r\n ", "ingest: blank.txt: empty input"},
		{"bom only", "bom.txt", "\xef\xbb\xbf\n", "ingest: bom.txt: empty input"},
		{"nul", "x.bin", "RIFF\r\n\x1a\nabcd\x00rest", "ingest: x.bin: binary data (NUL byte at offset 12)"},
		{"pdf", "r.pdf", "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "ingest: r.pdf: binary data (a PDF document; extract its text first)"},
		{"docx", "r.md", "PK\x03\x04\x14\x00", "ingest: r.md: binary data (a ZIP archive, such as .docx or .epub; extract its text first)"},
		{"gzip", "a.txt.gz", "\x1f\x8b\x08\x00", "ingest: a.txt.gz: binary data (gzip-compressed; decompress it first)"},
		{"invalid utf-8", "a.txt", big, "ingest: a.txt: invalid UTF-8 at byte 3,406 (text must be UTF-8, UTF-16 with a byte-order mark, or HTML that declares its charset)"},
		{"utf-16 that is binary", "w.txt", "\xff\xfe\x00\x00\x00\x00", "ingest: w.txt: binary data (NUL byte at offset 0)"},
		{"control characters", "c.dat", strings.Repeat("\x01\x02ab", 10), "ingest: c.dat: binary data (50% control characters)"},
		{"no source name", "", "", "ingest: input: empty input"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := &pipeline.Document{Source: c.source, Original: []byte(c.in)}
			if err := run(t, d); err != nil {
				t.Fatalf("Process returned %v; the error belongs on the document", err)
			}
			if !d.Failed() || len(d.Errors) != 1 {
				t.Fatalf("document not failed: %+v", d.Errors)
			}
			if got := d.Errors[0].Message; got != c.want {
				t.Errorf("message = %q, want %q", got, c.want)
			}
			if d.Errors[0].Stage != Name {
				t.Errorf("stage = %q", d.Errors[0].Stage)
			}
		})
	}
}

func TestGoodInputPasses(t *testing.T) {
	for _, in := range []string{"\xef\xbb\xbfBOM is fine.", "Çavuşoğlu — «quotes»", "tab\tand\r\nCRLF", "\x1b[1mbold\x1b[0m terminal text"} {
		d := &pipeline.Document{Source: "ok.txt", Original: []byte(in)}
		if err := run(t, d); err != nil || d.Failed() {
			t.Errorf("%q: %v %+v", in, err, d.Errors)
		}
	}
}

func TestMaxBytes(t *testing.T) {
	s, err := New(Options{MaxBytes: 10})
	if err != nil {
		t.Fatal(err)
	}
	d := &pipeline.Document{Source: "big.txt", Original: []byte(strings.Repeat("word ", 2000))}
	if err := attach(d, s.Process(context.Background(), d)); err != nil {
		t.Fatal(err)
	}
	if !d.Failed() || d.Errors[0].Message != "ingest: big.txt: too large (10,000 bytes, limit 10)" {
		t.Errorf("errors = %+v", d.Errors)
	}
}

func TestOptions(t *testing.T) {
	New := Spec().New
	for _, opts := range []map[string]any{{"max_bytes": -1}, {"max_bytes": "big"}, {"max_bytes": 1.5}} {
		if _, err := New(opts); err == nil || !strings.Contains(err.Error(), "max_bytes") {
			t.Errorf("%v accepted: %v", opts, err)
		}
	}
	if _, err := New(map[string]any{"maxbytes": 1}); err == nil || !strings.Contains(err.Error(), `"maxbytes"`) {
		t.Errorf("unknown key: %v", err)
	}
	if _, err := New(map[string]any{"max_bytes": float64(1 << 20)}); err != nil {
		t.Errorf("float from YAML/JSON rejected: %v", err)
	}
}

func TestDetectFormat(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"doctype", "<!DOCTYPE html><p>x</p>", HTML},
		{"html tag", "\n  <html><body>x</body></html>", HTML},
		{"fragment with tags", "<div><p>One</p><p>Two</p><p>Three <b>x</b></p></div>", HTML},
		{"heading and link", "# Title\n\nSee [this](http://x).", Markdown},
		{"reference article", "", Markdown},
		{"emphasis and bullets", "Some *emphasis* here.\n\n- one\n- two\n- three", Markdown},
		{"plain", "Russia and Turkey met.\n\nThey agreed.", Text},
		{"plain with a dash line", "Title\nSome text - with dashes - inside.", Text},
		{"plain mentioning a tag", "Use the <p> tag for paragraphs.", Text},
		{"markdown with a little html", "# T\n\n<div>x</div>\n\n[a](b) *c*", Markdown},
	}
	for _, c := range cases {
		in := []byte(c.in)
		if c.name == "reference article" {
			in = fixture(t, "moscow-declaration.md")
		}
		if got := DetectFormat(in); got != c.want {
			t.Errorf("%s: DetectFormat = %s, want %s", c.name, got, c.want)
		}
	}
}

func TestFormatHint(t *testing.T) {
	d := &pipeline.Document{Source: "a.htm", Format: "htm", Original: []byte("just text")}
	if err := run(t, d); err != nil || d.Format != HTML {
		t.Errorf("hint not honoured: %v %q", err, d.Format)
	}
	d = &pipeline.Document{Source: "a.x", Format: "pdf", Original: []byte("# T\n\n[a](b) *c*")}
	err := run(t, d)
	if err == nil || !strings.Contains(err.Error(), "a.x") || !strings.Contains(err.Error(), `"pdf"`) || d.Format != Markdown || d.Failed() {
		t.Errorf("unknown hint: %v %q %v", err, d.Format, d.Errors)
	}
}

func TestReferenceArticleMetadata(t *testing.T) {
	d := &pipeline.Document{Source: "moscow-declaration.md", Original: fixture(t, "moscow-declaration.md")}
	if err := run(t, d); err != nil || d.Failed() {
		t.Fatal(err, d.Errors)
	}
	if d.Format != Markdown {
		t.Errorf("Format = %q", d.Format)
	}
	if want := "Moscow Declaration: Russia, Turkey and Iran Join Together to End Syria's Tragedy"; d.Title != want {
		t.Errorf("Title = %q", d.Title)
	}
	if !reflect.DeepEqual(d.Authors, []string{"Andrei Akulov"}) {
		t.Errorf("Authors = %q", d.Authors)
	}
	if d.Published != "2016-12-22" || d.PublishedFrom != "dateline" {
		t.Errorf("Published = %q from %q", d.Published, d.PublishedFrom)
	}
	if tm, ok := d.PublishedDate(); !ok || tm.Year() != 2016 {
		t.Errorf("PublishedDate = %v %v", tm, ok)
	}
}

func TestPublishedAlreadySet(t *testing.T) {
	d := &pipeline.Document{Source: "a.md", Original: fixture(t, "moscow-declaration.md"), Published: "2017-01-05T10:00:00Z", PublishedFrom: "flag",
		Title: "From JSONL", Authors: []string{"Given Author"}, URL: "https://x.org/given"}
	if err := run(t, d); err != nil {
		t.Fatal(err)
	}
	if d.Title != "From JSONL" || !reflect.DeepEqual(d.Authors, []string{"Given Author"}) || d.URL != "https://x.org/given" {
		t.Errorf("given metadata overwritten: %q %q %q", d.Title, d.Authors, d.URL)
	}
	if d.Published != "2017-01-05" || d.PublishedFrom != "flag" {
		t.Errorf("Published = %q from %q; a set date must win and be normalized", d.Published, d.PublishedFrom)
	}
	d = &pipeline.Document{Source: "b.jsonl:3", Original: []byte("text"), Published: "soon", PublishedFrom: "jsonl"}
	err := run(t, d)
	if err == nil || !strings.Contains(err.Error(), "b.jsonl:3") || !strings.Contains(err.Error(), `"soon" is not a date; left out`) || d.Published != "" || d.Failed() {
		t.Errorf("bad jsonl date: %v %q", err, d.Published)
	}
	// An impossible date is not copied to the output.
	d = &pipeline.Document{Source: "c.jsonl:1", Original: []byte("text"), Published: "2016-13-45", PublishedFrom: "jsonl"}
	err = run(t, d)
	if err == nil || !strings.Contains(err.Error(), `"2016-13-45" is not a date`) || d.Published != "" || d.PublishedFrom != "" {
		t.Errorf("impossible date: %v %q", err, d.Published)
	}
	// An unreadable date gives way to the one the article states.
	d = &pipeline.Document{Source: "d.md", Original: fixture(t, "moscow-declaration.md"), Published: "someday", PublishedFrom: "jsonl"}
	err = run(t, d)
	if err == nil || !strings.Contains(err.Error(), `"someday" is not a date; using 2016-12-22 from the`) || d.Published != "2016-12-22" {
		t.Errorf("fallback date: %v %q from %q", err, d.Published, d.PublishedFrom)
	}
}

func TestMetadata(t *testing.T) {
	cases := []struct {
		name, format, in      string
		title                 string
		authors               []string
		published, from, meta string
	}{
		{name: "markdown heading and byline", in: "# The Title\n\nBy [Jane Doe](#) and John Smith\n\nBody text here.",
			title: "The Title", authors: []string{"Jane Doe", "John Smith"}},
		{name: "plain first line, wire dateline with year", in: "Talks in Astana\n\nMOSCOW, Dec. 22, 2016 (Reuters) - Russia said.",
			title: "Talks in Astana", published: "2016-12-22", from: "dateline", meta: "dateline_place=MOSCOW"},
		{name: "wire dateline, year from copyright", in: "Headline\n\nANKARA, Dec. 29 (Reuters) — Turkey said.\n\nCopyright 2016 Reuters.",
			title: "Headline", published: "2016-12-29", from: "dateline", meta: "agency=Reuters"},
		{name: "wire dateline, no year anywhere", in: "H\n\nMOSCOW, Dec. 22 (Reuters) - Russia said.",
			title: "H", meta: "dateline=MOSCOW, Dec. 22 (Reuters)"},
		{name: "publisher dateline", in: "T\n\nGlobal Research, December 22, 2016\n\nBody.", title: "T", published: "2016-12-22", from: "dateline"},
		{name: "day month year", in: "T\n\nPosted 21 December 2016\n\nBody.", title: "T", published: "2016-12-21", from: "dateline"},
		{name: "iso near top", in: "T\n\n2016-12-20\n\nBody.", title: "T", published: "2016-12-20", from: "dateline"},
		{name: "updated line ignored", in: "T\n\nUpdated December 30, 2016\n\nBody.", title: "T"},
		{name: "long sentence with a date is no dateline", in: "T\n\nOn December 20, 2016 the ministers of three countries met in Moscow and adopted a joint declaration on Syria.",
			title: "T"},
		{name: "short sentence with a date is no dateline", in: "T\n\nOn December 20, 2016 the ministers met.", title: "T"},
		{name: "dated title is no dateline", in: "# Remembering September 11, 2001\n\nText.", title: "Remembering September 11, 2001"},
		{name: "posted on", in: "T\n\nPosted on Dec 20, 2016 at 10:30 am\n\nText.", title: "T", published: "2016-12-20", from: "dateline"},
		{name: "agency byline is no author", in: "T\n\nBy Jane Doe, Reuters Staff and Reuters\n\nText.", title: "T", authors: []string{"Jane Doe"}},
		{name: "dateline without a date", in: "T\n\nWASHINGTON (AP) — The talks began.", title: "T", meta: "dateline_place=WASHINGTON"},
		{name: "invalid date rejected", in: "T\n\nFebruary 30, 2016", title: "T"},
		{name: "long first line is no title", in: strings.Repeat("word ", 40) + "\n\nmore", title: ""},
		{name: "front matter", in: "---\ntitle: \"FM Title\"\ndate: 2016-12-21\nauthor: Jane Doe\nurl: https://x.org/a\n---\n# Other\n\nBody.",
			title: "FM Title", authors: []string{"Jane Doe"}, published: "2016-12-21", from: "meta"},
		{name: "byline validation drops non-names", in: "T\n\nBy the way, this is not a byline\n\nBody.", title: "T"},
		{name: "html meta", format: HTML, in: `<html lang="en"><head><title>Page | Site</title><meta property="og:title" content="OG Title"><meta name="author" content="Jane Doe, John Smith"><meta property="article:published_time" content="2016-12-20T23:30:00-05:00"><meta property="og:url" content="https://x.org/a"></head><body><p>x</p></body></html>`,
			title: "OG Title", authors: []string{"Jane Doe", "John Smith"}, published: "2016-12-20", from: "meta", meta: "lang=en"},
		{name: "html title suffix", format: HTML, in: `<html><head><title>Talks end | Example News</title><meta property="og:site_name" content="Example News"></head><body><p>x</p></body></html>`,
			title: "Talks end"},
		{name: "html json-ld", format: HTML, in: `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"LD Title","datePublished":"2016-12-19","author":[{"@type":"Person","name":"Jane Doe"}]}</script></head><body><p>x</p></body></html>`,
			title: "LD Title", authors: []string{"Jane Doe"}, published: "2016-12-19", from: "meta"},
		{name: "html time element", format: HTML, in: `<html><body><h1>Head</h1><time datetime="2016-12-18">Sunday</time><p>x</p></body></html>`,
			title: "Head", published: "2016-12-18", from: "meta"},
		{name: "html body byline and dateline", format: HTML, in: `<html><body><h1>Head</h1><p class="byline">By Jane Doe</p><p>Global Research, December 22, 2016</p><p>Body.</p></body></html>`,
			title: "Head", authors: []string{"Jane Doe"}, published: "2016-12-22", from: "dateline"},
		{name: "html author url ignored", format: HTML, in: `<html><head><meta property="article:author" content="https://facebook.com/x"></head><body><p>x</p></body></html>`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := &pipeline.Document{Source: "t", Format: c.format, Original: []byte(c.in)}
			if err := run(t, d); err != nil || d.Failed() {
				t.Fatal(err, d.Errors)
			}
			if d.Title != c.title {
				t.Errorf("Title = %q, want %q", d.Title, c.title)
			}
			if !reflect.DeepEqual(d.Authors, c.authors) {
				t.Errorf("Authors = %q, want %q", d.Authors, c.authors)
			}
			if d.Published != c.published || d.PublishedFrom != c.from {
				t.Errorf("Published = %q from %q, want %q from %q", d.Published, d.PublishedFrom, c.published, c.from)
			}
			if c.meta != "" {
				k, v, _ := strings.Cut(c.meta, "=")
				if d.Meta[k] != v {
					t.Errorf("Meta[%s] = %q, want %q (meta %v)", k, d.Meta[k], v, d.Meta)
				}
			}
		})
	}
}

func TestFixtures(t *testing.T) {
	cases := []struct {
		file, format, title, published string
		authors                        []string
	}{
		{"ingest/plain.txt", Text, "Russia and Turkey agree on Syria ceasefire", "2016-12-29", nil},
		{"ingest/markup.md", Markdown, "Front Matter Title", "2016-12-21", []string{"Jane Doe"}},
		{"ingest/entities.html", HTML, "Ankara & Moscow talk Syria", "2016-12-20", []string{"Jane Doe"}},
		{"ingest/bom.txt", Text, "A line with a BOM.", "", nil},
		{"ingest/wire.html", HTML, "Russia, Turkey back Syria ceasefire", "2016-12-29", []string{"Maria Tsvetkova"}},
	}
	for _, c := range cases {
		d := &pipeline.Document{Source: c.file, Original: fixture(t, c.file)}
		if err := run(t, d); err != nil || d.Failed() {
			t.Fatal(c.file, err, d.Errors)
		}
		if d.Format != c.format || d.Title != c.title || d.Published != c.published || !reflect.DeepEqual(d.Authors, c.authors) {
			t.Errorf("%s: format %q title %q published %q authors %q", c.file, d.Format, d.Title, d.Published, d.Authors)
		}
	}
}

func TestWireHTMLMetadata(t *testing.T) {
	d := &pipeline.Document{Source: "wire.html", Original: fixture(t, "ingest/wire.html")}
	if err := run(t, d); err != nil {
		t.Fatal(err)
	}
	if d.URL != "https://wire.example/world/2016/12/29/syria-ceasefire" || d.Meta["dateline_place"] != "MOSCOW" || d.Meta["agency"] != "Reuters" || d.Meta["lang"] != "en" {
		t.Errorf("URL %q, meta %v", d.URL, d.Meta)
	}
}

func TestNormalizeDate(t *testing.T) {
	for in, want := range map[string]string{
		"2016-12-22": "2016-12-22", "2016-12-22T10:00:00Z": "2016-12-22", "2016-12-22T23:30:00-05:00": "2016-12-22",
		"Thu, 22 Dec 2016 10:00:00 +0000": "2016-12-22", "December 22, 2016": "2016-12-22", "Dec. 22, 2016": "2016-12-22",
		"22 December 2016": "2016-12-22", "2016/12/22": "2016-12-22", "Sept 3, 2016": "2016-09-03", "20161222": "2016-12-22",
		"soon": "", "2016-02-30": "", "": "",
	} {
		got, ok := NormalizeDate(in)
		if got != want || ok != (want != "") {
			t.Errorf("NormalizeDate(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func TestGroup(t *testing.T) {
	for n, want := range map[int]string{0: "0", 12: "12", 999: "999", 1000: "1,000", 3407: "3,407", 1234567: "1,234,567"} {
		if got := group(n); got != want {
			t.Errorf("group(%d) = %q", n, got)
		}
	}
}

func BenchmarkIngestReference(b *testing.B) {
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "moscow-declaration.md"))
	if err != nil {
		b.Fatal(err)
	}
	s, _ := New(Options{})
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		d := &pipeline.Document{Source: "m.md", Original: src}
		if err := s.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkIngestHTML(b *testing.B) {
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "ingest", "wire.html"))
	if err != nil {
		b.Fatal(err)
	}
	s, _ := New(Options{})
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		d := &pipeline.Document{Source: "w.html", Original: src}
		if err := s.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
}
