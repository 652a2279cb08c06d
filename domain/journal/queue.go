package journal

// chunkLen is the entries per chunk of a fifo: 512 (the default MaxBatch)
// × 120 bytes per entry, 60 KiB.
const chunkLen = 512

// fifo is the queue of charges appended and not yet posted: a singly
// linked list of fixed-size chunks. push, and peek or pop of n entries,
// cost O(1) and O(n) whatever the backlog: nothing is shifted or copied
// as the queue grows or drains (the slice it replaces shifted the whole
// backlog after every post, and copied it on every growth, under the lock
// every Append takes).
//
// Memory: 120 bytes per waiting charge in its chunk, plus the strings and
// legs the charge holds (144 bytes of heap per queued charge in
// BenchmarkAppendBacklog, where only the request id is the charge's own).
// Chunks are released as soon as they are drained, but one kept for
// reuse, so once drained the queue holds at most two chunks (120 KiB) and
// not its peak. The Journal bounds what it queues (Options.MaxQueued):
// past that, charges wait in the files only and are read back in order.
type fifo struct {
	head, tail *chunk
	hi         int // index of the first entry in head
	ti         int // entries used in tail
	n          int
	spare      *chunk // a drained chunk kept for the next push
	size       int    // entries per chunk; chunkLen unless a test sets it
}

type chunk struct {
	q    []queued
	next *chunk
}

func (f *fifo) len() int { return f.n }

// push adds q at the end.
func (f *fifo) push(q queued) {
	if f.tail == nil || f.ti == len(f.tail.q) {
		c := f.spare
		f.spare = nil
		if c == nil {
			if f.size <= 0 {
				f.size = chunkLen
			}
			c = &chunk{q: make([]queued, f.size)}
		}
		if f.tail == nil {
			f.head, f.hi = c, 0
		} else {
			f.tail.next = c
		}
		f.tail, f.ti = c, 0
	}
	f.tail.q[f.ti] = q
	f.ti++
	f.n++
}

// peek appends up to n entries from the front to dst, in order.
func (f *fifo) peek(dst []queued, n int) []queued {
	n = min(n, f.n)
	c, i := f.head, f.hi
	for n > 0 {
		end := len(c.q)
		if c == f.tail {
			end = f.ti
		}
		k := min(n, end-i)
		dst = append(dst, c.q[i:i+k]...)
		n -= k
		c, i = c.next, 0
	}
	return dst
}

// pop drops n entries from the front (n ≤ len()), clearing them so that
// the charges they hold can be collected.
func (f *fifo) pop(n int) {
	if n > f.n {
		panic("journal: fifo pop beyond its length")
	}
	f.n -= n
	for n > 0 {
		end := len(f.head.q)
		if f.head == f.tail {
			end = f.ti
		}
		k := min(n, end-f.hi)
		clear(f.head.q[f.hi : f.hi+k])
		f.hi += k
		n -= k
		if f.hi < len(f.head.q) {
			break // entries left in head, or head is the tail with room
		}
		// head is used up
		done := f.head
		if done == f.tail {
			f.head, f.tail, f.hi, f.ti = nil, nil, 0, 0
		} else {
			f.head, f.hi = done.next, 0
		}
		done.next = nil
		f.spare = done
	}
	if f.n == 0 && f.head != nil {
		// The tail is partly used and now empty: start it over.
		f.hi, f.ti = 0, 0
	}
}
