package qdrantsnap

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"

	"github.com/gaianet-go/gaianet/internal/rocksdb"
	"github.com/gaianet-go/gaianet/kernels"
)

// element is how a vector's components are stored.
type element int

const (
	elemF32 element = iota
	elemF16
	elemU8
)

func (e element) size() int {
	switch e {
	case elemF16:
		return 2
	case elemU8:
		return 1
	}
	return 4
}

func elementKind(datatype string) (element, error) {
	switch datatype {
	case "", "float32":
		return elemF32, nil
	case "float16":
		return elemF16, nil
	case "uint8":
		return elemU8, nil
	}
	return 0, fmt.Errorf("%w: vector datatype %q", ErrUnsupported, datatype)
}

// decodeVector converts dim stored components to float32.
func decodeVector(b []byte, dim int, e element) []float32 {
	v := make([]float32, dim)
	for i := range v {
		switch e {
		case elemF32:
			v[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
		case elemF16:
			v[i] = kernels.F16ToF32(binary.LittleEndian.Uint16(b[2*i:]))
		case elemU8:
			v[i] = float32(b[i])
		}
	}
	return v
}

// readRocksVectors decodes Qdrant's "Memory" vector storage: a column
// family keyed by bincode u32 internal id whose values are bincode
// StoredRecord{deleted bool, vector Vec<T>}: one byte, a u64 length, then
// the components.
func readRocksVectors(db *rocksdb.DB, vname string, dim int, e element, byInternal map[uint32]*segPoint) error {
	cf := vectorCF(vname)
	return scan(db, cf, func(k, v []byte) error {
		if len(k) != 4 {
			return fmt.Errorf("%w: %s key of %d bytes", ErrFormat, cf, len(k))
		}
		p := byInternal[binary.LittleEndian.Uint32(k)]
		if p == nil {
			return nil
		}
		if len(v) < 9 {
			return fmt.Errorf("%w: %s record of point %s is %d bytes", ErrFormat, cf, p.id, len(v))
		}
		if v[0] != 0 {
			return nil // deleted: the point has no such vector
		}
		n := binary.LittleEndian.Uint64(v[1:])
		if n != uint64(dim) || len(v)-9 != dim*e.size() {
			return fmt.Errorf("%w: %s record of point %s has %d components in %d bytes, want %d", ErrFormat, cf, p.id, n, len(v)-9, dim)
		}
		p.vector = decodeVector(v[9:], dim, e)
		return nil
	})
}

// readMmapVectors decodes Qdrant's "Mmap" vector storage: matrix.dat is the
// 4-byte header "data" followed by every vector by internal id;
// deleted.dat is the header "drop", padded to 8 bytes, then one bit per
// vector (least significant first), set for a vector the point lacks.
func readMmapVectors(dir string, dim int, e element, byInternal map[uint32]*segPoint) error {
	m, err := os.ReadFile(filepath.Join(dir, "matrix.dat"))
	if err != nil {
		return fmt.Errorf("%w: %v", ErrFormat, err)
	}
	if len(m) < 4 || !bytes.Equal(m[:4], []byte("data")) {
		return fmt.Errorf("%w: matrix.dat has no data header", ErrFormat)
	}
	m = m[4:]
	del, err := os.ReadFile(filepath.Join(dir, "deleted.dat"))
	if err != nil {
		return fmt.Errorf("%w: %v", ErrFormat, err)
	}
	if len(del) < 8 || !bytes.Equal(del[:4], []byte("drop")) {
		return fmt.Errorf("%w: deleted.dat has no drop header", ErrFormat)
	}
	del = del[8:]
	stride := dim * e.size()
	for internal, p := range byInternal {
		off := int(internal) * stride
		if off+stride > len(m) {
			return fmt.Errorf("%w: matrix.dat has no vector for point %s", ErrFormat, p.id)
		}
		if int(internal/8) < len(del) && del[internal/8]&(1<<(internal%8)) != 0 {
			continue
		}
		p.vector = decodeVector(m[off:off+stride], dim, e)
	}
	return nil
}

// readChunkedVectors decodes Qdrant's "ChunkedMmap" storage: config.json
// gives the vectors per chunk file chunk_<i>.mmap, status.dat the count.
// Its deleted flags sit in a double-buffered file this reader does not
// decode, so an all-zero vector is taken as absent (Qdrant stores zeros for
// a point without the vector).
func readChunkedVectors(dir string, dim int, e element, byInternal map[uint32]*segPoint) error {
	raw, err := os.ReadFile(filepath.Join(dir, "config.json"))
	if err != nil {
		return fmt.Errorf("%w: %v", ErrFormat, err)
	}
	var cfg struct {
		ChunkVectors int `json:"chunk_size_vectors"`
		Dim          int `json:"dim"`
	}
	if err := json.Unmarshal(raw, &cfg); err != nil || cfg.ChunkVectors <= 0 {
		return fmt.Errorf("%w: chunked vectors config.json", ErrFormat)
	}
	if cfg.Dim != 0 && cfg.Dim != dim {
		return fmt.Errorf("%w: chunked vectors of dimension %d, want %d", ErrFormat, cfg.Dim, dim)
	}
	stride := dim * e.size()
	chunks := map[int][]byte{}
	for internal, p := range byInternal {
		ci := int(internal) / cfg.ChunkVectors
		c, ok := chunks[ci]
		if !ok {
			c, err = os.ReadFile(filepath.Join(dir, fmt.Sprintf("chunk_%d.mmap", ci)))
			if err != nil {
				return fmt.Errorf("%w: %v", ErrFormat, err)
			}
			chunks[ci] = c
		}
		off := int(internal) % cfg.ChunkVectors * stride
		if off+stride > len(c) {
			return fmt.Errorf("%w: chunk %d has no vector for point %s", ErrFormat, ci, p.id)
		}
		b := c[off : off+stride]
		if allZero(b) {
			continue
		}
		p.vector = decodeVector(b, dim, e)
	}
	return nil
}

func allZero(b []byte) bool {
	for _, x := range b {
		if x != 0 {
			return false
		}
	}
	return true
}
