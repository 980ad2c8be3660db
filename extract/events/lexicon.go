package events

import (
	"bytes"
	_ "embed"
	"fmt"
	"os"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

//go:embed lexicon.yaml
var defaultLexicon []byte

// KindSpec describes one event kind of the trigger lexicon.
type KindSpec struct {
	CAMEO       string   `yaml:"cameo,omitempty"`
	Verbs       []string `yaml:"verbs,omitempty"`
	Nouns       []string `yaml:"nouns,omitempty"`
	Phrases     []string `yaml:"phrases,omitempty"`
	OfRole      string   `yaml:"of_role,omitempty"`
	Destination bool     `yaml:"destination,omitempty"`
	Reported    bool     `yaml:"reported,omitempty"`
	MergeInto   []string `yaml:"merge_into,omitempty"`
	// Reverse is the code of the paired event the target does to the
	// source (PETRARCH's [A:B] two-way codes: "left for" is a visit
	// 042 one way and a hosting 043 the other).
	Reverse string `yaml:"reverse,omitempty"`
	// Patterns refine the code by the words around the verb (PETRARCH's
	// "- * AID [070]" lines), longest first; the kind's cameo is the
	// fallback.
	Patterns []PatternSpec `yaml:"patterns,omitempty"`
	// PatternsOnly marks a kind with no default code (PETRARCH's [---]):
	// its verbs make an event only when a pattern matches.
	PatternsOnly bool `yaml:"patterns_only,omitempty"`
	// Reciprocal marks mutual kinds (meet, negotiate): a dyad A->B is
	// also coded B->A, and coordinated sources without a target are each
	// other's targets ("Russia and Turkey met").
	Reciprocal bool `yaml:"reciprocal,omitempty"`
}

// PatternSpec is one verb pattern. Match is written as in PETRARCH's verb
// dictionaries: words before and after "*" (the verb), "&SET" a synonym
// set, "(PREP WORDS)" a prepositional phrase, "{A B}" or "A_B" words
// that follow each other, "$" the source, "+" the target, "%" both
// (coordinated actors doing it to each other), "^" any words. A word
// ending in "_" matches exactly, other words also match their plurals (and,
// five letters or more, longer words they start: TABARI stems).
type PatternSpec struct {
	Match string `yaml:"match"`
	// Verb restricts the pattern to one verb of the kind (base form): a
	// verb line with a code of its own, or a multi-word verb ("ask for").
	Verb string `yaml:"verb,omitempty"`
	// CAMEO is the code of the event the pattern makes; "---" drops it.
	CAMEO   string `yaml:"cameo"`
	Reverse string `yaml:"reverse,omitempty"`
	// Line is where the pattern was read from, for messages.
	Line int `yaml:"line,omitempty"`
}

// AgentSpec is one Phoenix agent: a common noun phrase ("prime minister",
// "troops") with the sector code it adds to the nearest actor: "~GOV"
// appends (RUS + GOV = RUSGOV), "IGO~" prepends; with no actor the code
// is "---GOV".
type AgentSpec struct {
	Match string `yaml:"match"`
	Code  string `yaml:"code"`
	// Plurals lists irregular plurals; NoPlural stops the regular one.
	Plurals  []string `yaml:"plurals,omitempty"`
	NoPlural bool     `yaml:"no_plural,omitempty"`
}

// TransformSpec is one PETRARCH transformation: "a (a b ATTACK) SAY = a b
// 015" recodes a SAY by a whose reported clause holds an ATTACK by a on b
// as a b 015 ("b ." stands for any other source, "_" for any, "Q" for the
// inner event's code). Verb classes are kind names.
type TransformSpec struct {
	Rule string `yaml:"rule"`
}

// LexiconFile is the YAML layout of a lexicon file (lexicon.yaml and the
// files of the stage option lexicon, such as those written by `entente
// lexicon import`).
type LexiconFile struct {
	// Imported names the dictionary the file was converted from (entente
	// lexicon import). In an imported file a verb or noun form in two
	// kinds goes to the first in name order; elsewhere that is an error.
	Imported         string              `yaml:"imported,omitempty"`
	Kinds            map[string]KindSpec `yaml:"kinds"`
	SupportVerbs     []string            `yaml:"support_verbs,omitempty"`
	NonArgumentPreps []string            `yaml:"non_argument_preps,omitempty"`
	LocationPreps    []string            `yaml:"location_preps,omitempty"`
	AnchorPreps      []string            `yaml:"anchor_preps,omitempty"`
	GroupNouns       []string            `yaml:"group_nouns,omitempty"`
	// Synsets are named word lists patterns refer to as &NAME; a member
	// may itself be "&OTHER".
	Synsets map[string][]string `yaml:"synsets,omitempty"`
	// Agents are the sector words of actor coding.
	Agents          []AgentSpec     `yaml:"agents,omitempty"`
	Transformations []TransformSpec `yaml:"transformations,omitempty"`
}

// lexiconFile is the unexported name the package used first.
type lexiconFile = LexiconFile

// Lexicon is the compiled trigger lexicon: surface forms mapped to kinds,
// plus the closed word lists the extractor uses. It is read-only once
// built and safe for concurrent use.
type Lexicon struct {
	kinds    map[string]KindSpec
	verbs    map[string]string // inflected form -> kind
	verbBase map[string]string // inflected form -> base form
	nouns    map[string]string // singular or plural form -> kind
	phrases  []phrase          // longest first
	support  map[string]bool
	nonArg   map[string]bool
	locPrep  map[string]bool
	anchor   map[string]bool
	groups   map[string]bool
	// patterns by kind, longest first; verb-restricted ones carry verb.
	patterns map[string][]*pattern
	agents   *agentIndex
	trans    []transform
	// user marks kinds that came from a user file: their codes may lie
	// outside CAMEO's roots.
	user map[string]bool
}

type phrase struct {
	words []string
	kind  string
	layer int // the file it came from
}

// DefaultLexicon returns the embedded lexicon.
func DefaultLexicon() (*Lexicon, error) {
	return ParseLexicon(defaultLexicon, nil)
}

// LoadLexicon reads user lexicons from paths and merges them, in order,
// over the embedded default (see ParseLexicons).
func LoadLexicon(paths ...string) (*Lexicon, error) {
	return loadLexicons(true, paths)
}

// LoadLexiconOnly reads user lexicons from paths without the embedded
// default: the files replace it.
func LoadLexiconOnly(paths ...string) (*Lexicon, error) {
	return loadLexicons(false, paths)
}

func loadLexicons(withDefault bool, paths []string) (*Lexicon, error) {
	var layers []*LexiconFile
	if withDefault {
		var f LexiconFile
		if err := decodeStrict(defaultLexicon, &f); err != nil {
			return nil, err
		}
		layers = append(layers, &f)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("events: lexicon %s: %w", p, err)
		}
		var f LexiconFile
		if err := decodeStrict(b, &f); err != nil {
			return nil, fmt.Errorf("events: lexicon %s: %w", p, err)
		}
		layers = append(layers, &f)
	}
	lx, err := compileLayers(withDefault, layers)
	if err != nil {
		return nil, fmt.Errorf("events: lexicon %s: %w", strings.Join(paths, ", "), err)
	}
	return lx, nil
}

// ParseLexicon compiles base with user (may be nil) merged over it.
func ParseLexicon(base, user []byte) (*Lexicon, error) {
	if user == nil {
		return ParseLexicons(true, base)
	}
	return ParseLexicons(true, base, user)
}

// ParseLexicons compiles lexicon files merged in order: a later file's
// kinds replace earlier kinds of the same name, its verb, noun and agent
// forms win over earlier ones, its word lists and synonym sets are added.
// When hasBase is true the first file is the built-in lexicon, whose codes
// must be CAMEO codes (root 01-20); the others are user files, whose codes
// may be any code of letters and digits.
func ParseLexicons(hasBase bool, files ...[]byte) (*Lexicon, error) {
	layers := make([]*LexiconFile, 0, len(files))
	for _, b := range files {
		var f LexiconFile
		if err := decodeStrict(b, &f); err != nil {
			return nil, err
		}
		layers = append(layers, &f)
	}
	return compileLayers(hasBase, layers)
}

// CompileLexicon compiles already decoded files as ParseLexicons does.
func CompileLexicon(hasBase bool, files ...*LexiconFile) (*Lexicon, error) {
	return compileLayers(hasBase, files)
}

func decodeStrict(b []byte, out *lexiconFile) error {
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(out); err != nil {
		return fmt.Errorf("parsing lexicon: %w", err)
	}
	return nil
}

// compileLayers merges and compiles the layers (see ParseLexicons).
func compileLayers(hasBase bool, layers []*LexiconFile) (*Lexicon, error) {
	owner := map[string]int{} // kind -> layer defining it last
	lenient := map[int]bool{}
	merged := map[string]KindSpec{}
	var support, nonArg, locPrep, anchor, groups []string
	synsets := map[string][]string{}
	for i, f := range layers {
		lenient[i] = f.Imported != ""
		for k, v := range f.Kinds {
			owner[k], merged[k] = i, v
		}
		support = append(support, f.SupportVerbs...)
		nonArg = append(nonArg, f.NonArgumentPreps...)
		locPrep = append(locPrep, f.LocationPreps...)
		anchor = append(anchor, f.AnchorPreps...)
		groups = append(groups, f.GroupNouns...)
		for k, v := range f.Synsets {
			synsets[strings.ToUpper(strings.TrimPrefix(k, "&"))] = v
		}
	}
	if len(merged) == 0 {
		return nil, fmt.Errorf("lexicon has no kinds")
	}
	lx := &Lexicon{
		kinds: merged, verbs: map[string]string{}, verbBase: map[string]string{}, nouns: map[string]string{},
		support: set(support, verbForms), nonArg: set(nonArg, nil),
		locPrep: set(locPrep, nil), anchor: set(anchor, nil),
		groups: set(groups, nil), patterns: map[string][]*pattern{}, user: map[string]bool{},
	}
	names := make([]string, 0, len(merged))
	for k := range merged {
		names = append(names, k)
		if !hasBase || owner[k] > 0 {
			lx.user[k] = true
		}
	}
	sort.Strings(names)
	verbLayer := map[string]int{}
	nounLayer := map[string]int{}
	// Later layers first: their forms win.
	for li := len(layers) - 1; li >= 0; li-- {
		for _, kind := range names {
			if owner[kind] != li {
				continue
			}
			spec := merged[kind]
			if err := checkKind(kind, spec, merged, lx.user[kind]); err != nil {
				return nil, err
			}
			for _, v := range spec.Verbs {
				forms := verbForms(v)
				for _, form := range forms {
					if prev, dup := lx.verbs[form]; dup && prev != kind {
						if verbLayer[form] == li && !lenient[li] {
							return nil, fmt.Errorf("verb form %q is in kinds %q and %q", form, prev, kind)
						}
						// A later file's verb wins; in one user file the
						// first kind in name order.
						continue
					}
					lx.verbs[form], verbLayer[form] = kind, li
					if _, ok := lx.verbBase[form]; !ok {
						lx.verbBase[form] = forms[0]
					}
				}
			}
			for _, n := range spec.Nouns {
				for _, form := range nounForms(n) {
					if prev, dup := lx.nouns[form]; dup && prev != kind {
						if nounLayer[form] == li && !lenient[li] {
							return nil, fmt.Errorf("noun form %q is in kinds %q and %q", form, prev, kind)
						}
						continue
					}
					lx.nouns[form], nounLayer[form] = kind, li
				}
			}
			for _, p := range spec.Phrases {
				w := strings.Fields(strings.ToLower(p))
				if len(w) == 0 {
					return nil, fmt.Errorf("kind %q: empty phrase", kind)
				}
				lx.phrases = append(lx.phrases, phrase{words: w, kind: kind, layer: li})
			}
			ps, err := compilePatterns(kind, spec, synsets, lx.user[kind])
			if err != nil {
				return nil, err
			}
			if len(ps) > 0 {
				lx.patterns[kind] = ps
			}
		}
	}
	// A phrase starting with a verb form a later file claims gives way
	// to that verb and its patterns (an imported CALL with "call on").
	kept := lx.phrases[:0]
	for _, p := range lx.phrases {
		if _, ok := lx.verbs[p.words[0]]; ok && verbLayer[p.words[0]] > p.layer {
			continue
		}
		kept = append(kept, p)
	}
	lx.phrases = kept
	sort.SliceStable(lx.phrases, func(i, j int) bool { return len(lx.phrases[i].words) > len(lx.phrases[j].words) })
	var agents []AgentSpec
	for _, f := range layers {
		agents = append(agents, f.Agents...)
	}
	lx.agents = compileAgents(agents)
	for _, f := range layers {
		for _, t := range f.Transformations {
			tr, err := parseTransform(t.Rule)
			if err != nil {
				return nil, err
			}
			lx.trans = append(lx.trans, tr)
		}
	}
	return lx, nil
}

// checkKind validates one kind's spec.
func checkKind(kind string, spec KindSpec, all map[string]KindSpec, user bool) error {
	for _, c := range []string{spec.CAMEO, spec.Reverse} {
		if c == "" {
			continue
		}
		if user && !validUserCode(c) || !user && !validCAMEO(c) {
			return fmt.Errorf("kind %q: cameo %q is not a CAMEO code (2 to 4 digits, root 01-20%s)", kind, c, userNote(user))
		}
	}
	switch spec.OfRole {
	case "", "actor", "target":
	default:
		return fmt.Errorf("kind %q: of_role %q must be actor or target", kind, spec.OfRole)
	}
	for _, m := range spec.MergeInto {
		if _, ok := all[m]; !ok {
			return fmt.Errorf("kind %q: merge_into names unknown kind %q", kind, m)
		}
	}
	if len(spec.Verbs)+len(spec.Nouns)+len(spec.Phrases) == 0 {
		return fmt.Errorf("kind %q has no verbs, nouns or phrases", kind)
	}
	return nil
}

func userNote(user bool) string {
	if user {
		return "; in a user lexicon 1 to 8 letters or digits"
	}
	return ""
}

// validUserCode accepts the codes of user dictionaries: 1 to 8 letters or
// digits (PETRARCH dictionaries use codes outside CAMEO's 01-20 roots).
func validUserCode(c string) bool {
	if len(c) == 0 || len(c) > 8 {
		return false
	}
	for _, r := range c {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}

// Kind returns the spec of a kind.
func (lx *Lexicon) Kind(name string) (KindSpec, bool) {
	k, ok := lx.kinds[name]
	return k, ok
}

// Kinds returns the kind names, sorted.
func (lx *Lexicon) Kinds() []string {
	out := make([]string, 0, len(lx.kinds))
	for k := range lx.kinds {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func validCAMEO(c string) bool {
	if len(c) < 2 || len(c) > 4 {
		return false
	}
	for _, r := range c {
		if r < '0' || r > '9' {
			return false
		}
	}
	root := (int(c[0]-'0'))*10 + int(c[1]-'0')
	return root >= 1 && root <= 20
}

// QuadClass returns GDELT's quad class for a CAMEO code: 1 verbal
// cooperation (roots 01-05), 2 material cooperation (06-08), 3 verbal
// conflict (09-14), 4 material conflict (15-20); 0 when the code is
// invalid.
func QuadClass(cameo string) int {
	if !validCAMEO(cameo) {
		return 0
	}
	root := (int(cameo[0]-'0'))*10 + int(cameo[1]-'0')
	switch {
	case root <= 5:
		return 1
	case root <= 8:
		return 2
	case root <= 14:
		return 3
	default:
		return 4
	}
}

func set(words []string, expand func(string) []string) map[string]bool {
	m := map[string]bool{}
	for _, w := range words {
		if expand != nil {
			for _, f := range expand(w) {
				m[f] = true
			}
			continue
		}
		m[strings.ToLower(w)] = true
	}
	return m
}

// verbForms expands "base/irregular/..." into the base, its regular
// inflections and the listed irregular forms.
func verbForms(spec string) []string {
	parts := strings.Split(strings.ToLower(strings.TrimSpace(spec)), "/")
	base := parts[0]
	forms := []string{base, thirdPerson(base), past(base), gerund(base)}
	forms = append(forms, parts[1:]...)
	return forms
}

// nounForms expands "singular/irregular-plural" into its forms.
func nounForms(spec string) []string {
	parts := strings.Split(strings.ToLower(strings.TrimSpace(spec)), "/")
	base := parts[0]
	forms := []string{base}
	if len(parts) == 1 && !strings.HasSuffix(base, "s") {
		forms = append(forms, thirdPerson(base))
	}
	return append(forms, parts[1:]...)
}

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

func thirdPerson(w string) string {
	switch {
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "sh"), strings.HasSuffix(w, "ch"),
		strings.HasSuffix(w, "x"), strings.HasSuffix(w, "z"), strings.HasSuffix(w, "o"):
		return w + "es"
	case len(w) > 1 && w[len(w)-1] == 'y' && !isVowel(w[len(w)-2]):
		return w[:len(w)-1] + "ies"
	}
	return w + "s"
}

// doubles reports whether a short consonant-vowel-consonant verb doubles
// its last letter (ban -> banned).
func doubles(w string) bool {
	n := len(w)
	if n < 3 || n > 4 {
		return false
	}
	last := w[n-1]
	return !isVowel(last) && strings.IndexByte("wxy", last) < 0 && isVowel(w[n-2]) && !isVowel(w[n-3])
}

func past(w string) string {
	switch {
	case strings.HasSuffix(w, "e"):
		return w + "d"
	case len(w) > 1 && w[len(w)-1] == 'y' && !isVowel(w[len(w)-2]):
		return w[:len(w)-1] + "ied"
	case doubles(w):
		return w + w[len(w)-1:] + "ed"
	}
	return w + "ed"
}

func gerund(w string) string {
	switch {
	case strings.HasSuffix(w, "ee"):
		return w + "ing"
	case strings.HasSuffix(w, "e") && len(w) > 2:
		return w[:len(w)-1] + "ing"
	case doubles(w):
		return w + w[len(w)-1:] + "ing"
	}
	return w + "ing"
}

// DefaultLexiconFile returns the embedded lexicon decoded, for merging
// with CompileLexicon.
func DefaultLexiconFile() (*LexiconFile, error) {
	var f LexiconFile
	if err := decodeStrict(defaultLexicon, &f); err != nil {
		return nil, err
	}
	return &f, nil
}
