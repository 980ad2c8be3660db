package eval

import (
	"fmt"
	"html"
	"io"
	"regexp"
	"sort"
	"strings"
)

// PetrarchTriple is one coded event: source actor code, target actor code
// and CAMEO event code ("ARN", "GONGOV", "064").
type PetrarchTriple struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Code   string `json:"code"`
}

func (t PetrarchTriple) String() string { return t.Source + " " + t.Target + " " + t.Code }

// norm upper-cases and trims the codes; a missing actor is "---", as
// PETRARCH writes it.
func (t PetrarchTriple) norm() PetrarchTriple {
	c := func(s string) string {
		s = strings.ToUpper(strings.TrimSpace(s))
		if s == "" {
			return "---"
		}
		return s
	}
	return PetrarchTriple{c(t.Source), c(t.Target), strings.ToUpper(strings.TrimSpace(t.Code))}
}

// dyad reports whether both actors are known.
func (t PetrarchTriple) dyad() bool { return t.Source != "---" && t.Target != "---" }

// PetrarchRecord is one record of a PETRARCH validation file: a sentence,
// its date and the events it should code.
type PetrarchRecord struct {
	ID       string `json:"id"`
	Category string `json:"category,omitempty"`
	// Date is the record's date as YYYY-MM-DD ("" when absent).
	Date string `json:"date,omitempty"`
	// Enabled is false for records marked sentence="false" (features
	// PETRARCH itself does not code).
	Enabled  bool             `json:"enabled"`
	Text     string           `json:"text"`
	Expected []PetrarchTriple `json:"expected,omitempty"`
	// NoEvents marks a record that should code nothing; Error names why
	// PETRARCH rejects it, when it does ("dateline").
	NoEvents bool   `json:"no_events,omitempty"`
	Error    string `json:"error,omitempty"`
}

// PetrarchEnv names the dictionaries a validation file's <Environment>
// asks for (paths as written, relative to the file).
type PetrarchEnv struct {
	Verbs  []string `json:"verbs,omitempty"`
	Actors []string `json:"actors,omitempty"`
	Agents []string `json:"agents,omitempty"`
}

// maxPetrarchBytes bounds a validation file.
const maxPetrarchBytes = 64 << 20

var (
	reXMLComment = regexp.MustCompile(`(?s)<!--.*?-->`)
	reSentence   = regexp.MustCompile(`(?s)<Sentence\b([^>]*)>(.*?)</Sentence>`)
	reAttr       = regexp.MustCompile(`([A-Za-z_]+)\s*=\s*(?:"([^"]*)"|'([^']*)')`)
	reCoding     = regexp.MustCompile(`(?s)<EventCoding\b([^>]*?)/?>`)
	reText       = regexp.MustCompile(`(?s)<Text>(.*?)</Text>`)
	reEnv        = regexp.MustCompile(`(?s)<(Verbfile|Actorfile|Agentfile)>(.*?)</(?:Verbfile|Actorfile|Agentfile)>`)
)

// ReadPetrarch reads a PETRARCH validation (unit-test) file: <Sentence
// date="YYYYMMDD" id="..." category="..." sentence="true"> records with
// <EventCoding sourcecode="" targetcode="" eventcode=""/> (or
// noevents="True") and <Text>, and the <Environment>'s dictionary names.
// Comments are ignored; the parse trees PETRARCH needs are not read.
// Records without an id or a text are errors naming the record.
func ReadPetrarch(r io.Reader) ([]PetrarchRecord, PetrarchEnv, error) {
	var env PetrarchEnv
	b, err := io.ReadAll(io.LimitReader(r, maxPetrarchBytes+1))
	if err != nil {
		return nil, env, fmt.Errorf("eval: petrarch: %w", err)
	}
	if len(b) > maxPetrarchBytes {
		return nil, env, fmt.Errorf("eval: petrarch: file larger than %d MiB", maxPetrarchBytes>>20)
	}
	s := reXMLComment.ReplaceAllString(string(b), "")
	for _, m := range reEnv.FindAllStringSubmatch(s, -1) {
		for _, name := range strings.FieldsFunc(m[2], func(r rune) bool { return r == ',' || r == ' ' || r == '\n' || r == '\t' }) {
			switch m[1] {
			case "Verbfile":
				env.Verbs = append(env.Verbs, name)
			case "Actorfile":
				env.Actors = append(env.Actors, name)
			case "Agentfile":
				env.Agents = append(env.Agents, name)
			}
		}
	}
	var recs []PetrarchRecord
	for n, m := range reSentence.FindAllStringSubmatch(s, -1) {
		attrs := attrMap(m[1])
		rec := PetrarchRecord{ID: attrs["id"], Category: attrs["category"], Enabled: !strings.EqualFold(attrs["sentence"], "false")}
		if rec.ID == "" {
			return nil, env, fmt.Errorf("eval: petrarch: record %d has no id", n+1)
		}
		if d := attrs["date"]; d != "" {
			if len(d) != 8 || strings.Trim(d, "0123456789") != "" {
				return nil, env, fmt.Errorf("eval: petrarch: record %s: date %q is not YYYYMMDD", rec.ID, d)
			}
			rec.Date = d[:4] + "-" + d[4:6] + "-" + d[6:]
		}
		t := reText.FindStringSubmatch(m[2])
		if t == nil || strings.TrimSpace(t[1]) == "" {
			return nil, env, fmt.Errorf("eval: petrarch: record %s has no <Text>", rec.ID)
		}
		rec.Text = strings.Join(strings.Fields(html.UnescapeString(t[1])), " ")
		for _, c := range reCoding.FindAllStringSubmatch(m[2], -1) {
			a := attrMap(c[1])
			if _, ok := a["noevents"]; ok {
				rec.NoEvents = true
				continue
			}
			if e, ok := a["error"]; ok {
				// A record PETRARCH rejects ("dateline"): nothing to code.
				rec.Error, rec.NoEvents = e, true
				continue
			}
			tr := PetrarchTriple{a["sourcecode"], a["targetcode"], a["eventcode"]}.norm()
			if tr.Code == "" {
				return nil, env, fmt.Errorf("eval: petrarch: record %s: an EventCoding without eventcode", rec.ID)
			}
			rec.Expected = append(rec.Expected, tr)
		}
		if len(rec.Expected) == 0 {
			rec.NoEvents = true
		}
		recs = append(recs, rec)
	}
	if len(recs) == 0 {
		return nil, env, fmt.Errorf("eval: petrarch: no <Sentence> records")
	}
	return recs, env, nil
}

func attrMap(s string) map[string]string {
	m := map[string]string{}
	for _, a := range reAttr.FindAllStringSubmatch(s, -1) {
		m[strings.ToLower(a[1])] = html.UnescapeString(a[2] + a[3])
	}
	return m
}

// PetrarchReport scores coded events against a validation file.
type PetrarchReport struct {
	Records int `json:"records"`
	// Expected counts expected triples, Found those produced.
	Expected int     `json:"expected"`
	Found    int     `json:"found"`
	Share    float64 `json:"share"`
	// Produced counts distinct triples coded (with both actor codes) in
	// records that expect events; Precision is Found / Produced.
	Produced  int     `json:"produced"`
	Precision float64 `json:"precision"`
	// EnabledShare is Share over records not marked sentence="false".
	EnabledExpected int     `json:"enabled_expected"`
	EnabledFound    int     `json:"enabled_found"`
	EnabledShare    float64 `json:"enabled_share"`
	// NoEventRecords expect nothing; Quiet of them coded nothing.
	NoEventRecords int                `json:"no_event_records"`
	Quiet          int                `json:"quiet"`
	ByCategory     []PetrarchCategory `json:"by_category"`
	Misses         []PetrarchMiss     `json:"misses,omitempty"`
}

// PetrarchCategory is the score of one record category (feature).
type PetrarchCategory struct {
	Category string  `json:"category"`
	Records  int     `json:"records"`
	Expected int     `json:"expected"`
	Found    int     `json:"found"`
	Share    float64 `json:"share"`
}

// PetrarchMiss is a record with an expected triple not produced (or, for
// a record expecting nothing, any triple produced).
type PetrarchMiss struct {
	ID       string           `json:"id"`
	Category string           `json:"category,omitempty"`
	Text     string           `json:"text"`
	Missing  []PetrarchTriple `json:"missing,omitempty"`
	Produced []PetrarchTriple `json:"produced,omitempty"`
}

// ScorePetrarch compares produced triples (by record id) with the
// records' expectations. Only produced triples with an event code count;
// a record's triples are a set.
func ScorePetrarch(recs []PetrarchRecord, produced map[string][]PetrarchTriple) PetrarchReport {
	rep := PetrarchReport{Records: len(recs)}
	cats := map[string]*PetrarchCategory{}
	for _, rec := range recs {
		got := map[PetrarchTriple]bool{}
		var gotList []PetrarchTriple
		for _, t := range produced[rec.ID] {
			t = t.norm()
			if t.Code == "" || got[t] || rec.NoEvents && !t.dyad() {
				continue
			}
			got[t] = true
			gotList = append(gotList, t)
		}
		if rec.NoEvents {
			rep.NoEventRecords++
			if len(gotList) == 0 {
				rep.Quiet++
			} else {
				rep.Misses = append(rep.Misses, PetrarchMiss{ID: rec.ID, Category: rec.Category, Text: rec.Text, Produced: gotList})
			}
			continue
		}
		cat := rec.Category
		if cat == "" {
			cat = "(none)"
		}
		c := cats[cat]
		if c == nil {
			c = &PetrarchCategory{Category: cat}
			cats[cat] = c
		}
		c.Records++
		miss := PetrarchMiss{ID: rec.ID, Category: rec.Category, Text: rec.Text}
		seen := map[PetrarchTriple]bool{}
		for _, e := range rec.Expected {
			if seen[e] {
				continue
			}
			seen[e] = true
			rep.Expected++
			c.Expected++
			if rec.Enabled {
				rep.EnabledExpected++
			}
			if got[e] {
				rep.Found++
				c.Found++
				if rec.Enabled {
					rep.EnabledFound++
				}
			} else {
				miss.Missing = append(miss.Missing, e)
			}
		}
		for _, t := range gotList {
			if t.dyad() {
				rep.Produced++
			}
		}
		if len(miss.Missing) > 0 {
			miss.Produced = gotList
			rep.Misses = append(rep.Misses, miss)
		}
	}
	rep.Share = ratio(rep.Found, rep.Expected)
	rep.EnabledShare = ratio(rep.EnabledFound, rep.EnabledExpected)
	rep.Precision = ratio(rep.Found, rep.Produced)
	for _, c := range cats {
		c.Share = ratio(c.Found, c.Expected)
		rep.ByCategory = append(rep.ByCategory, *c)
	}
	sort.Slice(rep.ByCategory, func(i, j int) bool { return rep.ByCategory[i].Category < rep.ByCategory[j].Category })
	return rep
}
