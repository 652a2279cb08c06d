package qdrantsnap

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"

	"github.com/fxamacker/cbor/v2"
	"github.com/pierrec/lz4/v4"
	"github.com/x448/float16"

	"github.com/gaianet-go/gaianet/internal/rocksdb"
	"github.com/gaianet-go/gaianet/vectorstore"
)

// segPoint is one live point of one segment.
type segPoint struct {
	id       vectorstore.PointID
	internal uint32
	version  uint64
	vector   []float32 // nil when the point lacks the vector
	payload  map[string]any
}

// segmentState is a segment's segment.json. Qdrant 0.10 and later describe
// vectors in vector_data by name; earlier versions wrote one vector's
// vector_size and storage_type at the top of config.
type segmentState struct {
	Version uint64 `json:"version"`
	Config  struct {
		VectorData map[string]segmentVector `json:"vector_data"`
		// Before 0.10:
		VectorSize  int    `json:"vector_size"`
		StorageType string `json:"storage_type"`

		PayloadStorageType json.RawMessage `json:"payload_storage_type"`
	} `json:"config"`
}

type segmentVector struct {
	Size        int             `json:"size"`
	StorageType json.RawMessage `json:"storage_type"`
	Datatype    string          `json:"datatype"`
	Multivector json.RawMessage `json:"multivector_config"`
}

// The RocksDB column families Qdrant keeps a segment in.
const (
	cfMapping = "mapping"
	cfVersion = "version"
	cfPayload = "payload"
	cfVector  = "vector"
)

// segmentLayout locates a segment's RocksDB data and its plain files. Since
// Qdrant 0.11 a segment archive holds snapshot/db_backup (a RocksDB backup)
// and snapshot/files; the "streamable" snapshots of later versions put
// db_backup and files/ in a folder named after the segment instead of an
// archive; before 0.11 a segment was its directory as it is on disk,
// RocksDB files included.
func segmentLayout(seg string) (dbDir, files string) {
	snap := filepath.Join(seg, "snapshot")
	if st, err := os.Stat(snap); err == nil && st.IsDir() {
		return filepath.Join(snap, "db_backup"), filepath.Join(snap, "files")
	}
	if exists(filepath.Join(seg, "files", "segment.json")) {
		return filepath.Join(seg, "db_backup"), filepath.Join(seg, "files")
	}
	return seg, seg
}

// readSegment returns the live points of one segment with their vector
// named vname (dimension dim).
func readSegment(ctx context.Context, seg, vname string, dim int) ([]segPoint, error) {
	dbDir, files := segmentLayout(seg)
	raw, err := os.ReadFile(filepath.Join(files, "segment.json"))
	if err != nil {
		return nil, fmt.Errorf("%w: segment.json: %v", ErrFormat, err)
	}
	var st segmentState
	if err := json.Unmarshal(raw, &st); err != nil {
		return nil, fmt.Errorf("%w: segment.json: %v", ErrFormat, err)
	}
	sv, ok := st.Config.VectorData[vname]
	if !ok && vname == "" && st.Config.VectorSize > 0 {
		sv, ok = segmentVector{Size: st.Config.VectorSize, StorageType: json.RawMessage(fmt.Sprintf("%q", st.Config.StorageType))}, true
	}
	if !ok {
		return nil, fmt.Errorf("%w: segment has no vector %q", ErrFormat, vname)
	}
	if sv.Size != dim {
		return nil, fmt.Errorf("%w: segment vector %q has dimension %d, the collection %d", ErrFormat, vname, sv.Size, dim)
	}
	if m := string(sv.Multivector); m != "" && m != "null" {
		return nil, fmt.Errorf("%w: vector %q holds several vectors per point (multivector)", ErrUnsupported, vname)
	}
	// Every layout question is settled before any data is read. Each
	// reader gets the segment's RocksDB, which is nil when the segment has
	// none (Qdrant 1.15 and later can keep everything in files).
	var readVectors, readPayload func(*rocksdb.DB, map[uint32]*segPoint) error
	needDB := false
	elem, err := elementKind(sv.Datatype)
	if err != nil {
		return nil, err
	}
	switch storage := storageKind(sv.StorageType); storage {
	case "Memory", "InMemory", "":
		needDB = true
		readVectors = func(db *rocksdb.DB, by map[uint32]*segPoint) error { return readRocksVectors(db, vname, dim, elem, by) }
	case "Mmap":
		readVectors = func(_ *rocksdb.DB, by map[uint32]*segPoint) error {
			return readMmapVectors(filepath.Join(files, vectorDir(vname)), dim, elem, by)
		}
	case "ChunkedMmap", "InRamChunkedMmap":
		readVectors = func(_ *rocksdb.DB, by map[uint32]*segPoint) error {
			return readChunkedVectors(filepath.Join(files, vectorDir(vname), "vectors"), dim, elem, by)
		}
	default:
		return nil, fmt.Errorf("%w: vector storage %q", ErrUnsupported, storage)
	}
	switch kind := storageKind(st.Config.PayloadStorageType); kind {
	case "", "in_memory", "on_disk", "InMemory", "OnDisk":
		needDB = true
		readPayload = readPayloads
	case "mmap", "Mmap":
		readPayload = func(_ *rocksdb.DB, by map[uint32]*segPoint) error {
			return readGridPayloads(filepath.Join(files, "payload_storage"), by)
		}
	default:
		return nil, fmt.Errorf("%w: payload storage %q", ErrUnsupported, kind)
	}
	idFiles := exists(filepath.Join(files, immutableMappings)) || exists(filepath.Join(files, mutableMappings))
	hasDB := exists(filepath.Join(dbDir, "CURRENT")) || exists(filepath.Join(dbDir, "meta"))
	if (needDB || !idFiles) && !hasDB {
		return nil, fmt.Errorf("%w: segment has no RocksDB database and no id tracker files this reader knows", ErrUnsupported)
	}

	var db *rocksdb.DB
	if hasDB {
		db, err = rocksdb.Open(ctx, dbDir)
		if errors.Is(err, rocksdb.ErrUnsupported) {
			return nil, fmt.Errorf("%w: %v", ErrUnsupported, err)
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrFormat, err)
		}
	}
	var pts []segPoint
	switch {
	case exists(filepath.Join(files, immutableMappings)):
		// Qdrant 1.11 and later keep an optimized segment's ids in files,
		pts, err = readImmutableIDs(files)
	case exists(filepath.Join(files, mutableMappings)):
		// and from 1.14 an appendable segment's too.
		pts, err = readMutableIDs(files)
	default:
		pts, err = readIDs(db)
		if err == nil {
			readVersions(db, pts)
		}
	}
	if err != nil {
		return nil, err
	}
	if len(pts) == 0 && db != nil && (db.Len(cfPayload) > 0 || db.Len(vectorCF(vname)) > 0) {
		// Data without ids: an id tracker this reader does not know.
		// Reading on would drop the segment's points without a word.
		return nil, fmt.Errorf("%w: segment stores payloads or vectors but no point ids this reader can find", ErrUnsupported)
	}
	byInternal := make(map[uint32]*segPoint, len(pts))
	for i := range pts {
		byInternal[pts[i].internal] = &pts[i]
	}
	if err := readPayload(db, byInternal); err != nil {
		return nil, err
	}
	if err := readVectors(db, byInternal); err != nil {
		return nil, err
	}
	return pts, nil
}

// storageKind reads a storage type that Qdrant writes either as a string
// ("Memory") or as an object with a "type" field ({"type": "on_disk"}).
func storageKind(raw json.RawMessage) string {
	if len(raw) == 0 {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var o struct {
		Type string `json:"type"`
	}
	if json.Unmarshal(raw, &o) == nil {
		return o.Type
	}
	return string(raw)
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// vectorDir is the folder of a vector's file storage: "vector_storage" for
// the unnamed vector, "vector_storage-<name>" for a named one. The RocksDB
// column family follows the same rule with "vector".
func vectorDir(name string) string {
	if name == "" {
		return "vector_storage"
	}
	return "vector_storage-" + name
}

func vectorCF(name string) string {
	if name == "" {
		return cfVector
	}
	return cfVector + "-" + name
}

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
			v[i] = float16.Frombits(binary.LittleEndian.Uint16(b[2*i:])).Float32()
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
