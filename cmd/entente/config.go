package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

func newConfigCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "config",
		Short: "Print the effective configuration as YAML",
		Long: `config prints the configuration entente would use: built-in defaults, overridden
by entente.yaml (or the --config file), ENTENTE_* environment variables
(ENTENTE_WORKERS, ENTENTE_OUTPUT_FORMAT, ENTENTE_NLP_PROSE_NER, ...) and flags.
The output is a valid entente.yaml to start from.

config also checks the configuration as extract would at start-up: the
pipeline's stage names and order, each stage's options, and the resources
they load (gazetteer files, lexicon and rules files). It reports every
problem it finds and exits with status 2.`,
		Example: `  entente config
  entente config --config my.yaml --workers 2
  ENTENTE_OUTPUT_FORMAT=table entente config > entente.yaml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := loadConfig(cmd)
			if err != nil {
				return err
			}
			if _, err := sessionOf(cmd).buildApp(cfg); err != nil {
				return usage(err)
			}
			b, err := cfg.YAML()
			if err != nil {
				return err
			}
			from := "built-in defaults"
			if cfg.File != "" {
				from = "defaults and " + cfg.File
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "# effective configuration: %s, then ENTENTE_* variables and flags\n%s", from, b)
			return err
		},
	}
}
