package bench

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gaianet-go/gaianet/domain"
	"github.com/gaianet-go/gaianet/domain/ledger"
	"github.com/gaianet-go/gaianet/domain/store"
	"github.com/gaianet-go/gaianet/egress"
	"github.com/gaianet-go/gaianet/identity"
	"github.com/gaianet-go/gaianet/internal/cputime"
	"github.com/gaianet-go/gaianet/tunnel"
)

// Options tune Run. Zero values take the defaults in brackets.
type Options struct {
	// Rate is the fixed request rate, per second, of the open-loop
	// phase [2000].
	Rate int
	// Duration is how long each target (direct, domain) is driven at
	// Rate, in one-second windows taken in turn [10s].
	Duration time.Duration
	// Clients is the number of closed-loop clients at saturation [64].
	Clients int
	// SaturationDuration is how long each target runs at saturation [5s].
	SaturationDuration time.Duration
	// Storage is the domain's store: a postgres:// DSN, or "" for SQLite
	// in Dir.
	Storage string
	// Dir holds the SQLite file, the charge journal and the node key
	// (required; use a temporary directory).
	Dir string
	// Progress, when set, receives a line at each step.
	Progress func(string)
}

func (o *Options) defaults() {
	if o.Rate <= 0 {
		o.Rate = 2000
	}
	if o.Duration <= 0 {
		o.Duration = 10 * time.Second
	}
	if o.Clients <= 0 {
		o.Clients = 64
	}
	if o.SaturationDuration <= 0 {
		o.SaturationDuration = 5 * time.Second
	}
	if o.Progress == nil {
		o.Progress = func(string) {}
	}
}

// Latency summarizes one target's open-loop requests.
type Latency struct {
	Requests int           `json:"requests"`
	Errors   int           `json:"errors"`
	P50      time.Duration `json:"p50_ns"`
	P99      time.Duration `json:"p99_ns"`
	Max      time.Duration `json:"max_ns"`
	// Achieved is the rate the target kept up with, requests/s.
	Achieved float64 `json:"achieved_per_s"`
	// CPU is the process's CPU time (user and system, every goroutine:
	// client, stub node and, through the domain, the gateway with its
	// drainer) per request during this target's windows; 0 where the
	// system does not report it. Unlike latency it hardly depends on what
	// else the machine runs.
	CPU time.Duration `json:"cpu_per_request_ns"`
}

// Result is one run's figures, direct and through the domain.
type Result struct {
	Rate         int           `json:"rate"`
	Store        string        `json:"store"`
	Direct       Latency       `json:"direct"`
	Domain       Latency       `json:"domain"`
	AddedP50     time.Duration `json:"added_p50_ns"`
	AddedP99     time.Duration `json:"added_p99_ns"`
	Clients      int           `json:"clients"`
	DirectPerSec float64       `json:"direct_saturation_per_s"`
	DomainPerSec float64       `json:"domain_saturation_per_s"`
	DomainErrors int           `json:"domain_saturation_errors"`
	DirectErrors int           `json:"direct_saturation_errors"`
}

// target is one way to the stub node.
type target struct {
	name, url, key string
	client         *http.Client
}

var body = []byte(`{"model":"` + StubModel + `","messages":[{"role":"user","content":"hi"}]}`)

func (t target) do(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, t.url+"/v1/chat/completions", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	if t.key != "" {
		req.Header.Set("Authorization", "Bearer "+t.key)
	}
	resp, err := t.client.Do(req)
	if err != nil {
		return err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if err == nil && resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("HTTP %d", resp.StatusCode)
	}
	return err
}

// Run sets up the stub node and the domain, measures both ways to the
// node, and tears everything down.
func Run(ctx context.Context, opt Options) (Result, error) {
	opt.defaults()
	if opt.Dir == "" {
		return Result{}, errors.New("bench: no directory")
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	st, err := store.Open(ctx, opt.Storage, opt.Dir)
	if err != nil {
		return Result{}, err
	}
	defer st.Close()
	cfg := domain.Default("bench.domain", "127.0.0.1:0")
	cfg.Storage = opt.Storage
	// Metering on: every answer is priced, journaled and posted.
	cfg.Prices = ledger.Prices{InputPerMillion: ledger.PerDollar, OutputPerMillion: 2 * ledger.PerDollar, PerRequest: 1}
	// Probes wait behind the load in the tunnel: give them time, or an
	// overloaded run takes the node out of rotation.
	cfg.Monitor = domain.Monitor{Interval: domain.Duration(time.Second), Timeout: domain.Duration(30 * time.Second), MaxFailures: 3}
	srv, err := domain.New(cfg, domain.Options{Store: st, Replica: "bench", Journal: filepath.Join(opt.Dir, "journal")})
	if err != nil {
		return Result{}, err
	}
	defer srv.Close()
	domainURL, stopDomain, err := serve(srv)
	if err != nil {
		return Result{}, err
	}
	defer stopDomain()

	u, key, err := st.AddUser(ctx, "bench")
	if err != nil {
		return Result{}, err
	}
	if _, err := st.Deposit(ctx, "bench-"+u.ID, u.ID, ledger.MaxAmount); err != nil {
		return Result{}, err
	}
	keyDir := filepath.Join(opt.Dir, "node")
	if err := os.MkdirAll(keyDir, 0o700); err != nil {
		return Result{}, err
	}
	id, err := identity.Create(keyDir, identity.LightScrypt())
	if err != nil {
		return Result{}, err
	}
	node := newStubNode(id.Address(), id)
	directURL, stopNode, err := serve(node)
	if err != nil {
		return Result{}, err
	}
	defer stopNode()
	loopback, err := egress.NewPolicy("127.0.0.1")
	if err != nil {
		return Result{}, err
	}
	tc := &tunnel.Client{URL: domainURL, Key: id, Handler: node, Egress: loopback, MinBackoff: 50 * time.Millisecond, MaxBackoff: time.Second}
	var tunnelDone sync.WaitGroup
	tunnelDone.Add(1)
	go func() { defer tunnelDone.Done(); tc.Run(ctx) }()
	defer tunnelDone.Wait()
	defer cancel()

	direct := target{name: "direct", url: directURL, client: newClient()}
	viaDomain := target{name: "domain", url: domainURL, key: key, client: newClient()}
	opt.Progress("waiting for the stub node to join the domain")
	if err := waitServed(ctx, viaDomain, 30*time.Second); err != nil {
		return Result{}, fmt.Errorf("bench: the stub node never served through the domain: %w", err)
	}
	// Warm both ways (connections, caches) before measuring.
	for range 200 {
		direct.do(ctx)
		viaDomain.do(ctx)
	}

	res := Result{Rate: opt.Rate, Store: st.Dialect(), Clients: opt.Clients}
	opt.Progress(fmt.Sprintf("open loop at %d requests/s, %v per target in alternating one-second windows", opt.Rate, opt.Duration))
	res.Direct, res.Domain = openLoop(ctx, opt, direct, viaDomain)
	res.AddedP50, res.AddedP99 = res.Domain.P50-res.Direct.P50, res.Domain.P99-res.Direct.P99
	opt.Progress(fmt.Sprintf("saturation: %d clients, %v per target", opt.Clients, opt.SaturationDuration))
	res.DirectPerSec, res.DirectErrors = saturate(ctx, opt, direct)
	res.DomainPerSec, res.DomainErrors = saturate(ctx, opt, viaDomain)
	opt.Progress("measured; tearing down")
	return res, ctx.Err()
}

func newClient() *http.Client {
	return &http.Client{Timeout: time.Minute, Transport: &http.Transport{MaxIdleConns: 8192, MaxIdleConnsPerHost: 8192,
		IdleConnTimeout: time.Minute, DisableCompression: true}}
}

// serve serves h on a loopback port until stop.
func serve(h http.Handler) (url string, stop func(), err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	s := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go s.Serve(ln)
	return "http://" + ln.Addr().String(), func() { s.Close() }, nil
}

// waitServed waits until t answers a request.
func waitServed(ctx context.Context, t target, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for {
		err := t.do(ctx)
		if err == nil || time.Now().After(deadline) || ctx.Err() != nil {
			return err
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// maxInFlight bounds the open loop's concurrent requests; a request due
// while the bound is reached waits, and its wait counts.
const maxInFlight = 4096

// openLoop drives a and b at opt.Rate in alternating one-second windows
// until each had opt.Duration.
func openLoop(ctx context.Context, opt Options, a, b target) (Latency, Latency) {
	windows := int((opt.Duration + time.Second - 1) / time.Second)
	perWindow := opt.Rate
	lat := [2][]time.Duration{make([]time.Duration, 0, windows*perWindow), make([]time.Duration, 0, windows*perWindow)}
	errs := [2]int{}
	busy := [2]time.Duration{}
	cpu := [2]time.Duration{}
	sem := make(chan struct{}, maxInFlight)
	for w := 0; w < 2*windows && ctx.Err() == nil; w++ {
		k := w % 2
		t := []target{a, b}[k]
		got := make([]time.Duration, perWindow)
		var failed atomic.Int64
		var wg sync.WaitGroup
		cpu0 := cputime.Process()
		start := time.Now()
		for i := 0; i < perWindow; i++ {
			due := start.Add(time.Duration(i) * time.Second / time.Duration(opt.Rate))
			if d := time.Until(due); d > 0 {
				time.Sleep(d)
			}
			sem <- struct{}{}
			wg.Add(1)
			go func() {
				defer func() { <-sem; wg.Done() }()
				if err := t.do(ctx); err != nil {
					failed.Add(1)
				}
				got[i] = time.Since(due)
			}()
		}
		wg.Wait()
		busy[k] += time.Since(start)
		cpu[k] += cputime.Process() - cpu0
		lat[k] = append(lat[k], got...)
		errs[k] += int(failed.Load())
	}
	return summarize(lat[0], errs[0], busy[0], cpu[0]), summarize(lat[1], errs[1], busy[1], cpu[1])
}

func summarize(lat []time.Duration, errs int, busy, cpu time.Duration) Latency {
	if len(lat) == 0 {
		return Latency{}
	}
	slices.Sort(lat)
	return Latency{Requests: len(lat), Errors: errs, P50: lat[len(lat)/2], P99: lat[len(lat)*99/100], Max: lat[len(lat)-1],
		Achieved: float64(len(lat)) / busy.Seconds(), CPU: cpu / time.Duration(len(lat))}
}

// saturate runs opt.Clients closed-loop clients against t for
// opt.SaturationDuration and returns the requests answered per second.
func saturate(ctx context.Context, opt Options, t target) (float64, int) {
	var done, failed atomic.Int64
	ctx, cancel := context.WithTimeout(ctx, opt.SaturationDuration)
	defer cancel()
	var wg sync.WaitGroup
	start := time.Now()
	for range opt.Clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				if err := t.do(ctx); err != nil {
					if ctx.Err() == nil {
						failed.Add(1)
					}
					continue
				}
				done.Add(1)
			}
		}()
	}
	wg.Wait()
	return float64(done.Load()) / time.Since(start).Seconds(), int(failed.Load())
}
