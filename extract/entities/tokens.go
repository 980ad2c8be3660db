package entities

import (
	"strings"

	"github.com/entente-nlp/entente/internal/textnorm"
	"github.com/entente-nlp/entente/pipeline"
)

// word is a token of the document with the shape facts the rules use.
type word struct {
	pipeline.Span
	text, low string
	// fold is textnorm.Fold(text).
	fold string
	// flags are the token's case and character classes.
	flags pipeline.WordFlags
	tag   string
	label string
	// cap: starts with an upper-case letter; upper: all letters upper case.
	cap, upper bool
	letters    bool
	// brk: a line break or a character other than a space separates this
	// token from the previous one.
	brk bool
	// sentStart: first token of a sentence or of a line.
	sentStart bool
	// headline: the token lies on a headline or all-caps line; capsLine:
	// on an all-caps line.
	headline, capsLine bool
	// table: the token lies on a line of results, scores or a list (see
	// isTableLine), which is never a headline.
	table bool
}

// closedTags are part-of-speech tags that never start or continue a name.
var closedTags = set("DT", "IN", "CC", "PRP", "PRP$", "WP", "WP$", "WDT", "WRB", "EX", "MD", "TO",
	"POS", "CD", "UH", "SYM", "PDT", "RP", ",", ".", ":", "(", ")", "``", "''", "#", "$")

// functionWords do not count when deciding whether a line is title case.
var functionWords = set("of", "the", "and", "to", "in", "on", "for", "a", "an", "by", "at", "with",
	"from", "or", "as", "is", "are", "&", "vs", "vs.", "s", "'s")

// words converts the document's tokens, marking line breaks, sentence
// starts and headline lines.
func words(d *pipeline.Document) []word {
	d.AnalyzeTokens() // a no-op after the nlp stage
	ws := make([]word, len(d.Tokens))
	sent := 0
	prevEnd := 0
	for i, t := range d.Tokens {
		w := &ws[i]
		w.Span = t.Span
		w.text = d.Slice(t.Span)
		w.low = t.Lower
		w.fold = t.Fold
		w.tag = t.Tag
		w.label = t.Label
		w.cap = t.Flags.Has(pipeline.Capitalized)
		w.upper = t.Flags.Has(pipeline.AllCaps)
		w.letters = t.Flags.Has(pipeline.HasLetter)
		w.flags = t.Flags
		if i == 0 {
			w.brk, w.sentStart = true, true
		} else {
			gap := ""
			if prevEnd <= t.Start && t.Start <= len(d.Text) {
				gap = d.Text[prevEnd:t.Start]
			}
			w.brk = strings.Trim(gap, " \t") != ""
			w.sentStart = strings.Contains(gap, "\n")
		}
		for sent < len(d.Sentences) && d.Sentences[sent].End <= t.Start {
			sent++
		}
		if sent < len(d.Sentences) && d.Sentences[sent].Start >= prevEnd && d.Sentences[sent].Start <= t.Start {
			w.sentStart = true
		}
		prevEnd = t.End
	}
	markHeadlines(d, ws)
	return ws
}

// markHeadlines flags the tokens of headline-like lines: the title and
// headings (Document.Blocks), lines whose letters are all upper case, and
// short lines in title case without a closing full stop. Their capitals say nothing about names.
func markHeadlines(d *pipeline.Document, ws []word) {
	title := textnorm.Fold(d.Title)
	for i := 0; i < len(ws); {
		j := i + 1
		for j < len(ws) && !strings.Contains(gapBefore(d, ws, j), "\n") {
			j++
		}
		if isTableLine(ws[i:j]) {
			for k := i; k < j; k++ {
				ws[k].table = true
			}
		} else if h, caps := isHeadline(d, ws[i:j], title); h {
			for k := i; k < j; k++ {
				ws[k].headline, ws[k].capsLine = true, caps
			}
		}
		i = j
	}
}

func gapBefore(d *pipeline.Document, ws []word, j int) string {
	if j == 0 {
		return ""
	}
	a, b := ws[j-1].End, ws[j].Start
	if a > b || b > len(d.Text) {
		return ""
	}
	return d.Text[a:b]
}

// isTableLine reports whether a line is a row of results or scores, or a
// list, rather than a headline, whatever its capitals: it has two numbers
// or more, a bracket, or three commas or more ("NEW JERSEY 4 Ottawa 2",
// "Surrey 429-7 ( C. Lewis 80 , M. Butcher 70 )").
func isTableLine(line []word) bool {
	numbers, commas := 0, 0
	for _, w := range line {
		switch w.text {
		case "(", ")", "[", "]":
			return true
		case ",":
			commas++
		}
		if w.flags.Has(pipeline.HasDigit) {
			numbers++
		}
	}
	return numbers >= 2 || commas >= 3
}

func isHeadline(d *pipeline.Document, line []word, title string) (headline, caps bool) {
	if len(line) == 0 {
		return false, false
	}
	// The clean stage says which blocks are the title and headings; a
	// line that repeats the title is one too (plain text, where the title
	// line may open a paragraph, and documents without blocks).
	block := false
	if b := d.BlockAt(line[0].Start); b >= 0 {
		k := d.Blocks[b].Kind
		block = k == pipeline.BlockTitle || k == pipeline.BlockHeading
	}
	if !block && title != "" {
		text := d.Text[line[0].Start:line[len(line)-1].End]
		if strings.TrimRight(textnorm.Fold(text), ". ") == strings.TrimRight(title, ". ") {
			return true, false
		}
	}
	lettered, upper, content, capped := 0, 0, 0, 0
	for _, w := range line {
		if !w.letters {
			continue
		}
		lettered++
		if w.upper {
			upper++
		}
		if functionWords[w.low] {
			continue
		}
		content++
		if w.cap {
			capped++
		}
	}
	if lettered >= 2 && upper*5 >= lettered*4 {
		return true, true
	}
	if block {
		return true, false
	}
	if len(line) > 24 || content < 4 {
		return false, false
	}
	// A line ending like a sentence must be almost all capitals (the clean
	// stage closes headings with an inserted full stop).
	if last := line[len(line)-1].text; last == "." || last == "!" || last == "?" {
		return capped*10 >= content*9, false
	}
	return capped*4 >= content*3, false
}
