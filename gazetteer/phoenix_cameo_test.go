package gazetteer

import (
	"strings"
	"testing"
)

func TestReadPhoenixKeepsCAMEOCodes(t *testing.T) {
	g := mustDefault(t)
	in := `<!-- a TABARI-era header
  over two lines -->
RUSSIA_ [RUS] ; a comment
+RUSSIAN_
FREEDONIA_ [ frd ]
+FREEDONIAN_
RUFUS_T._FIREFLY  # dated codes
	[FRDGOV 20100101-20141231]
	[FRDOPP >20150101]
	[FRDELI]
LORIEN [ELR/GAL]
BOROMIR [---]
`
	entries, _, err := ReadPhoenix(strings.NewReader(in), g, "")
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*Entry{}
	for _, e := range entries {
		byID[e.ID] = e
	}
	if e := byID["country:RU"]; e == nil || e.CodeOn("") != "RUS" {
		t.Errorf("Russia = %+v", e)
	}
	if e := byID["org:freedonia"]; e == nil || e.CodeOn("2016-01-01") != "FRD" || !hasAliasText(e, "Freedonian") {
		t.Errorf("Freedonia = %+v", e)
	}
	ff := byID["person:rufus-t-firefly"]
	if ff == nil {
		t.Fatalf("no Firefly in %v", entries)
	}
	for date, want := range map[string]string{"2012-06-01": "FRDGOV", "2016-03-01": "FRDOPP", "2005-03-01": "FRDELI", "": "FRDELI"} {
		if got := ff.CodeOn(date); got != want {
			t.Errorf("Firefly on %q: %q, want %q", date, got, want)
		}
	}
	if e := byID["org:lorien"]; e == nil || e.CodeOn("") != "ELR" {
		t.Errorf("Lorien = %+v", e)
	}
	for _, e := range entries {
		if strings.Contains(e.Name, "<!") || strings.Contains(e.Name, ";") {
			t.Errorf("comment read as an actor: %+v", e)
		}
	}
	if e := byID["org:boromir"]; e != nil && len(e.CAMEO) != 0 {
		t.Errorf("discard code kept: %+v", e)
	}
}
