package journal

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/domain/ledger"
)

// TestFIFO: random pushes, peeks and pops agree with a plain slice, for
// chunk sizes from 1 up, and popped entries are cleared (the charges they
// held can be collected) while at most one drained chunk is kept.
func TestFIFO(t *testing.T) {
	for _, size := range []int{1, 2, 3, 7, chunkLen} {
		t.Run(strconv.Itoa(size), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(1, uint64(size)))
			f := fifo{size: size}
			var ref []queued
			next := 0
			steps := 20000
			if size > 64 {
				steps = 1000
			}
			for step := range steps {
				switch op := rng.IntN(10); {
				case op < 5: // push a few
					for range rng.IntN(2 * size) {
						q := queued{c: ledger.Charge{RequestID: strconv.Itoa(next)}}
						next++
						f.push(q)
						ref = append(ref, q)
					}
				case op < 8: // peek, then pop what was peeked (a post)
					n := rng.IntN(3*size + 1)
					got := f.peek(nil, n)
					if want := ref[:min(n, len(ref))]; !sameQueued(got, want) {
						t.Fatalf("step %d: peek(%d) = %d entries, want %d, or out of order", step, n, len(got), len(want))
					}
					f.pop(len(got))
					ref = ref[len(got):]
				default: // drain everything
					got := f.peek(nil, len(ref)+1)
					if !sameQueued(got, ref) {
						t.Fatalf("step %d: peek all differs", step)
					}
					f.pop(len(got))
					ref = ref[:0]
				}
				if f.len() != len(ref) {
					t.Fatalf("step %d: len %d, want %d", step, f.len(), len(ref))
				}
				if f.head != nil {
					for i, q := range f.head.q[:f.hi] {
						if q.c.RequestID != "" {
							t.Fatalf("step %d: popped entry %d of the head chunk still holds %s", step, i, q.c.RequestID)
						}
					}
				}
				if f.len() == 0 && (f.head != nil && f.head != f.tail) {
					t.Fatalf("step %d: empty queue holds more than one chunk", step)
				}
			}
		})
	}
	t.Run("pop beyond length", func(t *testing.T) {
		defer func() {
			if recover() == nil {
				t.Fatal("no panic")
			}
		}()
		var f fifo
		f.push(queued{})
		f.pop(2)
	})
}

func sameQueued(a, b []queued) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].c.RequestID != b[i].c.RequestID {
			return false
		}
	}
	return true
}

// flaky is the real store behind a poster that fails at random: before
// the transaction (the database unreachable) or after it committed (the
// answer lost, so the drainer posts the same charges again). It records
// each attempt and checks, before each, that every charge it is asked to
// post is still in one of the journal's files.
type flaky struct {
	t    *testing.T
	p    Poster
	dir  string
	rng  *rand.Rand
	down bool

	mu       sync.Mutex
	j        *Journal
	posted   []string // request ids of the batches that reported success, in order
	failed   int
	maxQueue int // the most charges queued in memory at a post
}

var errFlaky = errors.New("flaky database")

func (f *flaky) PostBatch(ctx context.Context, cs []ledger.Charge) ([]bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.j != nil {
		f.j.mu.Lock()
		f.maxQueue = max(f.maxQueue, f.j.queue.len())
		f.j.mu.Unlock()
	}
	if f.dir != "" {
		onDisk := map[string]bool{}
		names, _ := filepath.Glob(filepath.Join(f.dir, "*.log"))
		for _, name := range names {
			data, err := os.ReadFile(name)
			if err != nil {
				continue // removed meanwhile: only a fully posted one may be
			}
			got, _, err := readRecords(data)
			if err != nil {
				f.t.Errorf("%s: %v", name, err)
			}
			for _, c := range got {
				onDisk[c.RequestID] = true
			}
		}
		for _, c := range cs {
			if !onDisk[c.RequestID] {
				f.t.Errorf("charge %s is being posted but no segment holds it any more", c.RequestID)
			}
		}
	}
	if f.down {
		return nil, errDown
	}
	switch f.rng.IntN(8) {
	case 0:
		f.failed++
		return nil, errFlaky
	case 1:
		if _, err := f.p.PostBatch(ctx, cs); err != nil {
			return nil, err
		}
		f.failed++
		return nil, errFlaky // committed, answer lost
	}
	ok, err := f.p.PostBatch(ctx, cs)
	if err == nil {
		for _, c := range cs {
			f.posted = append(f.posted, c.RequestID)
		}
	}
	return ok, err
}

// TestDrainOrderExactlyOnce: with small chunks, small segments and a
// database that fails a post in four at random (half of those after
// committing) and is down for a stretch, the drainer reports success for
// the charges exactly in the order they were appended, each once; no
// segment is deleted while it holds a charge not yet posted; and after a
// stop with the database down, the next Open posts the rest, so the
// ledger bills every charge once. With MaxQueued 7 most charges spill to
// the files and are read back, and the queue stays within its bound.
func TestDrainOrderExactlyOnce(t *testing.T) {
	eachBound(t, []int{0, 7}, testDrainOrder)
}

func testDrainOrder(t *testing.T, storage string, maxQueued int) {
	st, user, _ := setup(t, storage)
	ctx := context.Background()
	root := t.TempDir()
	fl := &flaky{t: t, p: st, rng: rand.New(rand.NewPCG(7, 7))}
	const maxBatch = 13
	j, err := Open(ctx, root, fl, Options{MaxBatch: maxBatch, SegmentBytes: 1500, MaxQueued: maxQueued})
	if err != nil {
		t.Fatal(err)
	}
	j.mu.Lock()
	j.queue.size = 5
	j.afterRead = func() { time.Sleep(300 * time.Microsecond) } // a window for appends
	j.mu.Unlock()
	fl.mu.Lock()
	fl.dir, fl.j = j.dir, j
	fl.mu.Unlock()
	setDown := func(down bool) {
		fl.mu.Lock()
		fl.down = down
		fl.mu.Unlock()
	}

	const n = 1000
	var want ledger.Micros
	appended := make([]string, n)
	for i := range n {
		c := charge(t, i, user)
		want += c.Amount
		appended[i] = c.RequestID
		switch i {
		case 300:
			setDown(true)
		case 500:
			setDown(false)
		}
		if err := j.Append(c); err != nil {
			t.Fatal(err)
		}
		// Paced, so that appends land while the drainer reads spilled
		// charges back.
		time.Sleep(20 * time.Microsecond)
		if i%100 == 99 && (i < 300 || i >= 500) { // let the drainer catch up now and then
			waitFor(t, "the drainer to catch up", func() bool { return j.Pending() < 50 })
		}
	}
	// Stop mid-way with the database down: what is not posted stays in
	// the files.
	setDown(true)
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	j.Close(cctx)

	fl.mu.Lock()
	posted, maxQueue := fl.posted, fl.maxQueue
	t.Logf("%d of %d charges posted before the stop, %d failed posts, at most %d queued in memory", len(posted), n, fl.failed, maxQueue)
	fl.mu.Unlock()
	if len(posted) > n {
		t.Fatalf("%d charges reported posted, %d appended", len(posted), n)
	}
	for i, id := range posted {
		if id != appended[i] {
			t.Fatalf("posted #%d is %s, appended #%d was %s: order or exactly-once broken", i, id, i, appended[i])
		}
	}
	if maxQueued > 0 && maxQueue > max(maxQueued, maxBatch+10) {
		t.Fatalf("%d charges queued in memory with MaxQueued %d", maxQueue, maxQueued)
	}
	j2, err := Open(ctx, root, st, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := j2.Close(ctx); err != nil {
		t.Fatal(err)
	}
	tot, err := st.Totals(ctx)
	if err != nil || tot.Requests != n || tot.Charged != want {
		t.Fatalf("totals %+v (%v); want %d requests, %s charged", tot, err, n, want)
	}
	if err := st.Check(ctx); err != nil {
		t.Fatal(err)
	}
}

// waitFor polls cond until it holds; it fails the test after a minute
// (a condition, not a sleep: the machine may be loaded).
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waited a minute for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

// sliceQueue is the queue the fifo replaced, kept as the baseline of
// BenchmarkQueuePost: a slice shifted after every post.
type sliceQueue []queued

func (q *sliceQueue) push(e queued) { *q = append(*q, e) }
func (q *sliceQueue) peek(dst []queued, n int) []queued {
	return append(dst, (*q)[:min(n, len(*q))]...)
}
func (q *sliceQueue) pop(n int) { *q = append((*q)[:0], (*q)[n:]...) }

// BenchmarkQueuePost: what one post's queue work costs under the lock
// (MaxBatch entries appended, then the front MaxBatch peeked and popped)
// with a backlog of 1e3, 1e5 or 1e6 waiting, for the fifo and for the
// slice it replaced.
func BenchmarkQueuePost(b *testing.B) {
	type queue interface {
		push(queued)
		peek([]queued, int) []queued
		pop(int)
	}
	const batch = 512
	for _, backlog := range []int{1e3, 1e5, 1e6} {
		for _, impl := range []struct {
			name string
			q    queue
		}{{"fifo", &fifo{}}, {"slice", &sliceQueue{}}} {
			b.Run(fmt.Sprintf("%s/backlog=%d", impl.name, backlog), func(b *testing.B) {
				e := queued{c: charge(b, 1, "u")}
				for range backlog {
					impl.q.push(e)
				}
				dst := make([]queued, 0, batch)
				runtime.GC()
				b.ResetTimer()
				for range b.N {
					for range batch {
						impl.q.push(e)
					}
					dst = impl.q.peek(dst[:0], batch)
					impl.q.pop(len(dst))
				}
			})
		}
	}
}
