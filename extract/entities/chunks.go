package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/entente-nlp/entente/pipeline"
)

// chunk is a run of name tokens ws[from:to].
type chunk struct{ from, to int }

// isNameWord reports whether w can be part of a proper-noun chunk: a
// capitalized word (or an Arabic-style "al-Assad") that is not a function
// word, a date word or an adjectival compound such as "US-led".
func isNameWord(w *word) bool {
	if !w.letters || closedTags[w.tag] && !w.cap {
		return false
	}
	if calendarWords[strings.TrimSuffix(w.low, ".")] {
		return false
	}
	if i := strings.LastIndexByte(w.text, '-'); i > 0 {
		head, tail := w.text[:strings.IndexByte(w.text, '-')], w.text[i+1:]
		if nameParticles[strings.ToLower(head)] && startsUpper(tail) {
			return true // al-Assad, bin-Laden
		}
		if !startsUpper(tail) {
			return false // US-led, In-depth, Russia-supported
		}
	}
	if !w.cap {
		return false
	}
	if closedTags[w.tag] && w.tag != "CD" && !(strings.HasPrefix(w.tag, "PRP") && !pronouns[w.low]) {
		// A capitalized determiner or preposition ("The", "In") opens a
		// sentence; it is not a name. Proper nouns mis-tagged as such are
		// rare enough, except as pronouns: "Reeves has written" tags
		// Reeves PRP.
		return false
	}
	return strings.IndexFunc(w.text, func(r rune) bool {
		return !unicode.IsLetter(r) && r != '.' && r != '-' && r != '\'' && r != '’'
	}) < 0
}

// pronouns are the words a PRP or PRP$ tag is right about.
var pronouns = set("i", "me", "my", "mine", "myself", "you", "your", "yours", "yourself", "yourselves",
	"he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself", "we", "us",
	"our", "ours", "ourselves", "they", "them", "their", "theirs", "themselves", "one", "oneself")

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// chunks finds the proper-noun chunks of the body (not headline lines):
// runs of name words, joined across name particles ("Osama bin Laden") and,
// after an organization head, across "of", "for", "on", "and", "the"
// ("Centre for Research on Globalization").
func chunks(ws []word) []chunk {
	var out []chunk
	for i := 0; i < len(ws); {
		if ws[i].headline || !isNameWord(&ws[i]) {
			i++
			continue
		}
		j := extendRun(ws, i+1)
		// Try to extend across connectors.
		for {
			k := j
			particle, orgJoin := true, true
			for k < len(ws) && k-j < 2 && !ws[k].brk && !ws[k].cap && (nameParticles[ws[k].low] || orgConnectors[ws[k].low]) {
				particle = particle && nameParticles[ws[k].low]
				orgJoin = orgJoin && orgConnectors[ws[k].low]
				k++
			}
			if k == j || k >= len(ws) || ws[k].brk || ws[k].headline || !isNameWord(&ws[k]) {
				break
			}
			ok := particle && k-j == 1
			if !ok && orgJoin && (hasOrgHead(ws[i:j]) || miscHeads[ws[j-1].low] && ws[j].low == "of") {
				ok = ws[j].low != "and" || joinedByOf(ws[i:j])
			}
			if !ok {
				break
			}
			// A name followed by a common noun modifies it: "the Council of
			// Economic Advisers in the Carter administration" ends before
			// "in".
			if e := extendRun(ws, k+1); ws[j].low == "in" && e < len(ws) && !ws[e].brk && !ws[e].cap && (ws[e].tag == "NN" || ws[e].tag == "NNS") {
				break
			}
			j = extendRun(ws, k+1)
		}
		out = append(out, chunk{i, j})
		i = j
	}
	return out
}

// extendRun returns the end of the run of name words starting at j. A
// middle initial whose full stop the tokenizer split off stays inside the
// name: "Stephen J. Townsend".
func extendRun(ws []word, j int) int {
	if isSplitInitial(ws, j) {
		j += 2
	}
	for j < len(ws) && !ws[j].brk && !ws[j].headline && isNameWord(&ws[j]) {
		j++
		if isSplitInitial(ws, j) {
			j += 2
		}
	}
	return j
}

// isSplitInitial reports whether ws[j-1] is a one-letter initial, ws[j]
// its full stop split off by the tokenizer, and ws[j+1] the name word that
// follows on the same line ("Stephen J . Townsend", "M . Butcher").
func isSplitInitial(ws []word, j int) bool {
	if j < 1 || j+1 >= len(ws) || ws[j].text != "." || ws[j].Start != ws[j-1].End {
		return false
	}
	if c := ws[j-1].text; len(c) != 1 || c[0] < 'A' || c[0] > 'Z' {
		return false
	}
	n := &ws[j+1]
	return !n.brk && !n.headline && isNameWord(n)
}

func hasOrgHead(ws []word) bool {
	for i := range ws {
		if orgHeads[ws[i].low] {
			return true
		}
	}
	return false
}

func joinedByOf(ws []word) bool {
	for i := range ws {
		if ws[i].low == "of" || ws[i].low == "for" {
			return true
		}
	}
	return false
}

// span returns the text span of ws[from:to].
func span(ws []word, from, to int) pipeline.Span {
	return pipeline.Span{Start: ws[from].Start, End: ws[to-1].End}
}
