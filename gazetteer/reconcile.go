package gazetteer

import (
	"github.com/entente-nlp/entente/entity"
	"github.com/entente-nlp/entente/internal/textnorm"
	"strings"
)

// Link is the result of reconciling one mention with the gazetteer.
type Link struct {
	// ID is the linked entry's id, or for an unlinked mention a stable id
	// made from its normalized name: "person:jane-roe", "org:...", "loc:...".
	ID     string  `json:"id"`
	Linked bool    `json:"linked"`
	Score  float64 `json:"score"`
	Reason string  `json:"reason"`
	// Ambiguous is true when several entries fit equally and the context
	// did not decide; ID is then the best-ranked one and Candidates lists
	// them all.
	Ambiguous  bool     `json:"ambiguous,omitempty"`
	Candidates []string `json:"candidates,omitempty"`
}

// titleWords are honorifics and offices that may precede a name ("President
// Bashar al-Assad", "Foreign Minister Sergey Lavrov").
var titleWords = map[string]bool{
	"president": true, "vice": true, "prime": true, "minister": true, "foreign": true, "defense": true,
	"defence": true, "secretary": true, "general": true, "gen.": true, "gen": true, "mr.": true, "mr": true,
	"mrs.": true, "mrs": true, "ms.": true, "ms": true, "dr.": true, "dr": true, "sheikh": true, "king": true,
	"queen": true, "prince": true, "crown": true, "ayatollah": true, "chancellor": true, "premier": true,
	"ambassador": true, "envoy": true, "spokesman": true, "spokeswoman": true, "senator": true, "sen.": true,
	"chief": true, "commander": true, "leader": true, "emir": true, "sultan": true, "state": true, "of": true,
	"the": true, "former": true, "russian": true, "turkish": true, "iranian": true, "syrian": true, "us": true,
	"u.s.": true, "american": true, "british": true, "french": true, "german": true, "chinese": true,
}

// typeFits reports whether an entry of type et may be what a mention typed
// mt (by a model or a rule) refers to; "" fits anything. Models tag
// countries as locations, so a LOCATION mention may be a country.
func typeFits(mt, et string) bool {
	switch mt {
	case "":
		return true
	case TypeLocation:
		return et == TypeLocation || et == TypeCountry
	}
	return mt == et
}

// Reconcile links a mention (its text and, when known, its entity type
// PERSON, COUNTRY, ORGANIZATION or LOCATION) to a gazetteer entry, using the
// ids of the document's other entities and its publication date to choose
// among candidates (see DisambiguateAt). It tries the name as written, then
// as a role phrase naming the one holder of an office on date ("Russian
// President", "Foreign Minister of Iran"), then without leading titles
// ("President Bashar al-Assad"), then, for a person, the family name of a
// known person. A mention nothing fits stays unlinked
// with the stable id "<kind>:<slug>" of its normalized name.
func (g *Gazetteer) Reconcile(name, typ string, contextIDs []string, date string) Link {
	cands := g.fitting(g.Lookup(name), typ)
	if len(cands) == 0 && date != "" && (typ == TypePerson || typ == "") {
		if e, title, ok := g.officeHolder(name, date); ok {
			return Link{ID: e.ID, Linked: true, Score: ScoreSurname, Reason: "holder of the office " + title + " on " + date}
		}
	}
	if len(cands) == 0 {
		if stripped := stripTitles(name); stripped != name && stripped != "" && !titleWords[strings.ToLower(stripped)] {
			cands = g.fitting(g.Lookup(stripped), typ)
		}
	}
	if len(cands) == 0 && (typ == TypePerson || typ == "") {
		words := strings.Fields(stripTitles(name))
		if len(words) > 1 {
			for _, c := range g.fitting(g.Lookup(words[len(words)-1]), TypePerson) {
				if c.Reason == "surname of a known person" && initialFits(words[0], c.Entry.Name) {
					c.Score = ScoreSurname - 0.05
					c.Reason = "surname of a known person, given name " + words[0]
					cands = append(cands, c)
				}
			}
		}
	}
	if len(cands) == 0 {
		return Link{ID: UnlinkedID(typ, name), Reason: "not in the gazetteer"}
	}
	best := cands[0].Score
	var top []string
	for _, c := range cands {
		if best-c.Score <= 0.05 {
			top = append(top, c.Entry.ID)
		}
	}
	l := Link{ID: cands[0].Entry.ID, Linked: true, Score: cands[0].Score, Reason: cands[0].Reason}
	if len(top) > 1 {
		id, decided := g.DisambiguateAt(top, contextIDs, date)
		l.ID, l.Ambiguous, l.Candidates = id, !decided, top
		for _, c := range cands {
			if c.Entry.ID == id {
				l.Score, l.Reason = c.Score, c.Reason
			}
		}
		if decided {
			l.Reason += ", chosen by context"
		}
	}
	return l
}

// fitting keeps the candidates whose type fits typ. A place is never
// linked by resemblance: a fuzzy candidate that is a country, city or
// region is dropped (South Taranaki is not South Tarawa, Tuva not Tuvalu,
// Austria not Australia).
func (g *Gazetteer) fitting(cs []Candidate, typ string) []Candidate {
	out := cs[:0:0]
	for _, c := range cs {
		place := c.Entry.Kind == KindCountry || c.Entry.Kind == KindCity || c.Entry.Kind == KindRegion
		if typeFits(typ, c.Entry.Type) && !(place && strings.HasPrefix(c.Reason, "fuzzy")) {
			out = append(out, c)
		}
	}
	return out
}

// stripTitles drops leading titles and honorifics from a name.
func stripTitles(name string) string {
	words := strings.Fields(name)
	i := 0
	for i < len(words)-1 && titleWords[strings.ToLower(words[i])] {
		i++
	}
	return strings.Join(words[i:], " ")
}

// initialFits reports whether a given name or initial ("S.", "Sergei")
// agrees with the first name of full ("Sergey Lavrov"): same first letter.
func initialFits(given, full string) bool {
	fg, ff := textnorm.Fold(given), textnorm.Fold(full)
	return fg != "" && ff != "" && fg[0] == ff[0]
}

// UnlinkedID returns the stable id of a mention not in the gazetteer:
// "person:", "org:" or "loc:" (for COUNTRY and LOCATION) followed by the
// slug of the name without a leading "the" or a possessive ("The Jane Roe
// Foundation's" → "org:jane-roe-foundation").
func UnlinkedID(typ, name string) string {
	kind := entity.KindLoc
	switch typ {
	case TypePerson:
		kind = KindPerson
	case TypeOrganization:
		kind = KindOrg
	}
	n := strings.TrimSpace(name)
	n = strings.TrimSuffix(strings.TrimSuffix(n, "'s"), "’s")
	if f := strings.Fields(n); len(f) > 1 && strings.EqualFold(f[0], "the") {
		n = strings.Join(f[1:], " ")
	}
	s := Slug(n)
	if s == "" {
		s = "unnamed"
	}
	return string(entity.New(kind, s))
}

// officeTitles maps the ways news names an office to the normalized title
// used in the data.
var officeTitles = map[string]string{
	"president": "President", "prime minister": "Prime Minister", "premier": "Prime Minister",
	"chancellor": "Chancellor", "foreign minister": "Foreign Minister", "foreign secretary": "Foreign Minister",
	"secretary of state": "Foreign Minister", "minister of foreign affairs": "Foreign Minister",
	"defense minister": "Defense Minister", "defence minister": "Defense Minister",
	"defense secretary": "Defense Minister", "defence secretary": "Defense Minister",
	"secretary of defense": "Defense Minister", "minister of defense": "Defense Minister",
	"minister of defence": "Defense Minister", "king": "King", "queen": "Queen", "emir": "Emir",
	"supreme leader": "Supreme Leader", "vice president": "Vice President", "crown prince": "Crown Prince",
	"chief of the general staff": "Chief of the General Staff", "chief of general staff": "Chief of the General Staff",
	"presidential spokesman": "Presidential spokesman", "secretary-general": "Secretary-General",
	"secretary general": "Secretary-General",
}

// officeHolder resolves a role phrase ("Russian President", "Turkish
// Foreign Minister", "President of Iran") to the one person who held that
// office on date.
func (g *Gazetteer) officeHolder(phrase, date string) (*Entry, string, bool) {
	words := strings.Fields(phrase)
	if len(words) > 0 && strings.EqualFold(words[0], "the") {
		words = words[1:]
	}
	try := func(place, title string) (*Entry, string, bool) {
		t, ok := officeTitles[textnorm.Fold(title)]
		if !ok {
			return nil, "", false
		}
		for _, ref := range g.names[textnorm.Fold(place)] {
			e := g.entries[ref.entry]
			if e.Kind != KindCountry && e.Kind != KindOrg {
				continue
			}
			if hs := g.HoldersOn(t, e.ID, date); len(hs) == 1 {
				return hs[0], t + " of " + e.ID, true
			}
		}
		return nil, "", false
	}
	// "<Russian|Russia's|NATO> <title>"
	for k := 1; k < len(words); k++ {
		place := strings.TrimSuffix(strings.TrimSuffix(strings.Join(words[:k], " "), "'s"), "’s")
		if e, t, ok := try(place, strings.Join(words[k:], " ")); ok {
			return e, t, true
		}
	}
	// "<title> of <place>"
	for k := 1; k+1 < len(words); k++ {
		if strings.EqualFold(words[k], "of") {
			if e, t, ok := try(strings.Join(words[k+1:], " "), strings.Join(words[:k], " ")); ok {
				return e, t, true
			}
		}
	}
	return nil, "", false
}
