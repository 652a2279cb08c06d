package qdrantsnap

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

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
