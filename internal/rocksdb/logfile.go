package rocksdb

import (
	"encoding/binary"
)

// WAL files and MANIFEST files share the log format: a sequence of 32 KiB
// blocks, each holding physical records
//
//	checksum (fixed32) | length (fixed16) | type (1) | [log number (fixed32)] | payload
//
// The log number is present only in the "recyclable" record types (5-8 and
// odd types from 10 on). The checksum is the masked crc32c of the type byte,
// the log number (if any) and the payload. A logical record too large for
// the rest of a block is split into FIRST, MIDDLE... and LAST fragments;
// a block tail shorter than a header is zero padding. Example, a FULL record
// carrying the 3 bytes "abc":
//
//	<crc32c mask> 03 00 01 61 62 63

const (
	logBlockSize           = 32768
	logHeaderSize          = 7
	logRecyclableHeaderLen = 11
)

// Physical record types (db/log_format.h).
const (
	recZero               = 0
	recFull               = 1
	recFirst              = 2
	recMiddle             = 3
	recLast               = 4
	recRecyclableFull     = 5
	recRecyclableFirst    = 6
	recRecyclableMiddle   = 7
	recRecyclableLast     = 8
	recSetCompressionType = 9
	recUDTSize            = 10
	recRecyclableUDTSize  = 11
	recSafeIgnoreMask     = 1 << 7
)

// readLog calls fn with every logical record of a log file, in order.
//
// logNumber is the file's number, used to recognise stale records left in a
// recycled file (they end the log). A truncated tail (a header or record
// cut by the end of the file) ends the log quietly, as in RocksDB's
// kTolerateCorruptedTailRecords recovery; so does, with badLastChecksumOK
// (for WALs), a checksum mismatch in the file's very last record, which is
// what a torn write leaves. Every other inconsistency is an error matching
// ErrCorrupt.
// The record passed to fn aliases data unless it was reassembled from
// fragments; fn must not retain it past the call either way.
func readLog(data []byte, logNumber uint64, badLastChecksumOK bool, fn func(rec []byte) error) error {
	var frag []byte
	inFrag := false
	pos := 0
	for pos < len(data) {
		blockEnd := (pos/logBlockSize + 1) * logBlockSize
		if blockEnd-pos < logHeaderSize {
			pos = blockEnd // trailer padding
			continue
		}
		if pos+logHeaderSize > len(data) {
			return nil // truncated record header: torn tail
		}
		h := data[pos:]
		length := int(binary.LittleEndian.Uint16(h[4:]))
		typ := h[6]
		hdr := logHeaderSize
		recyclable := (typ >= recRecyclableFull && typ <= recRecyclableLast) ||
			(typ >= recUDTSize && typ&1 == 1)
		if recyclable {
			hdr = logRecyclableHeaderLen
		}
		if typ == recZero && length == 0 {
			// Preallocated, never written space: the end of the log.
			return nil
		}
		end := pos + hdr + length
		if end > len(data) {
			return nil // record cut by the end of the file: torn tail
		}
		if end > blockEnd {
			return corruptf("log: record at offset %d crosses a block boundary", pos)
		}
		want := binary.LittleEndian.Uint32(h)
		if maskCRC(crc32Castagnoli(data[pos+6:end])) != want {
			if end == len(data) && badLastChecksumOK {
				return nil
			}
			return corruptf("log: checksum mismatch in record at offset %d", pos)
		}
		if recyclable && uint64(binary.LittleEndian.Uint32(h[7:])) != logNumber&0xffffffff {
			// A record from the file's previous life: end of this log.
			return nil
		}
		payload := data[pos+hdr : end]
		pos = end
		switch typ {
		case recFull, recRecyclableFull:
			if inFrag {
				return corruptf("log: partial record without end before offset %d", pos)
			}
			if err := fn(payload); err != nil {
				return err
			}
		case recFirst, recRecyclableFirst:
			if inFrag {
				return corruptf("log: partial record without end before offset %d", pos)
			}
			frag = append(frag[:0], payload...)
			inFrag = true
		case recMiddle, recRecyclableMiddle:
			if !inFrag {
				return corruptf("log: missing start of fragmented record before offset %d", pos)
			}
			frag = append(frag, payload...)
		case recLast, recRecyclableLast:
			if !inFrag {
				return corruptf("log: missing start of fragmented record before offset %d", pos)
			}
			frag = append(frag, payload...)
			inFrag = false
			if err := fn(frag); err != nil {
				return err
			}
		case recSetCompressionType:
			d := newDecoder(payload)
			if c := d.fixed32(); !d.ok || c&0xff != compressionNone {
				return unsupportedf("log: compressed WAL (compression type %#x)", c)
			}
		case recUDTSize, recRecyclableUDTSize:
			// Pairs of column family id (fixed32) and timestamp size
			// (fixed16); keys of a family with timestamps would carry
			// them as a suffix, which this package does not read.
			d := newDecoder(payload)
			for d.ok && !d.empty() {
				cf := d.fixed32()
				if sz := d.bytes(2); d.ok && (sz[0] != 0 || sz[1] != 0) {
					return unsupportedf("log: user-defined timestamps in column family %d", cf)
				}
			}
			if !d.ok {
				return corruptf("log: bad timestamp size record before offset %d", pos)
			}
		default:
			if typ&recSafeIgnoreMask == 0 {
				return corruptf("log: unknown record type %d at offset %d", typ, pos)
			}
		}
	}
	// A fragmented record still open here was torn: dropped.
	return nil
}
