package kernels

import (
	"math/rand/v2"
	"runtime"
	"sync/atomic"
	"testing"
	"time"
)

// TestPoolStress drives Pools of several sizes through many calls whose
// tasks take random, tiny amounts of time, with pauses between calls long
// enough for workers to park, so that every interleaving of take-back,
// parking and waking gets exercised. Each call must cover its range
// exactly once and return; a lost wake-up shows as the watchdog firing.
func TestPoolStress(t *testing.T) {
	calls := 20000
	if testing.Short() {
		calls = 2000
	}
	for _, size := range []int{2, 3, 4} {
		p := NewPool(size)
		r := rand.New(rand.NewPCG(uint64(size), 7))
		var hits []atomic.Int32
		done := make(chan struct{})
		go func() {
			defer close(done)
			for c := range calls {
				n := 1 + r.IntN(64)
				if cap(hits) < n {
					hits = make([]atomic.Int32, n)
				}
				hits = hits[:n]
				for i := range hits {
					hits[i].Store(0)
				}
				// Half the calls make one index take about as long as the
				// caller polls before parking (spinTime), so that a helper
				// often finishes just as the caller goes to sleep.
				spin := r.IntN(4)
				var slow int
				var delay time.Duration
				if c%2 == 1 {
					slow = r.IntN(n)
					delay = time.Duration(r.Int64N(int64(3 * spinTime)))
				}
				p.Parallel(n, func(lo, hi int) {
					for i := lo; i < hi; i++ {
						hits[i].Add(1)
						if i == slow && delay > 0 {
							for t0 := time.Now(); time.Since(t0) < delay; {
							}
						}
					}
					for range spin {
						runtime.Gosched()
					}
				})
				for i := range hits {
					if h := hits[i].Load(); h != 1 {
						t.Errorf("pool %d call %d: index %d of %d done %d times", size, c, i, n, h)
						return
					}
				}
				switch r.IntN(16) {
				case 0:
					time.Sleep(time.Duration(r.IntN(200)) * time.Microsecond)
				case 1:
					runtime.Gosched()
				}
			}
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Minute):
			buf := make([]byte, 1<<20)
			t.Fatalf("pool %d hung:\n%s", size, buf[:runtime.Stack(buf, true)])
		}
		p.Close()
	}
}
