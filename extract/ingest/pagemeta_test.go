package ingest

import (
	"reflect"
	"strings"
	"testing"

	"github.com/entente-nlp/entente/pipeline"
)

// TestPageMetadata checks the publication date's order of trust and the
// authors on the shapes real news pages take.
func TestPageMetadata(t *testing.T) {
	cases := []struct {
		name, page, date string
		authors          []string
	}{
		{"json-ld before meta, +0000 without seconds",
			`<head><meta property="article:published_time" content="2017-11-17"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2017-11-16T14:15+0000","author":{"@type":"Person","name":"Jane Doe"}}</script></head><body><p>x</p>`,
			"2017-11-16", []string{"Jane Doe"}},
		{"json-ld in CDATA, in an @graph, organisation not an author",
			"<head><script type=\"application/ld+json\">//<![CDATA[\n{\"@graph\":[{\"@type\":\"WebSite\",\"datePublished\":\"2001-01-01\"},{\"@type\":\"Article\",\"datePublished\":\"2015-03-13T21:30:09.123Z\",\"author\":[{\"@type\":\"Organization\",\"name\":\"Example News\"},{\"@type\":\"Person\",\"name\":\"Sam Roe\"}]}]}\n//]]></script></head><body><p>x</p>",
			"2015-03-13", []string{"Sam Roe"}},
		{"published, never modified",
			`<head><meta property="article:modified_time" content="2020-01-02"><meta property="og:updated_time" content="2020-01-02"><meta property="article:published_time" content="2019-12-31T23:00:00-05:00"></head><body><p>x</p>`,
			"2019-12-31", nil},
		{"NYT ptime and byl",
			`<head><meta name="ptime" content="20150313213009"><meta name="byl" content="By JOHN DOE and MARY O'NEIL"></head><body><p>x</p>`,
			"2015-03-13", []string{"John Doe", "Mary O'Neil"}},
		{"unix date form",
			`<head><meta name="date" content="Fri Mar 13 21:30:09 EST 2015"></head><body><p>x</p>`,
			"2015-03-13", nil},
		{"meta past 512 KiB of head",
			`<head><style>` + strings.Repeat("p{}", 200<<10) + `</style><meta name="parsely-pub-date" content="2016-12-22T10:00:00Z"></head><body><p>x</p>`,
			"2016-12-22", nil},
		{"time element, not the updated one",
			`<body><article><header><time class="updated" datetime="2018-01-02">Jan 2</time><time datetime="2017-06-01T08:00">June 1</time></header><p>Text of the story goes here.</p></article>`,
			"2017-06-01", nil},
		{"visible dateline and byline",
			`<body><article><h1>Storm hits coast</h1><p>By Ana Lima and @anawrites</p><p>March 13, 2015</p><p>The storm reached the coast on Friday, officials said.</p></article>`,
			"2015-03-13", []string{"Ana Lima"}},
		{"agency byline is no person",
			`<head><meta name="author" content="Associated Press"></head><body><p>By Reuters Staff</p><p>x</p>`,
			"", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := &pipeline.Document{Source: "page.html", Original: []byte("<!doctype html><html>" + c.page + "</html>")}
			if err := run(t, d); err != nil {
				t.Fatal(err)
			}
			if d.Published != c.date {
				t.Errorf("Published = %q (%s, %s), want %q", d.Published, d.PublishedFrom, d.Meta["published_meta"], c.date)
			}
			if !reflect.DeepEqual(d.Authors, c.authors) {
				t.Errorf("Authors = %q, want %q", d.Authors, c.authors)
			}
		})
	}
}

// TestOtherCharsets: a page in another charset is read, not rejected, and
// its metadata decoded.
func TestOtherCharsets(t *testing.T) {
	cases := []struct{ name, src, format, title, charset string }{
		{"windows-1252 page", "<html><head><meta charset=\"windows-1252\"><title>Caf\xe9 talks \x96 Example</title></head><body><p>x</p></body></html>", "", "Café talks – Example", "windows-1252"},
		{"shift_jis page", "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"><title>\x93\xfa\x96\x7b</title></head><body><p>x</p></body></html>", "", "日本", "shift_jis"},
		{"utf-16 text", "\xff\xfeH\x00e\x00a\x00d\x00\n\x00\n\x00B\x00o\x00d\x00y\x00.\x00", "", "Head", "utf-16le"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := &pipeline.Document{Source: "p", Original: []byte(c.src), Format: c.format}
			if err := run(t, d); err != nil || d.Failed() {
				t.Fatalf("%v %v", err, d.Errors)
			}
			if d.Title != c.title || d.Meta["charset"] != c.charset {
				t.Errorf("Title %q charset %q, want %q %q", d.Title, d.Meta["charset"], c.title, c.charset)
			}
		})
	}
}
