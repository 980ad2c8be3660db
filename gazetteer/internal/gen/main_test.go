package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFile(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestGenerate runs both generators on tiny inputs in the real formats.
func TestGenerate(t *testing.T) {
	dir := t.TempDir()
	iso := writeFile(t, dir, "iso.json", `{"3166-1": [
		{"alpha_2": "TR", "alpha_3": "TUR", "name": "Türkiye", "official_name": "Republic of Türkiye"},
		{"alpha_2": "MP", "alpha_3": "MNP", "name": "Northern Mariana Islands"},
		{"alpha_2": "US", "alpha_3": "USA", "name": "United States", "official_name": "United States of America"}]}`)
	world := writeFile(t, dir, "world.json", `[
		{"name": {"common": "Turkey", "official": "Republic of Turkey"}, "cca2": "TR", "independent": true,
		 "altSpellings": ["TR", "Turkiye", "Türkiye Cumhuriyeti"], "capital": ["Ankara"], "demonyms": {"eng": {"f": "Turkish", "m": "Turkish"}}},
		{"name": {"common": "Northern Mariana Islands"}, "cca2": "MP", "independent": false,
		 "capital": ["Saipan"], "demonyms": {"eng": {"f": "American", "m": "American"}}},
		{"name": {"common": "United States"}, "cca2": "US", "independent": true, "altSpellings": ["US", "USA"],
		 "capital": ["Washington D.C."], "demonyms": {"eng": {"f": "American", "m": "American"}}}]`)
	rows, err := genCountries(iso, world)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, r := range rows[1:] {
		got[r[0]] = r
	}
	if tr := got["TR"]; tr[2] != "Turkey" || !strings.Contains(tr[3], "Türkiye") || tr[4] != "Turkish" || tr[5] != "Ankara" {
		t.Errorf("TR row = %q", tr)
	}
	if us := got["US"]; us[4] != "American|Americans" || strings.Contains(us[3], "USA") {
		t.Errorf("US row = %q (alpha-3 codes are not aliases)", us)
	}
	if mp := got["MP"]; mp[4] != "" {
		t.Errorf("a dependency kept its sovereign's demonym: %q", mp)
	}

	cities := writeFile(t, dir, "cities.json", `[
		{"city": "Ankara", "city_ascii": "Ankara", "iso2": "TR", "capital": "primary", "population": "5503985"},
		{"city": "Ar Raqqah", "city_ascii": "Ar Raqqah", "iso2": "SY", "capital": "admin", "population": "299824"},
		{"city": "Smallville", "city_ascii": "Smallville", "iso2": "US", "capital": "", "population": "1000"}]`)
	tz := writeFile(t, dir, "zone1970.tab", "# comment\nTR\t+4101+02858\tEurope/Istanbul\nUS\t+4042-07400\tAmerica/New_York\nUS\t+3000-08500\tAmerica/Indiana/Knox\nQA\t+2517+05132\tAsia/Qatar\n")
	names := writeFile(t, dir, "names.csv", "simplemaps,country,name,aliases\nAr Raqqah,SY,Raqqa,Al-Raqqah|Ar-Raqqah\n")
	crow, err := genCities(cities, tz, names, 1_000_000, map[string]bool{"qatar": true})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range crow[1:] {
		ids = append(ids, r[0])
		// Ar-Raqqah folds like Ar Raqqah, so it is not repeated.
		if r[0] == "city:raqqa" && r[3] != "Ar Raqqah|Al-Raqqah" {
			t.Errorf("Raqqa aliases = %q", r[3])
		}
	}
	want := "city:ankara city:raqqa city:istanbul city:new-york"
	if strings.Join(ids, " ") != want {
		t.Errorf("cities = %v, want %s", ids, want)
	}
}
