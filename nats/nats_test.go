package nats

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	natsgo "github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/entente-nlp/entente/pipeline"
)

// testConfig has short waits so redelivery happens within a test.
func testConfig() Config {
	c := DefaultConfig()
	c.AckWait = time.Second
	c.MaxDeliver = 3
	c.DocTimeout = 20 * time.Second
	return c
}

func startServer(t *testing.T, dir string, port int) *Server {
	t.Helper()
	s, err := Serve(ServerOptions{StoreDir: dir, Port: port})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Shutdown)
	return s
}

func connect(t *testing.T, url string) (*natsgo.Conn, jetstream.JetStream) {
	t.Helper()
	nc, err := natsgo.Connect(url, natsgo.MaxReconnects(-1), natsgo.ReconnectWait(100*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	return nc, js
}

func docs(n int) []*pipeline.Document {
	var out []*pipeline.Document
	for i := range n {
		out = append(out, &pipeline.Document{Seq: i, ID: fmt.Sprintf("doc-%03d", i), Source: fmt.Sprintf("in/%03d.txt", i),
			Original: []byte(fmt.Sprintf("Article %d: Russia and Turkey met in Moscow.", i))})
	}
	return out
}

func sourceOf(ds []*pipeline.Document) pipeline.Source {
	return func(ctx context.Context, emit func(*pipeline.Document) error) error {
		for _, d := range ds {
			c := *d
			if err := emit(&c); err != nil {
				return err
			}
		}
		return nil
	}
}

// fakeRecord is what the test processor makes of a document.
func fakeRecord(d *pipeline.Document) []byte {
	b, _ := json.Marshal(map[string]any{"id": d.ID, "source": d.Source, "bytes": len(d.Original)})
	return b
}

var fake = ProcessorFunc(func(ctx context.Context, d *pipeline.Document) ([]byte, error) { return fakeRecord(d), nil })

func submit(t *testing.T, js jetstream.JetStream, cfg Config, ds []*pipeline.Document) SubmitStats {
	t.Helper()
	if err := Setup(context.Background(), js, cfg); err != nil {
		t.Fatal(err)
	}
	s := &Submitter{JS: js, Cfg: cfg, OnReject: func(d *pipeline.Document, err error) { t.Errorf("rejected %s: %v", d.ID, err) }}
	st, err := s.Submit(context.Background(), sourceOf(ds))
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// work runs a worker until stop is called.
func work(t *testing.T, js jetstream.JetStream, cfg Config, p Processor, n int) (stop func() WorkStats) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	w := &Worker{JS: js, Cfg: cfg, Proc: p, Workers: n, Grace: 5 * time.Second}
	res := make(chan WorkStats, 1)
	go func() {
		st, err := w.Run(ctx)
		if err != nil {
			t.Errorf("worker: %v", err)
		}
		res <- st
	}()
	return func() WorkStats { cancel(); return <-res }
}

type result struct {
	records map[string][]byte
	dead    map[string]DeadLetter
	stats   CollectStats
}

func collect(t *testing.T, js jetstream.JetStream, cfg Config, expect int) result {
	t.Helper()
	r := result{records: map[string][]byte{}, dead: map[string]DeadLetter{}}
	c := &Collector{JS: js, Cfg: cfg, Expect: expect, Idle: 20 * time.Second,
		OnRecord: func(id string, rec []byte) error {
			if _, dup := r.records[id]; dup {
				t.Errorf("record for %s collected twice", id)
			}
			r.records[id] = rec
			return nil
		},
		OnDead: func(dl DeadLetter) error { r.dead[dl.ID] = dl; return nil },
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	st, err := c.Collect(ctx)
	if err != nil {
		t.Fatal(err)
	}
	r.stats = st
	return r
}

func checkAll(t *testing.T, r result, ds []*pipeline.Document) {
	t.Helper()
	if len(r.records) != len(ds) {
		t.Errorf("collected %d records, want %d", len(r.records), len(ds))
	}
	for _, d := range ds {
		if got, want := r.records[d.ID], fakeRecord(d); !bytes.Equal(got, want) {
			t.Errorf("record of %s = %s, want %s", d.ID, got, want)
		}
	}
}

func TestSubmitWorkCollectExactlyOnce(t *testing.T) {
	s := startServer(t, t.TempDir(), -1)
	_, js := connect(t, s.ClientURL())
	cfg := testConfig()
	ds := docs(40)
	st := submit(t, js, cfg, ds)
	if st.Submitted != 40 || st.Duplicates != 0 {
		t.Fatalf("first submission: %+v", st)
	}
	// The same input again is deduplicated by its message id.
	if st := submit(t, js, cfg, ds); st.Submitted != 0 || st.Duplicates != 40 {
		t.Fatalf("second submission: %+v, want 40 duplicates", st)
	}
	stop1 := work(t, js, cfg, fake, 2)
	stop2 := work(t, js, cfg, fake, 2)
	r := collect(t, js, cfg, 40)
	w1, w2 := stop1(), stop2()
	checkAll(t, r, ds)
	if w1.Records+w2.Records != 40 {
		t.Errorf("workers published %d+%d records, want 40 in all", w1.Records, w2.Records)
	}
	if len(r.dead) != 0 {
		t.Errorf("dead letters: %v", r.dead)
	}
}

func TestFailingDocumentIsDeadLetteredWithReason(t *testing.T) {
	s := startServer(t, t.TempDir(), -1)
	_, js := connect(t, s.ClientURL())
	cfg := testConfig()
	cfg.DocTimeout = 300 * time.Millisecond
	ds := docs(5)
	submit(t, js, cfg, ds)
	var tries atomic.Int32
	p := ProcessorFunc(func(ctx context.Context, d *pipeline.Document) ([]byte, error) {
		if d.ID == "doc-002" {
			tries.Add(1)
			<-ctx.Done() // never finishes in time
			return nil, ctx.Err()
		}
		return fakeRecord(d), nil
	})
	stop := work(t, js, cfg, p, 2)
	r := collect(t, js, cfg, 5)
	stop()
	if len(r.records) != 4 || len(r.dead) != 1 {
		t.Fatalf("records %d, dead %d; want 4 and 1", len(r.records), len(r.dead))
	}
	dl := r.dead["doc-002"]
	if !strings.Contains(dl.Reason, "timed out") || dl.Deliveries != 3 || int(tries.Load()) != 3 {
		t.Errorf("dead letter %+v after %d tries; want a timeout after 3 deliveries", dl, tries.Load())
	}
	var back pipeline.Document
	if err := json.Unmarshal(dl.Document, &back); err != nil || back.ID != "doc-002" {
		t.Errorf("dead letter does not carry the document: %v", err)
	}
}

func TestServerRestartKeepsDocuments(t *testing.T) {
	dir := t.TempDir()
	s, err := Serve(ServerOptions{StoreDir: dir, Port: -1})
	if err != nil {
		t.Fatal(err)
	}
	url := s.ClientURL()
	port := url[strings.LastIndexByte(url, ':')+1:]
	nc, js := connect(t, url)
	cfg := testConfig()
	ds := docs(10)
	submit(t, js, cfg, ds)
	nc.Close()
	s.Shutdown()

	var p int
	fmt.Sscan(port, &p)
	s2 := startServer(t, dir, p)
	_, js2 := connect(t, s2.ClientURL())
	stop := work(t, js2, cfg, fake, 2)
	r := collect(t, js2, cfg, 10)
	stop()
	checkAll(t, r, ds)
}

// The worker subprocess: TestMain runs it when ENTENTE_NATS_TEST_WORKER
// names a server. It blocks forever on the document "doc-slow" after
// touching the file named by ENTENTE_NATS_TEST_MARK.
func TestMain(m *testing.M) {
	if url := os.Getenv("ENTENTE_NATS_TEST_WORKER"); url != "" {
		os.Exit(runTestWorker(url, os.Getenv("ENTENTE_NATS_TEST_MARK")))
	}
	os.Exit(m.Run())
}

func runTestWorker(url, mark string) int {
	nc, err := natsgo.Connect(url)
	if err != nil {
		return 2
	}
	js, _ := jetstream.New(nc)
	p := ProcessorFunc(func(ctx context.Context, d *pipeline.Document) ([]byte, error) {
		if d.ID == "doc-slow" {
			_ = os.WriteFile(mark, []byte("busy"), 0o644)
			select {} // killed here
		}
		return fakeRecord(d), nil
	})
	w := &Worker{JS: js, Cfg: testConfig(), Proc: p, Workers: 1}
	if _, err := w.Run(context.Background()); err != nil {
		return 1
	}
	return 0
}

func TestWorkerKilledMidDocumentIsRedelivered(t *testing.T) {
	s := startServer(t, t.TempDir(), -1)
	_, js := connect(t, s.ClientURL())
	cfg := testConfig()
	ds := append([]*pipeline.Document{{ID: "doc-slow", Source: "slow.txt", Original: []byte("A slow article.")}}, docs(5)...)
	submit(t, js, cfg, ds)

	mark := filepath.Join(t.TempDir(), "busy")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "ENTENTE_NATS_TEST_WORKER="+s.ClientURL(), "ENTENTE_NATS_TEST_MARK="+mark)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		if _, err := os.Stat(mark); err == nil {
			break
		}
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			t.Fatal("the worker process never started on doc-slow")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		t.Fatalf("worker process: %v, want killed", err)
	}

	stop := work(t, js, cfg, fake, 2)
	r := collect(t, js, cfg, len(ds))
	stop()
	checkAll(t, r, ds)
	if len(r.dead) != 0 {
		t.Errorf("dead letters: %v", r.dead)
	}
}

func TestTooLargeDocumentIsRejectedBeforeSending(t *testing.T) {
	s := startServer(t, t.TempDir(), -1)
	_, js := connect(t, s.ClientURL())
	cfg := testConfig()
	if err := Setup(context.Background(), js, cfg); err != nil {
		t.Fatal(err)
	}
	var rejected []string
	sub := &Submitter{JS: js, Cfg: cfg, MaxPayload: 200, OnReject: func(d *pipeline.Document, err error) {
		rejected = append(rejected, d.ID+": "+err.Error())
	}}
	big := &pipeline.Document{ID: "big", Source: "big.txt", Original: bytes.Repeat([]byte("x"), 500)}
	st, err := sub.Submit(context.Background(), sourceOf(append(docs(1), big)))
	if err != nil {
		t.Fatal(err)
	}
	if st.Submitted != 1 || st.Rejected != 1 || len(rejected) != 1 || !strings.Contains(rejected[0], "max_payload") {
		t.Errorf("stats %+v, rejected %q", st, rejected)
	}
}

func TestMsgIDIgnoresPositionOnly(t *testing.T) {
	a := &pipeline.Document{Seq: 1, ID: "x", Original: []byte("text")}
	b := &pipeline.Document{Seq: 7, ID: "x", Original: []byte("text")}
	c := &pipeline.Document{Seq: 1, ID: "x", Original: []byte("text!")}
	d := &pipeline.Document{Seq: 1, ID: "y", Original: []byte("text")}
	ia, _ := MsgID(a)
	ib, _ := MsgID(b)
	ic, _ := MsgID(c)
	id, _ := MsgID(d)
	if ia != ib || ia == ic || ia == id {
		t.Errorf("ids %s %s %s %s: same input must match, changed content or id must not", ia, ib, ic, id)
	}
}

// A worker stopped before it has set up its consumer (a collect that
// finished first, a quick SIGTERM) stops without an error.
func TestWorkerStoppedBeforeStartIsNotAnError(t *testing.T) {
	s := startServer(t, t.TempDir(), -1)
	_, js := connect(t, s.ClientURL())
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	w := &Worker{JS: js, Cfg: testConfig(), Proc: fake}
	if _, err := w.Run(ctx); err != nil {
		t.Errorf("worker stopped before starting: %v", err)
	}
}
