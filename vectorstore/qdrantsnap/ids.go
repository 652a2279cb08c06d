package qdrantsnap

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/gaianet-go/gaianet/internal/rocksdb"
	"github.com/gaianet-go/gaianet/vectorstore"
)

// readIDs decodes the mapping column family: external id (bincode of
// Qdrant's StoredPointId enum) to internal offset (bincode integer).
func readIDs(db *rocksdb.DB) ([]segPoint, error) {
	var pts []segPoint
	seen := map[uint32]bool{}
	err := scan(db, cfMapping, func(k, v []byte) error {
		id, err := decodeStoredID(k)
		if err != nil {
			return err
		}
		if len(v) < 4 {
			return fmt.Errorf("%w: point %s: internal id of %d bytes", ErrFormat, id, len(v))
		}
		internal := binary.LittleEndian.Uint32(v)
		if seen[internal] {
			return fmt.Errorf("%w: internal id %d mapped twice", ErrFormat, internal)
		}
		seen[internal] = true
		pts = append(pts, segPoint{id: id, internal: internal})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("mapping: %w", err)
	}
	return pts, nil
}

// The files of Qdrant's immutable id tracker (1.11 and later).
const (
	immutableMappings = "id_tracker.mappings"
	immutableDeleted  = "id_tracker.deleted"
	immutableVersions = "id_tracker.versions"
)

// readImmutableIDs decodes Qdrant's immutable id tracker: id_tracker.mappings
// is a u64 count then, per point, a type byte (0: a u64 id, 1: a UUID's 16
// bytes), then the u32 internal id, all little-endian; id_tracker.deleted
// has one bit per entry, least significant first, set for a deleted point;
// id_tracker.versions is a u64 version per internal id.
func readImmutableIDs(dir string) ([]segPoint, error) {
	m, err := os.ReadFile(filepath.Join(dir, immutableMappings))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	del, err := os.ReadFile(filepath.Join(dir, immutableDeleted))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	ver, err := os.ReadFile(filepath.Join(dir, immutableVersions))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	if len(m) < 8 {
		return nil, fmt.Errorf("%w: %s of %d bytes", ErrFormat, immutableMappings, len(m))
	}
	n := binary.LittleEndian.Uint64(m)
	m = m[8:]
	if n > uint64(len(m))/13 { // the smallest entry is 13 bytes
		return nil, fmt.Errorf("%w: %s claims %d points in %d bytes", ErrFormat, immutableMappings, n, len(m))
	}
	pts := make([]segPoint, 0, n)
	seen := map[uint32]bool{}
	for i := uint64(0); i < n; i++ {
		var id vectorstore.PointID
		switch {
		case len(m) >= 13 && m[0] == 0:
			id = vectorstore.NumID(binary.LittleEndian.Uint64(m[1:]))
			m = m[9:]
		case len(m) >= 21 && m[0] == 1:
			id = vectorstore.UUIDID([16]byte(m[1:17]))
			m = m[17:]
		default:
			return nil, fmt.Errorf("%w: %s entry %d is damaged", ErrFormat, immutableMappings, i)
		}
		internal := binary.LittleEndian.Uint32(m)
		m = m[4:]
		if i/8 < uint64(len(del)) && del[i/8]&(1<<(i%8)) != 0 {
			continue
		}
		if seen[internal] {
			return nil, fmt.Errorf("%w: internal id %d mapped twice", ErrFormat, internal)
		}
		seen[internal] = true
		pts = append(pts, segPoint{id: id, internal: internal, version: versionAt(ver, internal)})
	}
	return pts, nil
}

// versionAt reads internal id i's version from an id tracker's versions
// file, one u64 per internal id; a missing entry is version 0.
func versionAt(ver []byte, i uint32) uint64 {
	if off := 8 * int(i); off+8 <= len(ver) {
		return binary.LittleEndian.Uint64(ver[off:])
	}
	return 0
}

// The files of Qdrant's mutable id tracker (1.14 and later).
const (
	mutableMappings = "mutable_id_tracker.mappings"
	mutableVersions = "mutable_id_tracker.versions"
)

// readMutableIDs replays Qdrant's mutable id tracker: mutable_id_tracker.mappings
// is a log of changes, each a type byte (1: insert a u64 id, 2: insert a
// UUID, 3: delete a u64 id, 4: delete a UUID), the id (8 or 16 bytes) and,
// for inserts, the u32 internal id, all little-endian; an incomplete last
// entry is ignored, as Qdrant does. mutable_id_tracker.versions holds a u64
// version per internal id.
func readMutableIDs(dir string) ([]segPoint, error) {
	m, err := os.ReadFile(filepath.Join(dir, mutableMappings))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	ver, err := os.ReadFile(filepath.Join(dir, mutableVersions))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	// Replayed as Qdrant does: an insert takes its internal id over from
	// whatever external id held it, a delete frees the id's internal one.
	live := map[vectorstore.PointID]uint32{}
	owner := map[uint32]vectorstore.PointID{}
	for len(m) > 0 {
		var (
			id     vectorstore.PointID
			idLen  int
			insert bool
		)
		switch m[0] {
		case 1, 3:
			idLen, insert = 8, m[0] == 1
		case 2, 4:
			idLen, insert = 16, m[0] == 2
		default:
			return nil, fmt.Errorf("%w: %s: change type %d", ErrFormat, mutableMappings, m[0])
		}
		size := 1 + idLen
		if insert {
			size += 4
		}
		if len(m) < size {
			break // a torn last entry
		}
		if idLen == 8 {
			id = vectorstore.NumID(binary.LittleEndian.Uint64(m[1:]))
		} else {
			id = vectorstore.UUIDID([16]byte(m[1:17]))
		}
		if old, ok := live[id]; ok {
			delete(owner, old)
			delete(live, id)
		}
		if insert {
			internal := binary.LittleEndian.Uint32(m[1+idLen:])
			if prev, ok := owner[internal]; ok {
				delete(live, prev)
			}
			live[id], owner[internal] = internal, id
		}
		m = m[size:]
	}
	pts := make([]segPoint, 0, len(live))
	for id, internal := range live {
		pts = append(pts, segPoint{id: id, internal: internal, version: versionAt(ver, internal)})
	}
	slices.SortFunc(pts, func(a, b segPoint) int { return int(a.internal) - int(b.internal) })
	return pts, nil
}

// readVersions fills in each point's version from the version column
// family (same keys as mapping, bincode u64 values).
func readVersions(db *rocksdb.DB, pts []segPoint) {
	for i := range pts {
		if v, ok := db.Get(cfVersion, encodeStoredID(pts[i].id)); ok && len(v) >= 8 {
			pts[i].version = binary.LittleEndian.Uint64(v)
		}
	}
}

// scan is db.Scan over a column family that may not exist: a segment that
// never stored anything of a kind may not have created its family.
func scan(db *rocksdb.DB, cf string, fn func(k, v []byte) error) error {
	if db.Len(cf) == 0 {
		return nil
	}
	return db.Scan(cf, fn)
}

// decodeStoredID decodes bincode's encoding of Qdrant's StoredPointId: a
// u32 variant index, then a u64 (NumId, 0) or a UUID (Uuid, 1) as 16 bytes,
// which serde may prefix with their u64 length. Variant 2 (String) has no
// external form, so Qdrant never stores it for a user's point.
func decodeStoredID(k []byte) (vectorstore.PointID, error) {
	if len(k) < 4 {
		return vectorstore.PointID{}, fmt.Errorf("%w: point id key of %d bytes", ErrFormat, len(k))
	}
	rest := k[4:]
	switch binary.LittleEndian.Uint32(k) {
	case 0:
		if len(rest) != 8 {
			return vectorstore.PointID{}, fmt.Errorf("%w: numeric point id of %d bytes", ErrFormat, len(rest))
		}
		return vectorstore.NumID(binary.LittleEndian.Uint64(rest)), nil
	case 1:
		if len(rest) == 24 && binary.LittleEndian.Uint64(rest) == 16 {
			rest = rest[8:]
		}
		if len(rest) != 16 {
			return vectorstore.PointID{}, fmt.Errorf("%w: UUID point id of %d bytes", ErrFormat, len(rest))
		}
		return vectorstore.UUIDID([16]byte(rest)), nil
	default:
		return vectorstore.PointID{}, fmt.Errorf("%w: point id variant %d", ErrUnsupported, binary.LittleEndian.Uint32(k))
	}
}

// encodeStoredID is decodeStoredID's inverse, for looking up versions.
func encodeStoredID(id vectorstore.PointID) []byte {
	if id.IsUUID() {
		b := make([]byte, 4+8+16)
		binary.LittleEndian.PutUint32(b, 1)
		binary.LittleEndian.PutUint64(b[4:], 16)
		u := id.UUID()
		copy(b[12:], u[:])
		return b
	}
	b := make([]byte, 12)
	binary.LittleEndian.PutUint64(b[4:], id.Num())
	return b
}
