package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/entente-nlp/entente/graph"
	"github.com/entente-nlp/entente/internal/app/outfile"
	"github.com/entente-nlp/entente/internal/app/output"
	"github.com/entente-nlp/entente/pipeline"
	"github.com/spf13/cobra"
)

// graphFlags are the options of `entente graph`.
type graphFlags struct {
	out, format, layout, title string
	types, relations           []string
	minWeight, top, evidence   int
	events, stats, isolated    bool
	noLegend                   bool
	since, until, window       string
	timeline                   string
}

// timeAware reports whether a time option was given: the graph is then cut
// to a time frame and its exports carry periods.
func (f graphFlags) timeAware() bool {
	return f.since != "" || f.until != "" || f.window != "" || f.timeline != ""
}

func newGraphCmd() *cobra.Command {
	var f graphFlags
	cmd := &cobra.Command{
		Use:   "graph [inputs...] -o FILE",
		Short: "Build one relationship graph over all inputs and export it (DOT, SVG, PNG, JSON, GraphML, GEXF, Neo4j CSV)",
		Long: `graph streams every input document through the configured pipeline and merges
their entities and relations into one graph: nodes are reconciled entities (and, with
--events, events); edges carry one tie per relation type with its weight (occurrences and
documents), first and last date seen, and evidence sentences.

The output format follows the extension of -o (.dot/.gv, .svg, .png, .json, .graphml,
.gexf, .csv) or --format. svg and png need Graphviz's dot. csv writes the two files of
neo4j-admin import next to -o: NAME.nodes.csv and NAME.relationships.csv. --format
parquet -o DIR writes nodes.parquet, edges.parquet and observations.parquet (and, with a
time option, edge_periods.parquet) in DIR.
Entities without any relation are left out unless --isolated is given.

Over time: --since and --until (YYYY-MM-DD, YYYY-MM or YYYY, inclusive) keep the
occurrences dated within them; --window divides time into tumbling periods (day, week,
month, year, or a length such as 30d; default month). With any of these or --timeline,
every tie keeps its dated observations, occurrences without any date are left out, GEXF
is written as GEXF 1.3 in dynamic mode (spells and a weight per period, for Gephi's
timeline), GraphML and JSON carry the weight of each tie per period, and --timeline
FILE.csv writes the tie strength per period for each pair and relation type.`,
		Example: `  entente graph testdata/moscow-declaration.md -o seed.svg
  entente graph corpus/ -o corpus.gexf --types COUNTRY,ORGANIZATION --min-weight 2
  entente graph corpus.jsonl -o neo4j/graph.csv --relations holds_role,member_of
  entente graph corpus/ --stats --top 30
  entente graph article.md -o - --format json | jq '.links | length'
  entente graph corpus/ --format parquet -o graph-tables/
  entente graph corpus/ --timeline ties.csv --window month --relations cooperates_with,opposes
  entente graph corpus/ -o 2016.gexf --since 2016-01 --until 2016-12 --window week`,
		RunE: func(cmd *cobra.Command, args []string) error { return runGraph(cmd, args, f) },
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.out, "output", "o", "", "output file (- for standard output); format from its extension unless --format")
	fl.StringVar(&f.format, "format", "", "output format: "+strings.Join(graph.Formats, ", ")+", "+formatParquet+" (a directory of tables, -o DIR)")
	fl.StringSliceVar(&f.types, "types", nil, "keep only these entity types (COUNTRY,PERSON,ORGANIZATION,LOCATION,EVENT)")
	fl.StringSliceVar(&f.relations, "relations", nil, "keep only these relation types ("+strings.Join(graph.RelationTypes, ",")+")")
	fl.IntVar(&f.minWeight, "min-weight", 0, "drop ties seen fewer times than this")
	fl.IntVar(&f.top, "top", 0, "keep the N nodes with the largest weighted degree (0: all)")
	fl.BoolVar(&f.events, "events", false, "add events as nodes linked to their participants and places")
	fl.BoolVar(&f.stats, "stats", false, "print degrees, strongest ties and connected components")
	fl.BoolVar(&f.isolated, "isolated", false, "keep entities that have no relation")
	fl.StringVar(&f.layout, "layout", "", fmt.Sprintf("Graphviz layout engine for dot/svg/png: %s (default %s, sfdp above %d nodes)",
		strings.Join(graph.Layouts, ", "), graph.DefaultLayout, graph.LargeGraph))
	fl.StringVar(&f.title, "title", "", "title drawn above the graph (dot/svg/png; default for a single document: its title and date)")
	fl.BoolVar(&f.noLegend, "no-legend", false, "leave the legend out of dot/svg/png")
	fl.IntVar(&f.evidence, "max-evidence", graph.DefaultMaxEvidence, "evidence sentences kept per tie")
	fl.StringVar(&f.since, "since", "", "keep the occurrences dated on or after this day (YYYY-MM-DD, YYYY-MM or YYYY)")
	fl.StringVar(&f.until, "until", "", "keep the occurrences dated on or before this day (YYYY-MM-DD, YYYY-MM or YYYY)")
	fl.StringVar(&f.window, "window", "", "periods for the weights over time: day, week, month, year or a length such as 30d (tumbling; default month)")
	fl.StringVar(&f.timeline, "timeline", "", "write the tie strength per period for each pair and relation type to this CSV file (- for standard output)")
	return cmd
}

func runGraph(cmd *cobra.Command, inputs []string, f graphFlags) error {
	if f.out == "" && !f.stats && f.timeline == "" {
		return usage(fmt.Errorf("graph: nothing to do: give -o FILE, --timeline FILE.csv and/or --stats"))
	}
	if f.timeline == "-" && f.out == "-" {
		return usage(fmt.Errorf("graph: -o - and --timeline - both want standard output: give one of them a file"))
	}
	// Check everything that can fail before processing the corpus.
	format := ""
	tables := strings.EqualFold(f.format, formatParquet)
	if tables {
		if f.out == "" || f.out == "-" {
			return fmt.Errorf("graph: the parquet format writes a directory of tables (nodes, edges, observations): give -o DIR")
		}
		if st, err := os.Stat(f.out); err == nil && !st.IsDir() {
			return fmt.Errorf("graph: %s is a file; the parquet format writes a directory of tables (-o DIR)", f.out)
		}
		format = formatParquet
	} else if f.out != "" {
		var err error
		if format, err = graph.FormatFor(f.out, f.format); err != nil {
			return usage(err)
		}
		if format == graph.FormatCSV && f.out == "-" {
			return usage(fmt.Errorf("graph: the csv format writes two files (NAME.nodes.csv, NAME.relationships.csv): give -o NAME.csv"))
		}
		if err := graph.CheckRender(format); err != nil {
			return err
		}
	}
	filter := graph.Filter{Types: f.types, Relations: f.relations, MinWeight: f.minWeight, Top: f.top, KeepIsolated: f.isolated}
	if err := filter.Validate(); err != nil {
		return usage(err)
	}
	dotOpts := graph.DOTOptions{Layout: f.layout, Title: f.title, NoLegend: f.noLegend}
	if err := dotOpts.Validate(); err != nil {
		return usage(err)
	}
	if f.evidence < 0 {
		return usage(fmt.Errorf("graph: --max-evidence %d is negative", f.evidence))
	}
	maxEv := f.evidence
	if maxEv == 0 {
		maxEv = -1 // keep none
	}
	frame := graph.TimeFrame{Since: f.since, Until: f.until}
	if f.window != "" {
		w, err := graph.ParseWindow(f.window)
		if err != nil {
			return usage(err)
		}
		frame.Window = w
	}
	if err := frame.Validate(); err != nil {
		return usage(err)
	}

	app, err := newApp(cmd)
	if err != nil {
		return err
	}
	b := graph.NewBuilder(graph.Options{Events: f.events, MaxEvidence: maxEv, Observations: f.timeAware() || tables})
	// App.Run hands documents to the sink one at a time, as Builder.Add
	// requires; a failed document is counted and skipped by the builder.
	var firstTitle string
	sum, err := app.Run(cmd.Context(), inputs, func(d *pipeline.Document) error {
		if b.Documents() == 0 && !d.Failed() {
			firstTitle = docTitle(d)
		}
		return b.Add(d)
	})
	if err != nil {
		return err
	}
	if b.Graph().Ties() == 0 && sum.OK+sum.Warned > 0 {
		app.session().log.Warn("graph: no relations found in the documents (is the relations stage in the pipeline?)",
			"documents", b.Documents(), "pipeline", strings.Join(app.Config.Pipeline, ","))
	}
	all := b.Graph()
	if f.timeAware() {
		if all, err = all.InTime(frame); err != nil {
			return err
		}
		if undated, outside := all.UndatedLeftOut(); undated+outside > 0 {
			app.session().log.Info("graph: occurrences left out of the time frame",
				"undated", undated, "outside", outside, "since", f.since, "until", f.until)
		}
	}
	g, err := all.Filter(filter)
	if err != nil {
		return err
	}
	if f.timeline != "" {
		if err := writeTimeline(cmd, f.timeline, g); err != nil {
			return err
		}
	}
	if dotOpts.Title == "" && b.Documents() == 1 {
		dotOpts.Title = firstTitle
	}
	if tables {
		files, err := output.WriteGraphTables(f.out, g)
		if err != nil {
			return err
		}
		app.session().log.Info("graph written", "documents", b.Documents(), "nodes", g.Order(), "ties", g.Ties(),
			"format", format, "files", strings.Join(files, ", "))
	} else if f.out == "-" {
		if err := graph.Write(cmd.Context(), cmd.OutOrStdout(), g, format, dotOpts); err != nil {
			return err
		}
	} else if f.out != "" {
		files, err := writeGraph(cmd.Context(), f.out, g, format, dotOpts)
		if err != nil {
			return err
		}
		app.session().log.Info("graph written", "documents", b.Documents(), "nodes", g.Order(), "edges", g.Size(), "ties", g.Ties(),
			"format", format, "files", strings.Join(files, ", "))
	}
	if f.stats {
		var w io.Writer = cmd.OutOrStdout()
		if f.out == "-" {
			w = cmd.ErrOrStderr() // standard output holds the graph
		}
		st, err := g.Analyze()
		if err != nil {
			return err
		}
		if err := st.WriteTable(w, 20); err != nil {
			return err
		}
	}
	if sum.Failed > 0 {
		return errReported
	}
	return nil
}

// formatParquet writes the graph as Parquet tables (internal/app/output).
const formatParquet = "parquet"

// writeTimeline writes the tie strength per period to path ("-" for
// standard output), replacing a file only when complete.
func writeTimeline(cmd *cobra.Command, path string, g *graph.Graph) error {
	if path == "-" {
		return graph.WriteTimeline(cmd.OutOrStdout(), g)
	}
	out, err := outfile.Create(path)
	if err != nil {
		return fmt.Errorf("graph: timeline: %w", err)
	}
	if err := graph.WriteTimeline(out, g); err != nil {
		out.Abort()
		return err
	}
	if err := out.Commit(); err != nil {
		return fmt.Errorf("graph: timeline: %w", err)
	}
	return nil
}

// docTitle is the title drawn for a one-document graph: the document's
// title (else its id) and publication date.
func docTitle(d *pipeline.Document) string {
	t := d.Title
	if t == "" {
		t = d.ID
	}
	if p, ok := d.PublishedDate(); ok {
		t += " (" + p.Format("2 January 2006") + ")"
	}
	return t
}
