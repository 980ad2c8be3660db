package main

import (
	"fmt"

	"github.com/entente-nlp/entente"
	"github.com/entente-nlp/entente/internal/app/config"
	"github.com/spf13/viper"
	"gopkg.in/yaml.v3"
)

// newExtractor builds the Go API's Extractor on the CLI's effective
// configuration (file, ENTENTE_*, flags), for the faces that run the
// pipeline through it (nats work, serve).
func newExtractor(cfg *config.Config) (*entente.Extractor, error) {
	b, err := cfg.YAML()
	if err != nil {
		return nil, err
	}
	var m map[string]any
	if err := yaml.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	v := viper.New()
	if err := v.MergeConfigMap(m); err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return entente.New(entente.WithConfig(v))
}
