package relations

import (
	_ "embed"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"

	"github.com/entente-nlp/entente/pipeline"
	"gopkg.in/yaml.v3"
)

//go:embed rules.yaml
var defaultRules []byte

// TitleSpec is one office title of the rules file.
type TitleSpec struct {
	Match       string `yaml:"match"`
	Role        string `yaml:"role"`
	Counterpart bool   `yaml:"counterpart"`
	RankOnly    bool   `yaml:"rank_only"`
}

// EventRule derives relations between the participants of events.
type EventRule struct {
	Name       string   `yaml:"name"`
	Kinds      []string `yaml:"kinds"`
	Relation   string   `yaml:"relation"`
	Pairs      []string `yaml:"pairs"`
	Confidence float64  `yaml:"confidence"`
	// CAMEO lists code prefixes ("19", "163") whose events the rule also
	// takes, whatever their kind: the events of an imported lexicon.
	CAMEO []string `yaml:"cameo"`
	// Mutual lists the kinds whose relation holds both ways ("fought a
	// war with Israel": each side opposes the other); pairs of targets of
	// such an event with no actor ("clashes between A and B") relate too.
	Mutual []string `yaml:"mutual"`
	// Against makes the objects of "against" in a cooperation event
	// opponents of every party to it ("strikes coordinated with the
	// coalition against Islamic State"), with this confidence; they never
	// cooperate.
	Against float64 `yaml:"against"`
}

// takes reports whether the rule applies to event kind and CAMEO code.
func (e *EventRule) takes(kind, cameo string) bool {
	if slices.Contains(e.Kinds, kind) {
		return true
	}
	for _, c := range e.CAMEO {
		if cameo != "" && strings.HasPrefix(cameo, c) {
			return true
		}
	}
	return false
}

// StatementRule is a sentence pattern with {A} and {B} entity slots.
type StatementRule struct {
	Name       string  `yaml:"name"`
	Relation   string  `yaml:"relation"`
	Label      string  `yaml:"label"`
	Confidence float64 `yaml:"confidence"`
	Pattern    string  `yaml:"pattern"`
	// Mutual adds the relation both ways ("A and B are enemies").
	Mutual bool `yaml:"mutual"`
	// ATypes and BTypes restrict the entity types of {A} and {B} (all
	// when empty).
	ATypes []string `yaml:"a_types"`
	BTypes []string `yaml:"b_types"`
	// Cues are words (or word starts) one of which the sentence must
	// hold for the pattern to be tried: a cheap test before the regular
	// expression.
	Cues []string `yaml:"cues"`
}

type rulesFile struct {
	Titles        []TitleSpec        `yaml:"titles"`
	TitlePrefixes []string           `yaml:"title_prefixes"`
	TitleBlockers []string           `yaml:"title_blockers"`
	OfficeNouns   []string           `yaml:"office_nouns"`
	StaffNouns    []string           `yaml:"staff_nouns"`
	Modifiers     []string           `yaml:"title_modifiers"`
	MemberNouns   []string           `yaml:"member_nouns"`
	SourceCues    []string           `yaml:"source_cues"`
	EventRules    []EventRule        `yaml:"event_rules"`
	JointCues     []string           `yaml:"joint_cues"`
	LabelCues     map[string]string  `yaml:"label_cues"`
	HedgeCues     []string           `yaml:"hedge_cues"`
	Statements    []StatementRule    `yaml:"statements"`
	PlacePatterns []string           `yaml:"place_patterns"`
	Confidence    map[string]float64 `yaml:"confidence"`
}

// Rules is the compiled rule set, read-only and safe for concurrent use.
type Rules struct {
	titles   []title
	prefixes map[string]bool
	blockers []string
	// office and staff nouns, title modifiers (lower case)
	officeNouns, staffNouns, modifiers map[string]bool
	memberRe                           *regexp.Regexp // after an organization mention
	sourceRe                           *regexp.Regexp // before an organization mention
	events                             []EventRule
	joint                              map[string]bool
	labels                             map[string]string
	hedges                             map[string]bool
	statements                         []statement
	places                             []statement // {A} = place, {B} = country
	conf                               map[string]float64
}

type title struct {
	TitleSpec
	re *regexp.Regexp
}

type statement struct {
	StatementRule
	re   *regexp.Regexp
	aIdx int // submatch index of {A}
	bIdx int
	// needs are words the pattern requires outside any group; a sentence
	// without one of them is not matched at all (a cheap prefilter), nor
	// one without any of cues.
	needs, cues []string
}

var literalWord = regexp.MustCompile(`[a-z]{3,}`)

// requiredWords returns the words of a pattern that lie outside every
// group and are not followed by a quantifier.
func requiredWords(p string) []string {
	var b strings.Builder
	depth := 0
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case c == '\\':
			i++
			b.WriteByte(' ')
		case c == '(' || c == '[' || c == '{':
			depth++
			b.WriteByte(' ')
		case c == ')' || c == ']' || c == '}':
			depth--
			b.WriteByte(' ')
		case depth == 0 && c == '|':
			return nil // top-level alternation: nothing is required
		case depth == 0 && c >= 'a' && c <= 'z':
			if i+1 < len(p) && strings.IndexByte("?*{", p[i+1]) >= 0 {
				b.WriteByte(' ')
				continue
			}
			b.WriteByte(c)
		default:
			b.WriteByte(' ')
		}
	}
	return literalWord.FindAllString(b.String(), -1)
}

var relationTypes = map[string]bool{
	pipeline.HoldsRole: true, pipeline.MemberOf: true, pipeline.AffiliatedWith: true,
	pipeline.LocatedIn: true, pipeline.CooperatesWith: true, pipeline.Opposes: true,
}

// DefaultRules returns the embedded rules.
func DefaultRules() (*Rules, error) { return ParseRules(defaultRules, nil) }

// LoadRules reads a user rules file and merges it over the default.
func LoadRules(path string) (*Rules, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("relations: rules %s: %w", path, err)
	}
	r, err := ParseRules(defaultRules, b)
	if err != nil {
		return nil, fmt.Errorf("relations: rules %s: %w", path, err)
	}
	return r, nil
}

// ParseRules compiles base with user (may be nil) merged over it: lists
// are appended (user titles are tried first), confidences replaced.
func ParseRules(base, user []byte) (*Rules, error) {
	var f rulesFile
	if err := decode(base, &f); err != nil {
		return nil, err
	}
	if user != nil {
		var u rulesFile
		if err := decode(user, &u); err != nil {
			return nil, err
		}
		f.Titles = append(u.Titles, f.Titles...)
		f.TitlePrefixes = append(f.TitlePrefixes, u.TitlePrefixes...)
		f.TitleBlockers = append(f.TitleBlockers, u.TitleBlockers...)
		f.OfficeNouns = append(f.OfficeNouns, u.OfficeNouns...)
		f.StaffNouns = append(f.StaffNouns, u.StaffNouns...)
		f.Modifiers = append(f.Modifiers, u.Modifiers...)
		f.MemberNouns = append(f.MemberNouns, u.MemberNouns...)
		f.SourceCues = append(f.SourceCues, u.SourceCues...)
		f.EventRules = append(f.EventRules, u.EventRules...)
		f.JointCues = append(f.JointCues, u.JointCues...)
		if f.LabelCues == nil {
			f.LabelCues = map[string]string{}
		}
		for k, v := range u.LabelCues {
			f.LabelCues[k] = v
		}
		f.HedgeCues = append(f.HedgeCues, u.HedgeCues...)
		f.Statements = append(f.Statements, u.Statements...)
		f.PlacePatterns = append(f.PlacePatterns, u.PlacePatterns...)
		if f.Confidence == nil {
			f.Confidence = map[string]float64{}
		}
		for k, v := range u.Confidence {
			f.Confidence[k] = v
		}
	}
	return compileRules(&f)
}

func decode(b []byte, out *rulesFile) error {
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	if err := dec.Decode(out); err != nil {
		return fmt.Errorf("parsing rules: %w", err)
	}
	return nil
}

func compileRules(f *rulesFile) (*Rules, error) {
	r := &Rules{prefixes: lowerSet(f.TitlePrefixes), joint: lowerSet(f.JointCues), hedges: lowerSet(f.HedgeCues), conf: f.Confidence,
		labels: map[string]string{}, officeNouns: lowerSet(f.OfficeNouns), staffNouns: lowerSet(f.StaffNouns), modifiers: lowerSet(f.Modifiers)}
	for k, v := range f.LabelCues {
		r.labels[strings.ToLower(k)] = v
	}
	for _, b := range f.TitleBlockers {
		r.blockers = append(r.blockers, strings.ToLower(b))
	}
	for _, t := range f.Titles {
		re, err := regexp.Compile(`^(?:` + t.Match + `)$`)
		if err != nil {
			return nil, fmt.Errorf("title %q: %w", t.Match, err)
		}
		if t.Role == "" && !t.Counterpart && !t.RankOnly {
			return nil, fmt.Errorf("title %q has no role", t.Match)
		}
		r.titles = append(r.titles, title{TitleSpec: t, re: re})
	}
	if len(f.MemberNouns) > 0 {
		alts := make([]string, len(f.MemberNouns))
		for i, m := range f.MemberNouns {
			alts[i] = regexp.QuoteMeta(strings.ToLower(m))
		}
		r.memberRe = regexp.MustCompile(`^\s+(?:` + strings.Join(alts, "|") + `)\b`)
	}
	if len(f.SourceCues) > 0 {
		for _, c := range f.SourceCues {
			if _, err := regexp.Compile(c); err != nil {
				return nil, fmt.Errorf("source cue %q: %w", c, err)
			}
		}
		r.sourceRe = regexp.MustCompile(`(?i)(?:` + strings.Join(f.SourceCues, "|") + `)\s*[:\-–]?\s*$`)
	}
	for _, e := range f.EventRules {
		if !relationTypes[e.Relation] {
			return nil, fmt.Errorf("event rule %q: unknown relation %q", e.Name, e.Relation)
		}
		if e.Name == "" || len(e.Kinds)+len(e.CAMEO) == 0 {
			return nil, fmt.Errorf("event rule %q needs a name and kinds or cameo codes", e.Name)
		}
		if e.Against < 0 || e.Against > 1 || e.Confidence < 0 || e.Confidence > 1 {
			return nil, fmt.Errorf("event rule %q: confidences must lie in [0, 1]", e.Name)
		}
		for _, p := range e.Pairs {
			if p != "actors" && p != "actor-target" {
				return nil, fmt.Errorf("event rule %q: pairs %q must be actors or actor-target", e.Name, p)
			}
		}
		r.events = append(r.events, e)
	}
	for _, s := range f.Statements {
		if !relationTypes[s.Relation] {
			return nil, fmt.Errorf("statement %q: unknown relation %q", s.Name, s.Relation)
		}
		if !strings.Contains(s.Pattern, "{A}") || !strings.Contains(s.Pattern, "{B}") {
			return nil, fmt.Errorf("statement %q: pattern needs {A} and {B}", s.Name)
		}
		st, err := compileStatement(s)
		if err != nil {
			return nil, fmt.Errorf("statement %q: %w", s.Name, err)
		}
		r.statements = append(r.statements, st)
	}
	for _, p := range f.PlacePatterns {
		if !strings.Contains(p, "{P}") || !strings.Contains(p, "{C}") {
			return nil, fmt.Errorf("place pattern %q needs {P} and {C}", p)
		}
		st, err := compileStatement(StatementRule{Name: "place-text", Relation: pipeline.LocatedIn,
			Pattern: strings.Replace(strings.Replace(p, "{P}", "{A}", 1), "{C}", "{B}", 1)})
		if err != nil {
			return nil, err
		}
		r.places = append(r.places, st)
	}
	return r, nil
}

// compileStatement compiles a pattern for text that is lower-cased
// before matching (patterns are matched case-insensitively).
func compileStatement(s StatementRule) (statement, error) {
	low := strings.ToLower(s.Pattern)
	low = strings.Replace(strings.Replace(low, "{a}", "{A}", 1), "{b}", "{B}", 1)
	p := strings.Replace(low, "{A}", `⟦(?P<A>\d+)⟧`, 1)
	p = strings.Replace(p, "{B}", `⟦(?P<B>\d+)⟧`, 1)
	re, err := regexp.Compile(p)
	if err != nil {
		return statement{}, fmt.Errorf("pattern %q: %w", s.Pattern, err)
	}
	needs := requiredWords(strings.NewReplacer("{A}", " ", "{B}", " ").Replace(low))
	var cues []string
	for _, c := range s.Cues {
		cues = append(cues, strings.ToLower(c))
	}
	return statement{StatementRule: s, re: re, aIdx: re.SubexpIndex("A"), bIdx: re.SubexpIndex("B"), needs: needs, cues: cues}, nil
}

// match returns the submatches of the statement in lower-cased text.
func (st *statement) match(text string) [][]string {
	for _, w := range st.needs {
		if !strings.Contains(text, w) {
			return nil
		}
	}
	if len(st.cues) > 0 && !slices.ContainsFunc(st.cues, func(c string) bool { return strings.Contains(text, c) }) {
		return nil
	}
	return st.re.FindAllStringSubmatch(text, -1)
}

// confidence returns the configured confidence of a rule, or def.
func (r *Rules) confidence(rule string, def float64) float64 {
	if v, ok := r.conf[rule]; ok {
		return v
	}
	return def
}

// blocked reports whether w is a title blocker ("former").
func (r *Rules) blocked(w string) bool {
	for _, b := range r.blockers {
		if w == b {
			return true
		}
	}
	return false
}

// matchTitle matches a normalized title phrase. It returns the spec and
// the text captured by a group named "to".
func (r *Rules) matchTitle(s string) (*title, string, bool) {
	for _, b := range r.blockers {
		if strings.Contains(" "+s+" ", " "+b+" ") {
			return nil, "", false
		}
	}
	words := strings.Fields(s)
	for len(words) > 0 && r.prefixes[words[0]] {
		words = words[1:]
	}
	s = strings.Join(words, " ")
	if s == "" {
		return nil, "", false
	}
	for i := range r.titles {
		t := &r.titles[i]
		m := t.re.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		to := ""
		for k, name := range t.re.SubexpNames() {
			if name == "to" && m[k] != "" {
				to = m[k]
			}
		}
		return t, to, true
	}
	return nil, "", false
}

func lowerSet(ws []string) map[string]bool {
	m := map[string]bool{}
	for _, w := range ws {
		m[strings.ToLower(w)] = true
	}
	return m
}
