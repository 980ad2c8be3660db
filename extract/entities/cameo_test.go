package entities

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/entente-nlp/entente/extract/nlp"
	"github.com/entente-nlp/entente/gazetteer"
	"github.com/entente-nlp/entente/pipeline"
)

// TestActorCodeOnPublicationDate: an entity linked to an entry with CAMEO
// codes carries the code valid on the document's date.
func TestActorCodeOnPublicationDate(t *testing.T) {
	p := filepath.Join(t.TempDir(), "actors.yaml")
	os.WriteFile(p, []byte(`- id: person:rufus-t-firefly
  kind: person
  name: Rufus T. Firefly
  cameo:
    - {code: FRDGOV, from: "2010-01-01", to: "2014-12-31"}
    - {code: FRDOPP, from: "2015-01-01"}
    - FRDELI
- id: country:RU
  cameo: [RUS]
`), 0o644)
	g, err := gazetteer.Load(p)
	if err != nil {
		t.Fatal(err)
	}
	m, _ := nlp.SharedModels()
	n, _ := nlp.New(m, nlp.Options{})
	s, _ := New(FromGazetteer(g), DefaultOptions())
	for date, want := range map[string]string{"2012-06-01": "FRDGOV", "2016-03-01T10:00:00Z": "FRDOPP", "2005-01-01": "FRDELI", "": "FRDELI"} {
		d := &pipeline.Document{Text: "Rufus T. Firefly met Russian officials.", Published: date}
		n.Process(context.Background(), d)
		if err := s.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		if e := entityNamed(d, "Rufus T. Firefly"); e == nil || e.Attrs["cameo"] != want {
			t.Errorf("%s: Firefly = %+v, want cameo %s", date, e, want)
		}
		if e := entityNamed(d, "Russia"); e == nil || e.Attrs["cameo"] != "RUS" {
			t.Errorf("%s: Russia = %+v", date, e)
		}
	}
}
