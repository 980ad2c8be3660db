package entente

import (
	"errors"
	"fmt"
	"maps"

	"github.com/spf13/viper"
)

// Option configures New; the With functions make them.
type Option struct{ apply func(*settings) error }

// settings collects the options of New. Options other than WithConfig
// override the configuration whatever their order.
type settings struct {
	config    map[string]any
	gazetteer []string
	pipeline  []string
	stages    map[string]map[string]any
	workers   *int
}

// WithConfig reads the configuration v holds, with the keys of
// entente.yaml (docs: README "Configuration"): pipeline, workers,
// gazetteer.files, nlp.prose_ner, published and stages.<name>.<option>;
// the CLI's input.* and output.* keys are accepted and ignored. Unknown
// keys and bad values make New fail. Unlike the CLI, New reads neither
// ./entente.yaml nor ENTENTE_* environment variables unless v does.
func WithConfig(v *viper.Viper) Option {
	return Option{func(s *settings) error {
		if v == nil {
			return errors.New("entente: WithConfig(nil)")
		}
		s.config = v.AllSettings()
		return nil
	}}
}

// WithGazetteer loads gazetteer files (YAML or JSON, see docs/gazetteer.md)
// on top of the embedded gazetteer and of the configuration's
// gazetteer.files.
func WithGazetteer(files ...string) Option {
	return Option{func(s *settings) error {
		s.gazetteer = append(s.gazetteer, files...)
		return nil
	}}
}

// WithPipeline sets the stages to run, in order, instead of the default
// (ingest, clean, nlp, entities, dates, events, relations).
func WithPipeline(stages ...string) Option {
	return Option{func(s *settings) error {
		if len(stages) == 0 {
			return errors.New("entente: WithPipeline() names no stage")
		}
		s.pipeline = append([]string(nil), stages...)
		return nil
	}}
}

// WithStageOptions sets the options of one stage (the keys of
// stages.<stage> in entente.yaml, e.g. "types" for relations),
// replacing those the configuration gives it. The stage validates them
// when New builds it.
func WithStageOptions(stage string, opts map[string]any) Option {
	return Option{func(s *settings) error {
		if stage == "" {
			return errors.New("entente: WithStageOptions: empty stage name")
		}
		if s.stages == nil {
			s.stages = map[string]map[string]any{}
		}
		s.stages[stage] = maps.Clone(opts)
		return nil
	}}
}

// WithWorkers sets the number of concurrent workers per stage used by
// ExtractAll; 0 means one per CPU. Extract runs one document on the
// calling goroutine whatever its value.
func WithWorkers(n int) Option {
	return Option{func(s *settings) error {
		if n < 0 {
			return fmt.Errorf("entente: WithWorkers(%d): workers must be 0 (one per CPU) or more", n)
		}
		s.workers = &n
		return nil
	}}
}
