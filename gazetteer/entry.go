package gazetteer

import (
	"fmt"
	"strings"

	"github.com/entente-nlp/entente/entity"
	"github.com/entente-nlp/entente/internal/textnorm"
)

// Kinds of entries.
const (
	KindCountry = entity.KindCountry
	KindOrg     = entity.KindOrg
	KindPerson  = entity.KindPerson
	KindCity    = entity.KindCity
	KindRegion  = entity.KindRegion
	// KindGroup is a nationality, ethnic or religious group or movement
	// that no single country stands for (Kurds, Yazidis, Shiites).
	KindGroup = entity.KindGroup
)

// Entity types, as used in entente's documents and gold files.
const (
	TypePerson       = entity.Person
	TypeCountry      = entity.Country
	TypeOrganization = entity.Organization
	TypeLocation     = entity.Location
	// TypeNORP is OntoNotes' type for nationalities and religious or
	// political groups.
	TypeNORP = entity.NORP
	// TypeIndex is a stock market index (FTSE 100, Nikkei 225): an entry
	// of kind org that is not an organization.
	TypeIndex = entity.Index
)

// Alias forms, from the most to the least specific.
const (
	FormName    = "name"    // the canonical name
	FormAlias   = "alias"   // another full name ("Russian Federation", "Sergei Lavrov")
	FormAcronym = "acronym" // NATO, ISIS, SCO
	FormCode    = "code"    // ISO codes (RUS) and similar
	FormDemonym = "demonym" // Russian, Turkish
	FormSurname = "surname" // Lavrov: a known person's family name alone
	FormMetonym = "metonym" // the Kremlin, Washington, Moscow for a government
	// FormGeneric is a common noun or phrase that names the entry only in
	// its own country's news: "Senate" (the US Senate), "Blue House" (the
	// South Korean presidency). A document must name that country, or no
	// other, before such a mention links.
	FormGeneric = "generic"
)

// formRank orders forms for ranking candidates (lower is better).
var formRank = map[string]int{
	FormName: 0, FormAlias: 1, FormAcronym: 2, FormCode: 3, FormDemonym: 4, FormSurname: 5, FormMetonym: 6, FormGeneric: 7,
}

// kindRank orders kinds when two entries share a name of the same form:
// "Singapore" and "Kuwait" are countries before cities.
var kindRank = map[string]int{KindCountry: 0, KindOrg: 1, KindPerson: 2, KindCity: 3, KindRegion: 4, KindGroup: 5}

// typeOfKind gives the entity type of each kind.
var typeOfKind = map[string]string{
	KindCountry: TypeCountry, KindOrg: TypeOrganization, KindPerson: TypePerson,
	KindCity: TypeLocation, KindRegion: TypeLocation, KindGroup: TypeNORP,
}

// Entry is one gazetteer entry. ID is stable across versions of the data:
// "country:RU", "org:nato", "person:sergey-lavrov", "city:aleppo",
// "region:middle-east". Entries returned by a Gazetteer are shared and must
// not be modified.
type Entry struct {
	ID      string  `json:"id" yaml:"id"`
	Kind    string  `json:"kind" yaml:"kind"`                           // country, org, person, city, region, group
	Type    string  `json:"type" yaml:"type,omitempty"`                 // PERSON, COUNTRY, ORGANIZATION, LOCATION, NORP
	Name    string  `json:"name" yaml:"name"`                           // canonical name
	Aliases []Alias `json:"aliases,omitempty" yaml:"aliases,omitempty"` // other names, with their form
	// Country is the ISO 3166-1 alpha-2 code of a city's or person's country,
	// and of a country entry itself.
	Country string `json:"country,omitempty" yaml:"country,omitempty"`
	// OrgType classifies organizations: intergovernmental, armed group,
	// company, media, party, ngo, government body, think tank.
	OrgType string `json:"org_type,omitempty" yaml:"org_type,omitempty"`
	// Roles are a person's dated offices.
	Roles []Role `json:"roles,omitempty" yaml:"roles,omitempty"`
	// Members lists an organization's member country ids where known.
	Members []string `json:"members,omitempty" yaml:"members,omitempty"`
	// CapitalOf is, for a capital city, the id of its country.
	CapitalOf string `json:"capital_of,omitempty" yaml:"capital_of,omitempty"`
	// CAMEO lists the entry's CAMEO actor codes (from a Phoenix actor
	// dictionary), dated ones restricted to their period; see CodeOn.
	CAMEO []Code `json:"cameo,omitempty" yaml:"cameo,omitempty"`
}

// Code is a CAMEO actor code ("RUSGOV") valid From To ("YYYY-MM-DD",
// either empty when open; both empty: the default code).
type Code struct {
	Code string `json:"code" yaml:"code"`
	From string `json:"from,omitempty" yaml:"from,omitempty"`
	To   string `json:"to,omitempty" yaml:"to,omitempty"`
}

// CodeOn returns the entry's CAMEO code on date (YYYY-MM-DD, or "" for
// unknown): the first dated code whose period holds the date, else the
// first undated code, else (without a date) the first code; "" when the
// entry has none, or when only dated codes exist and none holds the date.
func (e *Entry) CodeOn(date string) string {
	if date != "" {
		for _, c := range e.CAMEO {
			if c.From == "" && c.To == "" {
				continue
			}
			if c.From != "" && cmpDate(date, c.From) < 0 || c.To != "" && cmpDate(date, c.To) > 0 {
				continue
			}
			return c.Code
		}
	}
	for _, c := range e.CAMEO {
		if c.From == "" && c.To == "" {
			return c.Code
		}
	}
	if date == "" && len(e.CAMEO) > 0 {
		return e.CAMEO[0].Code
	}
	return ""
}

// Alias is another name of an entry and its form (see the Form constants).
type Alias struct {
	Text string `json:"text" yaml:"text"`
	Form string `json:"form" yaml:"form"`
}

// Role is an office a person held: Title is normalized ("Foreign
// Minister"), Of is the id of the country or organization served
// ("country:RU"), From and To are "YYYY-MM-DD" (or shorter, "YYYY-MM",
// "YYYY") and "" when open.
type Role struct {
	Title string `json:"title" yaml:"title"`
	Of    string `json:"of" yaml:"of"`
	From  string `json:"from,omitempty" yaml:"from,omitempty"`
	To    string `json:"to,omitempty" yaml:"to,omitempty"`
}

// Match is one mention found by Gazetteer.Match: Start and End are byte
// offsets into the text given to Match (Text is that slice), Form is the
// form of the alias that matched for the best candidate, and IDs are the
// candidate entries, best first. More than one id means the name is
// ambiguous ("Georgia", "Washington"); see Gazetteer.Disambiguate.
type Match struct {
	Start int      `json:"start"`
	End   int      `json:"end"`
	Text  string   `json:"text"`
	Form  string   `json:"form"`
	IDs   []string `json:"ids"`
}

// Candidate is one entry a name may refer to, with a score in [0,1] and the
// reason it was proposed ("exact alias", "folded alias", "surname of a known
// person", "acronym", "fuzzy Jaro-Winkler 0.93").
type Candidate struct {
	Entry  *Entry  `json:"entry"`
	Score  float64 `json:"score"`
	Reason string  `json:"reason"`
}

// AllNames returns the entry's canonical name followed by its aliases, each
// with its form.
func (e *Entry) AllNames() []Alias {
	out := make([]Alias, 0, len(e.Aliases)+1)
	out = append(out, Alias{Text: e.Name, Form: FormName})
	return append(out, e.Aliases...)
}

// validate checks an entry and fills in derived fields (Type from Kind).
func (e *Entry) validate() error {
	if e.ID == "" {
		return fmt.Errorf("entry %q has no id", e.Name)
	}
	if e.Name == "" {
		return fmt.Errorf("entry %s has no name", e.ID)
	}
	if e.Kind == "" {
		if i := strings.IndexByte(e.ID, ':'); i > 0 {
			e.Kind = e.ID[:i]
		}
	}
	t, ok := typeOfKind[e.Kind]
	if !ok {
		return fmt.Errorf("entry %s has unknown kind %q (want country, org, person, city, region or group)", e.ID, e.Kind)
	}
	if e.Type == "" {
		e.Type = t
	}
	switch e.Type {
	case TypePerson, TypeCountry, TypeOrganization, TypeLocation, TypeNORP, TypeIndex:
	default:
		return fmt.Errorf("entry %s has unknown type %q", e.ID, e.Type)
	}
	if err := checkName("name", e.Name); err != nil {
		return fmt.Errorf("entry %s: %w", e.ID, err)
	}
	for i, a := range e.Aliases {
		if a.Form == "" {
			e.Aliases[i].Form = FormAlias
		} else if _, ok := formRank[a.Form]; !ok {
			return fmt.Errorf("entry %s: alias %q has unknown form %q", e.ID, a.Text, a.Form)
		}
		if err := checkName("alias", a.Text); err != nil {
			return fmt.Errorf("entry %s: %w", e.ID, err)
		}
	}
	for _, r := range e.Roles {
		if err := checkRole(r); err != nil {
			return fmt.Errorf("entry %s: %w", e.ID, err)
		}
	}
	return nil
}

// Slug returns the id-friendly form of a name: folded, with every run of
// characters other than letters and digits replaced by one hyphen
// ("Bashar al-Assad" → "bashar-al-assad").
func Slug(name string) string {
	f := textnorm.Fold(name)
	var b strings.Builder
	dash := false
	for i := 0; i < len(f); i++ {
		c := f[i]
		if isWordByte(c) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteByte(c)
			continue
		}
		if c == '\'' { // O'Brien → obrien
			continue
		}
		dash = true
	}
	return b.String()
}
