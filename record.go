package entente

// SchemaVersion is the version of the output contract that Record and
// `entente extract` follow (docs/output.md lists the versions). It grows
// when a field changes meaning or shape; added fields do not change it.
const SchemaVersion = 2

// Record is what entente found in one document: the output of
// (*Extractor).Extract and the record `entente extract --format json`
// writes. Lists are never nil, so they encode as [] when empty. Offsets
// (Mention.Start, Date.Start, Event.TriggerStart, ...) are byte offsets into
// the input exactly as given (Input.Text, or the file's bytes), half-open,
// so that input[Start:End] is the Text beside them.
type Record struct {
	// ID is the document's id: Input.ID, or for the CLI the file name
	// without extension, the JSON Lines "id", "file:LINE", ...
	ID string `json:"id"`
	// Source says where the document came from: Input.Source, or for the
	// CLI the path, "path:LINE" for JSON Lines, "-" for standard input.
	Source string `json:"source"`
	// Title is the given title, else the HTML title or meta tags, else the
	// first heading; "" when unknown.
	Title string `json:"title"`
	// Authors are the given or found authors; omitted when unknown.
	Authors []string `json:"authors,omitempty"`
	// URL is the given or found canonical URL; omitted when unknown.
	URL string `json:"url,omitempty"`
	// Published is the publication date, YYYY-MM-DD, given or found in the
	// document (HTML meta, a dateline); "" when unknown. Relative dates
	// resolve against it.
	Published string `json:"published"`
	// Text is the main text as entente read it (MainText): the article's
	// blocks separated by newlines, boilerplate left out. Only with
	// `entente extract --text` (or when the caller sets it); omitted
	// otherwise.
	Text string `json:"text,omitempty"`
	// Entities are the people, countries, organizations and places
	// mentioned, in the order the entities stage ranks them.
	Entities []Entity `json:"entities"`
	// Dates are the temporal expressions, in text order.
	Dates []Date `json:"dates"`
	// Events are the events found, in text order of their triggers.
	Events []Event `json:"events"`
	// Relations are the typed links between entities.
	Relations []Relation `json:"relations"`
	// Coreferences link pronouns ("he", "its"), definite descriptions
	// ("the minister", "the company") and surnames to the entities they
	// refer to, in text order; [] when none (or the coref stage did not
	// run).
	Coreferences []Coreference `json:"coreferences"`
	// Errors are the document's problems; [] when none. A fatal one means
	// the document had no usable text and its lists are empty.
	Errors []Error `json:"errors"`
}

// Entity is one real-world thing a document mentions, with its mentions.
type Entity struct {
	// ID is stable across documents: a gazetteer id (country:RU,
	// city:moscow, org:nato, person:sergey-lavrov), or kind:slug of the
	// normalized name for entities the gazetteer does not know.
	ID string `json:"id"`
	// Type is PERSON, COUNTRY, ORGANIZATION, LOCATION, NORP (a group no
	// single country stands for) or INDEX (a stock index); others allowed.
	Type string `json:"type"`
	// Name is the canonical name: the gazetteer's, else the longest form
	// in the text.
	Name string `json:"name"`
	// Aliases are the other names the document used for it; never nil.
	Aliases []string `json:"aliases"`
	// Linked is true when ID is a gazetteer entry.
	Linked bool `json:"linked"`
	// Ambiguous lists other gazetteer ids the name could refer to when the
	// document did not settle it.
	Ambiguous []string `json:"ambiguous,omitempty"`
	// Attrs holds typed facts such as country (an entity id), org_type,
	// role or iso.
	Attrs map[string]string `json:"attrs,omitempty"`
	// Mentions are the occurrences, in text order; never nil.
	Mentions []Mention `json:"mentions"`
	// Count is the number of mentions.
	Count int `json:"count"`
	// Salience ranks entities within the document, 0..1.
	Salience float64 `json:"salience"`
}

// Mention is one occurrence of an entity.
type Mention struct {
	// Start and End are byte offsets into the original input; Text is
	// exactly those bytes.
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Sentence is the 0-based index of the sentence holding the mention,
	// -1 when unknown.
	Sentence int `json:"sentence"`
	// Source names what found the mention: gazetteer, rule, nermodel,
	// prose, coref, ...
	Source string `json:"source,omitempty"`
	// Form says how it names the entity: name, alias, demonym, metonym,
	// acronym, surname, ...
	Form string `json:"form,omitempty"`
}

// Date is a temporal expression.
type Date struct {
	// Start and End are byte offsets into the original input; Text is
	// exactly those bytes.
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Value is YYYY, YYYY-MM, YYYY-MM-DD, START/END for ranges, or a TimeML
	// form (YYYY-Www, YYYY-Qn, YYYY-SU, ...); "" when it could not be
	// resolved (a relative date without a publication date).
	Value string `json:"value"`
	// Granularity is day, week, month, quarter, season, year, decade,
	// century or vague.
	Granularity string `json:"granularity,omitempty"`
	// Kind is absolute, partial, relative or range.
	Kind string `json:"kind,omitempty"`
	// Note explains the resolution, or why there is none.
	Note string `json:"note,omitempty"`
}

// Event is something that happened: a trigger with participants, a place
// and a date.
type Event struct {
	// ID is unique within the document.
	ID string `json:"id"`
	// Kind is meeting, visit, statement, agreement, ceasefire, attack, ...
	Kind string `json:"kind"`
	// CAMEO is the CAMEO event code (at least the two-digit root).
	CAMEO string `json:"cameo"`
	// QuadClass is GDELT's 1 verbal cooperation, 2 material cooperation,
	// 3 verbal conflict, 4 material conflict; 0 when the kind has none.
	QuadClass int `json:"quad_class"`
	// Date is a normalized date (as Date.Value); "" when unknown, never the
	// publication date by default.
	Date string `json:"date"`
	// DateSource says how Date was attached: clause, sentence or none.
	DateSource string `json:"date_source"`
	// Trigger is the word or phrase that evokes the event (its first
	// mention); TriggerStart and TriggerEnd are its original byte offsets.
	Trigger      string `json:"trigger"`
	TriggerStart int    `json:"trigger_start"`
	TriggerEnd   int    `json:"trigger_end"`
	// Participants are the entities taking part, each with its role;
	// never nil.
	Participants []Participant `json:"participants"`
	// Source and Target are the event's dyad, entity ids of who did it
	// and to whom ("" when the text names none). A trigger with
	// coordinated sources or targets ("Russia and Turkey met Iran") gives
	// one event per (source, target) pair, all with the same trigger.
	Source string `json:"source"`
	Target string `json:"target"`
	// SourceCode and TargetCode are their CAMEO actor codes (RUSGOV),
	// "" when the actor dictionaries code neither.
	SourceCode string `json:"source_code"`
	TargetCode string `json:"target_code"`
	// Location is the entity id of where it happened; "" when unknown.
	Location string `json:"location"`
	// Negated marks an event the text says did not, or will not, happen
	// ("refused to sign"); such events never yield relations.
	Negated bool `json:"negated"`
	// Modality is asserted, future ("will fight"), hypothetical ("may
	// sign", "hoped to reach": never yields relations) or reported (inside
	// what someone said).
	Modality string `json:"modality"`
	// Evidence is the sentence the event was found in (clean text, white
	// space collapsed).
	Evidence string `json:"evidence"`
}

// Participant is an entity taking part in an event.
type Participant struct {
	// ID is the entity id (an entry of Record.Entities).
	ID string `json:"id"`
	// Role is actor, target or other.
	Role string `json:"role"`
}

// Relation is a typed link between two entities of the document.
type Relation struct {
	// Source and Target are entity ids.
	Source string `json:"source"`
	// Type is holds_role, member_of, affiliated_with, located_in,
	// cooperates_with or opposes (others may be added).
	Type   string `json:"type"`
	Target string `json:"target"`
	// Label qualifies the relation: the office for holds_role ("Foreign
	// Minister"), a cue word for others.
	Label string `json:"label"`
	// Evidence is the sentence the relation was found in (clean text,
	// white space collapsed).
	Evidence string `json:"evidence"`
	// Date is when the relation held or was observed; omitted when unknown.
	Date string `json:"date,omitempty"`
	// Confidence is 0..1.
	Confidence float64 `json:"confidence"`
	// Rule names the pattern that produced the relation.
	Rule string `json:"rule"`
	// Events are the ids of the events the relation was derived from.
	Events []string `json:"events,omitempty"`
}

// Coreference is a phrase that refers to an entity without naming it in
// full: a pronoun, a definite description or a surname.
type Coreference struct {
	// Start and End are byte offsets into the original input; Text is
	// exactly those bytes.
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Sentence is the 0-based index of the sentence holding it, -1 when
	// unknown.
	Sentence int `json:"sentence"`
	// Entity is the id of the entity it refers to (an entry of
	// Record.Entities).
	Entity string `json:"entity"`
	// Kind is pronoun, description or surname.
	Kind string `json:"kind"`
	// Rule names the rule that chose the entity (nearest-subject, role,
	// org-type, coordination, ...).
	Rule string `json:"rule,omitempty"`
}

// Error is one problem with a document.
type Error struct {
	// Stage is the step that failed: source (reading inputs), ingest,
	// clean, nlp, ...
	Stage string `json:"stage"`
	// Message names the input and the reason.
	Message string `json:"message"`
	// Fatal means the document had no usable text and was not analysed.
	Fatal bool `json:"fatal"`
}

// Failed reports whether the record carries any error, fatal or not.
func (r *Record) Failed() bool { return len(r.Errors) > 0 }

// Fatal reports whether the record carries a fatal error: the document
// had no usable text and its lists are empty.
func (r *Record) Fatal() bool {
	for _, e := range r.Errors {
		if e.Fatal {
			return true
		}
	}
	return false
}
