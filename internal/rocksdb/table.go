package rocksdb

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// A block-based table (SST file) is laid out as
//
//	[data block 1] ... [data block N]          entries: internal key -> value
//	[meta blocks: filter, properties, range-del, compression dict, ...]
//	[metaindex block]                          meta block name -> handle
//	[index block(s)]                           separator key -> data block handle
//	[footer]                                   fixed size, at the end of the file
//
// The footer (53 bytes for format_version >= 1, 48 for the legacy 0) is
//
//	checksum type (1, absent in v0)
//	v0-5: metaindex handle, index handle (varints), zero padding to 40 bytes
//	v6+ : extended magic 3e 00 7a 00, footer checksum (fixed32), base context
//	      checksum (fixed32), metaindex size (fixed32), 24 zero bytes; the
//	      metaindex block ends right before the footer and the index handle
//	      is the "rocksdb.index" metaindex entry
//	format_version (fixed32, absent in v0)
//	magic (fixed64): 0x88e241b785f4cff7, or 0xdb4775248b80fb57 for v0
//
// e.g. the last 12 bytes of a format_version 5 file:
// 05 00 00 00 f7 cf f4 85 b7 41 e2 88.
//
// An internal key is the user key followed by a fixed64 trailer
// (sequence << 8 | value type).

const (
	magicBlockBased       = 0x88e241b785f4cff7
	magicLegacyBlockBased = 0xdb4775248b80fb57
	magicPlain            = 0x8242229663bf9564
	magicLegacyPlain      = 0x4f3418eb7a8f13b8
	magicCuckoo           = 0x926789d0c5f17873

	footerLenV0  = 48
	footerLenNew = 53

	maxFormatVersion = 6
)

// Value types in internal keys (db/dbformat.h).
const (
	typeDeletion              = 0x0
	typeValue                 = 0x1
	typeMerge                 = 0x2
	typeSingleDeletion        = 0x7
	typeRangeDeletion         = 0xF
	typeBlobIndex             = 0x11
	typeDeletionWithTimestamp = 0x14
	typeWideColumnEntity      = 0x16
	typeValuePreferredSeqno   = 0x18
)

// Index types from the "rocksdb.block.based.table.index.type" property.
const (
	indexBinarySearch          = 0
	indexHashSearch            = 1
	indexTwoLevel              = 2
	indexBinarySearchWithFirst = 3
)

type tableFooter struct {
	formatVersion uint32
	checksumType  byte
	baseContext   uint32
	metaindex     blockHandle
	index         blockHandle
	hasIndex      bool   // false for v6+, where the metaindex names the index
	offset        uint64 // where the footer starts; blocks end before it
}

func parseFooter(data []byte) (tableFooter, error) {
	var f tableFooter
	if len(data) < footerLenV0 {
		return f, corruptf("file of %d bytes is too short for a table footer", len(data))
	}
	magic := binary.LittleEndian.Uint64(data[len(data)-8:])
	switch magic {
	case magicLegacyBlockBased:
		f.offset = uint64(len(data) - footerLenV0)
		f.checksumType = checksumCRC32c
		d := newDecoder(data[f.offset:])
		f.metaindex = d.blockHandle()
		f.index = d.blockHandle()
		f.hasIndex = true
		if !d.ok {
			return f, corruptf("bad block handles in legacy footer")
		}
		return f, nil
	case magicBlockBased:
	case magicPlain, magicLegacyPlain, magicCuckoo:
		return f, unsupportedf("table format with magic %#x (only block-based tables are read)", magic)
	default:
		return f, corruptf("bad table magic number %#x", magic)
	}
	if len(data) < footerLenNew {
		return f, corruptf("file of %d bytes is too short for a table footer", len(data))
	}
	f.offset = uint64(len(data) - footerLenNew)
	footer := data[f.offset:]
	f.formatVersion = binary.LittleEndian.Uint32(footer[footerLenNew-12:])
	if f.formatVersion < 1 || f.formatVersion > maxFormatVersion {
		return f, unsupportedf("table format_version %d", f.formatVersion)
	}
	f.checksumType = footer[0]
	if f.checksumType > checksumXXH3 {
		return f, corruptf("unknown checksum type %d in table footer", f.checksumType)
	}
	if f.formatVersion < 6 {
		d := newDecoder(footer[1:])
		f.metaindex = d.blockHandle()
		f.index = d.blockHandle()
		f.hasIndex = true
		if !d.ok {
			return f, corruptf("bad block handles in table footer")
		}
		return f, nil
	}
	if !bytes.Equal(footer[1:5], []byte{0x3e, 0x00, 0x7a, 0x00}) {
		return f, corruptf("bad extended magic in format_version %d footer", f.formatVersion)
	}
	stored := binary.LittleEndian.Uint32(footer[5:])
	f.baseContext = binary.LittleEndian.Uint32(footer[9:])
	metaSize := binary.LittleEndian.Uint32(footer[13:])
	if binary.LittleEndian.Uint64(footer[33:]) != 0 {
		return f, unsupportedf("table footer uses a reserved future feature")
	}
	if f.checksumType != checksumNone {
		cp := append([]byte(nil), footer...)
		binary.LittleEndian.PutUint32(cp[5:], 0)
		if sum, ok := blockChecksum(f.checksumType, cp); ok {
			if sum+contextModifier(f.baseContext, f.offset) != stored {
				return f, corruptf("table footer checksum mismatch")
			}
		}
	}
	if uint64(metaSize)+blockTrailerSize > f.offset {
		return f, corruptf("metaindex size %d exceeds file", metaSize)
	}
	f.metaindex = blockHandle{offset: f.offset - blockTrailerSize - uint64(metaSize), size: uint64(metaSize)}
	return f, nil
}

// table reads one SST file held in memory.
type table struct {
	name   string
	data   []byte
	footer tableFooter
	codecs *codecs
}

// readBlock returns the verified, decompressed contents of the block at h.
func (t *table) readBlock(h blockHandle, what string) ([]byte, error) {
	end := h.offset + h.size + blockTrailerSize
	if h.size > t.footer.offset || h.offset > t.footer.offset || end > t.footer.offset {
		return nil, corruptf("%s: %s block at %d+%d lies outside the file", t.name, what, h.offset, h.size)
	}
	raw := t.data[h.offset : h.offset+h.size+1]
	stored := binary.LittleEndian.Uint32(t.data[h.offset+h.size+1:])
	if sum, ok := blockChecksum(t.footer.checksumType, raw); ok && t.footer.checksumType != checksumNone {
		if sum != stored-contextModifier(t.footer.baseContext, h.offset) {
			return nil, corruptf("%s: %s block at offset %d: checksum mismatch", t.name, what, h.offset)
		}
	}
	out, err := t.codecs.decompress(raw[h.size], raw[:h.size], t.footer.formatVersion)
	if err != nil {
		return nil, fmt.Errorf("%s: %s block at offset %d: %w", t.name, what, h.offset, err)
	}
	return out, nil
}

// tableProps are the table properties this package needs.
type tableProps struct {
	cfName      string
	hasCFName   bool
	comparator  string
	indexType   uint32
	deltaValues bool
	globalSeqno uint64

	formatVersion uint32 // from the footer
	checksumType  byte   // from the footer
}

// internalEntry is one point entry of a table, WAL or memtable.
type internalEntry struct {
	key   []byte // user key
	seq   uint64
	kind  byte
	value []byte
}

// tombstone is a range deletion: it hides keys in [start, end) whose
// sequence number is below seq.
type tombstone struct {
	start, end []byte
	seq        uint64
}

// tableSink receives a table's contents. Slices passed to it are not
// retained by the reader and may be kept.
type tableSink struct {
	entry     func(internalEntry) error
	tombstone func(tombstone) error
}

// readTable decodes every entry and range tombstone of the SST file data.
func readTable(data []byte, name string, c *codecs, sink tableSink) (tableProps, error) {
	var props tableProps
	f, err := parseFooter(data)
	if err != nil {
		return props, fmt.Errorf("%s: %w", name, err)
	}
	t := &table{name: name, data: data, footer: f, codecs: c}
	meta, err := t.readBlock(f.metaindex, "metaindex")
	if err != nil {
		return props, err
	}
	handles := map[string]blockHandle{}
	err = iterBlock(meta, func(k, v []byte) error {
		d := newDecoder(v)
		h := d.blockHandle()
		if !d.ok {
			return corruptf("%s: bad handle for meta block %q", name, k)
		}
		handles[string(k)] = h
		return nil
	})
	if err != nil {
		return props, fmt.Errorf("%s: metaindex: %w", name, err)
	}
	if _, ok := handles["rocksdb.compression_dict"]; ok {
		return props, unsupportedf("%s: compression dictionary", name)
	}
	if h, ok := handles["rocksdb.properties"]; ok {
		if props, err = t.readProps(h); err != nil {
			return props, err
		}
	}
	props.formatVersion, props.checksumType = f.formatVersion, f.checksumType
	if props.comparator != "" && props.comparator != "leveldb.BytewiseComparator" {
		return props, unsupportedf("%s: comparator %q (only leveldb.BytewiseComparator is read)", name, props.comparator)
	}
	if !f.hasIndex {
		h, ok := handles["rocksdb.index"]
		if !ok {
			return props, corruptf("%s: no index block in metaindex", name)
		}
		t.footer.index = h
	}

	decodeKey := func(ik []byte) (internalEntry, error) {
		if len(ik) < 8 {
			return internalEntry{}, corruptf("%s: internal key of %d bytes", name, len(ik))
		}
		n := len(ik) - 8
		tr := binary.LittleEndian.Uint64(ik[n:])
		e := internalEntry{key: append([]byte(nil), ik[:n]...), seq: tr >> 8, kind: byte(tr)}
		if props.globalSeqno != 0 {
			e.seq = props.globalSeqno
		}
		return e, nil
	}

	if h, ok := handles["rocksdb.range_del"]; ok {
		b, err := t.readBlock(h, "range-del")
		if err != nil {
			return props, err
		}
		err = iterBlock(b, func(k, v []byte) error {
			e, err := decodeKey(k)
			if err != nil {
				return err
			}
			if e.kind != typeRangeDeletion {
				return corruptf("%s: range-del block holds value type %#x", name, e.kind)
			}
			return sink.tombstone(tombstone{start: e.key, end: append([]byte(nil), v...), seq: e.seq})
		})
		if err != nil {
			return props, fmt.Errorf("%s: range-del block: %w", name, err)
		}
	}

	readData := func(h blockHandle) error {
		b, err := t.readBlock(h, "data")
		if err != nil {
			return err
		}
		if len(b) >= 4 && binary.LittleEndian.Uint32(b[len(b)-4:])&blockHashIndexBit != 0 {
			t.codecs.hashIndexBlocks++
		}
		err = iterBlock(b, func(k, v []byte) error {
			e, err := decodeKey(k)
			if err != nil {
				return err
			}
			e.value = v
			return sink.entry(e)
		})
		if err != nil {
			return fmt.Errorf("%s: data block at offset %d: %w", name, h.offset, err)
		}
		return nil
	}
	index, err := t.readBlock(t.footer.index, "index")
	if err != nil {
		return props, err
	}
	firstKey := props.indexType == indexBinarySearchWithFirst
	switch props.indexType {
	case indexBinarySearch, indexHashSearch, indexBinarySearchWithFirst:
		err = iterIndexBlock(index, props.deltaValues, firstKey, readData)
	case indexTwoLevel:
		err = iterIndexBlock(index, props.deltaValues, false, func(ph blockHandle) error {
			part, err := t.readBlock(ph, "index partition")
			if err != nil {
				return err
			}
			return iterIndexBlock(part, props.deltaValues, false, readData)
		})
	default:
		return props, unsupportedf("%s: index type %d", name, props.indexType)
	}
	if err != nil {
		return props, fmt.Errorf("%s: index: %w", name, err)
	}
	return props, nil
}

func (t *table) readProps(h blockHandle) (tableProps, error) {
	var p tableProps
	b, err := t.readBlock(h, "properties")
	if err != nil {
		return p, err
	}
	var globalSeqno uint64
	var externalVersion uint32
	err = iterBlock(b, func(k, v []byte) error {
		d := newDecoder(v)
		switch string(k) {
		case "rocksdb.column.family.name":
			p.cfName, p.hasCFName = string(v), true
		case "rocksdb.comparator":
			p.comparator = string(v)
		case "rocksdb.block.based.table.index.type":
			p.indexType = d.fixed32()
		case "rocksdb.index.value.is.delta.encoded":
			p.deltaValues = d.uvarint64() != 0
		case "rocksdb.external_sst_file.global_seqno":
			globalSeqno = d.fixed64()
		case "rocksdb.external_sst_file.version":
			externalVersion = d.fixed32()
		}
		if !d.ok {
			return corruptf("bad value for property %q", k)
		}
		return nil
	})
	if err != nil {
		return p, fmt.Errorf("%s: properties: %w", t.name, err)
	}
	if externalVersion >= 2 {
		// Ingested file: its keys carry sequence 0 and this property, when
		// set, is the sequence they all take.
		p.globalSeqno = globalSeqno
	}
	return p, nil
}
