package gazetteer

import (
	"bufio"
	"fmt"
	"github.com/entente-nlp/entente/entity"
	"github.com/entente-nlp/entente/internal/textnorm"
	"io"
	"sort"
	"strings"
	"time"
)

// PhoenixStats reports what ReadPhoenix read.
type PhoenixStats struct {
	Lines     int           `json:"lines"`
	Actors    int           `json:"actors"`  // distinct entries produced
	Aliases   int           `json:"aliases"` // synonyms kept (after de-duplication)
	Roles     int           `json:"roles"`
	Dated     int           `json:"dated_roles"`
	BadDates  int           `json:"bad_dates"` // date fields that could not be read (the role is kept undated)
	Countries int           `json:"countries"` // actors that are countries (merged into country:XX)
	Elapsed   time.Duration `json:"elapsed_ns"`
}

// cameoSectors names the CAMEO actor role codes that follow a country code
// (RUS GOV → Government).
var cameoSectors = map[string]string{
	"GOV": "Government", "MIL": "Military", "ELI": "Elite", "OPP": "Opposition", "REB": "Rebels",
	"BUS": "Business", "MED": "Media", "JUD": "Judiciary", "LEG": "Legislature", "COP": "Police",
	"SPY": "Intelligence", "PTY": "Party", "CVL": "Civilian", "EDU": "Education", "LAB": "Labor",
	"REL": "Religious", "NGO": "NGO", "IGO": "Intergovernmental", "INS": "Insurgents", "SEP": "Separatists",
	"UAF": "Armed forces", "HLH": "Health", "AGR": "Agriculture", "ENV": "Environment", "DEV": "Development",
	"REF": "Refugees", "MUS": "Muslim", "CHR": "Christian", "JEW": "Jewish", "MOD": "Moderate", "RAD": "Radical",
}

// orgWords mark an actor name as an organization rather than a person.
var orgWords = map[string]bool{
	"organization": true, "organisation": true, "union": true, "council": true, "party": true, "army": true,
	"front": true, "bank": true, "fund": true, "committee": true, "group": true, "association": true,
	"agency": true, "movement": true, "brigade": true, "brigades": true, "nations": true, "league": true,
	"force": true, "forces": true, "institute": true, "commission": true, "court": true, "ministry": true,
	"office": true, "program": true, "programme": true, "tribunal": true, "federation": true, "society": true,
	"alliance": true, "coalition": true, "community": true, "center": true, "centre": true, "foundation": true,
	"network": true, "corporation": true, "company": true, "initiative": true, "panel": true, "cross": true,
	"crescent": true, "secretariat": true, "assembly": true, "parliament": true, "conference": true,
	"militia": true, "jihad": true, "mujahideen": true, "taliban": true, "liberation": true, "revolutionary": true,
	"islamic": true, "peacekeeper": true, "peacekeepers": true, "guard": true, "guards": true, "unit": true,
}

// phoenixActor accumulates one actor block.
type phoenixActor struct {
	name     string
	synonyms []string
	codes    []phoenixCode
	// cities are the built-in cities a country's synonyms name.
	cities []string
}

type phoenixCode struct{ code, from, to string }

// ReadPhoenix converts a PETRARCH/Phoenix (TABARI) actor dictionary into
// gazetteer entries: each actor line (NAME_WITH_UNDERSCORES, optionally
// followed by [CODE] or [CODE date]) starts an entry, "+SYNONYM" lines add
// aliases, and indented "[RUSGOV >080508]" lines add dated roles
// (">YYMMDD" from, "<YYMMDD" until, "YYMMDD-YYMMDD" or 8-digit dates).
// Actors whose code is a bare country code merge into that country's entry
// (country:XX); others become persons when their name looks like a
// person's (a known given name first, no organization word), else
// organizations. kind forces "person" or "org" when not empty. g resolves
// ISO alpha-3 codes and given names (nil means Default()). Role titles are the
// CAMEO sector with the raw code: "Government (RUSGOV)".
func ReadPhoenix(r io.Reader, g *Gazetteer, kind string) ([]*Entry, PhoenixStats, error) {
	start := time.Now()
	var st PhoenixStats
	if g == nil {
		var err error
		if g, err = Default(); err != nil {
			return nil, st, err
		}
	}
	if kind != "" && kind != KindPerson && kind != KindOrg {
		return nil, st, fmt.Errorf("gazetteer: phoenix import: kind %q (want person, org or empty)", kind)
	}
	var actors []*phoenixActor
	var cur *phoenixActor
	content, foreign := 0, 0 // non-comment lines, and those not in the format
	inXML := false
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	for sc.Scan() {
		st.Lines++
		line := sc.Text()
		// TABARI-era files: <!-- --> comments, possibly over lines.
		if inXML {
			inXML = !strings.Contains(line, "-->")
			continue
		}
		if t := strings.TrimSpace(line); strings.HasPrefix(t, "<!") {
			inXML = !strings.Contains(t, "-->") && !strings.HasSuffix(t, ">")
			continue
		}
		if i := strings.IndexAny(line, "#;"); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		content++
		switch {
		case line[0] == '+':
			if cur != nil {
				if n := phoenixName(line[1:], g); n != "" {
					cur.synonyms = append(cur.synonyms, n)
				}
			}
		case line[0] == ' ' || line[0] == '\t':
			if cur != nil {
				cur.codes = append(cur.codes, phoenixCodes(line, &st)...)
			}
		default:
			name, rest, _ := strings.Cut(line, "[")
			if rest != "" {
				rest = "[" + rest
			}
			if strings.ContainsAny(strings.TrimSpace(name), " \t") && !strings.Contains(name, "_") {
				foreign++ // prose, not NAME_WITH_UNDERSCORES
			}
			n := phoenixName(name, g)
			if n == "" {
				cur = nil
				continue
			}
			cur = &phoenixActor{name: n, codes: phoenixCodes(rest, &st)}
			actors = append(actors, cur)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, st, fmt.Errorf("gazetteer: phoenix import: %w", err)
	}
	if content == 0 {
		return nil, st, fmt.Errorf("gazetteer: phoenix import: no actor lines")
	}
	if foreign*2 > content {
		return nil, st, fmt.Errorf("gazetteer: phoenix import: %d of %d lines are not actor, synonym or code lines: not a Phoenix actor dictionary", foreign, content)
	}
	byID := map[string]*Entry{}
	var order []string
	for _, a := range actors {
		e := phoenixEntry(a, g, kind, &st)
		if e == nil {
			continue
		}
		for _, city := range a.cities {
			if _, ok := byID[city]; !ok && len(e.CAMEO) > 0 {
				byID[city] = &Entry{ID: city, CAMEO: []Code{e.CAMEO[0]}}
				order = append(order, city)
			}
		}
		if old, ok := byID[e.ID]; ok {
			codes := append(append([]Code(nil), old.CAMEO...), e.CAMEO...)
			merge(old, e)
			old.CAMEO = uniqueCodes(codes)
			continue
		}
		byID[e.ID] = e
		order = append(order, e.ID)
	}
	out := make([]*Entry, 0, len(order))
	for _, id := range order {
		e := byID[id]
		st.Aliases += len(e.Aliases)
		st.Roles += len(e.Roles)
		for _, r := range e.Roles {
			if r.From != "" || r.To != "" {
				st.Dated++
			}
		}
		if e.Kind == KindCountry {
			st.Countries++
		}
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Kind < out[j].Kind })
	st.Actors = len(out)
	st.Elapsed = time.Since(start)
	return out, st, nil
}

// phoenixName turns "SERGEY_V._LAVROV_" into "Sergey V. Lavrov"; a single
// short token ("UN_", "IAEA_") stays in capitals.
func phoenixName(s string, g *Gazetteer) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "_", " "))
	words := strings.Fields(s)
	if len(words) == 0 {
		return ""
	}
	if len(words) == 1 && len([]rune(words[0])) <= 5 {
		if checkName("name", words[0]) != nil {
			return "" // one letter: not a name the gazetteer can match
		}
		return words[0]
	}
	for i, w := range words {
		if strings.HasPrefix(w, "(") && strings.HasSuffix(w, ")") {
			continue // (AAIA)
		}
		if g != nil && g.isAcronym(w) {
			continue // UN, IAEA
		}
		words[i] = titleWord(w)
		if i > 0 {
			low := strings.ToLower(w)
			if smallWords[low] {
				words[i] = low // Republic of Kazakhstan
			} else if p := strings.Index(low, "-"); p > 0 && smallWords[low[:p]] {
				words[i] = low[:p+1] + words[i][p+1:] // Jabhat al-Nusra
			}
		}
	}
	return strings.Join(words, " ")
}

// phoenixCase decides the case of a single-word name that phoenixName left
// in capitals: an acronym the gazetteer knows in capitals, or one of at most
// three letters, stays; other words ("KABUL") are title-cased.
func phoenixCase(name string, g *Gazetteer) string {
	if strings.ContainsAny(name, " ") || strings.ToUpper(name) != name {
		return name
	}
	letters := 0
	for _, r := range name {
		if r >= 'A' && r <= 'Z' {
			letters++
		}
	}
	if letters <= 3 || strings.Contains(name, ".") {
		return name
	}
	for _, ref := range g.names[textnorm.Fold(name)] {
		if ref.text == name {
			return name
		}
	}
	return titleWord(name)
}

// smallWords stay in lower case inside a name.
var smallWords = map[string]bool{
	"of": true, "the": true, "and": true, "for": true, "in": true, "on": true, "at": true, "to": true,
	"de": true, "del": true, "la": true, "le": true, "du": true, "des": true, "van": true, "von": true,
	"al": true, "el": true, "bin": true, "ibn": true, "e": true, "y": true,
}

// titleWord capitalizes the first letter of each hyphen- or
// apostrophe-separated part of an all-capitals word ("KI-MOON" → "Ki-Moon").
func titleWord(w string) string {
	rs := []rune(strings.ToLower(w))
	up := true
	for i, r := range rs {
		if up {
			rs[i] = toUpperRune(r)
		}
		up = r == '-' || r == '.' || r == '(' || r == '/'
	}
	return string(rs)
}

func toUpperRune(r rune) rune {
	if r == 'i' {
		return 'I'
	}
	return []rune(strings.ToUpper(string(r)))[0]
}

// phoenixCodes reads every "[CODE date]" group of a line.
func phoenixCodes(s string, st *PhoenixStats) []phoenixCode {
	var out []phoenixCode
	for {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(s[i:], ']')
		if j < 0 {
			return out
		}
		f := strings.Fields(s[i+1 : i+j])
		s = s[i+j+1:]
		if len(f) == 0 || strings.Trim(f[0], "-#+") == "" {
			continue
		}
		// "[ELR/GAL]": alternatives; the first is the actor's code.
		code, _, _ := strings.Cut(strings.ToUpper(f[0]), "/")
		c := phoenixCode{code: code}
		if len(f) > 1 {
			d := strings.Join(f[1:], "")
			var ok bool
			switch {
			case strings.HasPrefix(d, ">"):
				c.from, ok = phoenixDate(d[1:])
			case strings.HasPrefix(d, "<"):
				c.to, ok = phoenixDate(d[1:])
			default:
				a, b, found := strings.Cut(d, "-")
				if found {
					var ok2 bool
					c.from, ok = phoenixDate(a)
					c.to, ok2 = phoenixDate(b)
					ok = ok && ok2
				}
			}
			if !ok {
				st.BadDates++
				c.from, c.to = "", ""
			}
		}
		out = append(out, c)
	}
}

// phoenixDate reads YYMMDD (years 30-99 are 19xx) or YYYYMMDD.
func phoenixDate(s string) (string, bool) {
	for _, r := range s {
		if r < '0' || r > '9' {
			return "", false
		}
	}
	var y, md string
	switch len(s) {
	case 6:
		y, md = "20"+s[:2], s[2:]
		if s[:2] >= "30" {
			y = "19" + s[:2]
		}
	case 8:
		y, md = s[:4], s[4:]
	default:
		return "", false
	}
	if md[:2] < "01" || md[:2] > "12" || md[2:] < "01" || md[2:] > "31" {
		return "", false
	}
	return y + "-" + md[:2] + "-" + md[2:], true
}

// phoenixEntry builds the entry of one actor.
func phoenixEntry(a *phoenixActor, g *Gazetteer, kind string, st *PhoenixStats) *Entry {
	// A bare country code: the actor is that country.
	for _, c := range a.codes {
		if len(c.code) == 3 && c.from == "" && c.to == "" {
			if cc := g.alpha3(c.code); cc != "" {
				e := &Entry{ID: string(entity.CountryID(cc)), Kind: KindCountry, Country: cc, CAMEO: []Code{{Code: c.code}}}
				if c, ok := g.byID[e.ID]; ok {
					e.Name = c.Name
				}
				for _, n := range append([]string{a.name}, a.synonyms...) {
					// Phoenix codes a country's cities as the country: keep
					// them as metonyms so the city stays the first reading,
					// and give the city the country's code.
					form := FormAlias
					for _, ref := range g.names[textnorm.Fold(n)] {
						if k := g.entries[ref.entry].Kind; k == KindCity || k == KindRegion {
							form = FormMetonym
							if ref.form == FormName || ref.form == FormAlias {
								a.cities = append(a.cities, g.entries[ref.entry].ID)
							}
						}
					}
					if !hasAlias(e, n) {
						e.Aliases = append(e.Aliases, Alias{Text: phoenixCase(n, g), Form: form})
					}
				}
				return e
			}
		}
	}
	k := kind
	if k == "" {
		k = phoenixKind(a, g)
	}
	e := &Entry{ID: string(entity.New(k, Slug(a.name))), Kind: k, Name: phoenixCase(a.name, g)}
	known := g.namedEntry(a.name)
	if known != nil && kind == "" && len(a.codes) > 0 && (known.Kind == KindPerson || known.Kind == KindOrg || known.Kind == KindGroup) {
		// A person or organization the gazetteer has under that name:
		// the actor is that entry.
		e.ID, e.Kind, e.Name = known.ID, known.Kind, known.Name
		known = nil
	}
	if known != nil && kind == "" && len(a.codes) > 0 {
		// The actor is a place the gazetteer has under that very name
		// ("EGYPT [UAR]", "WASHINGTON [USAGOV]"): its codes go to that
		// entry, so that the imported code, not a second entry of the
		// same name, is what the name links to.
		e = &Entry{ID: known.ID}
		for _, c := range a.codes {
			e.CAMEO = append(e.CAMEO, Code{Code: c.code, From: c.from, To: c.to})
		}
		for _, s := range a.synonyms {
			if !hasAlias(known, s) && !hasAlias(e, s) {
				e.Aliases = append(e.Aliases, Alias{Text: phoenixCase(s, g), Form: FormAlias})
			}
		}
		return e
	}
	if Slug(a.name) == "" {
		return nil
	}
	seen := map[string]bool{textnorm.Fold(a.name): true}
	for _, s := range a.synonyms {
		if f := textnorm.Fold(s); !seen[f] {
			seen[f] = true
			e.Aliases = append(e.Aliases, Alias{Text: phoenixCase(s, g), Form: FormAlias})
		}
	}
	for _, c := range a.codes {
		e.CAMEO = append(e.CAMEO, Code{Code: c.code, From: c.from, To: c.to})
	}
	for _, c := range a.codes {
		r := Role{Title: cameoTitle(c.code), Of: "", From: c.from, To: c.to}
		if len(c.code) >= 3 {
			if cc := g.alpha3(c.code[:3]); cc != "" {
				r.Of = string(entity.CountryID(cc))
				if e.Country == "" {
					e.Country = cc
				}
			} else if strings.HasPrefix(c.code, "IGO") {
				r.Of = string(entity.New(entity.KindOrg, strings.ToLower(c.code)))
			}
		}
		if r.Of == "" {
			r.Of = "cameo:" + c.code
		}
		e.Roles = append(e.Roles, r)
	}
	if k == KindOrg && len(a.codes) > 0 {
		code := a.codes[0].code
		switch {
		case strings.HasPrefix(code, "IGO"):
			e.OrgType = "intergovernmental"
		case strings.HasPrefix(code, "NGO"):
			e.OrgType = "ngo"
		case strings.HasPrefix(code, "MNC"):
			e.OrgType = "company"
		case strings.Contains(code, "REB") || strings.Contains(code, "INS") || strings.HasPrefix(code, "IMG") || strings.Contains(code, "SEP"):
			e.OrgType = "armed group"
		}
	}
	return e
}

// phoenixKind guesses whether a non-country actor is a person: a name of
// two to five words with no organization word and no known acronym, that
// starts with a known given name, has an initial ("B. Lynn Pascoe") or
// carries dated codes (offices; organizations are rarely dated).
func phoenixKind(a *phoenixActor, g *Gazetteer) string {
	words := strings.Fields(a.name)
	if len(words) < 2 || len(words) > 5 {
		return KindOrg
	}
	initial := false
	for _, w := range words {
		f := textnorm.Fold(w)
		if orgWords[f] || g.isAcronym(w) {
			return KindOrg
		}
		initial = initial || (len(f) == 1 || (len(f) == 2 && f[1] == '.'))
	}
	dated := false
	for _, c := range a.codes {
		dated = dated || c.from != "" || c.to != ""
	}
	if g.given[textnorm.Fold(words[0])] || initial || dated {
		return KindPerson
	}
	return KindOrg
}

// isAcronym reports whether w, written in capitals, is an acronym the
// gazetteer knows ("UN", "IAEA").
func (g *Gazetteer) isAcronym(w string) bool {
	if strings.ToUpper(w) != w || len(w) < 2 {
		return false
	}
	for _, ref := range g.names[textnorm.Fold(w)] {
		if ref.text == w && (ref.form == FormAcronym || ref.form == FormName || ref.form == FormAlias) {
			return true
		}
	}
	return false
}

// cameoTitle names a CAMEO code by its sector: "RUSGOV" → "Government
// (RUSGOV)".
func cameoTitle(code string) string {
	switch {
	case strings.HasPrefix(code, "IGO"):
		return "Intergovernmental (" + code + ")"
	case strings.HasPrefix(code, "NGO"):
		return "NGO (" + code + ")"
	case strings.HasPrefix(code, "IMG"):
		return "Armed group (" + code + ")"
	case strings.HasPrefix(code, "MNC"):
		return "Company (" + code + ")"
	}
	for i := 0; i+3 <= len(code); i += 3 {
		if s, ok := cameoSectors[code[i:i+3]]; ok && i > 0 {
			return s + " (" + code + ")"
		}
	}
	if s, ok := cameoSectors[code]; ok {
		return s + " (" + code + ")"
	}
	return code
}

// alpha3 returns the alpha-2 code of an ISO alpha-3 country code, or "".
func (g *Gazetteer) alpha3(code string) string {
	for _, ref := range g.names[strings.ToLower(code)] {
		if ref.form == FormCode && g.entries[ref.entry].Kind == KindCountry && len(ref.text) == 3 {
			return g.entries[ref.entry].Country
		}
	}
	return ""
}

// uniqueCodes drops repeated codes, keeping the first of each.
func uniqueCodes(cs []Code) []Code {
	var out []Code
	for _, c := range cs {
		dup := false
		for _, o := range out {
			dup = dup || o == c
		}
		if !dup {
			out = append(out, c)
		}
	}
	return out
}

// namedEntry returns the entry whose canonical name or alias is name
// (folded), the best ranked when several are, or nil.
func (g *Gazetteer) namedEntry(name string) *Entry {
	var best *Entry
	for _, ref := range g.names[textnorm.Fold(name)] {
		if ref.form != FormName && ref.form != FormAlias {
			continue
		}
		e := g.entries[ref.entry]
		if best == nil || kindRank[e.Kind] < kindRank[best.Kind] {
			best = e
		}
	}
	return best
}
