package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"

	"github.com/entente-nlp/entente/entity"
	"github.com/entente-nlp/entente/gazetteer"
)

// knownCompanyIDs maps S&P 500 constituents to the ids the hand-written
// orgs.yaml already gives them, so that the generated rows merge into those
// entries instead of duplicating them.
var knownCompanyIDs = map[string]string{
	"Apple": "org:apple", "Microsoft": "org:microsoft", "Amazon": "org:amazon", "Boeing": "org:boeing",
	"Lockheed Martin": "org:lockheed-martin", "ExxonMobil": "org:exxonmobil", "Meta Platforms": "org:facebook",
	"RTX": "org:raytheon",
}

// shortFormStop lists short forms left out as aliases: common English words,
// given names, surnames and place names that would otherwise be read as the
// company wherever they are capitalized ("Target", "Southern", "Hartford").
// The full name still matches.
var shortFormStop = map[string]bool{}

func init() {
	for _, w := range []string{
		"Target", "Ball", "Visa", "Progressive", "Southern", "Block", "Dow", "Corning", "Tapestry",
		"Rollins", "Xylem", "Carrier", "Otis", "Coherent", "Mosaic", "Hartford", "Travelers", "Williams",
		"Principal", "Regions", "Everest", "Hubbell", "Expand", "Cooper", "Lennox", "Jacobs", "Ross",
		"Nasdaq", "Cardinal", "Church", "Republic", "Baxter", "Cummins", "Equity", "Dover", "Hershey",
		"Stryker", "News", "Fox",
	} {
		shortFormStop[w] = true
	}
}

// corpSuffix matches the corporate-form words that news drops ("Apple Inc."
// is "Apple", "Goldman Sachs Group" is "Goldman Sachs").
var corpSuffix = regexp.MustCompile(`(?i),?\s+(inc\.?|incorporated|corp\.?|corporation|company|companies|co\.|plc|ltd\.?|limited|n\.v\.|holdings|group|& co\.?)$`)

// genCompanies reads the S&P 500 constituents table of the
// datasets/s-and-p-500-companies repository (data/constituents.csv:
// Symbol, Security, GICS Sector, ..., Headquarters Location) and returns
// gazetteer entry CSV rows: id, kind, name, aliases, country, org_type.
func genCompanies(path string, countryCode func(string) string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(rows) < 2 {
		return nil, fmt.Errorf("%s: no rows", path)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, w := range []string{"Security", "Headquarters Location"} {
		if _, ok := col[w]; !ok {
			return nil, fmt.Errorf("%s: missing column %q", path, w)
		}
	}
	seen := map[string]bool{}
	out := [][]string{{"id", "kind", "name", "aliases", "country", "org_type"}}
	var body [][]string
	for _, r := range rows[1:] {
		name := companyName(r[col["Security"]])
		if seen[name] {
			continue // share classes: "Alphabet Inc. (Class A)", "(Class C)"
		}
		seen[name] = true
		short := shortCompanyName(name)
		id := knownCompanyIDs[short]
		switch {
		case id != "":
		case shortFormStop[short]:
			id = string(entity.New(entity.KindOrg, gazetteer.Slug(strings.TrimPrefix(name, "The "))))
		default:
			id = string(entity.New(entity.KindOrg, gazetteer.Slug(short)))
		}
		var aliases []string
		if short != name && !shortFormStop[short] {
			aliases = append(aliases, short)
		}
		if strings.HasPrefix(name, "The ") {
			aliases = append(aliases, strings.TrimPrefix(name, "The "))
		}
		hq := r[col["Headquarters Location"]]
		cc := "US"
		if i := strings.LastIndex(hq, ", "); i >= 0 {
			if c := countryCode(strings.TrimSpace(hq[i+2:])); c != "" {
				cc = c
			}
		}
		row := name
		if knownCompanyIDs[short] != "" {
			// Merge into the hand-written entry: its name stays canonical.
			aliases, row = append([]string{name}, aliases...), ""
		}
		body = append(body, []string{id, "org", row, strings.Join(aliases, "|"), cc, "company"})
	}
	sort.Slice(body, func(i, j int) bool { return body[i][0] < body[j][0] })
	return append(out, body...), nil
}

var classSuffix = regexp.MustCompile(`\s*\(Class [A-Z]\)$`)

// companyName undoes the table's sorting inversions: "Home Depot (The)" is
// "The Home Depot", "Lilly (Eli)" is "Eli Lilly".
func companyName(s string) string {
	s = strings.TrimSpace(classSuffix.ReplaceAllString(s, ""))
	if i := strings.LastIndex(s, " ("); i > 0 && strings.HasSuffix(s, ")") {
		s = s[i+2:len(s)-1] + " " + s[:i]
	}
	return strings.ReplaceAll(s, "’", "'")
}

// shortCompanyName drops a leading "The" and the corporate-form suffixes.
func shortCompanyName(s string) string {
	s = strings.TrimPrefix(s, "The ")
	for {
		t := corpSuffix.ReplaceAllString(s, "")
		if t == s || t == "" {
			return s
		}
		s = t
	}
}
