package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/entente-nlp/entente"
	"github.com/entente-nlp/entente/internal/app/outfile"
	"github.com/entente-nlp/entente/internal/app/output"
	"github.com/entente-nlp/entente/pipeline"
	"github.com/spf13/cobra"
)

func newExtractCmd() *cobra.Command {
	var outFile string
	var withText bool
	var limit int
	cmd := &cobra.Command{
		Use:   "extract [inputs...]",
		Short: "Extract entities, dates, events and relations from articles",
		Long: `extract runs the configured pipeline over the inputs and writes one record per
document: its entities with their mentions (byte offsets into the input),
dates, events, relations and errors. See docs/output.md for the contract.

Inputs are files (.txt, .md, .html, ...), directories (read recursively,
files matching input.include), JSON Lines files (.jsonl, .ndjson: one
article per line with "text", "id", "title", "published", ...), or "-" for
standard input. A bad input is reported and the others are still processed.
Exit status: 0 when every document was processed (warnings, such as an
unreadable publication date, do not count), 1 when any document failed, 2
for a bad command line or configuration.`,
		Example: `  entente extract testdata/moscow-declaration.md
  entente extract articles/ --format table
  entente extract article.md --format table --limit 0
  entente extract corpus.jsonl --format jsonl -o out.jsonl
  curl -s https://example.org/article.html | entente extract - --published 2016-12-22
  entente extract articles/ --format csv -o entities.csv
  entente extract dumps/ --include '*.xhtml' --max-bytes 16MiB --memory-limit 4GiB`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return errors.New("extract: no inputs: give files, directories, JSON Lines files, or - for standard input (see entente extract --help)")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			app, err := newApp(cmd)
			if err != nil {
				return err
			}
			app.WithText = withText
			if limit < 0 {
				return usage(fmt.Errorf("extract: --limit %d: give 0 (every row) or more", limit))
			}
			app.TableLimit = limit
			if limit == 0 {
				app.TableLimit = -1 // every row
			}
			return runExtract(cmd.Context(), cmd.OutOrStdout(), app, args, outFile)
		},
	}
	cmd.Flags().StringP("format", "f", "json", "output format: json, jsonl, csv, table, or parquet (a directory of tables: -o DIR) (config output.format)")
	bindConfigKey(cmd, "format", "output.format")
	cmd.Flags().StringSlice("include", nil, "file patterns read from directories, e.g. '*.txt,news/*.html' (config input.include)")
	bindConfigKey(cmd, "include", "input.include")
	cmd.Flags().String("max-bytes", "", "largest document read, e.g. 16MiB (config input.max_bytes; default 4MiB)")
	bindConfigKey(cmd, "max-bytes", "input.max_bytes")
	cmd.Flags().String("memory-limit", "", "memory the run is kept within, e.g. 2GiB; 0 for none (config memory_limit; default 1GiB)")
	bindConfigKey(cmd, "memory-limit", "memory_limit")
	cmd.Flags().StringVarP(&outFile, "output", "o", "", "write to this file instead of standard output")
	cmd.Flags().IntVar(&limit, "limit", output.TableLimit, "rows per section in --format table; 0 lists every row")
	cmd.Flags().BoolVar(&withText, "text", false, "add each document's main text (the article as entente read it, boilerplate left out) to its JSON/JSONL record as \"text\"")
	return cmd
}

// runExtract writes the records of inputs to outFile (or stdout). A regular
// file is written under a temporary name and renamed when complete, so it
// never holds half a run; after an interruption it holds the documents
// finished before it. Anything else (a device, a FIFO) is written directly
// and symbolic links are followed (internal/app/outfile).
func runExtract(ctx context.Context, stdout io.Writer, app *App, inputs []string, outFile string) (err error) {
	if app.Config.Output.Format == "parquet" {
		return runExtractTables(ctx, app, inputs, outFile)
	}
	dst := stdout
	var out *outfile.File
	app.StreamsToStdout = outFile == ""
	if outFile != "" {
		out, err = outfile.Create(outFile)
		if err != nil {
			return fmt.Errorf("extract: output %w", err)
		}
		defer out.Abort()
		dst = out
	}
	var w output.Writer
	if app.Config.Output.Format == "table" {
		limit := app.TableLimit
		if limit == 0 {
			limit = output.TableLimit
		}
		w = output.NewTable(dst, limit)
	} else if w, err = output.NewWriter(app.Config.Output.Format, dst); err != nil {
		return err
	}
	sum, runErr := app.Run(ctx, inputs, func(d *pipeline.Document) error {
		r := entente.NewRecord(d)
		if app.WithText {
			r.Text = entente.MainText(d)
		}
		return w.Write(r)
	})
	if err := w.Close(); err != nil && runErr == nil {
		runErr = fmt.Errorf("extract: writing output: %w", err)
	}
	if out != nil && (runErr == nil || (ctx.Err() != nil && errors.Is(runErr, ctx.Err()))) {
		if err := out.Commit(); err != nil {
			return fmt.Errorf("extract: writing output %w", err)
		}
	}
	if runErr != nil {
		return runErr
	}
	if sum.Failed > 0 {
		return errReported
	}
	return nil
}

// runExtractTables writes the records of inputs as Parquet tables in the
// directory dir (docs/output.md, "Parquet tables"). The tables appear when
// the run completes (or is interrupted, with the documents finished
// before); a failed run leaves dir as it was.
func runExtractTables(ctx context.Context, app *App, inputs []string, dir string) error {
	if dir == "" || dir == "-" {
		return usage(errors.New("extract: the parquet format writes a directory of tables: give -o DIR"))
	}
	w, err := output.NewTableWriter(dir)
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	sum, runErr := app.Run(ctx, inputs, func(d *pipeline.Document) error {
		return w.Write(entente.NewRecord(d))
	})
	if runErr == nil || (ctx.Err() != nil && errors.Is(runErr, ctx.Err())) {
		if err := w.Close(); err != nil && runErr == nil {
			runErr = fmt.Errorf("extract: %w", err)
		}
	} else {
		w.Abort()
	}
	if runErr != nil {
		return runErr
	}
	if sum.Failed > 0 {
		return errReported
	}
	return nil
}
