package events

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ImportStats reports what ImportPhoenix read.
type ImportStats struct {
	Lines           int `json:"lines"`
	Comments        int `json:"comments"` // comment and blank lines
	Kinds           int `json:"kinds"`    // verb blocks (and multi-word verb kinds)
	Verbs           int `json:"verbs"`
	Patterns        int `json:"patterns"`
	Synsets         int `json:"synsets"`
	Agents          int `json:"agents"`
	Transformations int `json:"transformations"`
	// Duplicates counts verbs and agents already read earlier in the file
	// (the first wins).
	Duplicates int `json:"duplicates"`
	// Skipped counts junk: lines in no known shape, binary or overlong
	// lines, patterns that do not compile.
	Skipped int `json:"skipped"`
	// Warnings names the first skipped lines ("line 12: ...").
	Warnings []string `json:"warnings,omitempty"`
}

// maxWarnings bounds ImportStats.Warnings.
const maxWarnings = 50

// maxLineBytes is the longest line an import reads as content.
const maxLineBytes = 4096

func (st *ImportStats) skip(line int, format string, a ...any) {
	st.Skipped++
	if len(st.Warnings) < maxWarnings {
		st.Warnings = append(st.Warnings, fmt.Sprintf("line %d: ", line)+fmt.Sprintf(format, a...))
	}
}

// multiVerb is a multi-word verb ("ASK_FOR", "WIRE_+TAP") waiting for the
// kind that owns its main word.
type multiVerb struct {
	block, main string
	forms       []string
	match       string
	cameo, rev  string
	line        int
}

// phoenixReader holds the state of one import.
type phoenixReader struct {
	st       ImportStats
	f        *LexiconFile
	order    []string // kinds in file order
	verbKind map[string]string
	agentSet map[string]bool
	multi    []multiVerb
	subst    map[string][]string // agents' !PERSON! sets
	block    string              // current kind, "" outside blocks
	synset   string              // current synonym set, "" when none
	inXML    bool                // inside <!-- -->
}

// ImportPhoenix converts a PETRARCH/Phoenix verb dictionary (synonym sets
// "&NAME" with "+MEMBER" lines, "--- NAME [CODE] ---" verb blocks with
// verb lines "VERB {IRREGULAR FORMS} [CODE]" and pattern lines "- WORDS *
// WORDS [CODE]", [A:B] two-way codes, "~ a (a b X) Y = a b CODE"
// transformations) or agents dictionary ("NAME {PLURALS} [~CODE]",
// "!SET! = A, B") into a lexicon file. Comments (#, ;, <!-- -->) and blank
// lines are counted; junk lines (no known shape, binary, longer than 4 KiB)
// are skipped with a warning naming the line. It fails only when reading
// fails or nothing usable was found.
func ImportPhoenix(r io.Reader) (*LexiconFile, ImportStats, error) {
	p := &phoenixReader{
		f:        &LexiconFile{Imported: "a PETRARCH/Phoenix dictionary", Kinds: map[string]KindSpec{}, Synsets: map[string][]string{}},
		verbKind: map[string]string{}, agentSet: map[string]bool{}, subst: map[string][]string{},
	}
	br := bufio.NewReaderSize(r, 64*1024)
	for {
		raw, err := readLine(br)
		if len(raw) > 0 || err == nil {
			p.st.Lines++
			p.line(raw, p.st.Lines)
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, p.st, fmt.Errorf("events: phoenix import: line %d: %w", p.st.Lines+1, err)
		}
	}
	p.finish()
	if p.st.Kinds+p.st.Agents == 0 {
		return nil, p.st, fmt.Errorf("events: phoenix import: no verb blocks or agents found in %d lines (%d skipped): not a PETRARCH verb or agents dictionary", p.st.Lines, p.st.Skipped)
	}
	return p.f, p.st, nil
}

// readLine returns the next line without its end; a line longer than
// maxLineBytes comes back truncated to maxLineBytes+1 bytes, the rest
// read and dropped.
func readLine(br *bufio.Reader) (string, error) {
	var b []byte
	for {
		chunk, isPrefix, err := br.ReadLine()
		if len(b) <= maxLineBytes {
			b = append(b, chunk...)
		}
		if err != nil {
			return string(b), err
		}
		if !isPrefix {
			return string(b), nil
		}
	}
}

// line reads one line.
func (p *phoenixReader) line(raw string, n int) {
	if len(raw) > maxLineBytes {
		p.st.skip(n, "longer than %d bytes", maxLineBytes)
		return
	}
	if !utf8.ValidString(raw) || strings.ContainsFunc(raw, func(r rune) bool { return r != '\t' && unicode.IsControl(r) }) {
		p.st.skip(n, "binary or control characters")
		return
	}
	s := strings.TrimRight(raw, " \t\r")
	// XML-style comments of TABARI-era files.
	if p.inXML {
		p.st.Comments++
		if strings.Contains(s, "-->") {
			p.inXML = false
		}
		return
	}
	if t := strings.TrimSpace(s); strings.HasPrefix(t, "<!") {
		p.st.Comments++
		if !strings.Contains(t, "-->") && !strings.HasSuffix(t, ">") {
			p.inXML = true
		}
		return
	}
	s = stripComment(s)
	t := strings.TrimSpace(s)
	if t == "" {
		p.st.Comments++
		return
	}
	switch {
	case strings.HasPrefix(t, "~"):
		p.synset = ""
		if _, err := parseTransform(t); err != nil {
			p.st.skip(n, "%v", err)
			return
		}
		p.f.Transformations = append(p.f.Transformations, TransformSpec{Rule: strings.TrimSpace(t[1:])})
		p.st.Transformations++
	case strings.HasPrefix(t, "---"):
		p.blockHeader(t, n)
	case strings.HasPrefix(t, "&"):
		name := ""
		if f := strings.Fields(t[1:]); len(f) > 0 {
			name = strings.ToUpper(f[0])
		}
		if !isDictName(name) {
			p.st.skip(n, "synonym set name %q", t)
			return
		}
		p.synset, p.block = name, ""
		if _, ok := p.f.Synsets[name]; !ok {
			p.st.Synsets++
		}
		p.f.Synsets[name] = nil
	case strings.HasPrefix(t, "+") && p.synset != "":
		m := strings.TrimSpace(t[1:])
		if m == "" || !isDictPhrase(m) {
			p.st.skip(n, "synonym %q", t)
			return
		}
		p.f.Synsets[p.synset] = append(p.f.Synsets[p.synset], m)
	case strings.HasPrefix(t, "-"):
		p.synset = ""
		p.patternLine(t, n)
	case strings.HasPrefix(t, "!") && strings.Contains(t, "="):
		p.substLine(t, n)
	case strings.Contains(t, "~") && strings.Contains(t, "["):
		p.synset = ""
		p.agentLine(t, n)
	case p.block != "":
		p.synset = ""
		p.verbLine(t, n)
	default:
		p.st.skip(n, "not a synonym, verb block, pattern, agent or transformation line: %.40q", t)
	}
}

// stripComment removes a "#" or ";" comment.
func stripComment(s string) string {
	if i := strings.IndexAny(s, "#;"); i >= 0 {
		return s[:i]
	}
	return s
}

// isDictName reports whether s is a dictionary name: letters, digits, _-.
func isDictName(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, r := range s {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-' || r == '.' || r == '\'') {
			return false
		}
	}
	return true
}

// isDictPhrase reports whether s is a phrase of dictionary words (spaces
// and the marks of the format allowed), with at least one letter.
func isDictPhrase(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r), strings.ContainsRune(" _-.,'&+*$%^(){}/!", r):
		default:
			return false
		}
	}
	return letters > 0 && len(s) <= 256
}

// codes reads the [CODE] groups of s: code, two-way reverse, and whether
// the group means "no code" (---).
func splitCode(c string) (code, rev string, none bool, ok bool) {
	c = strings.ReplaceAll(strings.TrimSpace(c), " ", "")
	a, b, two := strings.Cut(c, ":")
	norm := func(x string) (string, bool) {
		switch x {
		case "", "---", "+++", "###":
			return "", true
		}
		return x, validUserCode(x)
	}
	code, okA := norm(a)
	if !okA {
		return "", "", false, false
	}
	if two {
		var okB bool
		if rev, okB = norm(b); !okB {
			return "", "", false, false
		}
	}
	return code, rev, code == "" && rev == "", true
}

// lastCode returns the text before the first "[" and the contents of the
// first "[...]" group, or ok false.
func cutCode(t string) (text, code string, ok bool) {
	i := strings.IndexByte(t, '[')
	if i < 0 {
		return t, "", false
	}
	j := strings.IndexByte(t[i:], ']')
	if j < 0 {
		return t, "", false
	}
	return t[:i], t[i+1 : i+j], true
}

// kindName turns a block name into a kind name: "LASH OUT" -> "lash_out".
func kindName(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == '_' }), "_")
}

func (p *phoenixReader) blockHeader(t string, n int) {
	p.synset = ""
	body := strings.TrimSpace(strings.Trim(t, "-"))
	name, code, ok := cutCode(body)
	name = strings.TrimSpace(name)
	if !ok || !isDictPhrase(name) {
		p.st.skip(n, "verb block header without a NAME [CODE]: %.40q", t)
		p.block = ""
		return
	}
	cameo, rev, none, ok := splitCode(code)
	if !ok {
		p.st.skip(n, "verb block %q: code [%s] is not letters and digits", name, code)
		p.block = ""
		return
	}
	k := kindName(name)
	if _, dup := p.f.Kinds[k]; dup {
		// A second block of the same name continues the first.
		p.block = k
		return
	}
	spec := KindSpec{CAMEO: cameo, Reverse: rev, PatternsOnly: none}
	if cameo != "" && rev == cameo {
		// [040:040]: a mutual kind, coded both ways.
		spec.Reverse, spec.Reciprocal = "", true
	}
	p.f.Kinds[k] = spec
	p.order = append(p.order, k)
	p.block = k
	p.st.Kinds++
}

// verbLine reads "VERB {FORMS} [CODE]" or a multi-word verb.
func (p *phoenixReader) verbLine(t string, n int) {
	text, code, hasCode := cutCode(t)
	var forms []string
	if i := strings.IndexByte(text, '{'); i >= 0 {
		j := strings.IndexByte(text[i:], '}')
		if j < 0 {
			p.st.skip(n, "unclosed { in verb line")
			return
		}
		forms = strings.Fields(text[i+1 : i+j])
		text = text[:i] + text[i+j+1:]
	}
	text = strings.TrimSpace(text)
	if !isDictPhrase(text) || strings.ContainsAny(text, "*$%^&(){}!/") {
		p.st.skip(n, "not a verb: %.40q", t)
		return
	}
	var cameo, rev string
	if hasCode {
		var ok bool
		if cameo, rev, _, ok = splitCode(code); !ok {
			p.st.skip(n, "verb %q: code [%s] is not letters and digits", text, code)
			return
		}
		if cameo == "" && rev == "" {
			cameo = "---"
		}
	}
	words := strings.FieldsFunc(text, func(r rune) bool { return r == '_' || r == ' ' })
	for _, w := range words {
		if strings.Trim(w, "+") == "" {
			p.st.skip(n, "not a verb: %.40q", t)
			return
		}
	}
	if len(words) == 0 {
		p.st.skip(n, "not a verb: %.40q", t)
		return
	}
	if len(words) > 1 || strings.HasPrefix(text, "+") {
		p.multiWord(words, forms, cameo, rev, n)
		return
	}
	base := strings.ToLower(strings.Trim(words[0], "+"))
	if prev, dup := p.verbKind[base]; dup {
		p.st.Duplicates++
		if prev != p.block {
			return
		}
	} else {
		spec := base
		for _, f := range forms {
			if f = strings.ToLower(strings.Trim(f, "+_")); f != "" && f != base && isDictName(f) {
				spec += "/" + f
			}
		}
		k := p.f.Kinds[p.block]
		k.Verbs = append(k.Verbs, spec)
		p.f.Kinds[p.block] = k
		p.verbKind[base] = p.block
		p.st.Verbs++
	}
	if cameo != "" || rev != "" {
		p.addPattern(p.block, PatternSpec{Match: "*", Verb: base, CAMEO: cameo, Reverse: rev, Line: n})
	}
}

// multiWord records "ASK_FOR", "+ANGERED_BY", "WIRE_+TAP", "LASH OUT":
// the word marked "+" (else the first) is the verb, the others a pattern
// around it.
func (p *phoenixReader) multiWord(words, forms []string, cameo, rev string, n int) {
	main := 0
	for i, w := range words {
		if strings.HasPrefix(w, "+") {
			main = i
			break
		}
	}
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteByte('_')
		}
		if i == main {
			b.WriteByte('*')
		} else {
			b.WriteString(strings.Trim(w, "+"))
		}
	}
	mv := multiVerb{block: p.block, main: strings.ToLower(strings.Trim(words[main], "+")), match: b.String(), cameo: cameo, rev: rev, line: n}
	for _, f := range forms {
		fw := strings.FieldsFunc(f, func(r rune) bool { return r == '_' })
		for _, w := range fw {
			if strings.HasPrefix(w, "+") || len(fw) == 1 {
				mv.forms = append(mv.forms, strings.ToLower(strings.Trim(w, "+")))
			}
		}
	}
	p.multi = append(p.multi, mv)
	p.st.Verbs++
}

func (p *phoenixReader) addPattern(kind string, ps PatternSpec) {
	k := p.f.Kinds[kind]
	k.Patterns = append(k.Patterns, ps)
	p.f.Kinds[kind] = k
	p.st.Patterns++
}

// patternLine reads "- WORDS * WORDS [CODE]".
func (p *phoenixReader) patternLine(t string, n int) {
	if p.block == "" {
		p.st.skip(n, "pattern outside a verb block")
		return
	}
	text, code, ok := cutCode(strings.TrimPrefix(t, "-"))
	if !ok {
		p.st.skip(n, "pattern without [CODE]")
		return
	}
	cameo, rev, none, ok := splitCode(code)
	if !ok {
		p.st.skip(n, "pattern code [%s] is not letters and digits", code)
		return
	}
	if none {
		cameo = "---"
	}
	text = strings.Join(strings.Fields(text), " ")
	if !strings.Contains(text, "*") || !isDictPhrase(text+" x") {
		p.st.skip(n, "pattern without a verb marker *: %.40q", text)
		return
	}
	p.addPattern(p.block, PatternSpec{Match: text, CAMEO: cameo, Reverse: rev, Line: n})
}

// substLine reads "!PERSON! = MAN, MEN, WOMAN".
func (p *phoenixReader) substLine(t string, n int) {
	name, list, _ := strings.Cut(t, "=")
	name = strings.TrimSpace(name)
	if len(name) < 3 || !strings.HasSuffix(name, "!") {
		p.st.skip(n, "substitution set %.40q", t)
		return
	}
	var alts []string
	for _, a := range strings.Split(list, ",") {
		if a = strings.TrimSpace(a); a != "" {
			alts = append(alts, a)
		}
	}
	p.subst[name] = alts
}

// agentLine reads "NAME {PLURALS} [~CODE]".
func (p *phoenixReader) agentLine(t string, n int) {
	p.block = ""
	text, code, ok := cutCode(t)
	code = agentCode(code)
	if !ok || code == "" {
		p.st.skip(n, "agent without a [~CODE] or [CODE~]: %.40q", t)
		return
	}
	spec := AgentSpec{Code: code}
	if i := strings.IndexByte(text, '{'); i >= 0 {
		j := strings.IndexByte(text[i:], '}')
		if j < 0 {
			p.st.skip(n, "unclosed { in agent line")
			return
		}
		pl := strings.Fields(text[i+1 : i+j])
		spec.NoPlural = true
		for _, w := range pl {
			spec.Plurals = append(spec.Plurals, strings.ToLower(strings.ReplaceAll(w, "_", " ")))
		}
		text = text[:i] + text[i+j+1:]
	}
	names := []string{strings.TrimSpace(text)}
	for k, alts := range p.subst {
		var next []string
		for _, nm := range names {
			if !strings.Contains(nm, k) {
				next = append(next, nm)
				continue
			}
			for _, a := range alts {
				next = append(next, strings.ReplaceAll(nm, k, a))
			}
		}
		names = next
	}
	for _, nm := range names {
		if !isDictPhrase(nm) || strings.ContainsAny(nm, "!*$%^&(){}") {
			p.st.skip(n, "agent name %.40q", nm)
			continue
		}
		words := agentWords(nm)
		key := strings.Join(words, " ")
		if p.agentSet[key] {
			p.st.Duplicates++
			continue
		}
		p.agentSet[key] = true
		s := spec
		s.Match = key
		p.f.Agents = append(p.f.Agents, s)
		p.st.Agents++
	}
}

// finish places multi-word verbs, checks the patterns against the
// synonym sets and drops what does not compile.
func (p *phoenixReader) finish() {
	formKind := map[string][2]string{} // every form of the file's verbs -> kind, base
	for _, kind := range p.order {
		for _, v := range p.f.Kinds[kind].Verbs {
			forms := verbForms(v)
			for _, f := range forms {
				if _, ok := formKind[f]; !ok {
					formKind[f] = [2]string{kind, forms[0]}
				}
			}
		}
	}
	for _, mv := range p.multi {
		owner, ok := p.verbKind[mv.main]
		if fk, isForm := formKind[mv.main]; !ok && isForm {
			owner, ok, mv.main = fk[0], true, fk[1]
		}
		if !ok {
			owner = mv.block + "_phrases"
			k, exists := p.f.Kinds[owner]
			if !exists {
				p.order = append(p.order, owner)
				p.st.Kinds++
			}
			k.PatternsOnly = true
			spec := mv.main
			for _, f := range mv.forms {
				if f != mv.main && isDictName(f) {
					spec += "/" + f
				}
			}
			k.Verbs = append(k.Verbs, spec)
			p.f.Kinds[owner] = k
			p.verbKind[mv.main] = owner
		}
		cameo, rev := mv.cameo, mv.rev
		if cameo == "" && rev == "" {
			cameo, rev = p.f.Kinds[mv.block].CAMEO, p.f.Kinds[mv.block].Reverse
			if cameo == "" && rev == "" {
				cameo = "---"
			}
		}
		p.addPattern(owner, PatternSpec{Match: mv.match, Verb: mv.main, CAMEO: cameo, Reverse: rev, Line: mv.line})
	}
	// Synonym sets without members are junk.
	for name, ms := range p.f.Synsets {
		if len(ms) == 0 {
			delete(p.f.Synsets, name)
			p.st.Synsets--
		}
	}
	for _, kind := range p.order {
		k := p.f.Kinds[kind]
		kept := k.Patterns[:0]
		for _, ps := range k.Patterns {
			if _, err := parsePattern(ps.Match, p.f.Synsets); err != nil {
				p.st.skip(ps.Line, "pattern %q: %v", ps.Match, err)
				p.st.Patterns--
				continue
			}
			kept = append(kept, ps)
		}
		k.Patterns = kept
		if len(k.Verbs) == 0 {
			// A block of patterns only, for verbs of other blocks: its
			// patterns cannot be reached.
			delete(p.f.Kinds, kind)
			p.st.Kinds--
			p.st.Patterns -= len(kept)
			continue
		}
		p.f.Kinds[kind] = k
	}
	if len(p.f.Synsets) == 0 {
		p.f.Synsets = nil
	}
}
