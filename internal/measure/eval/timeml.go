package eval

import (
	"encoding/xml"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/entente-nlp/entente/pipeline"
)

// TimexDoc is one TimeML document (TempEval-3 .tml): the text of its TEXT
// element with the markup removed, its document creation time, and its
// TIMEX3 annotations as spans into that text.
type TimexDoc struct {
	// Name is the file the document came from.
	Name string
	// DCT is the creation time's value (YYYY-MM-DD...), empty when absent.
	DCT     string
	Text    string
	Timexes []Timex
}

// Timex is one TIMEX3 annotation inside TEXT.
type Timex struct {
	pipeline.Span
	TID   string
	Type  string // DATE, TIME, DURATION, SET
	Value string
	// CreationTime marks a TIMEX3 with functionInDocument=CREATION_TIME.
	CreationTime bool
}

// DCTDate parses the creation time's calendar date.
func (d *TimexDoc) DCTDate() (time.Time, bool) {
	if len(d.DCT) < 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", d.DCT[:10])
	return t, err == nil
}

// ReadTimeML reads one TimeML document from r; name is used in messages.
func ReadTimeML(r io.Reader, name string) (*TimexDoc, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	doc := &TimexDoc{Name: name}
	var text strings.Builder
	var open []Timex // TIMEX3 elements open inside TEXT
	inText, inDCT, sawText := false, false, false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("eval: timeml %s: %w", name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "TEXT":
				inText, sawText = true, true
			case "DCT":
				inDCT = true
			case "TIMEX3":
				x := Timex{Span: pipeline.Span{Start: text.Len()}}
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "tid":
						x.TID = a.Value
					case "type":
						x.Type = a.Value
					case "value":
						x.Value = a.Value
					case "functionInDocument":
						x.CreationTime = a.Value == "CREATION_TIME"
					}
				}
				if (inDCT || x.CreationTime) && doc.DCT == "" {
					doc.DCT = x.Value
				}
				if inText {
					open = append(open, x)
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "TEXT":
				inText = false
			case "DCT":
				inDCT = false
			case "TIMEX3":
				if inText && len(open) > 0 {
					x := open[len(open)-1]
					open = open[:len(open)-1]
					x.End = text.Len()
					doc.Timexes = append(doc.Timexes, x)
				}
			}
		case xml.CharData:
			if inText {
				text.Write(t)
			}
		}
	}
	if !sawText {
		return nil, fmt.Errorf("eval: timeml %s: no TEXT element", name)
	}
	doc.Text = text.String()
	sort.SliceStable(doc.Timexes, func(i, j int) bool { return doc.Timexes[i].Start < doc.Timexes[j].Start })
	return doc, nil
}

// ReadTimeMLDir reads every .tml file under dir, in path order. A file that
// cannot be read or parsed is reported in errs and skipped; err is set only
// when dir itself is unusable or holds no .tml file.
func ReadTimeMLDir(dir string) (docs []*TimexDoc, errs []error, err error) {
	var paths []string
	walkErr := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() && strings.HasSuffix(p, ".tml") {
			paths = append(paths, p)
		}
		return nil
	})
	if walkErr != nil {
		return nil, nil, fmt.Errorf("eval: timeml directory %s: %w", dir, walkErr)
	}
	if len(paths) == 0 {
		return nil, nil, fmt.Errorf("eval: timeml directory %s: no .tml files", dir)
	}
	sort.Strings(paths)
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			errs = append(errs, fmt.Errorf("eval: timeml %s: %w", p, err))
			continue
		}
		d, err := ReadTimeML(f, p)
		f.Close()
		if err != nil {
			errs = append(errs, err)
			continue
		}
		docs = append(docs, d)
	}
	return docs, errs, nil
}

// TimexFinder finds temporal expressions in text, resolving them against
// dct when known is true (the dates stage's Finder.Find has this shape).
type TimexFinder func(text string, dct time.Time, known bool) []pipeline.TimeExpr

// TimexError is one disagreement kept for inspection.
type TimexError struct {
	Doc string
	DCT string
	// Kind is "missed" (gold not found), "spurious" (prediction matching no
	// timex), "value" (found with a different value) or "span" (found with
	// other boundaries: a strict miss).
	Kind      string
	Text      string
	Gold      string
	Predicted string
}

// TimeMLScore is the result of scoring a finder on TimeML documents for
// TIMEX3 type DATE.
//
// Gold expressions are the DATE timexes inside TEXT, except the creation
// time itself. A prediction matches (relaxed) a gold expression when their
// spans overlap, one to one in text order; strict matches need identical
// spans. A prediction that overlaps no DATE timex but overlaps a timex of
// another type (TIME, DURATION, SET) is set aside in Ignored, neither right
// nor wrong, since only DATE is scored. Values are compared on relaxed
// matches; a predicted range may match two gold expressions, its start
// against the first and its end against the second ("between 1994 and
// 1997" is two TIMEX3s), and ISO week numbers compare with or without a
// leading zero.
type TimeMLScore struct {
	Docs int
	// Skipped counts documents without a usable creation time.
	Skipped int
	Gold    int
	Pred    int
	Ignored int
	Relaxed Counts
	Strict  Counts
	// ValueCorrect counts relaxed matches whose value equals the gold one.
	ValueCorrect int
	Errors       []TimexError
	Elapsed      time.Duration
	Bytes        int
}

// ValueAccuracy is ValueCorrect over relaxed matches (TempEval-3's value
// accuracy).
func (s *TimeMLScore) ValueAccuracy() float64 { return ratio(s.ValueCorrect, s.Relaxed.TP) }

// ValueRecall is ValueCorrect over all gold expressions: found with the
// right value.
func (s *TimeMLScore) ValueRecall() float64 { return ratio(s.ValueCorrect, s.Gold) }

// ScoreTimeML runs find on each document's text with its creation time and
// scores the predictions.
func ScoreTimeML(docs []*TimexDoc, find TimexFinder) *TimeMLScore {
	s := &TimeMLScore{}
	start := time.Now()
	for _, d := range docs {
		dct, ok := d.DCTDate()
		if !ok {
			s.Skipped++
			continue
		}
		s.Docs++
		s.Bytes += len(d.Text)
		s.add(d, find(d.Text, dct, true))
	}
	s.Elapsed = time.Since(start)
	return s
}

func (s *TimeMLScore) add(d *TimexDoc, preds []pipeline.TimeExpr) {
	var gold, other []Timex
	for _, x := range d.Timexes {
		switch {
		case x.CreationTime:
		case x.Type == "DATE":
			gold = append(gold, x)
		default:
			other = append(other, x)
		}
	}
	s.Gold += len(gold)
	used := make([]bool, len(gold))
	for _, p := range preds {
		gi := -1
		for i, g := range gold {
			if !used[i] && g.Overlaps(p.Span) {
				gi = i
				break
			}
		}
		if gi < 0 {
			if overlapsAny(other, p.Span) {
				s.Ignored++
				continue
			}
			s.Pred++
			s.Relaxed.FP++
			s.Strict.FP++
			s.Errors = append(s.Errors, TimexError{Doc: d.Name, DCT: d.DCT, Kind: "spurious", Text: d.Text[p.Start:p.End], Predicted: p.Value})
			continue
		}
		s.Pred++
		start, end, isRange := strings.Cut(p.Value, "/")
		s.matched(d, gold, used, gi, p, start)
		// A range ("between 1994 and 1997") may also match the gold
		// expression of its other end.
		if isRange {
			for i, g := range gold {
				if !used[i] && g.Overlaps(p.Span) {
					s.matched(d, gold, used, i, p, end)
					break
				}
			}
		}
	}
	for i, g := range gold {
		if !used[i] {
			s.Relaxed.FN++
			s.Strict.FN++
			s.Errors = append(s.Errors, TimexError{Doc: d.Name, DCT: d.DCT, Kind: "missed", Text: d.Text[g.Start:g.End], Gold: g.Value})
		}
	}
}

// matched records prediction p (with value v) as the relaxed match of
// gold[gi].
func (s *TimeMLScore) matched(d *TimexDoc, gold []Timex, used []bool, gi int, p pipeline.TimeExpr, v string) {
	used[gi] = true
	g := gold[gi]
	s.Relaxed.TP++
	if g.Span == p.Span {
		s.Strict.TP++
	} else {
		s.Strict.FP++
		s.Strict.FN++
		s.Errors = append(s.Errors, TimexError{Doc: d.Name, DCT: d.DCT, Kind: "span", Text: d.Text[g.Start:g.End] + " | " + d.Text[p.Start:p.End], Gold: g.Value, Predicted: v})
	}
	if valueMatch(v, g.Value) {
		s.ValueCorrect++
		return
	}
	s.Errors = append(s.Errors, TimexError{Doc: d.Name, DCT: d.DCT, Kind: "value", Text: d.Text[g.Start:g.End] + " | " + d.Text[p.Start:p.End], Gold: g.Value, Predicted: v})
}

func overlapsAny(xs []Timex, s pipeline.Span) bool {
	for _, x := range xs {
		if x.Overlaps(s) {
			return true
		}
	}
	return false
}

// valueMatch compares a predicted value with a gold TIMEX3 value.
func valueMatch(pred, gold string) bool {
	if pred == "" {
		return false
	}
	return normWeek(pred) == normWeek(gold)
}

// normWeek pads a one-digit ISO week ("2000-W8" → "2000-W08").
func normWeek(v string) string {
	i := strings.Index(v, "-W")
	if i < 0 || i+3 > len(v) {
		return v
	}
	if i+3 == len(v) || v[i+3] < '0' || v[i+3] > '9' {
		return v[:i+2] + "0" + v[i+2:]
	}
	return v
}

// WriteTable writes the scores as an aligned table.
func (s *TimeMLScore) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "TimeML DATE\tdocs %d (skipped %d)\tgold %d\tpredicted %d\tignored %d\n", s.Docs, s.Skipped, s.Gold, s.Pred, s.Ignored)
	fmt.Fprintf(tw, "match\tprecision\trecall\tF1\t\n")
	fmt.Fprintf(tw, "relaxed\t%.3f\t%.3f\t%.3f\t\n", s.Relaxed.Precision(), s.Relaxed.Recall(), s.Relaxed.F1())
	fmt.Fprintf(tw, "strict\t%.3f\t%.3f\t%.3f\t\n", s.Strict.Precision(), s.Strict.Recall(), s.Strict.F1())
	fmt.Fprintf(tw, "value accuracy\t%.3f\t(%d of %d matched)\t\t\n", s.ValueAccuracy(), s.ValueCorrect, s.Relaxed.TP)
	fmt.Fprintf(tw, "value recall\t%.3f\t(%d of %d gold)\t\t\n", s.ValueRecall(), s.ValueCorrect, s.Gold)
	if s.Elapsed > 0 {
		fmt.Fprintf(tw, "speed\t%.1f MB/s\t(%d bytes in %s)\t\t\n", float64(s.Bytes)/s.Elapsed.Seconds()/1e6, s.Bytes, s.Elapsed.Round(time.Millisecond))
	}
	return tw.Flush()
}

// WriteErrors writes up to n kept disagreements of the given kind (all
// kinds when kind is empty), one a line.
func (s *TimeMLScore) WriteErrors(w io.Writer, kind string, n int) error {
	for _, e := range s.Errors {
		if n <= 0 {
			break
		}
		if kind != "" && e.Kind != kind {
			continue
		}
		n--
		if _, err := fmt.Fprintf(w, "%s\t%s\t%s\t%q\tgold=%s\tpred=%s\n", e.Kind, filepath.Base(e.Doc), e.DCT, e.Text, e.Gold, e.Predicted); err != nil {
			return err
		}
	}
	return nil
}
