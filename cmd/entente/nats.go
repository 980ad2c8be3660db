package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/entente-nlp/entente"
	"github.com/entente-nlp/entente/graph"
	"github.com/entente-nlp/entente/internal/app/config"
	"github.com/entente-nlp/entente/internal/app/outfile"
	enats "github.com/entente-nlp/entente/nats"
	"github.com/entente-nlp/entente/pipeline"
	natsgo "github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/spf13/cobra"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
)

func newNatsCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "nats",
		Short: "Run entente as workers on NATS JetStream: serve, submit, work, collect",
		Long: `nats spreads a corpus over many entente processes through NATS JetStream.

  entente nats serve    an embedded NATS server with JetStream, for one machine
  entente nats submit   publish documents (read as extract reads them) to ENTENTE_DOCS
  entente nats work     process documents from ENTENTE_DOCS into ENTENTE_RECORDS
  entente nats collect  write the records as extract's JSON Lines, once per document

Stream names, subjects, ack wait, max deliver, max ack pending and replicas
are configuration (keys under nats:, see entente config). A document is
acknowledged only after its record is stored, so a worker that dies
mid-document loses nothing: the document is delivered again after the ack
wait. A document not finished after nats.max_deliver deliveries goes to the
dead-letter stream with the reason. See docs/scale.md.`,
		Example: `  entente nats serve --store /var/lib/entente-nats &
  entente nats submit corpus/
  entente nats work --workers 2 &
  entente nats collect --expect 1000 -o records.jsonl --graph graph.json`,
	}
	cmd.PersistentFlags().String("nats", "", "NATS server URL (config nats.url; default nats://127.0.0.1:4222)")
	cmd.AddCommand(newNatsServeCmd(), newNatsSubmitCmd(), newNatsWorkCmd(), newNatsCollectCmd())
	return cmd
}

// natsSetup loads the configuration (with --nats over nats.url) and
// connects to the server.
func natsSetup(cmd *cobra.Command) (*config.Config, enats.Config, *natsgo.Conn, jetstream.JetStream, error) {
	cfg, err := loadConfig(cmd)
	if err != nil {
		return nil, enats.Config{}, nil, nil, err
	}
	url := cfg.Nats.URL
	if f := cmd.Flags().Lookup("nats"); f != nil && f.Changed {
		url = f.Value.String()
	}
	nc, err := natsgo.Connect(url, natsgo.Name("entente "+cmd.Name()), natsgo.MaxReconnects(-1), natsgo.ReconnectWait(time.Second))
	if err != nil {
		return nil, enats.Config{}, nil, nil, fmt.Errorf("nats: connecting to %s: %w (start one with entente nats serve, or pass --nats URL)", url, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, enats.Config{}, nil, nil, fmt.Errorf("nats: %w", err)
	}
	return cfg, natsConfig(cfg.Nats), nc, js, nil
}

// natsConfig turns the nats: configuration section into the package's.
func natsConfig(n config.Nats) enats.Config {
	return enats.Config{
		DocsStream: n.DocsStream, DocsSubject: n.DocsSubject,
		RecordsStream: n.RecordsStream, RecordsSubject: n.RecordsSubject,
		DeadStream: n.DeadStream, DeadSubject: n.DeadSubject,
		Durable:         n.Durable,
		AckWait:         time.Duration(n.AckWait),
		MaxDeliver:      n.MaxDeliver,
		MaxAckPending:   n.MaxAckPending,
		Replicas:        n.Replicas,
		DocTimeout:      time.Duration(n.DocTimeout),
		DuplicateWindow: time.Duration(n.DuplicateWindow),
	}
}

func newNatsServeCmd() *cobra.Command {
	var store, host string
	var port int
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Run an embedded NATS server with JetStream (file store) until interrupted",
		Long: `serve runs a NATS server with JetStream inside entente, storing streams in
--store so that documents and records survive a restart. It is meant for
one machine and for tests; on a cluster, point the other commands at your
NATS servers with --nats instead. It listens on 127.0.0.1 unless --host
says otherwise, and stops cleanly on Ctrl-C or SIGTERM.`,
		Example: `  entente nats serve --store ./nats-store
  entente nats serve --store /var/lib/entente-nats --port 4333`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if store == "" {
				return errors.New("nats serve: --store DIR is required (JetStream keeps its streams there)")
			}
			if err := os.MkdirAll(store, 0o755); err != nil {
				return fmt.Errorf("nats serve: store %s: %w", store, err)
			}
			s, err := enats.Serve(enats.ServerOptions{Host: host, Port: port, StoreDir: store})
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "entente nats: serving on %s (store %s); Ctrl-C stops\n", s.ClientURL(), store)
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			<-ctx.Done()
			s.Shutdown()
			fmt.Fprintln(cmd.ErrOrStderr(), "entente nats: stopped")
			return errStopped // stopping on a signal is how a server ends: exit 0
		},
	}
	cmd.Flags().StringVar(&store, "store", "", "directory for JetStream's file store (required)")
	cmd.Flags().StringVar(&host, "host", "127.0.0.1", "address to listen on")
	cmd.Flags().IntVar(&port, "port", 4222, "port to listen on")
	return cmd
}

func newNatsSubmitCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "submit [inputs...]",
		Short: "Publish documents to the documents stream, deduplicated by id and content",
		Long: `submit reads inputs exactly as extract does (files, directories, JSON Lines,
- for standard input; input.include and input.max_bytes apply; bad inputs
are reported the same way) and publishes one message per document to the
documents stream, with a Nats-Msg-Id derived from the document's id and
content: submitting the same input twice stores it once. A bad input is
submitted too, so that its record reports the problem as extract's would.`,
		Example: `  entente nats submit corpus/
  entente nats submit --nats nats://queue:4222 news.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, ncfg, nc, js, err := natsSetup(cmd)
			if err != nil {
				return err
			}
			defer nc.Close()
			if err := enats.Setup(cmd.Context(), js, ncfg); err != nil {
				return err
			}
			app := &App{Config: cfg, s: sessionOf(cmd)}
			bad := 0
			sub := &enats.Submitter{JS: js, Cfg: ncfg, MaxPayload: nc.MaxPayload(),
				OnReject: func(d *pipeline.Document, err error) {
					bad++
					app.session().log.Error(err.Error(), "doc", d.ID)
				},
				OnSubmit: func(d *pipeline.Document, dup bool) {
					if d.Failed() {
						bad++
						app.reportErrors(d)
					}
				},
			}
			t0 := time.Now()
			st, err := sub.Submit(cmd.Context(), app.SourceOptions().Source(args))
			fmt.Fprintf(cmd.ErrOrStderr(), "entente nats submit: %d submitted, %d already in %s, %d rejected (%.1f MB in %s)\n",
				st.Submitted, st.Duplicates, ncfg.DocsStream, st.Rejected, float64(st.Bytes)/1e6, time.Since(t0).Round(time.Millisecond))
			if err != nil {
				return err
			}
			if bad > 0 {
				return errReported
			}
			return nil
		},
	}
	return cmd
}

// recordProcessor runs the Extractor over a submitted document and
// encodes its record as extract's jsonl writer does.
func recordProcessor(x *entente.Extractor) enats.Processor {
	return enats.ProcessorFunc(func(ctx context.Context, d *pipeline.Document) ([]byte, error) {
		r, err := x.ExtractDocument(ctx, d)
		if err != nil {
			return nil, err
		}
		b, err := json.Marshal(r)
		if err != nil {
			return nil, fmt.Errorf("nats work: encoding the record of %s: %w", d.ID, err)
		}
		return b, nil
	})
}

func newNatsWorkCmd() *cobra.Command {
	var workers int
	var grace time.Duration
	cmd := &cobra.Command{
		Use:   "work",
		Short: "Process documents from the documents stream into records until stopped",
		Long: `work joins the workers' durable pull consumer, runs the configured pipeline
over each document and publishes its record, then acknowledges the document.
At most --workers documents are processed at once by this process (and
nats.max_ack_pending across all workers); a long document keeps its
delivery alive with progress signals; one that is not finished within
nats.doc_timeout is delivered again, and after nats.max_deliver deliveries
goes to the dead-letter stream. On Ctrl-C or SIGTERM it takes no new
documents, lets those in flight finish for --grace, hands back the rest,
and exits.`,
		Example: `  entente nats work
  entente nats work --workers 4 --nats nats://queue:4222`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, ncfg, nc, js, err := natsSetup(cmd)
			if err != nil {
				return err
			}
			defer nc.Close()
			x, err := newExtractor(cfg)
			if err != nil {
				return err
			}
			if workers <= 0 {
				workers = max(cfg.Workers, 0)
				if workers == 0 {
					workers = defaultWorkers()
				}
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			w := &enats.Worker{JS: js, Cfg: ncfg, Proc: recordProcessor(x), Workers: workers, Grace: grace, Log: sessionOf(cmd).log}
			fmt.Fprintf(cmd.ErrOrStderr(), "entente nats work: %d workers on %s (consumer %s); Ctrl-C stops\n", workers, ncfg.DocsStream, ncfg.Durable)
			st, err := w.Run(ctx)
			fmt.Fprintf(cmd.ErrOrStderr(), "entente nats work: %d records, %d deliveries retried, %d dead-lettered\n", st.Records, st.Retried, st.DeadLettered)
			if err != nil {
				return err
			}
			return errStopped // a worker ends when told to: exit 0
		},
	}
	cmd.Flags().IntVar(&workers, "workers", 0, "documents processed at once (default: config workers, or one per CPU)")
	cmd.Flags().DurationVar(&grace, "grace", 10*time.Second, "on shutdown, how long documents in flight may take to finish")
	return cmd
}

func newNatsCollectCmd() *cobra.Command {
	var outFile, graphFile string
	var expect int
	var idle time.Duration
	var sortIDs bool
	cmd := &cobra.Command{
		Use:   "collect",
		Short: "Write the records as JSON Lines, once per document id",
		Long: `collect reads the records stream and writes each document's record once, in
the JSON Lines that entente extract --format jsonl writes (in arrival order,
or sorted by id with --sort). It stops when --expect documents have a record
or a dead letter, or when nothing arrived for --idle (default 10s when
--expect is not given). Documents in the dead-letter stream are reported on
stderr with their reason, and make the exit status 1. --graph FILE also
builds the relationship graph from the records, as entente graph does.`,
		Example: `  entente nats collect --expect 1000 -o records.jsonl
  entente nats collect --idle 30s --sort -o records.jsonl --graph graph.gexf`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, ncfg, nc, js, err := natsSetup(cmd)
			if err != nil {
				return err
			}
			defer nc.Close()
			return runCollect(cmd, js, ncfg, collectOptions{out: outFile, graph: graphFile, expect: expect, idle: idle, sort: sortIDs})
		},
	}
	cmd.Flags().StringVarP(&outFile, "output", "o", "", "write the records to this file instead of standard output")
	cmd.Flags().StringVar(&graphFile, "graph", "", "also write the relationship graph to this file (format from the extension, as entente graph)")
	cmd.Flags().IntVar(&expect, "expect", 0, "stop once this many documents are collected")
	cmd.Flags().DurationVar(&idle, "idle", 0, "stop when nothing new arrived for this long (default 10s without --expect)")
	cmd.Flags().BoolVar(&sortIDs, "sort", false, "write the records sorted by document id")
	return cmd
}

type collectOptions struct {
	out, graph string
	expect     int
	idle       time.Duration
	sort       bool
}

func runCollect(cmd *cobra.Command, js jetstream.JetStream, ncfg enats.Config, o collectOptions) error {
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var w io.Writer = cmd.OutOrStdout()
	if o.out != "" && o.out != "-" {
		f, err := outfile.Create(o.out)
		if err != nil {
			return fmt.Errorf("nats collect: output %w", err)
		}
		defer f.Abort()
		w = f
	}
	writeLine := func(b []byte) error {
		_, err := w.Write(append(b, '\n'))
		return err
	}
	type rec struct {
		id   string
		data []byte
	}
	var held []rec
	var records []*entente.Record
	var deadN int
	prog := sessionOf(cmd).newCountProgress(o.expect)
	c := &enats.Collector{JS: js, Cfg: ncfg, Expect: o.expect, Idle: o.idle,
		OnRecord: func(id string, data []byte) error {
			if o.graph != "" {
				var r entente.Record
				if err := json.Unmarshal(data, &r); err != nil {
					return fmt.Errorf("nats collect: record of %s: %w", id, err)
				}
				records = append(records, &r)
			}
			if o.sort {
				held = append(held, rec{id, data})
				return nil
			}
			return writeLine(data)
		},
		OnDead: func(dl enats.DeadLetter) error {
			deadN++
			sessionOf(cmd).log.Error("dead letter: "+dl.Reason, "doc", dl.ID, "source", dl.Source, "deliveries", dl.Deliveries)
			return nil
		},
		OnProgress: prog.set,
	}
	st, cerr := c.Collect(ctx)
	prog.finish()
	if o.sort {
		sort.Slice(held, func(i, j int) bool { return held[i].id < held[j].id })
		for _, r := range held {
			if err := writeLine(r.data); err != nil && cerr == nil {
				cerr = err
			}
		}
	}
	if f, ok := w.(*outfile.File); ok && (cerr == nil || errors.Is(cerr, context.Canceled)) {
		if err := f.Commit(); err != nil && cerr == nil {
			cerr = fmt.Errorf("nats collect: output %w", err)
		}
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "entente nats collect: %d records, %d dead letters", st.Records, st.Dead)
	if st.Replaced > 0 {
		fmt.Fprintf(cmd.ErrOrStderr(), ", %d later records for documents already collected (kept the first)", st.Replaced)
	}
	fmt.Fprintln(cmd.ErrOrStderr())
	if cerr != nil {
		return cerr
	}
	if o.graph != "" {
		if err := writeRecordGraph(cmd, records, o.graph); err != nil {
			return err
		}
	}
	if o.expect > 0 && st.Records+st.Dead < o.expect {
		return fmt.Errorf("nats collect: %d of %d expected documents collected before stopping", st.Records+st.Dead, o.expect)
	}
	if deadN > 0 {
		return errReported
	}
	return nil
}

// defaultWorkers is the number of documents a worker process handles at
// once when neither --workers nor the workers setting says: one per CPU.
func defaultWorkers() int { return runtime.NumCPU() }

// countProgress shows how many documents collect has written: a bar on a
// terminal (with the total when --expect gives it), nothing otherwise.
type countProgress struct {
	s       *session
	p       *mpb.Progress
	bar     *mpb.Bar
	restore io.Writer // the log's destination before the bar
}

func (s *session) newCountProgress(total int) *countProgress {
	if s.quiet || !isTerminal(os.Stderr) {
		return &countProgress{s: s}
	}
	p := mpb.New(mpb.WithOutput(os.Stderr), mpb.WithWidth(40))
	counter := decor.CountersNoUnit("%d/%d")
	if total <= 0 {
		counter = decor.CurrentNoUnit("%d")
	}
	bar := p.AddBar(int64(max(total, 0)),
		mpb.PrependDecorators(decor.Name("records "), counter),
		mpb.AppendDecorators(decor.AverageSpeed(nil, " %.1f docs/s")))
	return &countProgress{s: s, p: p, bar: bar, restore: s.logOut.set(p)}
}

func (c *countProgress) set(done int) {
	if c.bar != nil {
		c.bar.SetCurrent(int64(done))
	}
}

func (c *countProgress) finish() {
	if c.bar == nil {
		return
	}
	c.bar.SetTotal(-1, true)
	c.p.Wait()
	c.s.logOut.set(c.restore)
}

// writeRecordGraph builds the relationship graph of records, as entente
// graph does for the same documents, and exports it to path.
func writeRecordGraph(cmd *cobra.Command, records []*entente.Record, path string) error {
	format, err := graph.FormatFor(path, "")
	if err != nil {
		return err
	}
	if err := graph.CheckRender(format); err != nil {
		return err
	}
	sort.SliceStable(records, func(i, j int) bool { return records[i].ID < records[j].ID })
	g, err := entente.Graph(records, graph.Options{MaxEvidence: graph.DefaultMaxEvidence})
	if err != nil {
		return err
	}
	files, err := graph.Export(cmd.Context(), path, g, format, graph.DOTOptions{})
	if err != nil {
		return err
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "entente nats collect: graph of %d documents: %d nodes, %d edges in %s\n",
		len(records), g.Order(), g.Size(), strings.Join(files, ", "))
	return nil
}
