package journal

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/gaianet-go/gaianet/domain/ledger"
	"github.com/gaianet-go/gaianet/internal/filelock"
)

// Poster writes charges to the ledger in one transaction, each exactly
// once by request id (store.Store.PostBatch).
type Poster interface {
	PostBatch(ctx context.Context, cs []ledger.Charge) ([]bool, error)
}

// Options tune a Journal.
type Options struct {
	// MaxBatch bounds the charges posted in one transaction; default 512.
	MaxBatch int
	// Interval, when positive, is the least time from one post's start to
	// the next one's while fewer than MaxBatch charges wait; default 0:
	// post at once whatever is queued. Pacing (e.g. 20 ms) puts the same
	// charges in a few larger transactions and so costs less CPU (on 2
	// cores at 2,000 requests/s, 169-183 CPU-us per request through the
	// gateway instead of 393), but on a machine with idle cores it adds
	// latency (p50 +120 us, p99 +2 ms: docs/performance.md), which is what
	// users see, so the default posts at once. Close posts at once.
	Interval time.Duration
	// SegmentBytes is the size after which a new segment file starts (a
	// segment is deleted once all its charges are posted); default 4 MiB.
	SegmentBytes int64
	// MaxQueued bounds the charges kept in memory for the drainer;
	// default 1<<18 (262,144: 30 MiB of queue entries plus the charges'
	// strings and legs; BenchmarkAppendBacklog measures 38 MB where only
	// the request ids are the charges' own). While the database is down and more wait,
	// Append writes the rest to the files only, and the drainer reads them
	// back, in order, once it has posted what it holds (at most one
	// segment's charges at a time). So memory stays bounded by MaxQueued
	// plus one segment's charges whatever the outage lasts; only the files
	// grow.
	MaxQueued int
	// Posted, if set, is called by the drainer after each committed batch
	// with the charges it held (in journal order).
	Posted func([]ledger.Charge)
	// Logger receives errors; nil discards them.
	Logger *slog.Logger
}

// Journal is one process's charge journal. It is safe for concurrent use.
type Journal struct {
	dir  string // this process's subdirectory
	root string
	post Poster
	opt  Options
	log  *slog.Logger
	lock *os.File

	mu    sync.Mutex
	seg   *segment // the segment appended to
	queue fifo     // appended, not yet posted
	// Spilled charges: appended while MaxQueued waited, kept only in the
	// files from spillSeg at byte spillOff on (through the following
	// segments, to the end of seg). While spilling, appends do not queue,
	// so the queue, then the spilled records, are the journal's order.
	spilling bool
	spillSeg *segment
	spillOff int64
	unqueued int // charges spilled, not read back
	// afterRead, when set (by tests), runs in refill between reading the
	// spilled records and queueing them: appends may land meanwhile.
	afterRead func()
	buf       []byte // encoding buffer, reused under mu
	wake      chan struct{}
	full      chan struct{} // signalled when MaxBatch charges wait
	closed    bool
	drained   chan struct{} // closed when the drainer has exited
	stop      chan struct{}
}

type segment struct {
	f       *os.File
	size    int64
	pending int      // charges appended and not yet posted
	sealed  bool     // no more appends: delete when pending reaches 0
	next    *segment // the segment started after this one
}

type queued struct {
	c   ledger.Charge
	seg *segment
}

// Open starts the journal of this process in a new subdirectory of root
// and first replays, through post, every journal of a dead process found
// there. It returns when those are posted (or with the error that stopped
// it: nothing is deleted before it is posted).
func Open(ctx context.Context, root string, post Poster, opt Options) (*Journal, error) {
	if opt.MaxBatch <= 0 {
		opt.MaxBatch = 512
	}
	if opt.SegmentBytes <= 0 {
		opt.SegmentBytes = 4 << 20
	}
	if opt.MaxQueued <= 0 {
		opt.MaxQueued = 1 << 18
	}
	log := opt.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if err := os.MkdirAll(root, 0o700); err != nil {
		return nil, fmt.Errorf("journal: %w", err)
	}
	if err := recoverAll(ctx, root, post, log); err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp(root, fmt.Sprintf("p%d-", os.Getpid()))
	if err != nil {
		return nil, fmt.Errorf("journal: %w", err)
	}
	lock, err := os.OpenFile(filepath.Join(dir, "LOCK"), os.O_CREATE|os.O_RDWR, 0o600)
	if err == nil {
		err = filelock.TryLock(lock)
	}
	if err != nil {
		return nil, fmt.Errorf("journal: lock %s: %w", dir, err)
	}
	j := &Journal{dir: dir, root: root, post: post, opt: opt, log: log, lock: lock,
		wake: make(chan struct{}, 1), full: make(chan struct{}, 1), drained: make(chan struct{}), stop: make(chan struct{})}
	if _, err := j.rotateLocked(); err != nil {
		lock.Close()
		return nil, err
	}
	go j.drain()
	return j, nil
}

// Append writes c to the journal and queues it for posting. When it
// returns nil the charge survives the process being killed.
func (j *Journal) Append(c ledger.Charge) error {
	if err := validate(c); err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	// A segment fully posted when its successor starts is deleted after
	// the lock is released: unlinking a 4 MiB file takes milliseconds,
	// and every answer's Append would wait for it.
	var drop *segment
	defer func() {
		if drop != nil {
			j.removeSegment(drop)
		}
	}()
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.closed {
		return errors.New("journal: closed")
	}
	var err error
	if j.buf, err = appendRecord(j.buf[:0], c); err != nil {
		return err
	}
	if _, err := j.seg.f.Write(j.buf); err != nil {
		// A partial record is torn and skipped by replay; start a new
		// segment so later records stay readable.
		j.seg.sealed = true
		var rerr error
		if drop, rerr = j.rotateLocked(); rerr != nil {
			j.log.Error("journal: cannot start a new segment", "err", rerr)
		}
		return fmt.Errorf("journal: write: %w", err)
	}
	off := j.seg.size
	j.seg.size += int64(len(j.buf))
	j.seg.pending++
	switch {
	case j.spilling:
		j.unqueued++
	case j.queue.len() >= j.opt.MaxQueued:
		j.spilling, j.spillSeg, j.spillOff = true, j.seg, off
		j.unqueued++
	default:
		j.queue.push(queued{c, j.seg})
	}
	if j.seg.size >= j.opt.SegmentBytes {
		j.seg.sealed = true
		if drop, err = j.rotateLocked(); err != nil {
			j.log.Error("journal: cannot start a new segment", "err", err)
		}
	}
	select {
	case j.wake <- struct{}{}:
	default:
	}
	if j.queue.len() >= j.opt.MaxBatch {
		select {
		case j.full <- struct{}{}:
		default:
		}
	}
	return nil
}

// Pending counts the charges appended and not yet posted.
func (j *Journal) Pending() int {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.queue.len() + j.unqueued
}

// rotateLocked starts a new segment file. It returns the old segment when
// nothing of it waits to be posted: the caller deletes it (removeSegment)
// once it has released j.mu.
func (j *Journal) rotateLocked() (*segment, error) {
	name := filepath.Join(j.dir, fmt.Sprintf("%020d.log", time.Now().UnixNano()))
	f, err := os.OpenFile(name, os.O_CREATE|os.O_EXCL|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, fmt.Errorf("journal: %w", err)
	}
	old := j.seg
	j.seg = &segment{f: f}
	if old != nil {
		old.next = j.seg
	}
	if old != nil && old.pending == 0 {
		return old, nil
	}
	return nil, nil
}

func (j *Journal) removeSegment(s *segment) {
	s.f.Close()
	if err := os.Remove(s.f.Name()); err != nil {
		j.log.Error("journal: cannot remove a posted segment", "file", s.f.Name(), "err", err)
	}
}

// refill reads spilled charges back into the queue, in order, once fewer
// than MaxBatch are queued: the records of one segment from spillOff to
// its end (for the segment appended to, its end when read). When that
// reaches where appends are, spilling ends. Only the drainer calls it.
func (j *Journal) refill() {
	j.mu.Lock()
	if !j.spilling || j.queue.len() >= j.opt.MaxBatch {
		j.mu.Unlock()
		return
	}
	seg, off, end := j.spillSeg, j.spillOff, j.spillSeg.size
	j.mu.Unlock()
	var cs []ledger.Charge
	whole := 0
	if end > off {
		data := make([]byte, end-off)
		f, err := os.Open(seg.f.Name())
		if err == nil {
			_, err = f.ReadAt(data, off)
			f.Close()
		}
		if err == nil {
			cs, whole, err = readRecords(data)
			if err == nil && whole < len(data) {
				err = fmt.Errorf("%d bytes at %d do not decode", len(data)-whole, off+int64(whole))
			}
		}
		if err != nil {
			// The charges stay in the file (their segment is kept while
			// they are pending) and are posted at the next start.
			j.log.Error("journal: cannot read spilled charges back; they wait for the next start", "file", seg.f.Name(), "err", err)
			whole = len(data)
		}
	}
	if j.afterRead != nil {
		j.afterRead()
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	for _, c := range cs {
		j.queue.push(queued{c, seg})
	}
	j.unqueued -= len(cs)
	j.spillOff = off + int64(whole)
	switch {
	case seg == j.seg && j.spillOff == seg.size:
		// Caught up with the appends: they queue again. (unqueued now
		// counts only charges that could not be read back: Close leaves
		// the journal for the next start while there are any.)
		j.spilling, j.spillSeg, j.spillOff = false, nil, 0
	case seg != j.seg && j.spillOff == seg.size:
		j.spillSeg, j.spillOff = seg.next, 0
	}
}

// drain posts queued charges in batches until Close, then posts what is
// left (best effort: whatever is not posted stays in the files). Posts
// start at most every opt.Interval unless a full batch waits.
func (j *Journal) drain() {
	defer close(j.drained)
	batch := make([]queued, 0, j.opt.MaxBatch)
	charges := make([]ledger.Charge, 0, j.opt.MaxBatch)
	backoff := 10 * time.Millisecond
	var lastPost time.Time
	var done []*segment // fully posted sealed segments, to delete
	pace := time.NewTimer(time.Hour)
	pace.Stop()
	defer pace.Stop()
	for {
		j.pace(pace, lastPost)
		j.refill()
		j.mu.Lock()
		batch = j.queue.peek(batch[:0], j.opt.MaxBatch)
		n := len(batch)
		closed, spilling := j.closed, j.spilling
		j.mu.Unlock()
		if n == 0 {
			if spilling {
				continue // refill moved to the next segment: read it
			}
			if closed {
				return
			}
			select {
			case <-j.wake:
			case <-j.stop:
			}
			continue
		}
		charges = charges[:0]
		for _, q := range batch {
			charges = append(charges, q.c)
		}
		lastPost = time.Now()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		_, err := j.post.PostBatch(ctx, charges)
		cancel()
		if err != nil {
			j.log.Error("journal: posting charges failed; will retry", "charges", len(charges), "err", err)
			if closed {
				return // the files keep them for the next start
			}
			select {
			case <-time.After(backoff):
			case <-j.stop:
			}
			backoff = min(2*backoff, 5*time.Second)
			continue
		}
		backoff = 10 * time.Millisecond
		if j.opt.Posted != nil {
			j.opt.Posted(charges)
		}
		j.mu.Lock()
		j.queue.pop(n) // what was posted is still the front: only the drainer pops
		done = done[:0]
		for _, q := range batch {
			q.seg.pending--
			if q.seg.pending == 0 && q.seg.sealed {
				done = append(done, q.seg)
			}
		}
		j.mu.Unlock()
		// Deleted outside the lock, which every answer's Append takes.
		for _, seg := range done {
			j.removeSegment(seg)
		}
		clear(batch)
	}
}

// pace waits until opt.Interval has passed since last (the start of the
// previous post), or less when a full batch waits, the journal closes or
// the drainer is stopped.
func (j *Journal) pace(t *time.Timer, last time.Time) {
	wait := j.opt.Interval - time.Since(last)
	if wait <= 0 {
		return
	}
	j.mu.Lock()
	skip := j.closed || j.queue.len() >= j.opt.MaxBatch
	j.mu.Unlock()
	if skip {
		return
	}
	t.Reset(wait)
	select {
	case <-t.C:
	case <-j.full:
		t.Stop()
	case <-j.stop:
		t.Stop()
	}
}

// Close stops appends, posts what is queued (giving up on the database
// after ctx ends; the files keep the rest for the next start), and
// removes this process's journal if everything was posted.
func (j *Journal) Close(ctx context.Context) error {
	j.mu.Lock()
	if j.closed {
		j.mu.Unlock()
		return nil
	}
	j.closed = true
	j.mu.Unlock()
	for _, ch := range []chan struct{}{j.wake, j.full} {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
	select {
	case <-j.drained:
	case <-ctx.Done():
		close(j.stop)
		<-j.drained
	}
	j.mu.Lock()
	left := j.queue.len() + j.unqueued
	j.seg.f.Close()
	j.mu.Unlock()
	if left > 0 {
		j.lock.Close()
		return fmt.Errorf("journal: %d charges not posted yet; they stay in %s for the next start", left, j.dir)
	}
	err := os.RemoveAll(j.dir)
	j.lock.Close()
	return err
}

// recoverAll replays the journal of every dead process under root.
func recoverAll(ctx context.Context, root string, post Poster, log *slog.Logger) error {
	dirs, err := os.ReadDir(root)
	if err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		if err := recoverDir(ctx, filepath.Join(root, d.Name()), post, log); err != nil {
			return err
		}
	}
	return nil
}

// recoverDir posts the records of one process's journal and removes it,
// unless that process is alive (it holds the lock).
func recoverDir(ctx context.Context, dir string, post Poster, log *slog.Logger) error {
	lock, err := os.OpenFile(filepath.Join(dir, "LOCK"), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	defer lock.Close()
	if err := filelock.TryLock(lock); err != nil {
		if errors.Is(err, filelock.ErrLocked) {
			return nil // a live process's journal
		}
		return fmt.Errorf("journal: lock %s: %w", dir, err)
	}
	names, err := filepath.Glob(filepath.Join(dir, "*.log"))
	if err != nil {
		return err
	}
	sort.Strings(names)
	total := 0
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			return fmt.Errorf("journal: %w", err)
		}
		cs, whole, err := readRecords(data)
		if err != nil {
			return fmt.Errorf("journal: %s: %w", name, err)
		}
		if whole < len(data) {
			log.Warn("journal: skipped a torn record at the end (its answer was never sent)", "file", name, "bytes", len(data)-whole)
		}
		for len(cs) > 0 {
			n := min(len(cs), 512)
			if _, err := post.PostBatch(ctx, cs[:n]); err != nil {
				return fmt.Errorf("journal: replay %s: %w", name, err)
			}
			total += n
			cs = cs[n:]
		}
	}
	if total > 0 || len(names) > 0 {
		log.Info("journal: replayed a dead process's charges", "dir", dir, "charges", total)
	}
	if err := os.RemoveAll(dir); err != nil && !strings.Contains(err.Error(), "no such file") {
		return fmt.Errorf("journal: %w", err)
	}
	return nil
}
