package config

import (
	"fmt"

	"github.com/spf13/viper"
)

// FromSettings builds a configuration from the defaults and settings, a
// nested map with the keys of entente.yaml (as viper's AllSettings returns
// them), without reading a file or the environment. name says where the
// settings came from in error messages; registered is as in Options.
// Unknown keys and bad values are errors, as in a file.
func FromSettings(settings map[string]any, name string, registered []string) (*Config, error) {
	v := viper.New()
	defs := defaults(registered)
	for k, val := range defs {
		v.SetDefault(k, val)
	}
	origin := map[string]string{}
	if len(settings) > 0 {
		if err := v.MergeConfigMap(settings); err != nil {
			return nil, fmt.Errorf("config: %s: %w", name, err)
		}
		if err := checkKeys(v, defs, name); err != nil {
			return nil, err
		}
		for k := range defs {
			if v.InConfig(k) {
				origin[k] = name
			}
		}
	}
	return decode(v, origin, "")
}
