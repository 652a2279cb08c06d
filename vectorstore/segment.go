package vectorstore

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unsafe"
)

// A segment file holds consecutive slots of one collection exactly as the
// collection keeps them in memory, so that loading is a few large reads
// into the collection's arrays (no per-point decoding or allocation):
//
//	offset  size      field
//	0       8         magic "GAIAVSEG" (47 41 49 41 56 53 45 47)
//	8       4         format version, u32 = 1
//	12      4         dimension d, u32
//	16      8         slot count N, u64
//	24      1         flags: 1 = SQ8 codes follow the vectors, 2 = quantized
//	                  squared norms (Euclid) follow the codes
//	25      17N       ids: kind u8 (1 = u64, 2 = UUID), then 16 bytes (the
//	                  u64 and 8 zero bytes, or the UUID)
//	...     4dN       vectors, f32
//	...     dN        SQ8 codes, i8 (flag 1)
//	...     4N        quantized squared norms, f32 (flag 2)
//	...     8N        payload ends, u64: slot i's payload JSON is
//	                  blob[end(i-1):end(i)], an empty one meaning none
//	...     end(N-1)  payload blob
//	end-4   4         CRC-32C of every byte before it
//
// Everything is little-endian. A segment is written once, fsynced, and
// never modified: the checkpoint file (checkpoint.go) lists the segments
// that make up each collection, with each one's size and CRC.

const (
	segmentMagic   = "GAIAVSEG"
	segmentVersion = 1
	segHeaderSize  = 25
	segIDSize      = 17

	segFlagCodes = 1
	segFlagQNorm = 2
)

// segmentRef is a checkpoint's record of one segment file.
type segmentRef struct {
	id    uint64 // file name: segmentName(id)
	first int    // first slot
	count int
	size  int64
	crc   uint32
	flags uint8 // not stored in the checkpoint: read from the file
}

func segmentName(id uint64) string { return fmt.Sprintf("seg-%016x.vss", id) }

// parseSegmentName returns the id of a segment file name.
func parseSegmentName(name string) (uint64, bool) {
	hex, ok := strings.CutPrefix(name, "seg-")
	if !ok {
		return 0, false
	}
	hex, ok = strings.CutSuffix(hex, ".vss")
	if !ok || len(hex) != 16 {
		return 0, false
	}
	id, err := strconv.ParseUint(hex, 16, 64)
	return id, err == nil
}

// segFlags returns the flags a segment of v gets.
func segFlags(v *vectorSet) uint8 {
	var f uint8
	if v.quant {
		f |= segFlagCodes
		if v.euclid {
			f |= segFlagQNorm
		}
	}
	return f
}

// nativeLittleEndian: raw slices of numbers are written and read as their
// memory bytes on little-endian machines (every platform the node ships
// for); others swap bytes around the copy.
var nativeLittleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// rawBytes views s's memory as bytes.
func rawBytes[T uint8 | int8 | uint16 | uint32 | uint64 | float32](s []T) []byte {
	if len(s) == 0 {
		return nil
	}
	var z T
	return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(s))), len(s)*int(unsafe.Sizeof(z)))
}

// swapBytes reverses each size-byte element of b in place (big-endian
// machines only).
func swapBytes(b []byte, size int) {
	if size == 1 {
		return
	}
	for o := 0; o+size <= len(b); o += size {
		for i, j := o, o+size-1; i < j; i, j = i+1, j-1 {
			b[i], b[j] = b[j], b[i]
		}
	}
}

// crcWriter writes through a buffer and keeps the CRC-32C of what it wrote.
type crcWriter struct {
	w   *bufio.Writer
	crc uint32
	n   int64
	err error
}

func (w *crcWriter) write(b []byte) {
	if w.err != nil {
		return
	}
	w.crc = crc32Update(w.crc, b)
	w.n += int64(len(b))
	_, w.err = w.w.Write(b)
}

// writeRaw writes a slice of numbers little-endian.
// rawWriter is where writeRaw writes: a crcWriter, or a byteSink.
type rawWriter interface{ write([]byte) }

// byteSink collects writes in memory.
type byteSink struct{ b []byte }

func (s *byteSink) write(b []byte) { s.b = append(s.b, b...) }

func writeRaw[T uint8 | int8 | uint16 | uint32 | uint64 | float32](w rawWriter, s []T) {
	b := rawBytes(s)
	if nativeLittleEndian || len(s) == 0 {
		w.write(b)
		return
	}
	size := len(b) / len(s)
	var buf [1 << 16]byte
	for len(b) > 0 {
		k := min(len(b), len(buf)/size*size)
		copy(buf[:], b[:k])
		swapBytes(buf[:k], size)
		w.write(buf[:k])
		b = b[k:]
	}
}

// writeSegment writes slots [first, first+count) of c to dir as segment id
// and returns its record. Same locking as writeSnapshotLocked.
func (c *collection) writeSegment(dir string, id uint64, first, count int, sync bool) (ref segmentRef, err error) {
	path := filepath.Join(dir, segmentName(id))
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, fileMode)
	if err != nil {
		return ref, fmt.Errorf("vectorstore: writing segment: %w", err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(path)
		}
	}()
	v := c.vecs
	dim := c.cfg.Dim
	flags := segFlags(v)
	w := &crcWriter{w: bufio.NewWriterSize(f, 1<<20)}
	hdr := []byte(segmentMagic)
	hdr = appendU32(hdr, segmentVersion)
	hdr = appendU32(hdr, uint32(dim))
	hdr = appendU64(hdr, uint64(count))
	hdr = append(hdr, flags)
	w.write(hdr)
	b := make([]byte, 0, 1<<16)
	for s := first; s < first+count; s++ {
		id := c.ids[s]
		if id.isUUID {
			b = append(b, idKindUUID)
			b = append(b, id.uuid[:]...)
		} else {
			b = append(b, idKindNum)
			b = appendU64(b, id.num)
			b = append(b, 0, 0, 0, 0, 0, 0, 0, 0)
		}
		if len(b) >= 1<<16-segIDSize {
			w.write(b)
			b = b[:0]
		}
	}
	w.write(b)
	writeRaw(w, v.data[first*dim:(first+count)*dim])
	if flags&segFlagCodes != 0 {
		writeRaw(w, v.codes[first*dim:(first+count)*dim])
	}
	if flags&segFlagQNorm != 0 {
		writeRaw(w, v.qnorm[first:first+count])
	}
	b = b[:0]
	var end uint64
	for s := first; s < first+count; s++ {
		if !c.deleted[s] {
			end += uint64(len(c.payloads.raw[s]))
		}
		b = appendU64(b, end)
		if len(b) >= 1<<16 {
			w.write(b)
			b = b[:0]
		}
	}
	w.write(b)
	for s := first; s < first+count; s++ {
		if !c.deleted[s] {
			w.write(c.payloads.raw[s])
		}
	}
	body := w.crc
	w.write(appendU32(nil, body))
	if w.err == nil {
		w.err = w.w.Flush()
	}
	if w.err == nil && sync {
		w.err = f.Sync()
	}
	if w.err == nil {
		w.err = f.Close()
	}
	if w.err != nil {
		return ref, fmt.Errorf("vectorstore: writing segment %s: %w", path, w.err)
	}
	return segmentRef{id: id, first: first, count: count, size: w.n, crc: body, flags: flags}, nil
}

// segmentReader reads a segment file, keeping the CRC of what it read.
type segmentReader struct {
	r    io.Reader // unbuffered: reads are large and go straight to their destination
	path string
	crc  uint32
	err  error
}

func (r *segmentReader) read(p []byte, what string) {
	// Checksum each piece right after reading it, while it is still in
	// the CPU's cache: over the whole of a large read it would come from
	// memory again, at a tenth of the speed.
	for r.err == nil && len(p) > 0 {
		k := min(len(p), 64<<10)
		if _, err := io.ReadFull(r.r, p[:k]); err != nil {
			r.err = fmt.Errorf("%w: segment %s: reading %s: %v", ErrCorrupt, r.path, what, err)
			return
		}
		r.crc = crc32Update(r.crc, p[:k])
		p = p[k:]
	}
}

// readRaw fills s from little-endian bytes.
func readRaw[T uint8 | int8 | uint16 | uint32 | uint64 | float32](r *segmentReader, s []T, what string) {
	b := rawBytes(s)
	r.read(b, what)
	if !nativeLittleEndian && len(s) > 0 {
		swapBytes(b, len(b)/len(s))
	}
}

// segmentFixedSize is the size of a segment of n slots of dimension dim
// with these flags, without its payload blob.
func segmentFixedSize(dim, n int, flags uint8) int64 {
	size := int64(segHeaderSize) + int64(n)*(segIDSize+4*int64(dim)+8) + 4
	if flags&segFlagCodes != 0 {
		size += int64(n) * int64(dim)
	}
	if flags&segFlagQNorm != 0 {
		size += 4 * int64(n)
	}
	return size
}

// readSegment reads segment ref of c (whose arrays are already sized for
// every slot) into its place: ids, vectors, codes and norms go straight into
// c's arrays, payloads stay as slices of one blob per segment. Nothing is
// trusted: the header must agree with the checkpoint's record and the file's
// size, every length is checked before anything is allocated, and the CRC
// must match both the file's trailer and the checkpoint's record.
func (c *collection) readSegment(dir string, ref segmentRef, wantFlags uint8) error {
	path := filepath.Join(dir, segmentName(ref.id))
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("vectorstore: segment of collection %q: %w", c.name, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("vectorstore: %w", err)
	}
	if st.Size() != ref.size {
		return fmt.Errorf("%w: segment %s is %d bytes, the checkpoint recorded %d", ErrCorrupt, path, st.Size(), ref.size)
	}
	r := &segmentReader{r: f, path: path}
	var hdr [segHeaderSize]byte
	r.read(hdr[:], "header")
	if r.err != nil {
		return r.err
	}
	dim := c.cfg.Dim
	switch {
	case string(hdr[:8]) != segmentMagic:
		return fmt.Errorf("%w: segment %s: bad magic %q", ErrCorrupt, path, hdr[:8])
	case binary.LittleEndian.Uint32(hdr[8:]) != segmentVersion:
		return fmt.Errorf("%w: segment %s: unsupported version %d", ErrCorrupt, path, binary.LittleEndian.Uint32(hdr[8:]))
	case binary.LittleEndian.Uint32(hdr[12:]) != uint32(dim) || binary.LittleEndian.Uint64(hdr[16:]) != uint64(ref.count) || hdr[24] != wantFlags:
		return fmt.Errorf("%w: segment %s (dimension %d, %d slots, flags %d) does not match its checkpoint record (%d, %d, %d)",
			ErrCorrupt, path, binary.LittleEndian.Uint32(hdr[12:]), binary.LittleEndian.Uint64(hdr[16:]), hdr[24], dim, ref.count, wantFlags)
	}
	n, first := ref.count, ref.first
	blobLen := ref.size - segmentFixedSize(dim, n, wantFlags)
	if blobLen < 0 {
		return fmt.Errorf("%w: segment %s: %d bytes cannot hold %d slots", ErrCorrupt, path, ref.size, n)
	}
	idb := make([]byte, n*segIDSize)
	r.read(idb, "ids")
	for i := range n {
		e := idb[i*segIDSize : (i+1)*segIDSize]
		switch e[0] {
		case idKindNum:
			c.ids[first+i] = NumID(binary.LittleEndian.Uint64(e[1:]))
		case idKindUUID:
			c.ids[first+i] = UUIDID([16]byte(e[1:]))
		default:
			if r.err == nil {
				r.err = fmt.Errorf("%w: segment %s: slot %d has id kind %d", ErrCorrupt, path, first+i, e[0])
			}
		}
	}
	v := c.vecs
	readRaw(r, v.data[first*dim:(first+n)*dim], "vectors")
	if wantFlags&segFlagCodes != 0 {
		readRaw(r, v.codes[first*dim:(first+n)*dim], "codes")
	}
	if wantFlags&segFlagQNorm != 0 {
		readRaw(r, v.qnorm[first:first+n], "norms")
	}
	ends := make([]uint64, n)
	readRaw(r, ends, "payload ends")
	blob := make([]byte, blobLen)
	r.read(blob, "payloads")
	var trailer [4]byte
	want := r.crc
	r.read(trailer[:], "checksum")
	if r.err != nil {
		return r.err
	}
	if got := binary.LittleEndian.Uint32(trailer[:]); got != want || got != ref.crc {
		return fmt.Errorf("%w: segment %s: checksum mismatch (stored %08x, computed %08x, checkpoint recorded %08x)", ErrCorrupt, path, got, want, ref.crc)
	}
	var prev uint64
	for i, e := range ends {
		if e < prev || e > uint64(blobLen) || e-prev > maxPayloadSize {
			return fmt.Errorf("%w: segment %s: slot %d has payload end %d after %d (blob of %d bytes)", ErrCorrupt, path, first+i, e, prev, blobLen)
		}
		if e > prev && !c.deleted[first+i] {
			// Payloads are decoded on first use (payloadSet); the CRC
			// vouches for the bytes, and the braces catch a writer bug.
			if blob[prev] != '{' || blob[e-1] != '}' {
				return fmt.Errorf("%w: segment %s: slot %d's payload is not a JSON object", ErrCorrupt, path, first+i)
			}
			c.payloads.raw[first+i] = blob[prev:e:e]
		}
		prev = e
	}
	if prev != uint64(blobLen) {
		return fmt.Errorf("%w: segment %s: payloads end at %d of a %d-byte blob", ErrCorrupt, path, prev, blobLen)
	}
	return nil
}
