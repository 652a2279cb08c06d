package rocksdb

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
)

// ErrCorrupt marks every error caused by malformed or inconsistent input;
// test for it with errors.Is.
var ErrCorrupt = errors.New("rocksdb: corrupt data")

// ErrUnsupported marks input that is well formed but uses a RocksDB feature
// this package does not read (merge operands, blob files, ...).
var ErrUnsupported = errors.New("rocksdb: unsupported feature")

// classError is an error of class ErrCorrupt or ErrUnsupported. Its text
// leaves out the "rocksdb:" prefix, which Open adds once.
type classError struct {
	class error
	msg   string
}

func (e *classError) Error() string {
	if e.class == ErrCorrupt {
		return "corrupt: " + e.msg
	}
	return "unsupported: " + e.msg
}

func (e *classError) Is(target error) bool { return target == e.class }

// corruptf returns an error matching ErrCorrupt.
func corruptf(format string, args ...any) error {
	return &classError{class: ErrCorrupt, msg: fmt.Sprintf(format, args...)}
}

// unsupportedf returns an error matching ErrUnsupported.
func unsupportedf(format string, args ...any) error {
	return &classError{class: ErrUnsupported, msg: fmt.Sprintf(format, args...)}
}

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// maskCRC is RocksDB's (and LevelDB's) crc32c masking, applied to checksums
// stored next to the data they cover.
func maskCRC(c uint32) uint32 {
	return ((c >> 15) | (c << 17)) + 0xa282ead8
}

// decoder reads RocksDB's little-endian and varint encodings from a byte
// slice. Every read is bounds-checked; the first failure sets ok to false
// and every later read returns zero values (the error is sticky).
type decoder struct {
	b  []byte
	ok bool
}

func newDecoder(b []byte) *decoder { return &decoder{b: b, ok: true} }

func (d *decoder) empty() bool { return len(d.b) == 0 }

func (d *decoder) fail() { d.ok = false; d.b = nil }

func (d *decoder) uvarint64() uint64 {
	if !d.ok {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) uvarint32() uint32 {
	v := d.uvarint64()
	if v > 0xffffffff {
		d.fail()
		return 0
	}
	return uint32(v)
}

// varsigned64 reads a zigzag-encoded signed varint.
func (d *decoder) varsigned64() int64 {
	u := d.uvarint64()
	return int64(u>>1) ^ -int64(u&1)
}

func (d *decoder) bytes(n uint64) []byte {
	if !d.ok || n > uint64(len(d.b)) {
		d.fail()
		return nil
	}
	v := d.b[:n:n]
	d.b = d.b[n:]
	return v
}

// lengthPrefixed reads a varint32 length followed by that many bytes.
func (d *decoder) lengthPrefixed() []byte {
	n := d.uvarint32()
	return d.bytes(uint64(n))
}

func (d *decoder) byte1() byte {
	b := d.bytes(1)
	if b == nil {
		return 0
	}
	return b[0]
}

func (d *decoder) fixed32() uint32 {
	b := d.bytes(4)
	if b == nil {
		return 0
	}
	return binary.LittleEndian.Uint32(b)
}

func (d *decoder) fixed64() uint64 {
	b := d.bytes(8)
	if b == nil {
		return 0
	}
	return binary.LittleEndian.Uint64(b)
}

func crc32Castagnoli(b []byte) uint32 { return crc32.Checksum(b, crcTable) }
