package ingest_test

import (
	"context"
	"fmt"

	"github.com/entente-nlp/entente/extract/ingest"
	"github.com/entente-nlp/entente/pipeline"
)

func Example() {
	s, _ := ingest.New(ingest.Options{})
	d := &pipeline.Document{Source: "a.md", Original: []byte("# Talks in Astana\n\nBy [Jane Doe](#)\n\nGlobal Research, December 22, 2016\n\nText.")}
	_ = s.Process(context.Background(), d)
	fmt.Println(d.Format, "|", d.Title, "|", d.Authors, "|", d.Published, d.PublishedFrom)

	bad := &pipeline.Document{Source: "x.bin", Original: []byte("\x00\x01\x02")}
	err := s.Process(context.Background(), bad)
	fmt.Println(pipeline.IsFatal(err), err)
	// Output:
	// markdown | Talks in Astana | [Jane Doe] | 2016-12-22 dateline
	// true ingest: x.bin: binary data (NUL byte at offset 0)
}

func ExampleNormalizeDate() {
	for _, s := range []string{"Dec. 22, 2016", "2016-12-22T23:30:00-05:00", "22 December 2016"} {
		d, _ := ingest.NormalizeDate(s)
		fmt.Println(d)
	}
	// Output:
	// 2016-12-22
	// 2016-12-22
	// 2016-12-22
}
