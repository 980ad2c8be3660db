package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/entente-nlp/entente/internal/testkit/testutil"
)

var (
	serveLoad       = flag.Bool("serve-load", false, "run the load test of entente serve on loopback (docs/serve.md)")
	serveLoadFor    = flag.Duration("serve-load-for", 20*time.Second, "how long each concurrency level runs")
	serveLoadLevels = flag.String("serve-load-clients", "1,8,32", "concurrency levels")
)

// maxLoadRequests bounds the requests of one level, whatever its duration.
const maxLoadRequests = 200000

// TestServeLoad posts the reference article to a running `entente serve`
// (a separate process, on 127.0.0.1 only) from 1, 8 and 32 clients, and
// sends it a 100 MB body. It prints the figures of docs/serve.md. Run it
// with: go test ./cmd/entente -run TestServeLoad -serve-load -v
func TestServeLoad(t *testing.T) {
	if !*serveLoad {
		t.Skip("load test: give -serve-load to run it")
	}
	article, err := os.ReadFile(testutil.Testdata(t, "moscow-declaration.md"))
	if err != nil {
		t.Fatal(err)
	}
	srv := startServe(t)
	url := srv.url + "/v1/extract?published=2016-12-22"
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}, Timeout: time.Minute}
	// Warm up.
	for i := 0; i < 3; i++ {
		if code, err := post(client, url, article); err != nil || code != 200 {
			t.Fatalf("warm-up: %d %v", code, err)
		}
	}
	fmt.Printf("| clients | requests | throughput (req/s) | p50 (ms) | p99 (ms) | errors | server peak RSS (MiB) |\n|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, f := range strings.Split(*serveLoadLevels, ",") {
		if strings.TrimSpace(f) == "" {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 || n > 256 {
			t.Fatalf("-serve-load-clients: bad level %q", f)
		}
		var (
			mu      sync.Mutex
			lat     []time.Duration
			errs    atomic.Int64
			started atomic.Int64
			wg      sync.WaitGroup
		)
		peak := srv.watchRSS()
		t0 := time.Now()
		deadline := t0.Add(*serveLoadFor)
		for c := 0; c < n; c++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var mine []time.Duration
				for time.Now().Before(deadline) && started.Add(1) <= maxLoadRequests {
					s := time.Now()
					code, err := post(client, url, article)
					if err != nil || code != 200 {
						errs.Add(1)
						continue
					}
					mine = append(mine, time.Since(s))
				}
				mu.Lock()
				lat = append(lat, mine...)
				mu.Unlock()
			}()
		}
		wg.Wait()
		elapsed := time.Since(t0)
		rss := peak()
		sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
		fmt.Printf("| %d | %d | %.1f | %.1f | %.1f | %d | %.0f |\n", n, len(lat)+int(errs.Load()),
			float64(len(lat))/elapsed.Seconds(), ms(quantile(lat, 0.50)), ms(quantile(lat, 0.99)), errs.Load(), float64(rss)/(1<<20))
	}

	// A 100 MB body, declared and chunked: refused, fast, without the
	// server's memory growing.
	for _, chunked := range []bool{false, true} {
		before := srv.rss()
		peak := srv.watchRSS()
		code, el, sent, err := postHuge(srv.addr, 100<<20, chunked)
		after := peak()
		fmt.Printf("100 MB body (chunked %v): status %d after %s, %.1f MiB sent before the answer, server RSS %.0f MiB before, peak %.0f MiB (err %v)\n",
			chunked, code, el.Round(time.Millisecond), float64(sent)/(1<<20), float64(before)/(1<<20), float64(after)/(1<<20), err)
		if code != 413 {
			t.Errorf("100 MB body: status %d, want 413", code)
		}
		if el > time.Second {
			t.Errorf("100 MB body refused after %s", el)
		}
	}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func quantile(xs []time.Duration, q float64) time.Duration {
	if len(xs) == 0 {
		return 0
	}
	return xs[min(len(xs)-1, int(q*float64(len(xs))))]
}

func post(c *http.Client, url string, body []byte) (int, error) {
	resp, err := c.Post(url, "text/markdown", bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode, err
}

// postHuge sends a body of n bytes on a raw connection, stopping at the
// server's answer, and returns its status, the time from the first byte
// sent to the answer's status line, and how much was sent by then.
func postHuge(addr string, n int64, chunked bool) (int, time.Duration, int64, error) {
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		return 0, 0, 0, err
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(30 * time.Second))
	head := "POST /v1/extract HTTP/1.1\r\nHost: " + addr + "\r\nContent-Type: text/plain\r\n"
	if chunked {
		head += "Transfer-Encoding: chunked\r\n\r\n"
	} else {
		head += "Content-Length: " + strconv.FormatInt(n, 10) + "\r\n\r\n"
	}
	start := time.Now()
	if _, err := io.WriteString(conn, head); err != nil {
		return 0, 0, 0, err
	}
	type result struct {
		code int
		at   time.Duration
		sent int64
	}
	var sent atomic.Int64
	answer := make(chan result, 1)
	go func() {
		st, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			answer <- result{-1, time.Since(start), sent.Load()}
			return
		}
		answer <- result{st.StatusCode, time.Since(start), sent.Load()}
	}()
	chunk := bytes.Repeat([]byte("Putin met Erdogan in Moscow. "), 64<<10/29)
	for sent.Load() < n {
		select {
		case r := <-answer:
			return r.code, r.at, r.sent, nil
		default:
		}
		b := chunk
		if chunked {
			b = append([]byte(fmt.Sprintf("%x\r\n", len(chunk))), append(chunk, "\r\n"...)...)
		}
		conn.SetWriteDeadline(time.Now().Add(2 * time.Second))
		if _, err := conn.Write(b); err != nil {
			break // the server closed the connection
		}
		sent.Add(int64(len(chunk)))
	}
	select {
	case r := <-answer:
		return r.code, r.at, r.sent, nil
	case <-time.After(10 * time.Second):
		return 0, 0, sent.Load(), fmt.Errorf("no answer")
	}
}

// serveProc is a running `entente serve`.
type serveProc struct {
	cmd  *exec.Cmd
	addr string
	url  string
}

var listenRe = regexp.MustCompile(`serve: ready" addr=http://(127\.0\.0\.1:\d+)`)

// startServe runs the binary on a free loopback port and waits until it
// is ready.
func startServe(t *testing.T) *serveProc {
	t.Helper()
	bin := binary(t)
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--max-inflight", "256")
	cmd.Dir = t.TempDir()
	var stderr syncBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	deadline := time.Now().Add(60 * time.Second)
	for {
		if m := listenRe.FindStringSubmatch(stderr.String()); m != nil {
			return &serveProc{cmd: cmd, addr: m[1], url: "http://" + m[1]}
		}
		if time.Now().After(deadline) {
			t.Fatalf("entente serve not ready:\n%s", stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// rss returns the server's resident set size in bytes.
func (p *serveProc) rss() int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", p.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// watchRSS samples the server's RSS every 20 ms until the returned
// function is called, which returns the peak.
func (p *serveProc) watchRSS() func() int64 {
	var peak atomic.Int64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			if r := p.rss(); r > peak.Load() {
				peak.Store(r)
			}
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	return func() int64 { close(stop); <-done; return peak.Load() }
}
