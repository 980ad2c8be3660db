package pipeline

import "github.com/entente-nlp/entente/entity"

// Document is the unit of work that flows through every stage. Stages fill
// it in order: ingest sets the metadata and Format, clean sets Text, Offsets,
// Boilerplate and Blocks, nlp sets Sentences and Tokens, and the extractors add
// Mentions, Entities, Dates, Events and Relations.
//
// Every field is exported and tagged, so a Document round-trips through JSON
// without loss (Original is base64-encoded); that is what lets a stage run as
// a worker behind a message queue.
type Document struct {
	// Seq is the document's position in the input order, set by the source.
	Seq int `json:"seq"`
	// ID is stable for the input: a JSONL "id" field, else derived from the
	// source path (and line number for JSONL).
	ID string `json:"id"`
	// Source names where the document came from: a path, "path:line" for
	// JSONL, or "-" for standard input.
	Source string `json:"source"`
	// Format is the detected or declared input format: text, markdown, html.
	Format string `json:"format,omitempty"`

	Title   string   `json:"title,omitempty"`
	Authors []string `json:"authors,omitempty"`
	URL     string   `json:"url,omitempty"`
	// Published is the publication date as YYYY-MM-DD (or a full RFC 3339
	// timestamp), empty when unknown. Relative dates resolve against it.
	Published string `json:"published,omitempty"`
	// PublishedFrom says where Published came from: flag, jsonl, meta,
	// dateline.
	PublishedFrom string `json:"published_from,omitempty"`
	// Meta holds other input fields (JSONL extras, HTML meta tags).
	Meta map[string]string `json:"meta,omitempty"`

	// Original is the input exactly as read. Output offsets point into it.
	Original []byte `json:"original"`
	// Text is the clean text that the NLP stages read: markup removed.
	Text string `json:"text"`
	// Offsets maps Text offsets back to Original offsets.
	Offsets OffsetMap `json:"offsets,omitempty"`
	// Boilerplate lists the parts of Text that are page furniture (share
	// buttons, copyright, disclaimers): entities there are kept, events and
	// relations are not mined from them.
	Boilerplate []Span `json:"boilerplate,omitempty"`
	// Blocks are the blocks of Text (title, headings, paragraphs, captions,
	// list items, boilerplate...) in order, from the clean stage.
	Blocks []Block `json:"blocks,omitempty"`

	Sentences []Sentence `json:"sentences,omitempty"`
	Tokens    []Token    `json:"tokens,omitempty"`

	// Mentions are the resolved entity mentions, each pointing at an entry
	// of Entities by EntityID. Candidates that lost the merge are not kept.
	Mentions  []Mention  `json:"mentions,omitempty"`
	Entities  []Entity   `json:"entities,omitempty"`
	Dates     []TimeExpr `json:"dates,omitempty"`
	Events    []Event    `json:"events,omitempty"`
	Relations []Relation `json:"relations,omitempty"`
	// Coreferences link pronouns, definite descriptions and surnames to
	// the entities they refer to (the coref stage), sorted by Start.
	Coreferences []Coreference `json:"coreferences,omitempty"`

	// Errors are per-document failures, in the order they happened. A
	// document with non-fatal errors still flows through the remaining
	// stages; after a fatal one the runner skips them.
	Errors []DocError `json:"errors,omitempty"`

	// inSections: the stages from the one that received the clean text
	// on ran over the document's sections (sections.go).
	inSections bool
}

// DocError is a failure attached to one document.
type DocError struct {
	Stage   string `json:"stage"`
	Message string `json:"message"`
	// Fatal marks errors after which the document has no usable text (for
	// example unreadable or binary input); the runner skips the remaining
	// stages.
	Fatal bool `json:"fatal,omitempty"`
}

// Failed reports whether the document has a fatal error.
func (d *Document) Failed() bool {
	for _, e := range d.Errors {
		if e.Fatal {
			return true
		}
	}
	return false
}

// AddError records a per-document error from the named stage.
func (d *Document) AddError(stage string, err error, fatal bool) {
	d.Errors = append(d.Errors, DocError{Stage: stage, Message: err.Error(), Fatal: fatal})
}

// Slice returns the clean text under s, or "" when s is out of range.
func (d *Document) Slice(s Span) string {
	if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
		return ""
	}
	return d.Text[s.Start:s.End]
}

// InBoilerplate reports whether s lies inside a boilerplate span.
func (d *Document) InBoilerplate(s Span) bool {
	for _, b := range d.Boilerplate {
		if b.Contains(s) {
			return true
		}
	}
	return false
}

// SentenceAt returns the index of the sentence containing byte offset off,
// or -1.
func (d *Document) SentenceAt(off int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case off < d.Sentences[m].Start:
			hi = m
		case off >= d.Sentences[m].End:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// Entity returns the entity with the given id, or nil.
func (d *Document) Entity(id string) *Entity {
	for i := range d.Entities {
		if d.Entities[i].ID == id {
			return &d.Entities[i]
		}
	}
	return nil
}

// Sentence is a sentence span of Text.
type Sentence struct {
	Span
}

// Token is one word or punctuation token of Text, from prose's tokenizer.
type Token struct {
	Span
	// Tag is the Penn Treebank part-of-speech tag.
	Tag string `json:"tag,omitempty"`
	// Label is prose's IOB entity label (B-PERSON, I-GPE, O), empty when the
	// model did not run.
	Label string `json:"label,omitempty"`
	// Word holds the attributes of the token's text (lower-case and folded
	// forms, shape, case flags), filled by the nlp stage. It is derived, not
	// serialized: Document.AnalyzeTokens fills it again.
	Word `json:"-"`
	// UPOS is the Universal Dependencies part-of-speech tag (NOUN, PROPN,
	// VERB, AUX, ...), set by the parse stage for the tokens of the
	// sentences it parsed.
	UPOS string `json:"upos,omitempty"`
	// Head is the index in Document.Tokens of the token's syntactic head,
	// -1 for the root of its sentence. It is meaningful only when Dep is
	// set (0 is omitted from JSON and reads back as 0).
	Head int `json:"head,omitempty"`
	// Dep is the Universal Dependencies relation to Head (nsubj, obj,
	// obl:tmod, root, ...); empty when the sentence was not parsed. See
	// Tree for navigating the parse.
	Dep string `json:"dep,omitempty"`
}

// Entity types used in output. Others are allowed.
const (
	Person       = entity.Person
	Country      = entity.Country
	Organization = entity.Organization
	Location     = entity.Location
	// NORP is a nationality or a religious or political group no single
	// country stands for (Kurds, Yazidis, Shiites), as in OntoNotes.
	NORP = entity.NORP
	// Index is a stock market index (FTSE 100, the Dow).
	Index = entity.Index
)

// Mention is one occurrence of an entity in Text.
type Mention struct {
	Span
	// EntityID is the Entities entry this mention belongs to.
	EntityID string `json:"entity"`
	Type     string `json:"type"`
	// Source names what found it: gazetteer, prose, rule, pos, coref, ...
	Source string `json:"source"`
	// Form says how the mention names the entity: name, alias, demonym,
	// metonym, acronym, surname, ...
	Form string `json:"form,omitempty"`
	// Score is the confidence of the link to EntityID, 0..1.
	Score float64 `json:"score,omitempty"`
	// Reason explains the link (exact alias, folded alias, surname, ...).
	Reason string `json:"reason,omitempty"`
	// Evidence holds cues found around the mention, e.g. role=President,
	// country=country:KZ from "Kazakhstan President Nursultan Nazarbayev".
	Evidence map[string]string `json:"evidence,omitempty"`
}

// Entity is one real-world thing mentioned in the document.
type Entity struct {
	// ID is stable across documents: a gazetteer id such as country:RU or
	// person:vladimir-putin, else one derived from the normalized name.
	ID      string   `json:"id"`
	Type    string   `json:"type"`
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"`
	// Count is the number of mentions.
	Count int `json:"count"`
	// Salience ranks entities within the document, 0..1.
	Salience float64 `json:"salience"`
	// Linked is true when ID is a gazetteer entry.
	Linked bool `json:"linked"`
	// Ambiguous lists other gazetteer ids the name could refer to when the
	// document did not settle it.
	Ambiguous []string `json:"ambiguous,omitempty"`
	// Attrs holds typed facts: country, org_type, role, ...
	Attrs map[string]string `json:"attrs,omitempty"`
}

// TimeExpr is a temporal expression found in Text.
type TimeExpr struct {
	Span
	// Value is the normalized value: YYYY, YYYY-MM, YYYY-MM-DD, or
	// START/END for ranges; empty when it could not be resolved. Coarser
	// expressions use TimeML's forms: YYYY-Www (ISO week), YYYY-Www-WE
	// (weekend), YYYY-Qn, YYYY-Hn, YYYY-SP/SU/FA/WI, YYY (decade), YY
	// (century), and PRESENT_REF/PAST_REF/FUTURE_REF when the dates stage
	// reports vague references.
	Value string `json:"value,omitempty"`
	// Granularity is day, week, month, quarter, season, year, decade,
	// century or vague; a range has the granularity of its ends.
	Granularity string `json:"granularity,omitempty"`
	// Kind is absolute, partial, relative or range.
	Kind string `json:"kind,omitempty"`
	// Note explains the resolution, or why there is none.
	Note string `json:"note,omitempty"`
}

// Event is something that happened: a trigger with participants, a place
// and a date.
type Event struct {
	ID   string `json:"id"`
	Kind string `json:"kind"`
	// CAMEO is the event code (at least the two-digit root).
	CAMEO string `json:"cameo,omitempty"`
	// QuadClass is GDELT's 1 verbal cooperation, 2 material cooperation,
	// 3 verbal conflict, 4 material conflict.
	QuadClass int `json:"quad_class,omitempty"`
	// Trigger is the word or phrase that evokes the event; Triggers lists
	// every mention when the event was merged from several.
	Trigger      Span          `json:"trigger"`
	Triggers     []Span        `json:"triggers,omitempty"`
	Participants []Participant `json:"participants,omitempty"`
	// Source and Target are the event's dyad: the entity ids of who did
	// it and to whom, either empty when the text names none. An event
	// whose trigger has coordinated sources or targets ("Russia and
	// Turkey met Iran") is split into one event per (source, target)
	// pair; each keeps the trigger's participants, its own source as the
	// actor and its own target as the target.
	Source string `json:"source,omitempty"`
	Target string `json:"target,omitempty"`
	// SourceCode and TargetCode are CAMEO actor codes (RUSGOV, ---MIL)
	// of the source and target, when the actor dictionaries code them.
	SourceCode string `json:"source_code,omitempty"`
	TargetCode string `json:"target_code,omitempty"`
	// Location is an entity id.
	Location string `json:"location,omitempty"`
	// Date is a normalized date value, empty when unknown.
	Date string `json:"date,omitempty"`
	// DateSource says how Date was attached: clause, sentence, none.
	DateSource string `json:"date_source,omitempty"`
	// Evidence is the sentence span.
	Evidence Span `json:"evidence"`
	// Negated marks an event the text says did not or will not happen
	// ("refused to sign", "NATO's unwillingness to cooperate").
	Negated bool `json:"negated,omitempty"`
	// Modality is asserted, future ("will fight"), hypothetical ("may
	// sign", "hoped to reach") or reported (inside what someone said);
	// "" only for events built before modality existed.
	Modality string `json:"modality,omitempty"`
}

// Participant is an entity taking part in an event.
type Participant struct {
	Entity string `json:"entity"`
	// Role is actor, target or other.
	Role string `json:"role"`
}

// Relation is a typed link between two entities.
type Relation struct {
	Source string `json:"source"`
	Type   string `json:"type"`
	Target string `json:"target"`
	// Label is a human-readable qualifier: the role for holds_role
	// ("Foreign Minister"), a cue word for others ("guarantors").
	Label      string  `json:"label,omitempty"`
	Evidence   Span    `json:"evidence"`
	Confidence float64 `json:"confidence,omitempty"`
	Date       string  `json:"date,omitempty"`
	// Rule names the pattern or rule that produced the relation.
	Rule string `json:"rule,omitempty"`
	// Events lists the event ids the relation was derived from.
	Events []string `json:"events,omitempty"`
}

// Relation types.
const (
	HoldsRole      = "holds_role"
	MemberOf       = "member_of"
	AffiliatedWith = "affiliated_with"
	LocatedIn      = "located_in"
	CooperatesWith = "cooperates_with"
	Opposes        = "opposes"
)
