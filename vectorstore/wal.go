package vectorstore

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
)

// The write-ahead log is one file, wal.log, in the store directory:
//
//	offset  size  field
//	0       8     magic "GAIAVWAL" (47 41 49 41 56 57 41 4c)
//	8       4     format version, u32 = 1
//	12      ...   records, back to back
//
// A record is
//
//	0       4     payload length L, u32 (at most 256 MiB)
//	4       4     CRC-32C (Castagnoli) of the payload
//	8       L     payload: seq u64, op u8, then the op's body
//
// with these ops (names as u16 length + bytes, points as in codec.go):
//
//	1 create collection   name, u32 config length, config JSON
//	2 delete collection   name
//	3 upsert points       name, u32 dim, u32 count, count points
//	4 delete points       name, u32 count, count ids (kind u8 + id)
//	5 upsert named        name, u32 count, count points in the named form
//	                      (codec_named.go), for collections with named
//	                      dense or sparse vectors
//	6 aliases             name "", u32 length, JSON array of AliasAction
//	                      (applied all or nothing)
//	7 payload index       name, u32 length, JSON {"field", "params"} to
//	                      create, {"field", "delete": true} to drop
//	8 update config       name, u32 length, the whole new config JSON
//
// For example the record deleting point 7 from "d" (seq 5) is
//
//	1b 00 00 00  <crc>  05 00 00 00 00 00 00 00  04  01 00 64  01 00 00 00  01 07 00 00 00 00 00 00 00
//
// Every write is appended and fsynced before it is acknowledged. Seq numbers
// increase by one per record; a checkpoint records the last seq it contains
// and replay skips records at or below it. On open the log is read up to the
// first record that is incomplete or fails its checksum. If no intact record
// follows it, it is a torn write that was never acknowledged (a write is
// fsynced, and so complete, before the next one starts): it is dropped and
// the file truncated there. A bad record with an intact record after it is
// corruption of acknowledged data, and Open fails with ErrCorrupt.

const (
	walMagic      = "GAIAVWAL"
	walVersion    = 1
	walHeaderSize = 12
	walMaxRecord  = 256 << 20
	walSplitBytes = 64 << 20 // upserts larger than this are logged as several records

	opCreate = 1
	opDrop   = 2
	opUpsert = 3
	opDelete = 4
	// Ops added with named vectors, aliases and payload indexes; a log
	// written before them never holds them, so old logs read as before.
	opUpsertNamed = 5
	opAliases     = 6
	opIndex       = 7
	opConfig      = 8
)

// walOp is one decoded log record.
type walOp struct {
	seq    uint64
	op     uint8
	name   string
	cfg    CollectionConfig // opCreate
	dim    int              // opUpsert
	points []preparedPoint  // opUpsert
	ids    []PointID        // opDelete
	js     []byte           // opAliases, opIndex, opConfig: the JSON body
}

func walHeader() []byte {
	b := append([]byte(walMagic), 0, 0, 0, 0)
	binary.LittleEndian.PutUint32(b[8:], walVersion)
	return b
}

// encodeWALRecord frames payload as a record.
func encodeWALRecord(dst, payload []byte) []byte {
	dst = appendU32(dst, uint32(len(payload)))
	dst = appendU32(dst, crc32.Checksum(payload, crcTable))
	return append(dst, payload...)
}

func walPayloadHead(seq uint64, op uint8, name string) []byte {
	b := appendU64(nil, seq)
	b = append(b, op)
	return appendName(b, name)
}

func encodeCreate(seq uint64, name string, cfg CollectionConfig) ([]byte, error) {
	js, err := json.Marshal(cfg)
	if err != nil {
		return nil, fmt.Errorf("vectorstore: encoding config: %w", err)
	}
	b := walPayloadHead(seq, opCreate, name)
	b = appendU32(b, uint32(len(js)))
	return append(b, js...), nil
}

func encodeUpsert(seq uint64, name string, dim int, pts []preparedPoint) []byte {
	size := 32 + len(name)
	for i := range pts {
		size += pointSize(dim, &pts[i])
	}
	b := make([]byte, 0, size)
	b = append(b, walPayloadHead(seq, opUpsert, name)...)
	b = appendU32(b, uint32(dim))
	b = appendU32(b, uint32(len(pts)))
	for i := range pts {
		b = appendPoint(b, &pts[i])
	}
	return b
}

func encodeUpsertNamed(seq uint64, name string, pts []preparedPoint) []byte {
	size := 32 + len(name)
	for i := range pts {
		size += namedPointSize(&pts[i])
	}
	b := make([]byte, 0, size)
	b = append(b, walPayloadHead(seq, opUpsertNamed, name)...)
	b = appendU32(b, uint32(len(pts)))
	for i := range pts {
		b = appendNamedPoint(b, &pts[i])
	}
	return b
}

// decodeNamedPoints decodes the body of an opUpsertNamed record (op.js,
// op.dim points) against cfg.
func decodeNamedPoints(op *walOp, cfg *CollectionConfig) ([]preparedPoint, error) {
	r := &byteReader{b: op.js}
	pts := make([]preparedPoint, 0, op.dim)
	for range op.dim {
		p, err := r.namedPoint(cfg)
		if err != nil {
			return nil, fmt.Errorf("wal record %d: %w", op.seq, err)
		}
		p.version = op.seq
		pts = append(pts, p)
	}
	if r.remaining() != 0 {
		return nil, fmt.Errorf("%w: wal record %d: %d trailing bytes", ErrCorrupt, op.seq, r.remaining())
	}
	return pts, nil
}

func encodeJSONOp(seq uint64, op uint8, name string, v any) ([]byte, error) {
	js, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("vectorstore: encoding wal record: %w", err)
	}
	b := walPayloadHead(seq, op, name)
	b = appendU32(b, uint32(len(js)))
	return append(b, js...), nil
}

func encodeDelete(seq uint64, name string, ids []PointID) []byte {
	b := walPayloadHead(seq, opDelete, name)
	b = appendU32(b, uint32(len(ids)))
	for _, id := range ids {
		b = appendID(b, id)
	}
	return b
}

// decodeWALPayload decodes one record payload whose checksum has matched.
func decodeWALPayload(p []byte) (walOp, error) {
	r := &byteReader{b: p}
	op := walOp{seq: r.u64("seq"), op: r.u8("op")}
	op.name = r.name()
	if r.err != nil {
		return op, r.err
	}
	if op.op == opAliases {
		if op.name != "" {
			return op, fmt.Errorf("%w: wal record %d: aliases record names %q", ErrCorrupt, op.seq, op.name)
		}
	} else if err := ValidName(op.name); err != nil {
		return op, fmt.Errorf("%w: wal record %d: %v", ErrCorrupt, op.seq, err)
	}
	switch op.op {
	case opAliases, opIndex, opConfig:
		op.js = r.take(int(r.u32("json length")), "json body")
		if r.err != nil {
			return op, r.err
		}
		if err := decodeWALJSON(&op); err != nil {
			return op, fmt.Errorf("%w: wal record %d: %v", ErrCorrupt, op.seq, err)
		}
	case opUpsertNamed:
		// The points are decoded at replay, against the collection's
		// config (decodeNamedPoints); here only the framing is checked.
		n := r.u32("count")
		if uint64(n)*30 > uint64(r.remaining()) {
			return op, fmt.Errorf("%w: wal record %d: %d points do not fit in %d bytes", ErrCorrupt, op.seq, n, r.remaining())
		}
		op.dim = int(n)
		op.js = r.take(r.remaining(), "points")
	case opCreate:
		js := r.take(int(r.u32("config length")), "config")
		if r.err != nil {
			return op, r.err
		}
		if err := decodeStrict(js, &op.cfg); err != nil {
			return op, fmt.Errorf("%w: wal record %d config: %v", ErrCorrupt, op.seq, err)
		}
		if err := op.cfg.Validate(); err != nil {
			return op, fmt.Errorf("%w: wal record %d config: %v", ErrCorrupt, op.seq, err)
		}
	case opDrop:
	case opUpsert:
		dim := r.u32("dim")
		n := r.u32("count")
		if r.err != nil {
			return op, r.err
		}
		if dim < 1 || dim > MaxDim {
			return op, fmt.Errorf("%w: wal record %d: dimension %d", ErrCorrupt, op.seq, dim)
		}
		// Each point takes at least 1+8+4*dim+4 bytes: bound n before allocating.
		if uint64(n)*uint64(13+4*dim) > uint64(r.remaining()) {
			return op, fmt.Errorf("%w: wal record %d: %d points do not fit in %d bytes", ErrCorrupt, op.seq, n, r.remaining())
		}
		op.dim = int(dim)
		op.points = make([]preparedPoint, 0, n)
		for range n {
			pt, err := r.point(op.dim)
			if err != nil {
				return op, fmt.Errorf("wal record %d: %w", op.seq, err)
			}
			pt.version = op.seq
			op.points = append(op.points, pt)
		}
	case opDelete:
		n := r.u32("count")
		if uint64(n)*9 > uint64(r.remaining()) {
			return op, fmt.Errorf("%w: wal record %d: %d ids do not fit in %d bytes", ErrCorrupt, op.seq, n, r.remaining())
		}
		op.ids = make([]PointID, 0, n)
		for range n {
			op.ids = append(op.ids, r.id())
		}
	default:
		return op, fmt.Errorf("%w: wal record %d: unknown op %d", ErrCorrupt, op.seq, op.op)
	}
	if r.err != nil {
		return op, r.err
	}
	if r.remaining() != 0 {
		return op, fmt.Errorf("%w: wal record %d: %d trailing bytes", ErrCorrupt, op.seq, r.remaining())
	}
	return op, nil
}

// scanWAL reads records from data (a whole log file, header included) and
// calls fn for each. It returns the length of the valid prefix. A torn tail
// ends the scan without error (good < len(data)); corruption before the tail
// and decoding errors are returned wrapped in ErrCorrupt.
func scanWAL(data []byte, fn func(walOp) error) (good int, err error) {
	if len(data) < walHeaderSize {
		if isZero(data) || bytes.HasPrefix([]byte(walMagic), data) {
			return 0, nil // crashed while creating the log
		}
		return 0, fmt.Errorf("%w: wal header too short", ErrCorrupt)
	}
	if string(data[:8]) != walMagic {
		return 0, fmt.Errorf("%w: bad wal magic %q", ErrCorrupt, data[:8])
	}
	if v := binary.LittleEndian.Uint32(data[8:12]); v != walVersion {
		return 0, fmt.Errorf("%w: unsupported wal version %d", ErrCorrupt, v)
	}
	off := walHeaderSize
	lastSeq := uint64(0)
	for off < len(data) {
		n, ok := recordAt(data, off)
		if !ok {
			if validRecordAfter(data, off+1, lastSeq) {
				return off, fmt.Errorf("%w: wal record at offset %d is damaged but records after it are intact", ErrCorrupt, off)
			}
			return off, nil // torn tail: never acknowledged
		}
		op, err := decodeWALPayload(data[off+8 : off+8+n])
		if err != nil {
			return off, fmt.Errorf("wal offset %d: %w", off, err)
		}
		if lastSeq != 0 && op.seq != lastSeq+1 {
			return off, fmt.Errorf("%w: wal offset %d: seq %d follows %d", ErrCorrupt, off, op.seq, lastSeq)
		}
		lastSeq = op.seq
		if err := fn(op); err != nil {
			return off, err
		}
		off += 8 + n
	}
	return off, nil
}

// recordAt reports whether a complete record whose checksum matches starts
// at off, and its payload length.
func recordAt(data []byte, off int) (int, bool) {
	rest := data[off:]
	if len(rest) < 8 {
		return 0, false
	}
	n := binary.LittleEndian.Uint32(rest)
	if n < 9 || n > walMaxRecord || uint64(n) > uint64(len(rest)-8) {
		return 0, false
	}
	if crc32.Checksum(rest[8:8+n], crcTable) != binary.LittleEndian.Uint32(rest[4:]) {
		return 0, false
	}
	return int(n), true
}

// validRecordAfter reports whether some intact record with a plausible seq
// (after lastSeq) starts at or after from. A damaged record followed by one
// is corruption of acknowledged data; one followed by none is a torn tail,
// whatever garbage or zeros the crash left after it. Candidates are filtered
// by their seq field before the checksum is computed.
func validRecordAfter(data []byte, from int, lastSeq uint64) bool {
	for off := from; off+8+9 <= len(data); off++ {
		seq := binary.LittleEndian.Uint64(data[off+8:])
		if seq <= lastSeq || seq > lastSeq+1<<20 {
			continue
		}
		if _, ok := recordAt(data, off); ok {
			return true
		}
	}
	return false
}

func isZero(b []byte) bool {
	for _, x := range b {
		if x != 0 {
			return false
		}
	}
	return true
}

// walWriter appends records to the open log file. It is used only by the
// store's writer (under writeMu).
type walWriter struct {
	f    *os.File
	size int64
	sync bool
}

// append writes the framed records and fsyncs once; the records are durable
// when it returns nil.
func (w *walWriter) append(payloads ...[]byte) error {
	var buf []byte
	for _, p := range payloads {
		if len(p) > walMaxRecord {
			return fmt.Errorf("%w: wal record of %d bytes over the %d limit", ErrInvalid, len(p), walMaxRecord)
		}
		buf = encodeWALRecord(buf, p)
	}
	if _, err := w.f.Write(buf); err != nil {
		return fmt.Errorf("vectorstore: appending to wal: %w", err)
	}
	w.size += int64(len(buf))
	if w.sync {
		if err := w.f.Sync(); err != nil {
			return fmt.Errorf("vectorstore: syncing wal: %w", err)
		}
	}
	return nil
}

// readAllLimited reads f whole; the log is bounded by the checkpoint
// threshold plus one batch, so reading it into memory is fine.
func readAllLimited(f *os.File) ([]byte, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	buf := make([]byte, st.Size())
	n, err := io.ReadFull(f, buf)
	if errors.Is(err, io.ErrUnexpectedEOF) {
		err = nil
	}
	return buf[:n], err
}
