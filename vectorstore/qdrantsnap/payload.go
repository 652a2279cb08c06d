package qdrantsnap

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"

	"github.com/fxamacker/cbor/v2"
	"github.com/gaianet-go/gaianet/internal/rocksdb"
	"github.com/pierrec/lz4/v4"
)

// payloadDecoder decodes serde_cbor's encoding of a JSON payload into the
// types encoding/json produces, so payloads compare and filter the same as
// ones that came in over the API.
var payloadDecoder = func() cbor.DecMode {
	dm, err := cbor.DecOptions{
		DefaultMapType:  reflect.TypeOf(map[string]any(nil)),
		MaxNestedLevels: 64,
	}.DecMode()
	if err != nil {
		panic(err)
	}
	return dm
}()

// readPayloads decodes the payload column family: CBOR internal id to CBOR
// JSON object.
func readPayloads(db *rocksdb.DB, byInternal map[uint32]*segPoint) error {
	err := scan(db, cfPayload, func(k, v []byte) error {
		var internal uint64
		if err := payloadDecoder.Unmarshal(k, &internal); err != nil {
			return fmt.Errorf("%w: payload key: %v", ErrFormat, err)
		}
		p := byInternal[uint32(internal)]
		if p == nil || internal > math.MaxUint32 {
			return nil // the payload of a deleted point
		}
		var m any
		if err := payloadDecoder.Unmarshal(v, &m); err != nil {
			return fmt.Errorf("%w: payload of point %s: %v", ErrFormat, p.id, err)
		}
		js, err := json.Marshal(m)
		if err != nil {
			return fmt.Errorf("%w: payload of point %s: %v", ErrFormat, p.id, err)
		}
		return setPayload(p, js)
	})
	if err != nil {
		return fmt.Errorf("payload: %w", err)
	}
	return nil
}

// setPayload decodes a JSON payload into p, with numbers as float64 as
// encoding/json gives them everywhere else in the store.
func setPayload(p *segPoint, js []byte) error {
	var obj map[string]any
	if err := json.Unmarshal(js, &obj); err != nil {
		return fmt.Errorf("%w: payload of point %s is not a JSON object", ErrFormat, p.id)
	}
	if len(obj) > 0 {
		p.payload = obj
	}
	return nil
}

// readGridPayloads decodes the payload storage Qdrant calls "mmap" (its
// gridstore, 1.13 and later): config.json gives the block size and the
// compression; tracker.dat is a u32 count then, per internal id, an
// optional pointer (a tag byte, 1 when present, padded to 4 bytes, then
// u32 page, u32 first block and u32 length in bytes); the value is read
// from page_<n>.dat, continuing into the next page when it runs past the
// end, and is JSON, LZ4-compressed with its u32 size in front unless the
// compression is "None". Decoded from the format description; no snapshot
// of that Qdrant version was at hand to test against.
func readGridPayloads(dir string, byInternal map[uint32]*segPoint) error {
	raw, err := os.ReadFile(filepath.Join(dir, "config.json"))
	if err != nil {
		return fmt.Errorf("%w: payload storage: %v", ErrFormat, err)
	}
	var cfg struct {
		BlockSize   int    `json:"block_size_bytes"`
		Compression string `json:"compression"`
	}
	if err := json.Unmarshal(raw, &cfg); err != nil || cfg.BlockSize <= 0 {
		return fmt.Errorf("%w: payload storage config.json", ErrFormat)
	}
	if cfg.Compression != "None" && cfg.Compression != "LZ4" && cfg.Compression != "" {
		return fmt.Errorf("%w: payload compression %q", ErrUnsupported, cfg.Compression)
	}
	tracker, err := os.ReadFile(filepath.Join(dir, "tracker.dat"))
	if err != nil || len(tracker) < 4 {
		return fmt.Errorf("%w: payload storage tracker.dat", ErrFormat)
	}
	count := binary.LittleEndian.Uint32(tracker)
	pages := map[uint32][]byte{}
	page := func(id uint32) ([]byte, error) {
		if b, ok := pages[id]; ok {
			return b, nil
		}
		b, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("page_%d.dat", id)))
		if err != nil {
			return nil, fmt.Errorf("%w: payload storage: %v", ErrFormat, err)
		}
		pages[id] = b
		return b, nil
	}
	const entry = 16
	for internal, p := range byInternal {
		if internal >= count {
			continue
		}
		off := 4 + int(internal)*entry
		if off+entry > len(tracker) {
			return fmt.Errorf("%w: tracker.dat has no entry for point %s", ErrFormat, p.id)
		}
		e := tracker[off : off+entry]
		if e[0] == 0 {
			continue // no payload
		}
		pageID := binary.LittleEndian.Uint32(e[4:])
		start := int(binary.LittleEndian.Uint32(e[8:])) * cfg.BlockSize
		length := int(binary.LittleEndian.Uint32(e[12:]))
		if length > maxPayloadBytes {
			return fmt.Errorf("%w: payload of point %s claims %d bytes", ErrFormat, p.id, length)
		}
		val := make([]byte, 0, length)
		for length > 0 {
			b, err := page(pageID)
			if err != nil {
				return err
			}
			if start >= len(b) {
				return fmt.Errorf("%w: payload of point %s starts past page %d", ErrFormat, p.id, pageID)
			}
			n := min(length, len(b)-start)
			val = append(val, b[start:start+n]...)
			length -= n
			pageID, start = pageID+1, 0
		}
		if cfg.Compression != "None" {
			if val, err = decompressLZ4(val); err != nil {
				return fmt.Errorf("%w: payload of point %s: %v", ErrFormat, p.id, err)
			}
		}
		if err := setPayload(p, val); err != nil {
			return err
		}
	}
	return nil
}

// maxPayloadBytes bounds one decoded payload.
const maxPayloadBytes = 64 << 20

// decompressLZ4 undoes lz4_flex's compress_prepend_size: the uncompressed
// size as a u32, then one LZ4 block.
func decompressLZ4(b []byte) ([]byte, error) {
	if len(b) < 4 {
		return nil, errors.New("lz4: short value")
	}
	n := binary.LittleEndian.Uint32(b)
	if n > maxPayloadBytes || uint64(n) > 255*uint64(len(b))+64 {
		return nil, fmt.Errorf("lz4: impossible size %d", n)
	}
	out := make([]byte, n)
	got, err := lz4.UncompressBlock(b[4:], out)
	if err != nil || got != int(n) {
		return nil, fmt.Errorf("lz4: decompressed %d of %d bytes: %v", got, n, err)
	}
	return out, nil
}
