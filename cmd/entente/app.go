package main

// app.go wires configuration, shared resources and stages together, once
// per process. Commands that process articles (extract, eval, graph,
// bench) use it instead of wiring the pipeline themselves:
//
//	app, err := newApp(cmd)          // config (file < env < flags) + extract.Env + stages
//	if err != nil { return err }
//	sum, err := app.Run(cmd.Context(), inputs, func(d *pipeline.Document) error {
//		// d is finished (all stages ran), delivered in input order, one at
//		// a time; d.Errors lists its problems (fatal ones: d.Failed()).
//		return nil
//	})
//	// sum.OK / sum.Warned / sum.Failed count documents; err is a
//	// cancellation or a sink/source failure, never a per-document problem.
//	if err == nil && sum.Failed > 0 { err = errReported }
//
// A command that makes its own documents (an evaluation corpus) calls
// app.RunSource(ctx, src, sink) with a pipeline.Source instead; it gets
// the same runner, reporting and summary.
//
// Run shows a progress bar on a terminal (else logs the rate and ETA every
// 10 s, and a line per document with --verbose), logs each document's
// errors and warnings and a summary line through the session's logger (sessionOf(cmd).log, on the
// command's stderr). app.Env holds the heavy shared resources (prose
// models, entity tagger, gazetteer); add new ones in session.buildEnv. The
// root's persistent flags that override configuration keys are listed in
// configFlags; a command binds a flag of its own to a key with
// bindConfigKey(cmd, "format", "output.format").

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/entente-nlp/entente/extract"
	"github.com/entente-nlp/entente/internal/app/config"
	"github.com/entente-nlp/entente/internal/app/memlimit"
	"github.com/entente-nlp/entente/internal/app/source"
	"github.com/entente-nlp/entente/pipeline"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// configFlags maps the root's persistent flags to the configuration keys
// they override. A command's own flag overrides a key only when it carries
// the configKey annotation (see bindConfigKey), so a command may have a
// --format flag of its own meaning.
var configFlags = map[string]string{
	"workers":   "workers",
	"pipeline":  "pipeline",
	"published": "published",
	"prose-ner": "nlp.prose_ner",
	"gazetteer": "gazetteer.files",
}

// configKey is the flag annotation naming the configuration key a
// command's flag overrides.
const configKey = "entente_config_key"

// bindConfigKey makes cmd's flag name override configuration key.
func bindConfigKey(cmd *cobra.Command, name, key string) {
	if err := cmd.Flags().SetAnnotation(name, configKey, []string{key}); err != nil {
		panic(err) // wiring bug: the flag does not exist
	}
}

// App is the configured program: effective configuration, shared
// resources, and the stages of the configured pipeline.
type App struct {
	Config *config.Config
	Env    extract.Env
	Stages []pipeline.Stage
	// Stdin is read for the input "-"; nil means os.Stdin.
	Stdin io.Reader
	// StreamsToStdout says the sink writes to standard output during the
	// run; the progress bar is then shown only when standard output is not
	// the terminal, so that the two do not interleave.
	StreamsToStdout bool
	// WithText adds each document's main text to its record (extract
	// --text).
	WithText bool
	// TableLimit is the number of rows per section of the table format
	// (extract --limit): 0 means output.TableLimit, less than 0 every row.
	TableLimit int

	// s is the session the app reports to (logger, --quiet).
	s *session
}

// session returns the session a reports to; an App built without one (a
// literal) logs to stderr at the default level.
func (a *App) session() *session {
	if a.s == nil {
		a.s = newSession()
		a.s.setupLogging(os.Stderr)
	}
	return a.s
}

// newApp loads the configuration for cmd (its --config and bound flags),
// builds the shared environment and the configured stages.
func newApp(cmd *cobra.Command) (*App, error) {
	cfg, err := loadConfig(cmd)
	if err != nil {
		return nil, err
	}
	app, err := sessionOf(cmd).buildApp(cfg)
	return app, usage(err)
}

// buildApp builds the shared environment and the stages for cfg. It
// reports every problem it finds at once: resources that do not load
// (a missing gazetteer file), the pipeline's names and order, and the
// stages' options.
func (s *session) buildApp(cfg *config.Config) (*App, error) {
	env, err := s.buildEnv(cfg)
	if err != nil {
		// The stages cannot be built without their resources; still
		// check the pipeline's names and order.
		return nil, errors.Join(err, extract.NewRegistry(extract.Env{}).Check(cfg.Pipeline, cfg.Stages))
	}
	stages, err := extract.BuildStages(env, cfg.Pipeline, cfg.Stages)
	if err != nil {
		return nil, err
	}
	return &App{Config: cfg, Env: env, Stages: stages, s: s}, nil
}

// configOptions returns where the configuration comes from, apart from
// the file and the flags: the stage registry's default pipeline and stage
// names.
func configOptions() config.Options {
	reg := extract.NewRegistry(extract.Env{}) // constructors are not called
	return config.Options{DefaultPipeline: reg.Default(), Stages: reg.Names()}
}

// loadConfig reads the effective configuration for cmd and logs its
// warnings. Its errors are usage errors (exit status 2).
func loadConfig(cmd *cobra.Command) (*config.Config, error) {
	flags := map[string]*pflag.Flag{}
	for name, key := range configFlags {
		if f := cmd.Flags().Lookup(name); f != nil {
			flags[key] = f
		}
	}
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if keys := f.Annotations[configKey]; len(keys) == 1 {
			flags[keys[0]] = f
		}
	})
	s := sessionOf(cmd)
	o := configOptions()
	o.File, o.Flags = s.config, flags
	cfg, err := config.Load(o)
	if err != nil {
		return nil, usage(err)
	}
	for _, w := range cfg.Warnings {
		s.log.Warn(w)
	}
	return cfg, nil
}

// buildEnv builds the heavy shared resources: prose's models, the
// statistical entity tagger and the gazetteer (embedded data plus
// gazetteer.files). The models are loaded once per process.
func (s *session) buildEnv(cfg *config.Config) (extract.Env, error) {
	t0 := time.Now()
	env, err := extract.LoadEnv(cfg.NLP.ProseNER, cfg.Gazetteer.Files...)
	if err != nil {
		return extract.Env{}, err
	}
	s.log.Debug("resources loaded", "elapsed", time.Since(t0).Round(time.Millisecond), "gazetteer_files", cfg.Gazetteer.Files)
	return env, nil
}

// Run runs the configured pipeline over inputs, handing each finished
// document to sink in input order, and reports progress and a summary on
// stderr.
func (a *App) Run(ctx context.Context, inputs []string, sink pipeline.Sink) (pipeline.Summary, error) {
	src := a.SourceOptions()
	// The bar would interleave with records streamed to a terminal.
	prog := a.session().newProgress(ctx, src, inputs, !a.StreamsToStdout || !isTerminal(os.Stdout))
	return a.run(ctx, src.Source(inputs), prog, sink)
}

// RunSource is Run for documents a command makes itself (an evaluation
// corpus, say): same runner, reporting and summary, without a total for
// the progress display.
func (a *App) RunSource(ctx context.Context, src pipeline.Source, sink pipeline.Sink) (pipeline.Summary, error) {
	return a.run(ctx, src, &progress{s: a.session(), start: time.Now(), lastNote: time.Now()}, sink)
}

// SourceOptions returns how inputs are read under the configuration.
func (a *App) SourceOptions() source.Options {
	return source.Options{
		Include:   a.Config.Input.Include,
		MaxBytes:  int64(a.Config.Input.MaxBytes),
		Published: a.Config.Published,
		Stdin:     a.Stdin,
	}
}

func (a *App) run(ctx context.Context, src pipeline.Source, prog *progress, sink pipeline.Sink) (pipeline.Summary, error) {
	runner := pipeline.NewRunner(a.Stages, pipeline.WithWorkers(a.Config.Workers), pipeline.WithSections(pipeline.DefaultSectionBytes))
	budget := memlimit.New(int64(a.Config.MemoryLimit))
	a.session().log.Debug("pipeline", "stages", a.Config.Pipeline, "workers", runner.Workers(), "config", a.Config.File, "memory_limit", budget.Limit())
	sum, err := runner.Run(ctx, budget.Wrap(src), func(d *pipeline.Document) error {
		// The document's memory is held until its record is written.
		err := sink(d)
		budget.Done(d)
		if err != nil {
			return err
		}
		a.reportErrors(d)
		prog.document(d)
		return nil
	})
	prog.finish(err != nil)
	a.reportSummary(sum, err)
	return sum, err
}

// reportErrors logs a finished document's errors.
func (a *App) reportErrors(d *pipeline.Document) {
	for _, e := range d.Errors {
		level := slog.LevelWarn
		if e.Fatal {
			level = slog.LevelError
		}
		a.session().log.Log(context.Background(), level, e.Message, "doc", d.ID, "stage", e.Stage)
	}
}

// reportSummary logs the final counts: "3 documents: 1 ok, 1 with
// warnings, 1 failed". It is an error line when a document failed or the
// run stopped, a warning line when documents have warnings.
func (a *App) reportSummary(sum pipeline.Summary, err error) {
	level := slog.LevelInfo
	switch {
	case sum.Failed > 0 || err != nil:
		level = slog.LevelError
	case sum.Warned > 0:
		level = slog.LevelWarn
	}
	msg := summaryLine(sum)
	if err != nil {
		msg += " (run stopped: " + err.Error() + ")"
	}
	a.session().log.Log(context.Background(), level, msg, "elapsed", sum.Elapsed.Round(time.Millisecond), slog.Bool(summaryKey, true))
	for _, st := range sum.Stages {
		a.session().log.Debug("stage", "name", st.Name, "docs", st.Docs, "errors", st.Errors, "busy", st.Busy.Round(time.Millisecond))
	}
}

// summaryLine counts a run's documents: "1 document: 1 ok", "3
// documents: 1 ok, 1 with warnings, 1 failed".
func summaryLine(sum pipeline.Summary) string {
	msg := plural(sum.Total(), "document") + fmt.Sprintf(": %d ok", sum.OK)
	if sum.Warned > 0 {
		msg += fmt.Sprintf(", %d with warnings", sum.Warned)
	}
	return msg + fmt.Sprintf(", %d failed", sum.Failed)
}

// plural writes n and the noun, plural unless n is 1: "1 document", "2
// documents".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
