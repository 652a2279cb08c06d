package rocksdb

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"

	"github.com/cespare/xxhash/v2"
	"github.com/klauspost/compress/flate"
	"github.com/klauspost/compress/snappy"
	"github.com/klauspost/compress/zstd"
	"github.com/pierrec/lz4/v4"
	"github.com/zeebo/xxh3"
)

// A block in a block-based table is stored as
//
//	+---------------------------+--------------+---------------------+
//	| contents (maybe compressed)| type (1 byte)| checksum (fixed32)  |
//	+---------------------------+--------------+---------------------+
//	  <- handle.size bytes ->     <------ 5-byte block trailer ------>
//
// The checksum covers contents and the type byte. For format_version >= 6
// a per-file "context" derived from the block offset is added to it. Once
// decompressed, every block (data, index, metaindex, properties, range-del)
// shares one layout:
//
//	entry*  restart[num_restarts] (fixed32 each)  [hash index]  footer (fixed32)
//	entry = shared varint32 | non_shared varint32 | value_len varint32 |
//	        key_delta[non_shared] | value[value_len]
//
// Example: keys "apple" then "apply" with values "1", "2" and restart
// interval 16 encode as
//
//	00 05 01 'a' 'p' 'p' 'l' 'e' '1'   04 01 01 'y' '2'   00000000 01000000
//
// The footer's low 28 bits are num_restarts; bit 31 flags a data-block hash
// index (uint8 buckets followed by a fixed16 bucket count, placed between the
// restart array and the footer); bit 29 flags uniform keys (a search hint);
// bit 28 flags separated key/value storage, which this package rejects.
// Index blocks written with value delta encoding (format_version >= 4) omit
// value_len: their value is a block handle, written in full when shared == 0
// and otherwise as a zigzag varint64 size delta from the previous handle.

const blockTrailerSize = 5

// Checksum types from the table footer.
const (
	checksumNone     = 0
	checksumCRC32c   = 1
	checksumXXHash   = 2
	checksumXXHash64 = 3
	checksumXXH3     = 4
)

// Compression types from the block trailer.
const (
	compressionNone   = 0x0
	compressionSnappy = 0x1
	compressionZlib   = 0x2
	compressionBZip2  = 0x3
	compressionLZ4    = 0x4
	compressionLZ4HC  = 0x5
	compressionXpress = 0x6
	compressionZSTD   = 0x7
	compressionZSTDNF = 0x40 // kZSTDNotFinalCompression, same stream format
)

// maxBlockSize bounds the decompressed size of a block, so that a hostile
// length cannot make us allocate gigabytes. Codecs with a bounded expansion
// ratio are held to it as well.
const (
	maxBlockSize   = 256 << 20
	maxSnappyRatio = 32  // a 3-byte snappy copy yields at most 64 bytes
	maxLZ4Ratio    = 256 // an LZ4 sequence byte yields at most 255 bytes
	ratioAllowance = 64
)

// blockHandle locates a block (without its trailer) in a table file.
type blockHandle struct {
	offset, size uint64
}

func (d *decoder) blockHandle() blockHandle {
	return blockHandle{offset: d.uvarint64(), size: d.uvarint64()}
}

// blockChecksum computes the checksum RocksDB stores in a block trailer for
// b (contents followed by the type byte). ok is false for checksum types
// this package cannot compute.
func blockChecksum(typ byte, b []byte) (sum uint32, ok bool) {
	switch typ {
	case checksumCRC32c:
		return maskCRC(crc32Castagnoli(b)), true
	case checksumXXHash64:
		return uint32(xxhash.Sum64(b)), true
	case checksumXXH3:
		if len(b) == 0 {
			return 0, true
		}
		// XXH3 over everything but the last byte, which is mixed in with
		// a multiply: RocksDB does this to avoid XXH3's streaming API.
		v := uint32(xxh3.Hash(b[:len(b)-1]))
		return v ^ uint32(b[len(b)-1])*0x6b9083d9, true
	default:
		// checksumXXHash (32-bit xxHash) has no well-kept Go library;
		// blocks using it are read unverified.
		return 0, false
	}
}

// contextModifier is the per-offset checksum adjustment of format_version
// >= 6 files (zero when base is zero).
func contextModifier(base uint32, offset uint64) uint32 {
	if base == 0 {
		return 0
	}
	return base ^ (uint32(offset) + uint32(offset>>32))
}

// codecs holds decompressors reused across blocks. The zero value is ready
// to use; close releases it. Not safe for concurrent use.
type codecs struct {
	zstd *zstd.Decoder
	seen map[byte]int // if not nil, counts blocks per compression type

	hashIndexBlocks int // data blocks seen with a hash index (for tests)
}

func (c *codecs) close() {
	if c.zstd != nil {
		c.zstd.Close()
		c.zstd = nil
	}
}

// decompress turns a block's stored contents into its plain contents.
// formatVersion selects RocksDB's compress_format_version: from 2 on, all
// codecs but snappy and xpress prefix a varint32 uncompressed size.
func (c *codecs) decompress(typ byte, src []byte, formatVersion uint32) ([]byte, error) {
	if c.seen != nil {
		c.seen[typ]++
	}
	if typ == compressionNone {
		return src, nil
	}
	sizePrefix := formatVersion >= 2
	var size uint64
	readSize := func() error {
		d := newDecoder(src)
		size = d.uvarint64()
		if !d.ok || size > maxBlockSize {
			return corruptf("bad uncompressed size in compressed block")
		}
		src = d.b
		return nil
	}
	switch typ {
	case compressionSnappy:
		n, err := snappy.DecodedLen(src)
		if err != nil || n > maxBlockSize || n > maxSnappyRatio*len(src)+ratioAllowance {
			return nil, corruptf("snappy block: bad length")
		}
		out, err := snappy.Decode(make([]byte, n), src)
		if err != nil {
			return nil, corruptf("snappy block: %v", err)
		}
		return out, nil
	case compressionZlib:
		// Raw deflate (window_bits -14), as RocksDB writes it.
		if sizePrefix {
			if err := readSize(); err != nil {
				return nil, err
			}
		}
		r := flate.NewReader(bytes.NewReader(src))
		defer r.Close()
		limit := int64(maxBlockSize)
		if sizePrefix {
			limit = int64(size)
		}
		out, err := io.ReadAll(io.LimitReader(r, limit+1))
		if err != nil {
			return nil, corruptf("zlib block: %v", err)
		}
		if sizePrefix && uint64(len(out)) != size {
			return nil, corruptf("zlib block: got %d bytes, want %d", len(out), size)
		}
		return out, nil
	case compressionLZ4, compressionLZ4HC:
		if sizePrefix {
			if err := readSize(); err != nil {
				return nil, err
			}
		} else {
			// compress_format_version 1: fixed32 size plus 4 unused bytes.
			if len(src) < 8 {
				return nil, corruptf("lz4 block: short header")
			}
			size = uint64(binary.LittleEndian.Uint32(src))
			if size > maxBlockSize {
				return nil, corruptf("lz4 block: bad size")
			}
			src = src[8:]
		}
		if size > maxLZ4Ratio*uint64(len(src))+ratioAllowance {
			return nil, corruptf("lz4 block: size %d impossible for %d compressed bytes", size, len(src))
		}
		out := make([]byte, size)
		n, err := lz4.UncompressBlock(src, out)
		if err != nil || uint64(n) != size {
			return nil, corruptf("lz4 block: decompressed %d of %d bytes: %v", n, size, err)
		}
		return out, nil
	case compressionZSTD, compressionZSTDNF:
		if sizePrefix {
			if err := readSize(); err != nil {
				return nil, err
			}
		}
		if c.zstd == nil {
			dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(maxBlockSize))
			if err != nil {
				return nil, fmt.Errorf("zstd: %w", err)
			}
			c.zstd = dec
		}
		out, err := c.zstd.DecodeAll(src, nil)
		if err != nil {
			return nil, corruptf("zstd block: %v", err)
		}
		if sizePrefix && uint64(len(out)) != size {
			return nil, corruptf("zstd block: got %d bytes, want %d", len(out), size)
		}
		return out, nil
	case compressionBZip2, compressionXpress:
		return nil, unsupportedf("block compression type %#x (bzip2/xpress)", typ)
	default:
		return nil, corruptf("unknown block compression type %#x", typ)
	}
}

// Footer bits of a block's packed num_restarts.
const (
	blockHashIndexBit   = 1 << 31
	blockUniformBit     = 1 << 29
	blockSeparatedKVBit = 1 << 28
	blockMaxRestarts    = 1<<28 - 1
)

// blockEntries returns the entry region of a decompressed block, stripping
// the restart array, an optional hash index and the footer.
func blockEntries(b []byte) (entries []byte, err error) {
	if len(b) < 4 {
		return nil, corruptf("block of %d bytes is too short", len(b))
	}
	end := len(b) - 4
	packed := binary.LittleEndian.Uint32(b[end:])
	if packed&blockSeparatedKVBit != 0 {
		return nil, unsupportedf("data block with separated key/value storage")
	}
	if packed&blockHashIndexBit != 0 {
		if end < 2 {
			return nil, corruptf("block hash index truncated")
		}
		buckets := int(binary.LittleEndian.Uint16(b[end-2:]))
		if buckets+2 > end {
			return nil, corruptf("block hash index larger than block")
		}
		end -= buckets + 2
	}
	n := packed &^ (blockHashIndexBit | blockUniformBit)
	if n > blockMaxRestarts || uint64(n)*4 > uint64(end) {
		return nil, corruptf("block restart count %d exceeds block size %d", n, len(b))
	}
	end -= int(n) * 4
	if n == 0 && end > 0 {
		return nil, corruptf("block has entries but no restart points")
	}
	return b[:end], nil
}

// iterBlock calls fn for every entry of a block whose entries carry an
// explicit value length. key is only valid during the call; value aliases
// the block.
func iterBlock(b []byte, fn func(key, value []byte) error) error {
	entries, err := blockEntries(b)
	if err != nil {
		return err
	}
	var key []byte
	d := newDecoder(entries)
	for !d.empty() {
		shared := d.uvarint32()
		nonShared := d.uvarint32()
		valueLen := d.uvarint32()
		delta := d.bytes(uint64(nonShared))
		value := d.bytes(uint64(valueLen))
		if !d.ok || int(shared) > len(key) {
			return corruptf("bad block entry")
		}
		key = append(key[:shared], delta...)
		if err := fn(key, value); err != nil {
			return err
		}
	}
	return nil
}

// iterIndexBlock calls fn for every block handle of an index block (or of
// the top level of a partitioned index). deltaValues and firstKey come from
// the table properties.
func iterIndexBlock(b []byte, deltaValues, firstKey bool, fn func(h blockHandle) error) error {
	if !deltaValues {
		return iterBlock(b, func(_, value []byte) error {
			d := newDecoder(value)
			h := d.blockHandle()
			if !d.ok {
				return corruptf("bad block handle in index")
			}
			return fn(h)
		})
	}
	entries, err := blockEntries(b)
	if err != nil {
		return err
	}
	var keyLen uint64
	var prev blockHandle
	d := newDecoder(entries)
	for !d.empty() {
		shared := d.uvarint32()
		nonShared := d.uvarint32()
		d.bytes(uint64(nonShared))
		if !d.ok || uint64(shared) > keyLen {
			return corruptf("bad index block entry")
		}
		keyLen = uint64(shared) + uint64(nonShared)
		var h blockHandle
		if shared == 0 {
			h = d.blockHandle()
		} else {
			delta := d.varsigned64()
			h.offset = prev.offset + prev.size + blockTrailerSize
			h.size = uint64(int64(prev.size) + delta)
		}
		if firstKey {
			d.lengthPrefixed()
		}
		if !d.ok {
			return corruptf("bad index block value")
		}
		prev = h
		if err := fn(h); err != nil {
			return err
		}
	}
	return nil
}
