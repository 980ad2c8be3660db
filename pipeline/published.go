package pipeline

import "time"

// PublishedDate parses Published (YYYY-MM-DD or RFC 3339) and reports
// whether the document has a usable publication date. Relative dates resolve
// against it; when it is absent they stay unresolved.
func (d *Document) PublishedDate() (time.Time, bool) {
	if d.Published == "" {
		return time.Time{}, false
	}
	for _, layout := range []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05"} {
		if t, err := time.Parse(layout, d.Published); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
