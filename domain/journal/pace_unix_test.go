//go:build unix

package journal

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/domain/ledger"
	"github.com/gaianet-go/gaianet/domain/store/storetest"
	"github.com/gaianet-go/gaianet/internal/cputime"
)

// BenchmarkDrainAt2000 appends b.N charges at 2,000 per second, as the
// gateway does at the target rate, and reports the process's CPU
// time per charge (the drainer's transactions are nearly all of it) and
// the transactions it took, with the drainer posting at once whatever is
// queued (Interval 0, the default) and paced (20 ms). Run
// with -benchtime 4000x or more.
func BenchmarkDrainAt2000(b *testing.B) {
	for name, storage := range storetest.Storages(b) {
		for _, iv := range []time.Duration{0, 20 * time.Millisecond} {
			b.Run(fmt.Sprintf("%s/interval=%v", name, iv), func(b *testing.B) {
				st := storetest.Open(b, storage)
				ctx := context.Background()
				u, _, _ := st.AddUser(ctx, "u")
				st.Deposit(ctx, "d", u.ID, ledger.MaxAmount)
				cs := make([]ledger.Charge, b.N)
				for i := range cs {
					cs[i] = charge(b, i, u.ID)
				}
				var txs int
				j, err := Open(ctx, b.TempDir(), st, Options{Interval: iv, Posted: func([]ledger.Charge) { txs++ }})
				if err != nil {
					b.Fatal(err)
				}
				b.ResetTimer()
				cpu0, start := cputime.Process(), time.Now()
				for i, c := range cs {
					if d := time.Until(start.Add(time.Duration(i) * time.Second / 2000)); d > 0 {
						time.Sleep(d)
					}
					if err := j.Append(c); err != nil {
						b.Fatal(err)
					}
				}
				if err := j.Close(ctx); err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(cputime.Process()-cpu0)/float64(time.Microsecond)/float64(b.N), "cpu-µs/charge")
				b.ReportMetric(float64(b.N)/float64(txs), "charges/tx")
			})
		}
	}
}
