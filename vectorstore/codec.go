package vectorstore

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"math"
)

// This file holds the binary building blocks shared by the WAL and the
// snapshot formats. Everything is little-endian. A point is encoded as
//
//	kind  u8       1 = numeric id, 2 = UUID
//	id    8 or 16  u64 or the UUID's 16 bytes
//	vec   dim×f32  the stored vector (normalised for Cosine)
//	plen  u32      payload length, 0 = no payload (at most 16 MiB)
//	pay   plen     payload as a JSON object
//
// and a name as a u16 length followed by that many bytes.

var crcTable = crc32.MakeTable(crc32.Castagnoli)

func crc32Update(crc uint32, b []byte) uint32 { return crc32.Update(crc, crcTable, b) }

const (
	idKindNum  = 1
	idKindUUID = 2
)

func appendU16(b []byte, v uint16) []byte { return binary.LittleEndian.AppendUint16(b, v) }
func appendU32(b []byte, v uint32) []byte { return binary.LittleEndian.AppendUint32(b, v) }
func appendU64(b []byte, v uint64) []byte { return binary.LittleEndian.AppendUint64(b, v) }

func appendName(b []byte, s string) []byte {
	b = appendU16(b, uint16(len(s)))
	return append(b, s...)
}

func appendID(b []byte, id PointID) []byte {
	if id.isUUID {
		b = append(b, idKindUUID)
		return append(b, id.uuid[:]...)
	}
	b = append(b, idKindNum)
	return appendU64(b, id.num)
}

func appendPoint(b []byte, p *preparedPoint) []byte {
	b = appendID(b, p.id)
	for _, x := range p.vec {
		b = appendU32(b, math.Float32bits(x))
	}
	b = appendU32(b, uint32(len(p.payloadJSON)))
	return append(b, p.payloadJSON...)
}

func pointSize(dim int, p *preparedPoint) int {
	return 17 + 4*dim + 4 + len(p.payloadJSON)
}

// byteReader decodes from a byte slice in memory (a WAL record). Its error
// is sticky: after the first failure every read returns zero values, and err
// says where decoding stopped.
type byteReader struct {
	b   []byte
	off int
	err error
}

func (r *byteReader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: %s at offset %d", ErrCorrupt, what, r.off)
	}
}

func (r *byteReader) take(n int, what string) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.b)-r.off {
		r.fail("truncated " + what)
		return nil
	}
	s := r.b[r.off : r.off+n]
	r.off += n
	return s
}

func (r *byteReader) u8(what string) uint8 {
	s := r.take(1, what)
	if s == nil {
		return 0
	}
	return s[0]
}

func (r *byteReader) u16(what string) uint16 {
	s := r.take(2, what)
	if s == nil {
		return 0
	}
	return binary.LittleEndian.Uint16(s)
}

func (r *byteReader) u32(what string) uint32 {
	s := r.take(4, what)
	if s == nil {
		return 0
	}
	return binary.LittleEndian.Uint32(s)
}

func (r *byteReader) u64(what string) uint64 {
	s := r.take(8, what)
	if s == nil {
		return 0
	}
	return binary.LittleEndian.Uint64(s)
}

func (r *byteReader) name() string { return string(r.take(int(r.u16("name length")), "name")) }

func (r *byteReader) remaining() int { return len(r.b) - r.off }

// streamReader decodes from an io.Reader (a snapshot or checkpoint) while
// computing the CRC-32C of every byte consumed. Its error is sticky. Lengths
// read from the stream are checked against limits before anything is
// allocated, and variable-size fields are read in bounded pieces, so a
// hostile length costs at most the limit, never more than that.
type streamReader struct {
	r   *bufio.Reader
	crc hash.Hash32
	off int64
	err error
	buf [16]byte
}

func newStreamReader(r io.Reader) *streamReader {
	return &streamReader{r: bufio.NewReaderSize(r, 1<<16), crc: crc32.New(crcTable)}
}

func (r *streamReader) fail(err error, what string) {
	if r.err != nil {
		return
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		r.err = fmt.Errorf("%w: truncated %s at offset %d", ErrCorrupt, what, r.off)
		return
	}
	if errors.Is(err, ErrCorrupt) || errors.Is(err, ErrMismatch) {
		r.err = err
		return
	}
	r.err = fmt.Errorf("vectorstore: reading %s at offset %d: %w", what, r.off, err)
}

// read fills p exactly.
func (r *streamReader) read(p []byte, what string) bool {
	if r.err != nil {
		return false
	}
	n, err := io.ReadFull(r.r, p)
	r.crc.Write(p[:n])
	r.off += int64(n)
	if err != nil {
		r.fail(err, what)
		return false
	}
	return true
}

func (r *streamReader) u8(what string) uint8 {
	if !r.read(r.buf[:1], what) {
		return 0
	}
	return r.buf[0]
}

func (r *streamReader) u16(what string) uint16 {
	if !r.read(r.buf[:2], what) {
		return 0
	}
	return binary.LittleEndian.Uint16(r.buf[:2])
}

func (r *streamReader) u32(what string) uint32 {
	if !r.read(r.buf[:4], what) {
		return 0
	}
	return binary.LittleEndian.Uint32(r.buf[:4])
}

func (r *streamReader) u64(what string) uint64 {
	if !r.read(r.buf[:8], what) {
		return 0
	}
	return binary.LittleEndian.Uint64(r.buf[:8])
}

// bytes reads n bytes, n checked against limit first; the slice grows as
// data actually arrives.
func (r *streamReader) bytes(n uint64, limit int, what string) []byte {
	if r.err != nil {
		return nil
	}
	if n > uint64(limit) {
		r.fail(fmt.Errorf("%w: %s length %d exceeds limit %d at offset %d", ErrCorrupt, what, n, limit, r.off), what)
		return nil
	}
	out := make([]byte, 0, min(int(n), 1<<16))
	var chunk [4096]byte
	for rem := int(n); rem > 0; {
		k := min(rem, len(chunk))
		if !r.read(chunk[:k], what) {
			return nil
		}
		out = append(out, chunk[:k]...)
		rem -= k
	}
	return out
}

// sum returns the CRC of everything consumed so far.
func (r *streamReader) sum() uint32 { return r.crc.Sum32() }

// checkCRC reads the stored u32 checksum and compares it with the running
// CRC of the bytes before it.
func (r *streamReader) checkCRC(what string) {
	want := r.sum()
	got := r.u32(what + " checksum")
	if r.err == nil && got != want {
		r.err = fmt.Errorf("%w: %s checksum mismatch (stored %08x, computed %08x)", ErrCorrupt, what, got, want)
	}
}

// readID decodes a point id with either reader.
func decodeID(kind uint8, num uint64, uuid []byte) (PointID, bool) {
	switch kind {
	case idKindNum:
		return NumID(num), true
	case idKindUUID:
		var u [16]byte
		copy(u[:], uuid)
		return UUIDID(u), true
	}
	return PointID{}, false
}

func (r *byteReader) id() PointID {
	kind := r.u8("id kind")
	switch kind {
	case idKindNum:
		return NumID(r.u64("id"))
	case idKindUUID:
		id, _ := decodeID(kind, 0, r.take(16, "uuid"))
		return id
	}
	r.fail(fmt.Sprintf("bad id kind %d", kind))
	return PointID{}
}

func (r *streamReader) id() PointID {
	kind := r.u8("id kind")
	switch kind {
	case idKindNum:
		return NumID(r.u64("id"))
	case idKindUUID:
		var u [16]byte
		r.read(u[:], "uuid")
		return UUIDID(u)
	}
	if r.err == nil {
		r.err = fmt.Errorf("%w: bad id kind %d at offset %d", ErrCorrupt, kind, r.off-1)
	}
	return PointID{}
}

// point decodes one point of dimension dim (already bounded by MaxDim).
func (r *byteReader) point(dim int) (preparedPoint, error) {
	p := preparedPoint{id: r.id()}
	raw := r.take(4*dim, "vector")
	if raw != nil {
		p.vec = make([]float32, dim)
		for i := range p.vec {
			p.vec[i] = math.Float32frombits(binary.LittleEndian.Uint32(raw[4*i:]))
		}
	}
	return p, r.finishPayload(&p)
}

// point reads one point; the caller must finishPoint it with the payload
// bytes it returns (readSnapshot does that for many points in parallel).
func (r *streamReader) point(dim int, vecBuf []byte) (preparedPoint, []byte, error) {
	p := preparedPoint{id: r.id()}
	if r.read(vecBuf[:4*dim], "vector") {
		p.vec = make([]float32, dim)
		for i := range p.vec {
			p.vec[i] = math.Float32frombits(binary.LittleEndian.Uint32(vecBuf[4*i:]))
		}
	}
	n := r.u32("payload length")
	pay := r.bytes(uint64(n), maxPayloadSize, "payload")
	return p, pay, r.err
}

// finishPayload reads a point record's trailing payload (length-prefixed,
// bounded by maxPayloadSize) and finishes p with it.
func (r *byteReader) finishPayload(p *preparedPoint) error {
	n := r.u32("payload length")
	if n > maxPayloadSize {
		r.fail(fmt.Sprintf("payload length %d over limit", n))
	}
	pay := r.take(int(n), "payload")
	if r.err != nil {
		return r.err
	}
	return finishPoint(p, pay)
}

// finishPoint checks a decoded vector and payload the way preparePoints
// checks new ones, so nothing decoded can be stored that an upsert could not.
func finishPoint(p *preparedPoint, pay []byte) error {
	for _, x := range p.vec {
		if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
			return fmt.Errorf("%w: point %v has a non-finite vector component", ErrCorrupt, p.id)
		}
	}
	if len(pay) == 0 {
		return nil
	}
	if err := unmarshalPayload(pay, &p.payload); err != nil {
		return fmt.Errorf("%w: point %v payload: %v", ErrCorrupt, p.id, err)
	}
	p.payloadJSON = pay
	return nil
}
