package parse

import (
	"context"
	"fmt"
	"sync"

	"github.com/entente-nlp/entente/extract/depparse"
	"github.com/entente-nlp/entente/pipeline"
)

// Name is the stage name used in configuration.
const Name = "parse"

// Options configure the stage.
type Options struct {
	// MaxTokens leaves sentences of more tokens unparsed (their Dep stays
	// empty): such "sentences" are mostly tables, lists or unsplit
	// boilerplate, where a tree means little. 0 means the default, 150.
	MaxTokens int `mapstructure:"max_tokens"`
	// MaxSentences parses at most this many sentences per document: the
	// first ones (in text order) that have a verb and a proper noun by the
	// nlp stage's Penn tags, the sentences where later stages look for who
	// did what to whom. News puts its facts first, and the bound keeps
	// the stage's cost per document flat. 0 means the default, 4; -1
	// parses every sentence (up to MaxTokens tokens).
	MaxSentences int `mapstructure:"max_sentences"`
}

// Stage parses every sentence of a document.
type Stage struct {
	m    *depparse.Model
	opts Options
	pool sync.Pool
}

var _ pipeline.Stage = (*Stage)(nil)

// Spec returns the stage's registration: it requires sentences and tokens
// and provides the parse. m is the parser model; nil means
// depparse.Default(), loaded when the stage is built.
func Spec(m *depparse.Model) pipeline.Spec {
	return pipeline.Spec{
		Name:     Name,
		Requires: []string{pipeline.ArtifactSentences, pipeline.ArtifactTokens},
		Provides: []string{pipeline.ArtifactParse},
		New: func(raw map[string]any) (pipeline.Stage, error) {
			var o Options
			if err := pipeline.DecodeOptions(Name, raw, &o); err != nil {
				return nil, err
			}
			return New(m, o)
		},
	}
}

// New builds the stage on m (nil: the embedded model).
func New(m *depparse.Model, o Options) (*Stage, error) {
	if o.MaxTokens < 0 {
		return nil, fmt.Errorf("parse: max_tokens must not be negative, got %d", o.MaxTokens)
	}
	if o.MaxTokens == 0 {
		o.MaxTokens = 150
	}
	if o.MaxSentences < -1 {
		return nil, fmt.Errorf("parse: max_sentences must be -1 (all) or more, got %d", o.MaxSentences)
	}
	if o.MaxSentences == 0 {
		o.MaxSentences = 4
	}
	if m == nil {
		var err error
		if m, err = depparse.Default(); err != nil {
			return nil, fmt.Errorf("parse: %w", err)
		}
	}
	return &Stage{m: m, opts: o}, nil
}

// Name returns "parse".
func (s *Stage) Name() string { return Name }

type scratch struct {
	p           *depparse.Parser
	words, penn []string
}

// Process parses the sentences of d that Options select, setting UPOS, Head
// and Dep on their tokens; tokens of other sentences keep an empty Dep.
func (s *Stage) Process(ctx context.Context, d *pipeline.Document) error {
	sc, _ := s.pool.Get().(*scratch)
	if sc == nil {
		sc = &scratch{p: s.m.NewParser()}
	}
	defer s.pool.Put(sc)
	parsed := 0
	for si := range d.Sentences {
		if s.opts.MaxSentences >= 0 && parsed >= s.opts.MaxSentences {
			break
		}
		if si%64 == 63 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		lo, hi := d.SentenceTokens(si)
		if hi-lo == 0 || hi-lo > s.opts.MaxTokens || (s.opts.MaxSentences >= 0 && !worthParsing(d.Tokens[lo:hi])) {
			continue
		}
		parsed++
		sc.sentence(d, lo, hi)
	}
	clear(sc.words)
	clear(sc.penn)
	return nil
}

// sentence parses tokens [lo, hi) of d in place.
func (sc *scratch) sentence(d *pipeline.Document, lo, hi int) {
	sc.words, sc.penn = sc.words[:0], sc.penn[:0]
	for i := lo; i < hi; i++ {
		t := &d.Tokens[i]
		sc.words = append(sc.words, d.Text[t.Start:t.End])
		sc.penn = append(sc.penn, t.Tag)
	}
	sc.p.Parse(sc.words, sc.penn)
	for i := lo; i < hi; i++ {
		t := &d.Tokens[i]
		t.UPOS = sc.p.UPOS(i - lo)
		t.Dep = sc.p.Dep(i - lo)
		if h := sc.p.Head(i - lo); h >= 0 {
			t.Head = lo + h
		} else {
			t.Head = -1
		}
	}
}

// Sentence parses sentence si of d in place if it is not parsed yet, for
// a later stage that needs the tree of a sentence the stage's selection
// left out (see Options.MaxSentences). m nil means depparse.Default(). It
// is safe for concurrent use on different documents.
func Sentence(m *depparse.Model, d *pipeline.Document, si int) error {
	lo, hi := d.SentenceTokens(si)
	if lo == hi || d.Tokens[lo].Parsed() {
		return nil
	}
	if m == nil {
		var err error
		if m, err = depparse.Default(); err != nil {
			return fmt.Errorf("parse: %w", err)
		}
	}
	p := m.Get()
	defer m.Put(p)
	sc := scratch{p: p}
	sc.sentence(d, lo, hi)
	return nil
}

// worthParsing reports whether a sentence has a verb and a proper noun
// (Penn tags VB*, NNP*).
func worthParsing(toks []pipeline.Token) bool {
	verb, name := false, false
	for i := range toks {
		t := toks[i].Tag
		if len(t) >= 2 && t[0] == 'V' && t[1] == 'B' {
			verb = true
		} else if len(t) >= 3 && t[:3] == "NNP" {
			name = true
		}
	}
	return verb && name
}
