package kernels

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// Pool is a fixed set of persistent worker goroutines plus the scratch
// memory MatMul needs, so that a steady stream of calls neither spawns
// goroutines nor allocates.
//
// A Pool is driven by one goroutine at a time: Parallel and MatMul must not
// be called concurrently on the same Pool (use one Pool per concurrent
// caller). The calling goroutine takes part in the work, so NewPool(1) runs
// everything on the caller. Close stops the workers; a closed Pool must not
// be used.
type Pool struct {
	n       int // total parallelism including the caller
	workers []*worker
	closing atomic.Bool
	exited  sync.WaitGroup
	done    chan struct{} // wakes a parked caller; capacity 1
	job     job           // reused for every call; guarded by single-caller rule
	mm      mmTask        // reused MatMul task
	multi   mmMulti       // reused MatMulShared task
	qt      quantTask     // reused activation quantization task
	rt      roundTask     // reused activation rounding task (F16, BF16)
	scratch scratch       // MatMul activation buffers, grown on demand
	ks      *kernelSet    // nil: defaultKernels; tests force genericKernels
	// invariant pads batches so that every column of a weight type goes
	// through the same kernel (see SetBatchInvariant).
	invariant bool
	closed    bool
}

// spinTime is how long an idle worker (or a caller waiting for workers)
// polls before parking. Decoding issues MatMuls back to back, microseconds
// apart; polling that long saves a futex wake-up per call, as llama.cpp's
// spinning threads do, while parking keeps an idle Pool off the CPU.
const spinTime = 50 * time.Microsecond

// worker is one helper goroutine. The caller hands it a job through slot,
// which holds nil, a job, or &asleep while the worker is parked on wake.
// Every hand-over is a read-modify-write of that one word, so a job and a
// worker going to sleep cannot miss each other whatever the memory model
// (a store followed by a load of another variable is not enough: qemu's
// user-mode arm64 on an x86 host reorders them).
type worker struct {
	slot   atomic.Pointer[job]
	asleep job           // sentinel stored in slot while parked; never run
	wake   chan struct{} // capacity 1; stale tokens are harmless
}

// ranger is work split over an index range; the package's own tasks
// implement it so that dispatching them does not allocate a closure.
type ranger interface{ do(lo, hi int) }

// funcRanger adapts a Parallel callback.
type funcRanger func(lo, hi int)

func (f funcRanger) do(lo, hi int) { f(lo, hi) }

// job is one Parallel call: workers grab chunks of [0,n) until none are
// left, then count themselves out of pending.
type job struct {
	task  ranger
	n     int
	chunk int
	next  atomic.Int64
	// pending counts the helpers still running, plus callerWaiting once the
	// caller parks: the helper whose decrement leaves exactly callerWaiting
	// wakes it, so the count and the caller's sleep are one atomic word.
	pending atomic.Int32
}

// callerWaiting is added to job.pending by a caller that parks.
const callerWaiting = 1 << 30

func (j *job) run() {
	for {
		hi := int(j.next.Add(int64(j.chunk)))
		lo := hi - j.chunk
		if lo >= j.n {
			return
		}
		j.task.do(lo, min(hi, j.n))
	}
}

// NewPool returns a Pool that spreads work over n goroutines, the caller
// included. n <= 0 means runtime.GOMAXPROCS(0).
func NewPool(n int) *Pool {
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	p := &Pool{n: n, workers: make([]*worker, n-1), done: make(chan struct{}, 1)}
	p.exited.Add(n - 1)
	for i := range p.workers {
		w := &worker{wake: make(chan struct{}, 1)}
		p.workers[i] = w
		go p.work(w)
	}
	return p
}

// work is a worker's loop: wait for a job, help with it, report back.
func (p *Pool) work(w *worker) {
	defer p.exited.Done()
	for {
		j := p.await(w)
		if j == nil {
			return
		}
		j.run()
		if j.pending.Add(-1) == callerWaiting {
			p.done <- struct{}{} // exactly one per parked wait: never blocks
		}
	}
}

// await returns the worker's next job, or nil when the Pool closes.
func (p *Pool) await(w *worker) *job {
	start := time.Now()
	for i := 0; ; i++ {
		if j := w.slot.Swap(nil); j != nil {
			return j
		}
		if p.closing.Load() {
			return nil
		}
		if i&63 == 63 && time.Since(start) > spinTime {
			break
		}
		runtime.Gosched()
	}
	for {
		if j := w.slot.Swap(nil); j != nil && j != &w.asleep {
			return j
		}
		if p.closing.Load() {
			return nil
		}
		// Park only if no job arrived since the Swap; a caller that
		// replaces &asleep by a job sends a token. A stale token (the job
		// was taken back, or Close) only causes another look.
		if w.slot.CompareAndSwap(nil, &w.asleep) {
			<-w.wake
		}
	}
}

// Size returns how many goroutines (the caller included) share the work.
func (p *Pool) Size() int { return p.n }

// Close stops the workers and waits for them to exit. It is idempotent.
func (p *Pool) Close() {
	if p.closed {
		return
	}
	p.closed = true
	p.closing.Store(true)
	for _, w := range p.workers {
		select {
		case w.wake <- struct{}{}:
		default:
		}
	}
	p.exited.Wait()
}

// Parallel calls fn on disjoint ranges [lo,hi) that together cover [0,n),
// from up to Size() goroutines at once, and returns when all calls are
// done. fn may be called several times per goroutine and must be safe to
// run concurrently on different ranges, and must not call back into the
// same Pool. Parallel itself does not allocate.
func (p *Pool) Parallel(n int, fn func(lo, hi int)) {
	p.dispatch(n, 0, funcRanger(fn))
}

// dispatch runs a job; chunk 0 picks a chunk size that balances load.
func (p *Pool) dispatch(n, chunk int, task ranger) {
	if n <= 0 {
		return
	}
	if p.closed {
		panic("kernels: Pool used after Close")
	}
	if chunk <= 0 {
		// A few chunks per goroutine lets a fast worker take over from one
		// that was descheduled on a busy machine.
		chunk = max(1, (n+4*p.n-1)/(4*p.n))
	}
	nchunks := (n + chunk - 1) / chunk
	if p.n == 1 || nchunks == 1 {
		task.do(0, n)
		return
	}
	j := &p.job
	j.task, j.n, j.chunk = task, n, chunk
	j.next.Store(0)
	helpers := min(len(p.workers), nchunks-1)
	j.pending.Store(int32(helpers))
	for _, w := range p.workers[:helpers] {
		if w.slot.Swap(j) == &w.asleep {
			select {
			case w.wake <- struct{}{}:
			default: // a stale token is there: it wakes the worker too
			}
		}
	}
	j.run()
	// Take back the job from helpers that have not picked it up yet (on a
	// busy machine a worker may not get a CPU for a while): all chunks are
	// done, so there is nothing left for them to do.
	for _, w := range p.workers[:helpers] {
		if w.slot.CompareAndSwap(j, nil) {
			j.pending.Add(-1)
		}
	}
	p.waitHelpers(j)
	j.task = nil
}

// waitHelpers returns once every helper has finished j: it polls for
// spinTime, then parks until the last helper wakes it.
func (p *Pool) waitHelpers(j *job) {
	start := time.Now()
	for i := 0; j.pending.Load() != 0; i++ {
		if i&63 == 63 && time.Since(start) > spinTime {
			if j.pending.Add(callerWaiting) != callerWaiting {
				<-p.done
			}
			return
		}
		runtime.Gosched()
	}
}
