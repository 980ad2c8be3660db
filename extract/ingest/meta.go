package ingest

import (
	"regexp"
	"slices"

	"github.com/entente-nlp/entente/internal/metadate"
	"strings"
	"unicode"
	"unicode/utf8"
)

// found is the metadata read from a document.
type found struct {
	title, titleFrom string
	authors          []string
	published        string
	publishedFrom    string // meta or dateline
	url              string
	meta             map[string]string
}

func (f *found) set(k, v string) {
	v = strings.TrimSpace(v)
	if v == "" {
		return
	}
	if f.meta == nil {
		f.meta = map[string]string{}
	}
	if _, ok := f.meta[k]; !ok {
		f.meta[k] = v
	}
}

var (
	reMdImage   = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	reMdLink    = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\[[^\]]*\]`)
	reMdMarks   = regexp.MustCompile("(^|[\\s(])[*_`~]+|[*_`~]+($|[\\s).,;:!?])")
	reMdHeading = regexp.MustCompile(`^\s{0,3}(#{1,6})\s+(.*?)(\s+#+)?\s*$`)
	reTag       = regexp.MustCompile(`<[^>]{1,200}>`)
	reByline    = regexp.MustCompile(`^(?:(?i)by|written by|author:|authors:)\s+(.{2,120})$`)
	reNameSplit = regexp.MustCompile(`\s*(?:,|;|(?i:\band\b)|&|\|)\s*`)
	reCopyYear  = regexp.MustCompile(`(?i)(?:copyright|©|\(c\))\s*(?:©\s*)?((?:19|20)\d\d)\b`)
	reURLYear   = regexp.MustCompile(`/((?:19|20)\d\d)/(\d{1,2})/`)
)

// stripMarkdown removes inline Markdown markup for metadata scanning.
func stripMarkdown(s string) string {
	if !strings.ContainsAny(s, "[<*_`~>") {
		return strings.Join(strings.Fields(s), " ")
	}
	s = reMdImage.ReplaceAllString(s, "")
	s = reMdLink.ReplaceAllString(s, "$1$2")
	s = reTag.ReplaceAllString(s, "")
	s = reMdMarks.ReplaceAllString(s, "$1$2")
	s = strings.TrimLeft(s, "> ")
	return strings.Join(strings.Fields(s), " ")
}

// scanParagraphs reads byline and dateline from the first paragraphs of
// clean(ish) text.
func (f *found) scanParagraphs(paras []string, whole string) {
	for _, p := range paras {
		if len(f.authors) == 0 {
			if m := reByline.FindStringSubmatch(p); m != nil {
				f.authors = names(m[1])
			}
		}
		if f.published != "" {
			continue
		}
		if m := reWirePlace.FindStringSubmatch(p); m != nil {
			f.set("dateline", strings.TrimSpace(strings.TrimRight(m[0], "-–— ")))
			f.set("dateline_place", m[1])
			f.set("agency", m[2])
			continue
		}
		if m := reWire.FindStringSubmatch(p); m != nil {
			f.set("dateline", strings.TrimSpace(strings.TrimRight(m[0], "-–— ")))
			f.set("dateline_place", m[1])
			f.set("agency", m[5])
			mo, day := metadate.MonthNumber(m[2]), atoi(m[3])
			year := atoi(m[4])
			if year == 0 {
				year = inferYear(whole, f.url)
			}
			if x, ok := metadate.Make(year, mo, day); ok {
				f.published, f.publishedFrom = x.String(), "dateline"
			}
			continue
		}
		if utf8.RuneCountInString(p) > 100 || strings.HasPrefix(strings.ToLower(p), "updated") || strings.HasPrefix(strings.ToLower(p), "modified") {
			continue
		}
		if p == f.title {
			continue // "Remembering September 11, 2001" is a title, not a dateline
		}
		if x, _, ok := metadate.Find(p); ok && !readsAsProse(p) {
			f.published, f.publishedFrom = x.String(), "dateline"
			f.set("dateline", p)
		}
	}
}

// head returns at most the first n bytes of s, cut at a line end.
func head(s string, n int) string {
	if len(s) <= n {
		return s
	}
	if i := strings.LastIndexByte(s[:n], '\n'); i > 0 {
		return s[:i]
	}
	return s[:n]
}

// datelineWords are the lower-case words a dateline may hold.
var datelineWords = map[string]bool{"on": true, "at": true, "by": true, "of": true, "the": true, "published": true,
	"posted": true, "am": true, "pm": true, "a.m.": true, "p.m.": true, "in": true, "first": true, "last": true, "and": true}

// readsAsProse reports whether a short paragraph holding a date is a
// sentence ("On December 20, 2016 the ministers met.") rather than a
// dateline ("Global Research, December 22, 2016"): it has two or more
// lower-case words that datelines do not use.
func readsAsProse(p string) bool {
	n := 0
	for _, w := range strings.Fields(p) {
		w = strings.Trim(w, ",.;:()[]|")
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) && !datelineWords[w] && metadate.MonthNumber(w) == 0 {
			n++
		}
	}
	return n >= 2
}

// inferYear finds the year of a dateline that gives none: from the URL
// path (/2016/12/) or a copyright line; 0 if neither.
func inferYear(text, url string) int {
	if m := reURLYear.FindStringSubmatch(url); m != nil {
		return atoi(m[1])
	}
	if len(text) > 128<<10 {
		text = text[:64<<10] + "\n" + text[len(text)-64<<10:]
	}
	if m := reCopyYear.FindStringSubmatch(text); m != nil {
		return atoi(m[1])
	}
	return 0
}

// names splits a byline into person names, keeping those that look like
// names (one to five capitalized words).
// Handles (@jdoe), organisations ("Associated Press", "BBC News") and
// desks are left out; an all-capitals name ("By JOHN DOE", NYT's byl) is
// given its capitals.
func names(s string) []string {
	s = strings.TrimSpace(s)
	var out []string
	for _, part := range reNameSplit.Split(s, -1) {
		part = strings.Trim(part, " .")
		if low := strings.ToLower(part); strings.HasPrefix(low, "by ") {
			part = strings.TrimSpace(part[3:])
		}
		if strings.HasPrefix(part, "@") {
			continue
		}
		if isUpperText(part) {
			part = titleCase(part)
		}
		if looksLikeName(part) && !slices.Contains(out, part) {
			out = append(out, part)
		}
	}
	return out
}

// isUpperText reports whether s has letters and none in lower case.
func isUpperText(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		letters = letters || unicode.IsLetter(r)
	}
	return letters
}

// titleCase gives each word of an all-capitals name one capital: "JOHN
// O'NEIL-SMITH" → "John O'Neil-Smith".
func titleCase(s string) string {
	rs := []rune(strings.ToLower(s))
	start := true
	for i, r := range rs {
		if start && unicode.IsLetter(r) {
			rs[i] = unicode.ToUpper(r)
		}
		start = r == ' ' || r == '-' || r == '\'' || r == '’'
	}
	return string(rs)
}

var particles = map[string]bool{"al": true, "bin": true, "ibn": true, "de": true, "van": true, "von": true, "der": true, "da": true, "la": true, "le": true, "el": true, "di": true, "du": true}

// notNames are byline words that name a desk, an agency or a publisher,
// not a person.
var notNames = map[string]bool{"staff": true, "reporter": true, "reporters": true, "correspondent": true,
	"editor": true, "editors": true, "desk": true, "team": true, "agencies": true, "agency": true, "wire": true,
	"news": true, "press": true, "associated": true, "media": true, "group": true, "newsroom": true,
	"times": true, "post": true, "daily": true, "online": true, "service": true, "inc": true, "inc.": true,
	"ltd": true, "ltd.": true, "network": true, "magazine": true, "journal": true, "digital": true,
	"bureau": true, "editorial": true, "channel": true, "tv": true, "radio": true, "herald": true,
	"tribune": true, "gazette": true, "guardian": true, "telegraph": true, "company": true, "corporation": true,
	"contributor": true, "contributors": true, "writer": true, "writers": true, "admin": true, "wires": true,
	"foundation": true, "institute": true, "university": true, "committee": true, "office": true}

// looksLikeName accepts two to five capitalized words (particles such as
// al-, bin, van allowed): "Andrei Akulov", "Bashar al-Assad". A single word
// ("Reuters") or a desk ("Reuters Staff") is not an author's name.
func looksLikeName(s string) bool {
	w := strings.Fields(s)
	if len(w) < 2 || len(w) > 5 || len(s) > 60 {
		return false
	}
	for _, x := range w {
		if notNames[strings.ToLower(x)] {
			return false
		}
	}
	for i, x := range w {
		r, _ := utf8.DecodeRuneInString(x)
		if particles[strings.ToLower(strings.TrimRight(x, "-"))] && i > 0 {
			continue
		}
		if !unicode.IsUpper(r) {
			return false
		}
		for _, c := range x {
			if !unicode.IsLetter(c) && !strings.ContainsRune(".'’-", c) {
				return false
			}
		}
	}
	return true
}

// firstLineTitle returns the first non-empty line of text when it is
// short enough to be a title and does not read as a sentence.
func firstLineTitle(text string) string {
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if utf8.RuneCountInString(line) > 150 || strings.HasSuffix(line, ".") && strings.Count(line, " ") > 12 {
			return ""
		}
		return line
	}
	return ""
}

// readMarkdown reads front matter, the first "# " heading, a byline and a
// dateline from Markdown (or plain text, where headings do not occur).
func readMarkdown(text string, f *found) {
	body := text
	if fm, rest, ok := frontMatter(text); ok {
		body = rest
		for k, v := range fm {
			switch k {
			case "title":
				f.title, f.titleFrom = v, "front matter"
			case "author", "authors":
				f.authors = names(strings.Trim(v, "[]"))
			case "date", "published", "publishdate", "pubdate":
				if n, ok := NormalizeDate(v); ok {
					f.published, f.publishedFrom = n, "meta"
				}
			case "url", "link":
				f.url = v
			default:
				f.set(k, v)
			}
		}
	}
	if f.title == "" {
		for _, line := range strings.Split(head(body, 64<<10), "\n") {
			if m := reMdHeading.FindStringSubmatch(line); m != nil && len(m[1]) == 1 {
				f.title = stripMarkdown(m[2])
				break
			}
		}
	}
	// Metadata sits at the top: read the first paragraphs only, without
	// their markup.
	var paras []string
	first := ""
	for _, p := range paragraphLines(head(body, 64<<10), 12) {
		for i, line := range p {
			if m := reMdHeading.FindStringSubmatch(line); m != nil {
				line = m[2]
			}
			p[i] = stripMarkdown(line)
		}
		if first == "" {
			first = p[0]
		}
		paras = append(paras, strings.Join(p, " "))
	}
	if f.title == "" {
		f.title = firstLineTitle(first)
	}
	f.scanParagraphs(paras, text)
}

// paragraphLines splits text into at most max paragraphs of trimmed,
// non-blank lines.
func paragraphLines(text string, max int) [][]string {
	var out [][]string
	var cur []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
				if len(out) == max {
					return out
				}
			}
			continue
		}
		cur = append(cur, line)
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// frontMatter parses a YAML front matter block of simple "key: value"
// lines.
func frontMatter(text string) (map[string]string, string, bool) {
	text = strings.TrimPrefix(text, "\ufeff")
	if !strings.HasPrefix(text, "---\n") && !strings.HasPrefix(text, "---\r\n") {
		return nil, text, false
	}
	lines := strings.SplitAfter(text, "\n")
	fm := map[string]string{}
	for i := 1; i < len(lines) && i < 200; i++ {
		l := strings.TrimSpace(lines[i])
		if l == "---" || l == "..." {
			return fm, strings.Join(lines[i+1:], ""), true
		}
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			continue
		}
		v = strings.Trim(strings.TrimSpace(v), `"'`)
		fm[strings.ToLower(strings.TrimSpace(k))] = v
	}
	return nil, text, false
}
