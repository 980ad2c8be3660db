package nlp

import (
	"context"
	"fmt"
	"sync"

	"github.com/entente-nlp/entente/pipeline"
	"github.com/jdkato/prose/v3/ner"
	"github.com/jdkato/prose/v3/segment"
	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/token"
	"github.com/jdkato/prose/v3/tokenize"
)

// Name is the stage name used in configuration.
const Name = "nlp"

// Models holds prose's tokenizer, segmenter, tagger and entity model. They
// are loaded once per process and are safe for concurrent use.
type Models struct {
	Tokenizer *tokenize.Tokenizer
	Segmenter *segment.Segmenter
	Tagger    *tag.Tagger
	// Fast gives Tagger's tags on the same model, faster; the stage uses
	// it when set.
	Fast *FastTagger
	// NER is nil until NERModel is called.
	nerOnce sync.Once
	ner     *ner.Extracter
	nerErr  error
}

var shared = sync.OnceValues(func() (*Models, error) {
	seg, err := segment.New()
	if err != nil {
		return nil, fmt.Errorf("nlp: loading sentence segmenter: %w", err)
	}
	tg, err := tag.New()
	if err != nil {
		return nil, fmt.Errorf("nlp: loading tagger: %w", err)
	}
	fast, err := SharedFastTagger()
	if err != nil {
		return nil, err
	}
	return &Models{Tokenizer: tokenize.New(), Segmenter: seg, Tagger: tg, Fast: fast}, nil
})

// SharedModels returns the process-wide prose models, loading them on first
// use.
func SharedModels() (*Models, error) { return shared() }

// NERModel returns prose's entity model, loading it on first use.
func (m *Models) NERModel() (*ner.Extracter, error) {
	m.nerOnce.Do(func() {
		m.ner, m.nerErr = ner.New()
		if m.nerErr != nil {
			m.nerErr = fmt.Errorf("nlp: loading entity model: %w", m.nerErr)
		}
	})
	return m.ner, m.nerErr
}

// Stage fills Document.Sentences and Document.Tokens (with POS tags, the
// word attributes of pipeline.Word, and prose NER labels when enabled).
type Stage struct {
	models *Models
	ner    *ner.Extracter
	// scratch pools the prose tokens a document is tokenized into
	// (*[]token.Token) before they become pipeline.Tokens.
	scratch sync.Pool
}

var _ pipeline.Stage = (*Stage)(nil)

// Options configure the stage.
type Options struct {
	// ProseNER runs prose's entity model and stores its IOB labels on the
	// tokens, as one candidate source for the entities stage.
	ProseNER bool
}

// Spec registers the stage on shared models: it requires the clean text
// and provides the sentences and tokens. It takes no options in the
// configuration (prose's entity model is switched on by opts, from
// nlp.prose_ner).
func Spec(models *Models, opts Options) pipeline.Spec {
	return pipeline.Spec{
		Name:     Name,
		Requires: []string{pipeline.ArtifactText},
		Provides: []string{pipeline.ArtifactSentences, pipeline.ArtifactTokens},
		New: func(m map[string]any) (pipeline.Stage, error) {
			if err := pipeline.DecodeOptions(Name, m, &struct{}{}); err != nil {
				return nil, err
			}
			return New(models, opts)
		},
	}
}

// New builds the stage on shared models, which must not be nil.
func New(models *Models, opts Options) (*Stage, error) {
	if models == nil {
		return nil, fmt.Errorf("nlp: no models (load them with SharedModels)")
	}
	s := &Stage{models: models}
	if opts.ProseNER {
		x, err := models.NERModel()
		if err != nil {
			return nil, err
		}
		s.ner = x
	}
	return s, nil
}

// Name returns "nlp".
func (s *Stage) Name() string { return Name }

// Process segments, tokenizes and tags d.Text.
func (s *Stage) Process(ctx context.Context, d *pipeline.Document) error {
	sents := s.models.Segmenter.Segment(d.Text)
	d.Sentences = make([]pipeline.Sentence, 0, len(sents))
	for _, st := range sents {
		d.Sentences = append(d.Sentences, pipeline.Sentence{Span: pipeline.Span{Start: st.Start, End: st.End()}})
	}
	scratch, _ := s.scratch.Get().(*[]token.Token)
	if scratch == nil {
		scratch = new([]token.Token)
	}
	defer func() {
		clear(*scratch) // drop the document's words
		s.scratch.Put(scratch)
	}()
	toks := appendTokens((*scratch)[:0], d.Text)
	*scratch = toks
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.models.Fast != nil {
		s.models.Fast.TagTokens(toks)
	} else {
		s.models.Tagger.TagTokens(toks)
	}
	if s.ner != nil {
		s.ner.Label(toks)
	}
	d.Tokens = convert(toks, d.Tokens[:0])
	d.AnalyzeTokens()
	return nil
}

func convert(toks []token.Token, out []pipeline.Token) []pipeline.Token {
	if cap(out) < len(toks) {
		out = make([]pipeline.Token, 0, len(toks))
	}
	for _, t := range toks {
		out = append(out, pipeline.Token{
			Span:  pipeline.Span{Start: t.Start, End: t.End()},
			Tag:   t.Tag,
			Label: t.Label,
		})
	}
	return out
}
