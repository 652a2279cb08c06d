package qdrantsnap

import (
	"errors"
	"fmt"
	"io"
)

// ErrTooLarge marks a snapshot that unpacks to more than Limits allow: a
// decompression bomb, or a snapshot larger than the node accepts.
var ErrTooLarge = errors.New("qdrantsnap: snapshot unpacks to more than the limit")

// ErrNoSpace marks a snapshot that would leave less free disk space than
// Limits.MinFree.
var ErrNoSpace = errors.New("qdrantsnap: not enough free disk space to unpack the snapshot")

// Default limits; see Limits.
const (
	DefaultMaxBytes = 64 << 30
	DefaultMaxRatio = 100
	DefaultMinFree  = 512 << 20
	// ratioFloor is what any snapshot may unpack to regardless of the
	// ratio, so that small snapshots with zero-filled files unpack.
	ratioFloor = 64 << 20
	// inflateFactor scales MaxRatio for bytes that are decompressed but
	// not written (skipped write-ahead logs, which Qdrant preallocates
	// with zeros: a real 390 kB snapshot inflates 173-fold).
	inflateFactor = 10
	// diskCheckEvery is how many written bytes pass between free-space
	// checks.
	diskCheckEvery = 32 << 20
)

// Limits bound what reading a snapshot may unpack, so that a small
// hostile archive (a "decompression bomb": gigabytes of zeros gzipped to
// megabytes, or archives nested in archives) cannot fill the disk or burn
// the CPU. Unpacking stops at the first limit crossed, and the scratch
// directory is removed. The zero value means the defaults.
type Limits struct {
	// MaxBytes bounds the bytes written to the scratch directory; 0 means
	// DefaultMaxBytes (64 GiB).
	MaxBytes int64
	// MaxRatio bounds the bytes written per byte of snapshot read (the
	// first 64 MiB are exempt); bytes decompressed but skipped may reach
	// ten times this ratio. 0 means DefaultMaxRatio (100).
	MaxRatio int64
	// MinFree is the free space the scratch directory's file system must
	// keep; 0 means DefaultMinFree (512 MiB), negative turns the check off.
	MinFree int64
}

func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	if l.MaxRatio <= 0 {
		l.MaxRatio = DefaultMaxRatio
	}
	if l.MinFree == 0 {
		l.MinFree = DefaultMinFree
	}
	return l
}

// budget accounts for one Read: the snapshot bytes consumed, the bytes
// decompressed and the bytes written, against Limits. Not safe for
// concurrent use (one unpack goroutine owns it).
type budget struct {
	lim       Limits
	dir       string // scratch directory, for free-space checks
	in        int64  // snapshot bytes read
	inflated  int64  // bytes out of every decompressor, skipped ones included
	written   int64  // bytes written to dir
	nextCheck int64  // written count at which free space is checked again
	freeSpace func(dir string) (int64, bool)
}

func newBudget(lim Limits, dir string) *budget {
	return &budget{lim: lim.withDefaults(), dir: dir, freeSpace: freeSpace}
}

// source counts the snapshot bytes read through r.
func (b *budget) source(r io.Reader) io.Reader { return &countReader{r: r, n: &b.in} }

// allowed returns how many bytes may come out of in bytes of input at
// ratio per byte.
func allowed(in, ratio int64) int64 {
	if in > (1<<62)/ratio {
		return 1 << 62
	}
	return ratioFloor + in*ratio
}

// inflate checks n more decompressed bytes.
func (b *budget) inflate(n int) error {
	b.inflated += int64(n)
	if b.inflated > b.lim.MaxBytes*inflateFactor || b.inflated > allowed(b.in, b.lim.MaxRatio*inflateFactor) {
		return fmt.Errorf("%w: %d bytes decompressed from %d bytes of snapshot (limits: ratio %d, %d bytes)",
			ErrTooLarge, b.inflated, b.in, b.lim.MaxRatio*inflateFactor, b.lim.MaxBytes*inflateFactor)
	}
	return nil
}

// write checks n more bytes about to be written.
func (b *budget) write(n int) error {
	b.written += int64(n)
	if b.written > b.lim.MaxBytes {
		return fmt.Errorf("%w: more than %d bytes", ErrTooLarge, b.lim.MaxBytes)
	}
	if b.written > allowed(b.in, b.lim.MaxRatio) {
		return fmt.Errorf("%w: %d bytes unpacked from %d bytes of snapshot, more than %d times as many",
			ErrTooLarge, b.written, b.in, b.lim.MaxRatio)
	}
	if b.written >= b.nextCheck {
		b.nextCheck = b.written + diskCheckEvery
		return b.checkDisk()
	}
	return nil
}

// checkDisk refuses to go on when the scratch file system is nearly full.
func (b *budget) checkDisk() error {
	if b.lim.MinFree < 0 {
		return nil
	}
	free, ok := b.freeSpace(b.dir)
	if ok && free < b.lim.MinFree {
		return fmt.Errorf("%w: %d bytes free in %s, keeping at least %d", ErrNoSpace, free, b.dir, b.lim.MinFree)
	}
	return nil
}

// countReader adds the bytes read through it to *n.
type countReader struct {
	r io.Reader
	n *int64
}

func (c *countReader) Read(p []byte) (int, error) {
	k, err := c.r.Read(p)
	*c.n += int64(k)
	return k, err
}

// inflateReader charges the bytes a decompressor produces to a budget.
type inflateReader struct {
	r io.Reader
	b *budget
}

func (r *inflateReader) Read(p []byte) (int, error) {
	k, err := r.r.Read(p)
	if berr := r.b.inflate(k); berr != nil {
		return k, berr
	}
	return k, err
}

// budgetWriter charges the bytes written through it to a budget before
// writing them.
type budgetWriter struct {
	w io.Writer
	b *budget
}

func (w *budgetWriter) Write(p []byte) (int, error) {
	if err := w.b.write(len(p)); err != nil {
		return 0, err
	}
	return w.w.Write(p)
}
