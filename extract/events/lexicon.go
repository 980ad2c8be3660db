package events

import (
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
	CAMEO       string   `yaml:"cameo"`
	Verbs       []string `yaml:"verbs"`
	Nouns       []string `yaml:"nouns"`
	Phrases     []string `yaml:"phrases"`
	OfRole      string   `yaml:"of_role"`
	Destination bool     `yaml:"destination"`
	Reported    bool     `yaml:"reported"`
	MergeInto   []string `yaml:"merge_into"`
}

// lexiconFile is the YAML layout of a lexicon file.
type lexiconFile struct {
	Kinds            map[string]KindSpec `yaml:"kinds"`
	SupportVerbs     []string            `yaml:"support_verbs"`
	NonArgumentPreps []string            `yaml:"non_argument_preps"`
	LocationPreps    []string            `yaml:"location_preps"`
	AnchorPreps      []string            `yaml:"anchor_preps"`
	GroupNouns       []string            `yaml:"group_nouns"`
}

// Lexicon is the compiled trigger lexicon: surface forms mapped to kinds,
// plus the closed word lists the extractor uses. It is read-only once
// built and safe for concurrent use.
type Lexicon struct {
	kinds   map[string]KindSpec
	verbs   map[string]string // inflected form -> kind
	nouns   map[string]string // singular or plural form -> kind
	phrases []phrase          // longest first
	support map[string]bool
	nonArg  map[string]bool
	locPrep map[string]bool
	anchor  map[string]bool
	groups  map[string]bool
}

type phrase struct {
	words []string
	kind  string
}

// DefaultLexicon returns the embedded lexicon.
func DefaultLexicon() (*Lexicon, error) {
	return ParseLexicon(defaultLexicon, nil)
}

// LoadLexicon reads a user lexicon from path and merges it over the
// embedded default: its kinds replace default kinds of the same name, its
// word lists are added.
func LoadLexicon(path string) (*Lexicon, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("events: lexicon %s: %w", path, err)
	}
	lx, err := ParseLexicon(defaultLexicon, b)
	if err != nil {
		return nil, fmt.Errorf("events: lexicon %s: %w", path, err)
	}
	return lx, nil
}

// ParseLexicon compiles base with user (may be nil) merged over it.
func ParseLexicon(base, user []byte) (*Lexicon, error) {
	var bf lexiconFile
	if err := decodeStrict(base, &bf); err != nil {
		return nil, err
	}
	if user != nil {
		var uf lexiconFile
		if err := decodeStrict(user, &uf); err != nil {
			return nil, err
		}
		if bf.Kinds == nil {
			bf.Kinds = map[string]KindSpec{}
		}
		for k, v := range uf.Kinds {
			bf.Kinds[k] = v
		}
		bf.SupportVerbs = append(bf.SupportVerbs, uf.SupportVerbs...)
		bf.NonArgumentPreps = append(bf.NonArgumentPreps, uf.NonArgumentPreps...)
		bf.LocationPreps = append(bf.LocationPreps, uf.LocationPreps...)
		bf.AnchorPreps = append(bf.AnchorPreps, uf.AnchorPreps...)
		bf.GroupNouns = append(bf.GroupNouns, uf.GroupNouns...)
	}
	return compile(&bf)
}

func decodeStrict(b []byte, out *lexiconFile) error {
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	if err := dec.Decode(out); err != nil {
		return fmt.Errorf("parsing lexicon: %w", err)
	}
	return nil
}

func compile(f *lexiconFile) (*Lexicon, error) {
	if len(f.Kinds) == 0 {
		return nil, fmt.Errorf("lexicon has no kinds")
	}
	lx := &Lexicon{
		kinds: f.Kinds, verbs: map[string]string{}, nouns: map[string]string{},
		support: set(f.SupportVerbs, verbForms), nonArg: set(f.NonArgumentPreps, nil),
		locPrep: set(f.LocationPreps, nil), anchor: set(f.AnchorPreps, nil),
		groups: set(f.GroupNouns, nil),
	}
	names := make([]string, 0, len(f.Kinds))
	for k := range f.Kinds {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, kind := range names {
		spec := f.Kinds[kind]
		if spec.CAMEO != "" && !validCAMEO(spec.CAMEO) {
			return nil, fmt.Errorf("kind %q: cameo %q is not a CAMEO code (2 to 4 digits, root 01-20)", kind, spec.CAMEO)
		}
		switch spec.OfRole {
		case "", "actor", "target":
		default:
			return nil, fmt.Errorf("kind %q: of_role %q must be actor or target", kind, spec.OfRole)
		}
		for _, m := range spec.MergeInto {
			if _, ok := f.Kinds[m]; !ok {
				return nil, fmt.Errorf("kind %q: merge_into names unknown kind %q", kind, m)
			}
		}
		if len(spec.Verbs)+len(spec.Nouns)+len(spec.Phrases) == 0 {
			return nil, fmt.Errorf("kind %q has no verbs, nouns or phrases", kind)
		}
		for _, v := range spec.Verbs {
			for _, form := range verbForms(v) {
				if prev, dup := lx.verbs[form]; dup && prev != kind {
					return nil, fmt.Errorf("verb form %q is in kinds %q and %q", form, prev, kind)
				}
				lx.verbs[form] = kind
			}
		}
		for _, n := range spec.Nouns {
			for _, form := range nounForms(n) {
				if prev, dup := lx.nouns[form]; dup && prev != kind {
					return nil, fmt.Errorf("noun form %q is in kinds %q and %q", form, prev, kind)
				}
				lx.nouns[form] = kind
			}
		}
		for _, p := range spec.Phrases {
			w := strings.Fields(strings.ToLower(p))
			if len(w) == 0 {
				return nil, fmt.Errorf("kind %q: empty phrase", kind)
			}
			lx.phrases = append(lx.phrases, phrase{words: w, kind: kind})
		}
	}
	sort.SliceStable(lx.phrases, func(i, j int) bool { return len(lx.phrases[i].words) > len(lx.phrases[j].words) })
	return lx, nil
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
