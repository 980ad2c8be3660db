package gazetteer

import (
	"bytes"
	"embed"
	"encoding/csv"
	"errors"
	"fmt"
	"github.com/entente-nlp/entente/entity"
	"github.com/entente-nlp/entente/internal/textnorm"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"
)

//go:embed data/*.csv data/*.yaml data/*.txt
var dataFS embed.FS

// entrySet is a mutable collection of entries being loaded, before build.
type entrySet struct {
	entries []*Entry
	byID    map[string]*Entry
	given   []string
}

func newEntrySet() *entrySet { return &entrySet{byID: map[string]*Entry{}} }

// loadEmbedded reads every embedded data file, in a fixed order.
func loadEmbedded() (*entrySet, error) {
	s := newEntrySet()
	steps := []struct {
		file string
		fn   func(name string, data []byte) error
	}{
		{"data/countries.csv", s.readCountries},
		{"data/country_aliases.csv", s.readCountryAliases},
		{"data/regions.yaml", s.readYAML},
		{"data/orgs.yaml", s.readYAML},
		{"data/people.yaml", s.readYAML},
		{"data/cities.csv", s.readCities},
		{"data/places.yaml", s.readYAML},
		{"data/subnational.yaml", s.readYAML},
		{"data/nature.yaml", s.readYAML},
		{"data/military.yaml", s.readYAML},
		{"data/parties.yaml", s.readYAML},
		{"data/media.yaml", s.readYAML},
		{"data/companies_sp500.csv", s.readEntryCSV},
		{"data/companies.yaml", s.readYAML},
		{"data/markets.yaml", s.readYAML},
		{"data/groups.yaml", s.readYAML},
		{"data/given_names.txt", s.readGivenNames},
	}
	for _, st := range steps {
		data, err := dataFS.ReadFile(st.file)
		if err != nil {
			return nil, err
		}
		if err := st.fn(st.file, data); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// loadFile reads one user file, by extension.
func (s *entrySet) loadFile(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is named below, not "open ..."
		}
		return fmt.Errorf("gazetteer: %s: %w", path, err)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return fmt.Errorf("gazetteer: %s: file is empty", path)
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
		return s.readYAML(path, data)
	case ".csv":
		return s.readEntryCSV(path, data)
	}
	return fmt.Errorf("gazetteer: %s: unknown file type (want .yaml, .yml or .csv)", path)
}

// fileEntry is an entry as written in a YAML or CSV file. Besides the Entry
// fields it accepts shorthand lists of acronyms and demonyms and the merge
// controls Replace and Remove.
type fileEntry struct {
	ID       string   `yaml:"id"`
	Kind     string   `yaml:"kind"`
	Type     string   `yaml:"type"`
	Name     string   `yaml:"name"`
	Aliases  []Alias  `yaml:"aliases"`
	Acronyms []string `yaml:"acronyms"`
	Demonyms []string `yaml:"demonyms"`
	Metonyms []string `yaml:"metonyms"`
	Surnames []string `yaml:"surnames"`
	Country  string   `yaml:"country"`
	OrgType  string   `yaml:"org_type"`
	Roles    []Role   `yaml:"roles"`
	Members  []string `yaml:"members"`
	Capital  string   `yaml:"capital_of"`
	CAMEO    []Code   `yaml:"cameo"`
	Replace  bool     `yaml:"replace"`
	Remove   bool     `yaml:"remove"`
}

// UnmarshalYAML accepts a code either as a plain string ("RUS", undated)
// or as a mapping {code: ..., from: ..., to: ...}.
func (c *Code) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*c = Code{Code: n.Value}
		return nil
	}
	type plain Code
	var p plain
	if err := n.Decode(&p); err != nil {
		return err
	}
	*c = Code(p)
	return nil
}

// UnmarshalYAML accepts an alias either as a plain string (form "alias") or
// as a mapping {text: ..., form: ...}.
func (a *Alias) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		a.Text, a.Form = n.Value, FormAlias
		return nil
	}
	type plain Alias
	var p plain
	if err := n.Decode(&p); err != nil {
		return err
	}
	*a = Alias(p)
	return nil
}

// readYAML reads a YAML list of entries.
func (s *entrySet) readYAML(name string, data []byte) error {
	var list []fileEntry
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&list); err != nil && !errors.Is(err, io.EOF) {
		return yamlError(name, err)
	}
	for i := range list {
		if err := s.apply(&list[i]); err != nil {
			return fmt.Errorf("gazetteer: %s: entry %d%s", name, i+1, entryError(&list[i], err))
		}
	}
	return nil
}

// entryCSVColumns are the columns of a user CSV file; id or kind+name are
// required, the rest optional.
var entryCSVColumns = []string{"id", "kind", "type", "name", "aliases", "acronyms", "demonyms", "country", "org_type", "members", "replace", "remove"}

// readEntryCSV reads a CSV file with a header naming some of
// entryCSVColumns; list fields are separated by "|".
func (s *entrySet) readEntryCSV(name string, data []byte) error {
	r := csv.NewReader(bytes.NewReader(data))
	r.Comment = '#'
	r.TrimLeadingSpace = true
	rows, err := r.ReadAll()
	if err != nil {
		return fmt.Errorf("gazetteer: %s: %w", name, err)
	}
	if len(rows) < 2 {
		return fmt.Errorf("gazetteer: %s: want a header row and at least one entry", name)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		h = strings.ToLower(strings.TrimSpace(h))
		known := false
		for _, c := range entryCSVColumns {
			known = known || c == h
		}
		if !known {
			return fmt.Errorf("gazetteer: %s: unknown column %q (known: %s)", name, h, strings.Join(entryCSVColumns, ", "))
		}
		col[h] = i
	}
	get := func(row []string, c string) string {
		if i, ok := col[c]; ok && i < len(row) {
			return strings.TrimSpace(row[i])
		}
		return ""
	}
	for n, row := range rows[1:] {
		fe := fileEntry{
			ID: get(row, "id"), Kind: get(row, "kind"), Type: get(row, "type"), Name: get(row, "name"),
			Acronyms: splitList(get(row, "acronyms")), Demonyms: splitList(get(row, "demonyms")),
			Country: get(row, "country"), OrgType: get(row, "org_type"), Members: splitList(get(row, "members")),
			Replace: get(row, "replace") == "true", Remove: get(row, "remove") == "true",
		}
		for _, a := range splitList(get(row, "aliases")) {
			fe.Aliases = append(fe.Aliases, Alias{Text: a, Form: FormAlias})
		}
		if err := s.apply(&fe); err != nil {
			return fmt.Errorf("gazetteer: %s: line %d%s", name, n+2, entryError(&fe, err))
		}
	}
	return nil
}

// entryError names a file entry and its problem: " (person:x): role ..."
// (the entry's own errors begin "entry ID: ").
func entryError(fe *fileEntry, err error) string {
	msg := err.Error()
	if fe.ID == "" {
		if fe.Name != "" {
			return " (" + fe.Name + "): " + msg
		}
		return ": " + msg
	}
	return " (" + fe.ID + "): " + strings.TrimPrefix(msg, "entry "+fe.ID+": ")
}

// splitList splits a "|"-separated list, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// toID turns a country code shorthand ("RU") into an id ("country:RU").
func toID(s string) string { return string(entity.CountryRef(s)) }

// apply adds, merges, replaces or removes one file entry.
func (s *entrySet) apply(fe *fileEntry) error {
	if fe.ID == "" {
		if fe.Kind == "" || fe.Name == "" {
			return errors.New("an entry needs an id, or a kind and a name")
		}
		if fe.Kind == KindCountry && fe.Country != "" {
			fe.ID = string(entity.CountryID(fe.Country))
		} else {
			fe.ID = string(entity.New(fe.Kind, Slug(fe.Name)))
		}
	}
	e := &Entry{ID: fe.ID, Kind: fe.Kind, Type: fe.Type, Name: strings.TrimSpace(fe.Name),
		Country: strings.ToUpper(fe.Country), OrgType: fe.OrgType, CapitalOf: toID(fe.Capital)}
	e.Aliases = append(e.Aliases, fe.Aliases...)
	for _, l := range []struct {
		texts []string
		form  string
	}{{fe.Acronyms, FormAcronym}, {fe.Demonyms, FormDemonym}, {fe.Metonyms, FormMetonym}, {fe.Surnames, FormSurname}} {
		for _, t := range l.texts {
			e.Aliases = append(e.Aliases, Alias{Text: t, Form: l.form})
		}
	}
	for _, r := range fe.Roles {
		r.Of = toID(r.Of)
		e.Roles = append(e.Roles, r)
	}
	for _, m := range fe.Members {
		e.Members = append(e.Members, toID(m))
	}
	for _, c := range fe.CAMEO {
		c.Code = strings.ToUpper(strings.TrimSpace(c.Code))
		if c.Code == "" {
			return fmt.Errorf("%s: a cameo code without a code", e.ID)
		}
		e.CAMEO = append(e.CAMEO, c)
	}
	old, exists := s.byID[e.ID]
	switch {
	case fe.Remove:
		if !exists {
			return fmt.Errorf("cannot remove %s: no such entry", e.ID)
		}
		delete(s.byID, e.ID)
		for i, x := range s.entries {
			if x == old {
				s.entries = append(s.entries[:i], s.entries[i+1:]...)
				break
			}
		}
		return nil
	case exists && !fe.Replace:
		merge(old, e)
		return old.validate()
	case exists:
		if err := e.validate(); err != nil {
			return err
		}
		*old = *e
		return nil
	}
	return s.add(e)
}

// add appends a new entry.
func (s *entrySet) add(e *Entry) error {
	if err := e.validate(); err != nil {
		return err
	}
	if _, dup := s.byID[e.ID]; dup {
		return fmt.Errorf("duplicate id %s", e.ID)
	}
	s.byID[e.ID] = e
	s.entries = append(s.entries, e)
	return nil
}

// merge folds the fields given in e into old: scalars replace, a new name
// demotes the old one to an alias, aliases, roles and members are added.
func merge(old, e *Entry) {
	if e.Name != "" && e.Name != old.Name {
		old.Aliases = append(old.Aliases, Alias{Text: old.Name, Form: FormAlias})
		old.Name = e.Name
	}
	if e.Kind != "" {
		old.Kind = e.Kind
	}
	if e.Type != "" {
		old.Type = e.Type
	}
	if e.Country != "" {
		old.Country = e.Country
	}
	if e.OrgType != "" {
		old.OrgType = e.OrgType
	}
	if e.CapitalOf != "" {
		old.CapitalOf = e.CapitalOf
	}
	for _, a := range e.Aliases {
		if !hasAlias(old, a.Text) {
			old.Aliases = append(old.Aliases, a)
		}
	}
	for _, r := range e.Roles {
		dup := false
		for _, o := range old.Roles {
			dup = dup || o == r
		}
		if !dup {
			old.Roles = append(old.Roles, r)
		}
	}
	if len(e.CAMEO) > 0 {
		// A user file's codes replace the entry's.
		old.CAMEO = append([]Code(nil), e.CAMEO...)
	}
	for _, m := range e.Members {
		dup := false
		for _, o := range old.Members {
			dup = dup || o == m
		}
		if !dup {
			old.Members = append(old.Members, m)
		}
	}
}

// hasAlias reports whether e already has name text (compared folded).
func hasAlias(e *Entry, text string) bool {
	f := textnorm.Fold(text)
	if textnorm.Fold(e.Name) == f {
		return true
	}
	for _, a := range e.Aliases {
		if textnorm.Fold(a.Text) == f {
			return true
		}
	}
	return false
}

// readCSVRows parses an embedded CSV with a header and returns the rows as
// maps by column name.
func readCSVRows(name string, data []byte, want ...string) ([]map[string]string, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.Comment = '#'
	rows, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: no header", name)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, w := range want {
		if _, ok := col[w]; !ok {
			return nil, fmt.Errorf("%s: missing column %q", name, w)
		}
	}
	out := make([]map[string]string, 0, len(rows)-1)
	for _, row := range rows[1:] {
		m := make(map[string]string, len(col))
		for c, i := range col {
			if i < len(row) {
				m[c] = row[i]
			}
		}
		out = append(out, m)
	}
	return out, nil
}

// readCountries reads the generated ISO 3166-1 table.
func (s *entrySet) readCountries(name string, data []byte) error {
	rows, err := readCSVRows(name, data, "alpha2", "alpha3", "name", "aliases", "demonyms", "capitals")
	if err != nil {
		return err
	}
	for _, r := range rows {
		e := &Entry{ID: string(entity.CountryID(r["alpha2"])), Kind: KindCountry, Name: r["name"], Country: r["alpha2"]}
		for _, a := range splitList(r["aliases"]) {
			e.Aliases = append(e.Aliases, Alias{Text: a, Form: FormAlias})
		}
		e.Aliases = append(e.Aliases, Alias{Text: r["alpha3"], Form: FormCode}, Alias{Text: r["alpha2"], Form: FormCode})
		for _, a := range splitList(r["demonyms"]) {
			e.Aliases = append(e.Aliases, Alias{Text: a, Form: FormDemonym})
		}
		for _, a := range splitList(r["capitals"]) {
			e.Aliases = append(e.Aliases, Alias{Text: a, Form: FormMetonym})
		}
		if err := s.add(e); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}

// readCountryAliases reads hand-written country names: form "name" makes the
// text the canonical name, "remove" drops a generated alias, other forms add.
func (s *entrySet) readCountryAliases(name string, data []byte) error {
	rows, err := readCSVRows(name, data, "code", "form", "text")
	if err != nil {
		return err
	}
	for i, r := range rows {
		id := string(entity.CountryID(r["code"]))
		e, ok := s.byID[id]
		if !ok {
			return fmt.Errorf("%s: line %d: unknown country %s", name, i+2, r["code"])
		}
		text := strings.TrimSpace(r["text"])
		switch r["form"] {
		case FormName:
			merge(e, &Entry{Name: text})
		case "remove":
			f := textnorm.Fold(text)
			kept := e.Aliases[:0]
			for _, a := range e.Aliases {
				if textnorm.Fold(a.Text) != f {
					kept = append(kept, a)
				}
			}
			e.Aliases = kept
		default:
			if _, ok := formRank[r["form"]]; !ok {
				return fmt.Errorf("%s: line %d: unknown form %q", name, i+2, r["form"])
			}
			if !hasAliasForm(e, text, r["form"]) {
				e.Aliases = append(e.Aliases, Alias{Text: text, Form: r["form"]})
			}
		}
	}
	return nil
}

// hasAliasForm reports whether e has text (exactly) with form.
func hasAliasForm(e *Entry, text, form string) bool {
	for _, a := range e.Aliases {
		if a.Text == text && a.Form == form {
			return true
		}
	}
	return false
}

// readCities reads the generated city table.
func (s *entrySet) readCities(name string, data []byte) error {
	rows, err := readCSVRows(name, data, "id", "name", "country", "aliases")
	if err != nil {
		return err
	}
	for _, r := range rows {
		e := &Entry{ID: r["id"], Kind: KindCity, Name: r["name"], Country: r["country"]}
		if r["capital"] == "yes" {
			e.CapitalOf = string(entity.CountryID(r["country"]))
		}
		for _, a := range splitList(r["aliases"]) {
			e.Aliases = append(e.Aliases, Alias{Text: a, Form: FormAlias})
		}
		if err := s.add(e); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}

// readGivenNames reads one given name per line; # starts a comment.
func (s *entrySet) readGivenNames(_ string, data []byte) error {
	for _, line := range strings.Split(string(data), "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if line = strings.TrimSpace(line); line != "" {
			s.given = append(s.given, line)
		}
	}
	return nil
}
