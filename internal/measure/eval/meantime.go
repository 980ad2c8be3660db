package eval

// meantime.go reads the NewsReader MEANTIME corpus (English Wikinews
// articles annotated with events, entities, time expressions, temporal
// links and semantic roles; CC BY 4.0) and scores the events stage on it.
//
// What counts as a gold event: an EVENT_MENTION that has a time anchor — a
// TLINK "event IS_INCLUDED/SIMULTANEOUS timex" (or "timex INCLUDES/
// SIMULTANEOUS event") to a DATE TIMEX3 with a calendar value (YYYY,
// YYYY-MM or YYYY-MM-DD) that is not the document creation time — and at
// least one HAS_PARTICIPANT link to an ENTITY_MENTION. Events anchored only
// to the creation time are counted apart: entente never dates an event by
// its publication date.
//
// A gold event is recovered when one predicted event (1) has a trigger
// span overlapping the gold event mention, (2) carries the gold date value
// (exactly; a coarser or finer value on the same day, month or year counts
// as "compatible" and is reported separately) and (3) has a participant
// with a mention overlapping one of the gold participant mentions.

import (
	"encoding/xml"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/entente-nlp/entente/pipeline"
)

// MeantimeDoc is one MEANTIME article: its text rebuilt from the tokens
// (sentences on lines of their own), its creation time and its gold
// events.
type MeantimeDoc struct {
	Path string
	Name string
	Text string
	DCT  string
	// Events are the gold events with a time anchor and participants.
	Events []MeantimeEvent
	// DCTOnly counts events with participants anchored only to the
	// creation time.
	DCTOnly int
}

// MeantimeEvent is a gold event mention.
type MeantimeEvent struct {
	ID      string
	Pred    string
	Trigger pipeline.Span
	Date    string
	// Participants are the spans of the entity mentions linked to it.
	Participants []pipeline.Span
}

type mtXML struct {
	DocName string     `xml:"doc_name,attr"`
	Tokens  []mtToken  `xml:"token"`
	Marks   mtMarkable `xml:"Markables"`
	Rels    mtRels     `xml:"Relations"`
}

type mtToken struct {
	ID       string `xml:"t_id,attr"`
	Sentence int    `xml:"sentence,attr"`
	Text     string `xml:",chardata"`
}

type mtAnchor struct {
	ID string `xml:"t_id,attr"`
}

type mtMention struct {
	ID       string     `xml:"m_id,attr"`
	Pred     string     `xml:"pred,attr"`
	Type     string     `xml:"type,attr"`
	Value    string     `xml:"value,attr"`
	Function string     `xml:"functionInDocument,attr"`
	Anchors  []mtAnchor `xml:"token_anchor"`
}

type mtMarkable struct {
	Entities []mtMention `xml:"ENTITY_MENTION"`
	Events   []mtMention `xml:"EVENT_MENTION"`
	Timexes  []mtMention `xml:"TIMEX3"`
}

type mtEnd struct {
	ID string `xml:"m_id,attr"`
}

type mtLink struct {
	RelType string `xml:"reltype,attr"`
	Source  mtEnd  `xml:"source"`
	Target  mtEnd  `xml:"target"`
}

type mtRels struct {
	TLinks       []mtLink `xml:"TLINK"`
	Participants []mtLink `xml:"HAS_PARTICIPANT"`
}

var calendarValue = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// ReadMeantime reads one MEANTIME XML file.
func ReadMeantime(path string) (*MeantimeDoc, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval: meantime %s: %w", path, err)
	}
	doc, err := ParseMeantime(b, path)
	if err != nil {
		return nil, fmt.Errorf("eval: meantime %s: %w", path, err)
	}
	return doc, nil
}

// ParseMeantime parses a MEANTIME XML document; name labels it.
func ParseMeantime(b []byte, name string) (*MeantimeDoc, error) {
	var x mtXML
	if err := xml.Unmarshal(b, &x); err != nil {
		return nil, fmt.Errorf("not MEANTIME XML: %w", err)
	}
	if len(x.Tokens) == 0 {
		return nil, fmt.Errorf("no tokens")
	}
	doc := &MeantimeDoc{Path: name, Name: x.DocName}
	if doc.Name == "" {
		doc.Name = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	}
	// Rebuild the text: tokens joined by spaces, no space before closing
	// punctuation, sentences separated by blank lines.
	spans := map[string]pipeline.Span{}
	var sb strings.Builder
	prevSent, prev := -1, ""
	for _, t := range x.Tokens {
		text := strings.TrimSpace(t.Text)
		switch {
		case prevSent < 0:
		case t.Sentence != prevSent:
			sb.WriteString("\n\n")
		case noSpaceBefore(text) || prev == "(" || prev == "$" || prev == "``" || prev == "“":
		default:
			sb.WriteByte(' ')
		}
		start := sb.Len()
		sb.WriteString(text)
		spans[t.ID] = pipeline.Span{Start: start, End: sb.Len()}
		prevSent, prev = t.Sentence, text
	}
	doc.Text = sb.String()
	cover := func(m mtMention) (pipeline.Span, bool) {
		var s pipeline.Span
		ok := false
		for _, a := range m.Anchors {
			sp, found := spans[a.ID]
			if !found {
				continue
			}
			if !ok {
				s, ok = sp, true
				continue
			}
			s.Start, s.End = min(s.Start, sp.Start), max(s.End, sp.End)
		}
		return s, ok
	}
	timex := map[string]mtMention{}
	for _, t := range x.Marks.Timexes {
		timex[t.ID] = t
		if t.Function == "CREATION_TIME" {
			doc.DCT = t.Value
		}
	}
	entity := map[string]pipeline.Span{}
	for _, e := range x.Marks.Entities {
		if s, ok := cover(e); ok {
			entity[e.ID] = s
		}
	}
	parts := map[string][]pipeline.Span{}
	for _, p := range x.Rels.Participants {
		if s, ok := entity[p.Target.ID]; ok {
			parts[p.Source.ID] = append(parts[p.Source.ID], s)
		}
	}
	anchor := map[string]string{} // event -> date value
	dctAnchored := map[string]bool{}
	for _, l := range x.Rels.TLinks {
		ev, tx := l.Source.ID, l.Target.ID
		ok := l.RelType == "IS_INCLUDED" || l.RelType == "SIMULTANEOUS"
		if _, isT := timex[ev]; isT {
			ev, tx = tx, ev
			ok = l.RelType == "INCLUDES" || l.RelType == "SIMULTANEOUS"
		}
		t, isT := timex[tx]
		if !ok || !isT || t.Type != "DATE" || !calendarValue.MatchString(t.Value) {
			continue
		}
		if t.Function == "CREATION_TIME" {
			dctAnchored[ev] = true
			continue
		}
		if prev, seen := anchor[ev]; !seen || len(t.Value) > len(prev) {
			anchor[ev] = t.Value
		}
	}
	for _, e := range x.Marks.Events {
		s, ok := cover(e)
		if !ok || len(parts[e.ID]) == 0 {
			continue
		}
		date, anchored := anchor[e.ID]
		if !anchored {
			if dctAnchored[e.ID] {
				doc.DCTOnly++
			}
			continue
		}
		pred := e.Pred
		if pred == "" { // some mentions carry no pred attribute: name them by their words
			pred = doc.Text[s.Start:s.End]
		}
		doc.Events = append(doc.Events, MeantimeEvent{ID: e.ID, Pred: pred, Trigger: s, Date: date, Participants: parts[e.ID]})
	}
	sort.Slice(doc.Events, func(i, j int) bool { return doc.Events[i].Trigger.Start < doc.Events[j].Trigger.Start })
	return doc, nil
}

func noSpaceBefore(t string) bool {
	switch t {
	case ",", ".", ";", ":", "!", "?", ")", "%", "'s", "’s", "n't", "'", "''", "”":
		return true
	}
	return false
}

// ReadMeantimeDir reads every .xml file under dir. Files that cannot be
// read or parsed are returned as errors next to the documents that could;
// a directory without any MEANTIME file is an error.
func ReadMeantimeDir(dir string) ([]*MeantimeDoc, []error, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, de fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !de.IsDir() && strings.EqualFold(filepath.Ext(p), ".xml") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("eval: meantime %s: %w", dir, err)
	}
	if len(paths) == 0 {
		return nil, nil, fmt.Errorf("eval: meantime %s: no .xml files", dir)
	}
	sort.Strings(paths)
	var docs []*MeantimeDoc
	var errs []error
	for _, p := range paths {
		d, err := ReadMeantime(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		docs = append(docs, d)
	}
	return docs, errs, nil
}

// Document returns the pipeline input for the article: plain text dated
// by its creation time.
func (m *MeantimeDoc) Document(seq int) *pipeline.Document {
	return &pipeline.Document{
		Seq: seq, ID: m.Name, Source: m.Path, Format: "text", Original: []byte(m.Text),
		Published: m.DCT, PublishedFrom: "flag",
	}
}

// MeantimeReport is the result of scoring events on MEANTIME.
type MeantimeReport struct {
	Documents int `json:"documents"`
	// Gold counts gold events with a (non-creation-time) date anchor and
	// participants; DCTOnly those anchored only to the creation time.
	Gold    int `json:"gold"`
	DCTOnly int `json:"dct_only"`
	// Recovered: trigger overlap, exact date value, a shared participant.
	Recovered int     `json:"recovered"`
	Recall    float64 `json:"recall"`
	// Compatible relaxes the date to a coarser or finer value of it.
	Compatible       int     `json:"compatible"`
	CompatibleRecall float64 `json:"compatible_recall"`
	// Predicted events, and how many overlap any gold event mention
	// (anchored or not is not known here: every EVENT_MENTION counts).
	Predicted int `json:"predicted"`
	// Misses by first failing condition.
	Misses MeantimeMisses `json:"misses"`
	// MissedTriggers lists the most frequent predicates with no predicted
	// event, "pred ×n".
	MissedTriggers []string `json:"missed_triggers"`
	// WrongDates lists examples of wrong dates, "pred: got X want Y".
	WrongDates []string `json:"wrong_dates,omitempty"`
}

// MeantimeMisses counts misses by cause.
type MeantimeMisses struct {
	// NoTrigger: no predicted event's trigger overlaps the gold mention.
	NoTrigger int `json:"no_trigger"`
	// NoDate: an event is there, without a date.
	NoDate int `json:"no_date"`
	// WrongDate: an event is there with another date.
	WrongDate int `json:"wrong_date"`
	// NoParticipant: trigger and date match, no participant is shared.
	NoParticipant int `json:"no_participant"`
}

// ScoreMeantime scores the finished documents (by MeantimeDoc.Name, as
// Document sets the ID) against the gold events.
func ScoreMeantime(docs []*MeantimeDoc, done map[string]*pipeline.Document) *MeantimeReport {
	r := &MeantimeReport{}
	missedPred := map[string]int{}
	for _, m := range docs {
		r.Documents++
		r.DCTOnly += m.DCTOnly
		d := done[m.Name]
		if d != nil {
			r.Predicted += len(d.Events)
		}
		for _, g := range m.Events {
			r.Gold++
			cause, got := matchMeantime(g, d)
			switch cause {
			case "":
				r.Recovered++
				r.Compatible++
				continue
			case "no_trigger":
				r.Misses.NoTrigger++
				missedPred[strings.ToLower(g.Pred)]++
			case "no_date":
				r.Misses.NoDate++
			case "wrong_date":
				r.Misses.WrongDate++
				if len(r.WrongDates) < 10 {
					r.WrongDates = append(r.WrongDates, fmt.Sprintf("%s %q: got %s want %s", m.Name, g.Pred, got, g.Date))
				}
			case "no_participant":
				r.Misses.NoParticipant++
			}
			if cause == "compatible" {
				r.Compatible++
			}
		}
	}
	r.Recall = round(ratio(r.Recovered, r.Gold))
	r.CompatibleRecall = round(ratio(r.Compatible, r.Gold))
	type pc struct {
		p string
		n int
	}
	var ps []pc
	for p, n := range missedPred {
		ps = append(ps, pc{p, n})
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].n > ps[j].n || ps[i].n == ps[j].n && ps[i].p < ps[j].p })
	for i := 0; i < len(ps) && i < 15; i++ {
		r.MissedTriggers = append(r.MissedTriggers, fmt.Sprintf("%s ×%d", ps[i].p, ps[i].n))
	}
	return r
}

// matchMeantime returns "" when some event recovers g, else the first
// failing condition of the best candidate ("no_trigger", "no_date",
// "wrong_date" with the predicted date, "no_participant"), or "compatible"
// when only a coarser or finer date matched.
func matchMeantime(g MeantimeEvent, d *pipeline.Document) (cause, got string) {
	if d == nil {
		return "no_trigger", ""
	}
	best := "no_trigger"
	rank := map[string]int{"no_trigger": 0, "no_date": 1, "wrong_date": 2, "no_participant": 3, "compatible": 4}
	for _, e := range d.Events {
		if !triggerOverlaps(d, e, g.Trigger) {
			continue
		}
		c := ""
		switch {
		case e.Date == "":
			c = "no_date"
		case e.Date != g.Date && !(strings.HasPrefix(e.Date, g.Date) || strings.HasPrefix(g.Date, e.Date)):
			c = "wrong_date"
		case !sharesParticipant(d, e, g.Participants):
			c = "no_participant"
		case e.Date != g.Date:
			c = "compatible"
		default:
			return "", ""
		}
		if rank[c] > rank[best] {
			best = c
			if c == "wrong_date" {
				got = e.Date
			}
		}
	}
	return best, got
}

// triggerOverlaps compares in Original offsets (gold spans index the
// rebuilt text given as input; the clean stage may shift Text).
func triggerOverlaps(d *pipeline.Document, e pipeline.Event, s pipeline.Span) bool {
	if d.Offsets.SpanToOriginal(e.Trigger).Overlaps(s) {
		return true
	}
	for _, t := range e.Triggers {
		if d.Offsets.SpanToOriginal(t).Overlaps(s) {
			return true
		}
	}
	return false
}

func sharesParticipant(d *pipeline.Document, e pipeline.Event, gold []pipeline.Span) bool {
	ids := map[string]bool{}
	for _, p := range e.Participants {
		ids[p.Entity] = true
	}
	for _, m := range d.Mentions {
		if !ids[m.EntityID] {
			continue
		}
		o := d.Offsets.SpanToOriginal(m.Span)
		for _, g := range gold {
			if o.Overlaps(g) {
				return true
			}
		}
	}
	// A pronoun or description the coref stage resolved ("it", "the
	// airline") is a mention of its entity too.
	for _, c := range d.Coreferences {
		if !ids[c.Entity] {
			continue
		}
		o := d.Offsets.SpanToOriginal(c.Span)
		for _, g := range gold {
			if o.Overlaps(g) {
				return true
			}
		}
	}
	return false
}
