package clean_test

import (
	"fmt"
	"strings"

	"github.com/entente-nlp/entente/extract/clean"
	"github.com/entente-nlp/entente/pipeline"
)

// A Markdown heading loses its markup and gains a sentence stop; a link
// keeps its text, which maps back to the original bytes.
func ExampleClean() {
	src := []byte("# Moscow talks\n\n[Sergey Lavrov](#) met *Çavuşoğlu*.")
	r := clean.Clean(src, clean.Markdown)
	fmt.Printf("%q\n", r.Text)
	i := strings.Index(r.Text, "Sergey Lavrov")
	o := r.Offsets.SpanToOriginal(pipeline.Span{Start: i, End: i + len("Sergey Lavrov")})
	fmt.Printf("%q\n", src[o.Start:o.End])
	// Output:
	// "Moscow talks.\n\nSergey Lavrov met Çavuşoğlu."
	// "Sergey Lavrov"
}

// HTML keeps the visible text; a span over a decoded entity maps to the
// entity in the original.
func ExampleClean_html() {
	src := []byte("<nav>Home</nav><p>Ankara &amp; Moscow</p>")
	r := clean.Clean(src, clean.HTML)
	fmt.Printf("%q\n", r.Text)
	i := strings.Index(r.Text, "&")
	o := r.Offsets.SpanToOriginal(pipeline.Span{Start: i, End: i + 1})
	fmt.Printf("%q\n", src[o.Start:o.End])
	// Output:
	// "Ankara & Moscow"
	// "&amp;"
}
