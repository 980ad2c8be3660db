package config

import (
	"fmt"

	"github.com/spf13/viper"
)

// FromSettings builds a configuration from the defaults and settings, a
// nested map with the keys of entente.yaml (as viper's AllSettings returns
// them), without reading a file or the environment. name says where the
// settings came from in error messages; o gives the default pipeline and
// the stage names (o.DefaultPipeline, o.Stages; its other fields are not
// used). Unknown keys and bad values are errors, as in a file.
func FromSettings(settings map[string]any, name string, o Options) (*Config, error) {
	v := viper.New()
	defs := defaults(o.DefaultPipeline)
	for k, val := range defs {
		v.SetDefault(k, val)
	}
	origin := map[string]string{}
	var keyErr error
	var unknown []string
	if len(settings) > 0 {
		if err := v.MergeConfigMap(settings); err != nil {
			return nil, fmt.Errorf("config: %s: %w", name, err)
		}
		unknown, keyErr = checkKeys(v, defs, name)
		for k := range defs {
			if v.InConfig(k) {
				origin[k] = name
			}
		}
	}
	return decode(v, origin, "", settings, o.Stages, keyErr, unknown)
}
