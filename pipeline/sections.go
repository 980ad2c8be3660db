package pipeline

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"
)

// A document much larger than an article (a book, a dump of a site, a
// transcript) would hold every token, parse and candidate of its whole
// text at once: about 100 bytes per byte of text. Past a size the stages
// that work on the clean text therefore run on it section by section, each
// section a few hundred kilobytes cut at a paragraph break, and the
// results are merged into the document as they come: memory then grows
// with the results (mentions, entities, events), not with the text.
//
// Sections see the document's metadata, and its blocks and boilerplate
// within their span; their spans are shifted back to the document's text.
// What spans sections is merged by id: an entity's count is the sum of its
// sections', its salience the highest, its aliases and attributes the
// union; events are renumbered; relations with the same ends, type and
// label are one. What a stage links across a whole document (a surname to
// the full name said earlier, a pronoun to its antecedent) links within a
// section only, and the tokens of a sectioned document are not kept (its
// sentences are).

// DefaultSectionBytes is the section size the command line uses: far
// above a news article (a few kilobytes), small enough that a section's
// working memory (about 100 bytes per byte) stays in the tens of
// megabytes.
const DefaultSectionBytes = 64 << 10

// WithSections makes the runner process the clean text of documents
// longer than n bytes in sections of about n bytes (see the package
// documentation of sections); 0, the default, processes every document
// whole.
func WithSections(n int) Option {
	return func(r *Runner) {
		if n > 0 {
			r.sections = n
		}
	}
}

// sectioned reports whether stage i must run d in sections of n bytes:
// d's clean text is longer than n and no stage has processed it in
// sections yet.
func sectioned(d *Document, n int) bool {
	return n > 0 && !d.inSections && len(d.Text) > n && len(d.Tokens) == 0
}

// ProcessSections runs stages over d as ProcessDocument does, except
// that a document whose clean text is longer than n bytes runs, from the
// first stage that receives the text, in sections of about n bytes
// merged into d. n <= 0 processes every document whole.
func ProcessSections(ctx context.Context, stages []Stage, d *Document, n int) error {
	for i, st := range stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		if d.Failed() {
			return nil
		}
		if sectioned(d, n) {
			return processSections(ctx, stages[i:], d, n)
		}
		if err := process(ctx, st, d); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			d.AddError(st.Name(), err, IsFatal(err))
		}
	}
	return nil
}

// processSections runs stages over each section of d in turn and merges
// the results into d.
func processSections(ctx context.Context, stages []Stage, d *Document, n int) error {
	d.inSections = true
	m := newSectionMerge(d)
	for _, sp := range cutSections(d.Text, n) {
		s := d.section(sp)
		if err := ProcessDocument(ctx, stages, s); err != nil {
			return err
		}
		m.add(s, sp.Start)
		if s.Failed() {
			break
		}
	}
	m.finish()
	return nil
}

// cutSections cuts text into spans of at most about n bytes, each ending
// at the last paragraph break (a blank line) before the bound, else the
// last line break, else the last sentence end (". "), else the last
// space, else at the bound (on a rune boundary).
func cutSections(text string, n int) []Span {
	var out []Span
	for a := 0; a < len(text); {
		if len(text)-a <= n {
			out = append(out, Span{a, len(text)})
			break
		}
		window := text[a : a+n]
		cut := -1
		for _, sep := range []string{"\n\n", "\n", ". ", " "} {
			// Not in the first half: a section stays about n bytes.
			if i := strings.LastIndex(window, sep); i >= n/2 {
				cut = i + len(sep)
				break
			}
		}
		if cut < 0 {
			cut = n
			for cut > 1 && !runeStart(text[a+cut]) {
				cut--
			}
		}
		out = append(out, Span{a, a + cut})
		a += cut
	}
	return out
}

func runeStart(b byte) bool { return b&0xC0 != 0x80 }

// section returns a document for sp of d's text: d's metadata, the text
// under sp, and the blocks and boilerplate within sp, shifted to the
// section's offsets.
func (d *Document) section(sp Span) *Document {
	s := &Document{
		Seq: d.Seq, ID: d.ID, Source: d.Source, Format: d.Format, Title: d.Title, Authors: d.Authors,
		URL: d.URL, Published: d.Published, PublishedFrom: d.PublishedFrom, Meta: d.Meta,
		Text: d.Text[sp.Start:sp.End],
	}
	clip := func(x Span) (Span, bool) {
		a, b := max(x.Start, sp.Start), min(x.End, sp.End)
		return Span{a - sp.Start, b - sp.Start}, a < b
	}
	for _, b := range d.Boilerplate {
		if c, ok := clip(b); ok {
			s.Boilerplate = append(s.Boilerplate, c)
		}
	}
	for _, b := range d.Blocks {
		if c, ok := clip(b.Span); ok {
			b.Span = c
			s.Blocks = append(s.Blocks, b)
		}
	}
	return s
}

// sectionMerge merges sections' results into their document.
type sectionMerge struct {
	d        *Document
	entity   map[string]int // entity id → index in d.Entities
	relation map[string]int // relation key → index in d.Relations
	events   int            // events so far, for renumbering
}

func newSectionMerge(d *Document) *sectionMerge {
	return &sectionMerge{d: d, entity: map[string]int{}, relation: map[string]int{}}
}

// add merges section s, which starts at byte off of the document's text.
func (m *sectionMerge) add(s *Document, off int) {
	d := m.d
	shift := func(sp Span) Span {
		if sp == (Span{}) {
			return sp
		}
		return Span{sp.Start + off, sp.End + off}
	}
	for _, st := range s.Sentences {
		d.Sentences = append(d.Sentences, Sentence{Span: shift(st.Span)})
	}
	for _, mt := range s.Mentions {
		mt.Span = shift(mt.Span)
		d.Mentions = append(d.Mentions, mt)
	}
	for _, e := range s.Entities {
		k, ok := m.entity[e.ID]
		if !ok {
			m.entity[e.ID] = len(d.Entities)
			d.Entities = append(d.Entities, e)
			continue
		}
		mergeEntity(&d.Entities[k], &e)
	}
	for _, c := range s.Coreferences {
		c.Span = shift(c.Span)
		d.Coreferences = append(d.Coreferences, c)
	}
	for _, t := range s.Dates {
		t.Span = shift(t.Span)
		d.Dates = append(d.Dates, t)
	}
	ids := make(map[string]string, len(s.Events))
	for _, ev := range s.Events {
		m.events++
		id := "e" + strconv.Itoa(m.events)
		ids[ev.ID] = id
		ev.ID = id
		ev.Trigger = shift(ev.Trigger)
		ev.Evidence = shift(ev.Evidence)
		if len(ev.Triggers) > 0 {
			ts := make([]Span, len(ev.Triggers))
			for i, t := range ev.Triggers {
				ts[i] = shift(t)
			}
			ev.Triggers = ts
		}
		d.Events = append(d.Events, ev)
	}
	for _, r := range s.Relations {
		r.Evidence = shift(r.Evidence)
		if len(r.Events) > 0 {
			evs := make([]string, 0, len(r.Events))
			for _, id := range r.Events {
				if n, ok := ids[id]; ok {
					id = n
				}
				evs = append(evs, id)
			}
			r.Events = evs
		}
		key := r.Source + "\x00" + r.Type + "\x00" + r.Target + "\x00" + r.Label
		k, ok := m.relation[key]
		if !ok {
			m.relation[key] = len(d.Relations)
			d.Relations = append(d.Relations, r)
			continue
		}
		p := &d.Relations[k]
		p.Confidence = max(p.Confidence, r.Confidence)
		for _, id := range r.Events {
			if !containsString(p.Events, id) {
				p.Events = append(p.Events, id)
			}
		}
	}
	d.Errors = append(d.Errors, s.Errors...)
}

// mergeEntity folds e, the same entity seen in a later section, into p.
func mergeEntity(p, e *Entity) {
	p.Count += e.Count
	p.Salience = max(p.Salience, e.Salience)
	p.Linked = p.Linked || e.Linked
	for _, a := range append([]string{e.Name}, e.Aliases...) {
		if !strings.EqualFold(a, p.Name) && !containsFold(p.Aliases, a) {
			p.Aliases = append(p.Aliases, a)
		}
	}
	for _, id := range e.Ambiguous {
		if !containsString(p.Ambiguous, id) {
			p.Ambiguous = append(p.Ambiguous, id)
		}
	}
	for k, v := range e.Attrs {
		if _, ok := p.Attrs[k]; !ok {
			if p.Attrs == nil {
				p.Attrs = map[string]string{}
			}
			p.Attrs[k] = v
		}
	}
}

// finish orders the merged entities by salience (stable: first seen
// first on ties), as the entities stage orders a document's.
func (m *sectionMerge) finish() {
	sortEntities(m.d.Entities)
}

// sortEntities orders entities by decreasing salience, stably.
func sortEntities(es []Entity) {
	slices.SortStableFunc(es, func(a, b Entity) int { return cmp.Compare(b.Salience, a.Salience) })
}

func containsString(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func containsFold(xs []string, x string) bool {
	for _, y := range xs {
		if strings.EqualFold(x, y) {
			return true
		}
	}
	return false
}
