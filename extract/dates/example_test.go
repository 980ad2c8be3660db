package dates_test

import (
	"fmt"
	"time"

	"github.com/entente-nlp/entente/extract/dates"
)

func ExampleFinder_Find() {
	text := "Putin visited Iran last November. The declaration was signed on December 20, after the July 15-16 coup."
	published := time.Date(2016, 12, 22, 0, 0, 0, 0, time.UTC)
	for _, te := range dates.NewFinder(dates.Options{}).Find(text, published, true) {
		fmt.Printf("%s -> %s (%s)\n", text[te.Start:te.End], te.Value, te.Kind)
	}
	// Output:
	// last November -> 2015-11 (relative)
	// December 20 -> 2016-12-20 (partial)
	// July 15-16 -> 2016-07-15/2016-07-16 (range)
}
