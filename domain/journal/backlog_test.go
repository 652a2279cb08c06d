package journal

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/domain/ledger"
	"github.com/gaianet-go/gaianet/domain/store/storetest"
)

// outage is the real store behind a switch: while down, every post fails
// as it does when the database cannot be reached.
type outage struct {
	down atomic.Bool
	p    Poster
}

var errDown = errors.New("database down")

func (o *outage) PostBatch(ctx context.Context, cs []ledger.Charge) ([]bool, error) {
	if o.down.Load() {
		return nil, errDown
	}
	return o.p.PostBatch(ctx, cs)
}

// appendRate is the answers per second BenchmarkAppendBacklog appends.
const appendRate = 5000

// BenchmarkAppendBacklog measures what an answer's Append costs while the
// database has been down long enough to leave a backlog of 0, 1e5 or 1e6
// charges (SQLite behind an outage switch), b.N appends at 5,000 per
// second in each of two phases: first with the database still down, then
// just after it comes back, while the drainer works through the backlog.
// It reports each phase's Append latency (p50, p99, max, in µs), the
// charges the drainer posted per second during the second phase, and the
// heap the backlog holds (each charge's request id is its only string of
// its own here; past MaxQueued, 262,144 by default, charges wait in the
// files only). Run with a fixed count, e.g.
//
//	go test -run '^$' -bench AppendBacklog -benchtime 10000x ./domain/journal
func BenchmarkAppendBacklog(b *testing.B) {
	for _, backlog := range []int{0, 1e5, 1e6} {
		b.Run(fmt.Sprintf("backlog=%d", backlog), func(b *testing.B) {
			st := storetest.Open(b, "")
			ctx := context.Background()
			u, _, _ := st.AddUser(ctx, "u")
			st.Deposit(ctx, "d", u.ID, ledger.MaxAmount)
			tmpl := charge(b, 1, u.ID)
			mk := func(prefix string, i int) ledger.Charge {
				c := tmpl
				c.RequestID = prefix + strconv.Itoa(i)
				return c
			}
			o := &outage{p: st}
			o.down.Store(true)
			var posted atomic.Int64
			up := make(chan struct{}, 1)
			j, err := Open(ctx, b.TempDir(), o, Options{Posted: func(cs []ledger.Charge) {
				posted.Add(int64(len(cs)))
				select {
				case up <- struct{}{}:
				default:
				}
			}})
			if err != nil {
				b.Fatal(err)
			}
			defer func() {
				o.down.Store(true)
				ctx, cancel := context.WithCancel(ctx)
				cancel()
				j.Close(ctx) // the files keep what is left; TempDir removes them
			}()
			var m0, m1 runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&m0)
			for i := range backlog {
				if err := j.Append(mk("bl_", i)); err != nil {
					b.Fatal(err)
				}
			}
			runtime.GC()
			runtime.ReadMemStats(&m1)
			lat := make([]time.Duration, b.N)
			measure := func(prefix string) {
				start := time.Now()
				for i := range lat {
					c := mk(prefix, i)
					if d := time.Until(start.Add(time.Duration(i) * time.Second / appendRate)); d > 0 {
						time.Sleep(d)
					}
					t0 := time.Now()
					if err := j.Append(c); err != nil {
						b.Fatal(err)
					}
					lat[i] = time.Since(t0)
				}
			}
			report := func(phase string) {
				slices.Sort(lat)
				us := func(d time.Duration) float64 { return float64(d) / float64(time.Microsecond) }
				b.ReportMetric(us(lat[len(lat)/2]), phase+"-p50-µs")
				b.ReportMetric(us(lat[len(lat)*99/100]), phase+"-p99-µs")
				b.ReportMetric(us(lat[len(lat)-1]), phase+"-max-µs")
			}
			b.ResetTimer()
			measure("down_")
			b.StopTimer()
			report("down")
			// The database comes back: wait for the drainer's first post
			// (its retry backoff is at most 5 s), then append while it
			// works through the backlog.
			o.down.Store(false)
			select {
			case <-up:
			case <-time.After(30 * time.Second):
				b.Fatal("nothing posted 30 s after the database came back")
			}
			p0, t0 := posted.Load(), time.Now()
			b.StartTimer()
			measure("up_")
			b.StopTimer()
			b.ReportMetric(float64(posted.Load()-p0)/time.Since(t0).Seconds(), "posted/s")
			report("up")
			if backlog > 0 {
				b.ReportMetric(float64(int64(m1.HeapAlloc)-int64(m0.HeapAlloc))/1e6, "backlog-heap-MB")
			}
		})
	}
}
