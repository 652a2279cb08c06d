package domain

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/domain/ledger"
	"github.com/gaianet-go/gaianet/domain/store/storetest"
)

// BenchmarkGateway measures what the domain adds to a request: the same
// fast stub node called directly and through the domain (key check,
// credit hold, tunnel, usage metering, the charge journaled and drained
// to the ledger), on each store (PostgreSQL when storetest has one).
// latency/* runs one request at a time and reports p50 and p99 in µs;
// rate2000/* sends requests at 2,000/s (open loop) and reports p50 and
// p99 in µs counted from each request's due time; throughput/* runs 32
// concurrent clients and reports requests/s.
func BenchmarkGateway(b *testing.B) {
	for name, storage := range storetest.Storages(b) {
		b.Run(name, func(b *testing.B) { benchGateway(b, storage) })
	}
}

// benchRate is the request rate of the open-loop runs, per second.
const benchRate = 2000

func benchGateway(b *testing.B, storage string) {
	// Probes wait behind the load in the tunnel: give them time, or an
	// overloaded run takes the node out of rotation.
	h := newHarness(b, storage, func(c *Config) {
		c.Monitor = Monitor{Interval: Duration(time.Second), Timeout: Duration(30 * time.Second), MaxFailures: 3}
	})
	node, _ := h.join(0, "m1")
	h.waitHealthy(1)
	direct := httptest.NewServer(node)
	defer direct.Close()
	// Enough credit for any run.
	h.st.Deposit(h.ctx, "bench", h.user, ledger.MaxAmount)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 256}}
	body := `{"model":"m1","messages":[{"role":"user","content":"hi"}]}`
	do := func(b *testing.B, url string) {
		req, _ := http.NewRequest(http.MethodPost, url+"/v1/chat/completions", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+h.key)
		req.Header.Set("Content-Type", "application/json")
		resp, err := client.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			b.Fatalf("HTTP %d", resp.StatusCode)
		}
	}
	for _, target := range []struct{ name, url string }{{"direct", direct.URL}, {"domain", h.http.URL}} {
		b.Run("latency/"+target.name, func(b *testing.B) {
			lat := make([]time.Duration, 0, b.N)
			for i := 0; i < b.N; i++ {
				t0 := time.Now()
				do(b, target.url)
				lat = append(lat, time.Since(t0))
			}
			sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
			b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
		})
		// Open loop at a fixed rate: request i is due at start + i/rate
		// and its latency counts from then, so a stall delays (and
		// counts against) every request behind it.
		b.Run(fmt.Sprintf("rate%d/%s", benchRate, target.name), func(b *testing.B) {
			lat := make([]time.Duration, b.N)
			sem := make(chan struct{}, 512)
			var wg sync.WaitGroup
			t0 := time.Now()
			for i := 0; i < b.N; i++ {
				due := t0.Add(time.Duration(i) * time.Second / benchRate)
				if d := time.Until(due); d > 0 {
					time.Sleep(d)
				}
				sem <- struct{}{}
				wg.Add(1)
				go func() {
					defer func() { <-sem; wg.Done() }()
					do(b, target.url)
					lat[i] = time.Since(due)
				}()
			}
			wg.Wait()
			elapsed := time.Since(t0)
			sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
			b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
			b.ReportMetric(float64(b.N)/elapsed.Seconds(), "req/s")
		})
		b.Run("throughput/"+target.name, func(b *testing.B) {
			b.SetParallelism(16) // 16 x GOMAXPROCS clients
			t0 := time.Now()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					do(b, target.url)
				}
			})
			b.ReportMetric(float64(b.N)/time.Since(t0).Seconds(), "req/s")
		})
	}
}
