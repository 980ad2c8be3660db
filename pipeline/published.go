package pipeline

import (
	"time"

	"github.com/entente-nlp/entente/internal/metadate"
)

// PublishedDate parses Published (YYYY-MM-DD, RFC 3339 or any other form
// internal/metadate reads) and reports whether the document has a usable
// publication date: its calendar day, at midnight UTC. Relative dates
// resolve against it; when it is absent they stay unresolved.
func (d *Document) PublishedDate() (time.Time, bool) {
	if d.Published == "" {
		return time.Time{}, false
	}
	x, ok := metadate.Parse(d.Published)
	if !ok {
		return time.Time{}, false
	}
	return x.Time(), true
}
