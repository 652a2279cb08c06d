package rocksdb

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// DB is the live view of a RocksDB database as RocksDB itself would show it
// after recovery, held entirely in memory. A DB is immutable once Open
// returns and is safe for concurrent use; its zero value is not usable.
type DB struct {
	cfs   map[string]*columnFamily
	stats loadStats
}

// loadStats describes what Open read; tests use it to check that a case
// exercises what it means to.
type loadStats struct {
	tables     int
	levels     map[uint32]int // level -> table count
	blocks     map[byte]int   // block compression type -> count
	walRecords int            // write batch operations replayed from WALs
	tombstones int            // range tombstones from tables and WALs
	hashBlocks int            // data blocks with a hash index
	kinds      map[string]int // "v<format_version>/c<checksum>/i<index type>" -> table count
}

// columnFamily holds the live entries of one column family, sorted by key.
type columnFamily struct {
	keys   [][]byte
	values [][]byte
}

// Open reads the database in dir: either a RocksDB database directory
// (CURRENT, MANIFEST-*, *.sst, *.log) or a BackupEngine directory (meta/,
// private/, shared/ or shared_checksum/), in which case the backup with the
// highest id is read, after checking every file against the sizes and
// crc32c checksums recorded in its meta file.
//
// Open reads every live table and WAL file in full and keeps the resulting
// key/value pairs in memory; nothing in dir is written or locked. For each
// (column family, key) the entry with the highest sequence number wins
// across all tables and WAL records; deletions, single deletions and range
// deletions hide older entries. A torn last WAL record is ignored, as with
// RocksDB's kTolerateCorruptedTailRecords. Malformed input yields an error
// wrapping ErrCorrupt; live merge operands, blob indexes and other features
// this package does not read yield an error wrapping ErrUnsupported that
// names the column family.
func Open(ctx context.Context, dir string) (*DB, error) {
	var (
		fs  *fileSet
		db  *DB
		err error
	)
	if isBackupDir(dir) {
		fs, err = backupFiles(ctx, dir)
	} else {
		fs, err = dirFiles(dir)
	}
	if err == nil {
		db, err = load(ctx, fs)
	}
	if err != nil {
		return nil, fmt.Errorf("rocksdb: open %s: %w", dir, err)
	}
	return db, nil
}

// ColumnFamilies returns the names of the column families, sorted.
func (db *DB) ColumnFamilies() []string {
	names := make([]string, 0, len(db.cfs))
	for n := range db.cfs {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Scan calls fn for every live entry of column family cf in ascending
// bytewise key order and stops at the first error fn returns, which Scan
// returns. key and value belong to the DB: fn must not modify them, but may
// keep them. Scanning an unknown column family is an error.
func (db *DB) Scan(cf string, fn func(key, value []byte) error) error {
	c, ok := db.cfs[cf]
	if !ok {
		return fmt.Errorf("no column family %q", cf)
	}
	for i, k := range c.keys {
		if err := fn(k, c.values[i]); err != nil {
			return err
		}
	}
	return nil
}

// Get returns the live value of key in column family cf, and whether there
// is one (false too for an unknown column family). The value belongs to the
// DB and must not be modified.
func (db *DB) Get(cf string, key []byte) ([]byte, bool) {
	c, ok := db.cfs[cf]
	if !ok {
		return nil, false
	}
	i := sort.Search(len(c.keys), func(i int) bool { return bytes.Compare(c.keys[i], key) >= 0 })
	if i < len(c.keys) && bytes.Equal(c.keys[i], key) {
		return c.values[i], true
	}
	return nil, false
}

// Len returns the number of live entries in column family cf (0 when there
// is no such family).
func (db *DB) Len(cf string) int {
	if c, ok := db.cfs[cf]; ok {
		return len(c.keys)
	}
	return 0
}

// fileSet names the files of one database wherever they are stored: in a
// database directory or spread over a backup.
type fileSet struct {
	desc     string                            // for error messages
	read     func(name string) ([]byte, error) // name as listed below
	current  string                            // name of CURRENT
	private  string                            // directory (name prefix) of CURRENT and MANIFEST
	tables   map[uint64]string
	wals     map[uint64]string
	allNames []string // every file that must exist (backups only)
}

// fileNumber parses the leading decimal file number of a base name such as
// "000012.log" or "000025_s9A3F_1010.sst".
func fileNumber(base string) (uint64, bool) {
	end := strings.IndexFunc(base, func(r rune) bool { return r < '0' || r > '9' })
	if end <= 0 {
		return 0, false
	}
	n, err := strconv.ParseUint(base[:end], 10, 64)
	return n, err == nil
}

func classify(fs *fileSet, name string) {
	base := path.Base(name)
	n, ok := fileNumber(base)
	if !ok {
		return
	}
	switch {
	case strings.HasSuffix(base, ".sst"), strings.HasSuffix(base, ".ldb"):
		fs.tables[n] = name
	case strings.HasSuffix(base, ".log"):
		fs.wals[n] = name
	}
}

func dirFiles(dir string) (*fileSet, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("%w", err)
	}
	fs := &fileSet{
		read:    func(name string) ([]byte, error) { return os.ReadFile(filepath.Join(dir, name)) },
		current: "CURRENT",
		tables:  map[uint64]string{},
		wals:    map[uint64]string{},
	}
	for _, e := range ents {
		if !e.IsDir() {
			classify(fs, e.Name())
		}
	}
	return fs, nil
}

func backupFiles(ctx context.Context, dir string) (*fileSet, error) {
	meta, err := latestBackup(dir)
	if err != nil {
		return nil, err
	}
	byName := map[string]backupFile{}
	fs := &fileSet{
		desc: fmt.Sprintf("backup %d: ", meta.id),
		read: func(name string) ([]byte, error) {
			f, ok := byName[name]
			if !ok {
				return nil, corruptf("backup: file %s is not listed in the backup meta", name)
			}
			return readBackupFile(dir, f)
		},
		private: fmt.Sprintf("private/%d/", meta.id),
		tables:  map[uint64]string{},
		wals:    map[uint64]string{},
	}
	fs.current = fs.private + "CURRENT"
	for _, f := range meta.files {
		byName[f.path] = f
		fs.allNames = append(fs.allNames, f.path)
		if strings.HasPrefix(f.path, fs.private) || strings.HasPrefix(f.path, "shared/") || strings.HasPrefix(f.path, "shared_checksum/") {
			classify(fs, f.path)
		}
	}
	// Every file the meta names must be there, needed for reading or not.
	for _, name := range fs.allNames {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		st, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			return nil, fmt.Errorf("backup %d: file named in meta: %w", meta.id, err)
		}
		if f := byName[name]; f.hasSz && st.Size() != f.size {
			return nil, corruptf("backup %d: file %s has %d bytes, meta says %d", meta.id, name, st.Size(), f.size)
		}
	}
	return fs, nil
}

// memCF accumulates the entries of one column family during recovery.
type memCF struct {
	name   string
	latest map[string]internalEntry
	tombs  []tombstone
}

func (m *memCF) add(e internalEntry) {
	if old, ok := m.latest[string(e.key)]; ok && old.seq >= e.seq {
		return
	}
	m.latest[string(e.key)] = e
}

func load(ctx context.Context, fs *fileSet) (*DB, error) {
	cur, err := fs.read(fs.current)
	if err != nil {
		return nil, fmt.Errorf("%sreading CURRENT: %w", fs.desc, err)
	}
	mname := strings.TrimSuffix(string(cur), "\n")
	if !strings.HasPrefix(mname, "MANIFEST-") || strings.ContainsAny(mname, "/\\\n") {
		return nil, corruptf("%sCURRENT names %q, not a MANIFEST", fs.desc, mname)
	}
	mdata, err := fs.read(fs.private + mname)
	if err != nil {
		return nil, fmt.Errorf("%sreading %s: %w", fs.desc, mname, err)
	}
	man, err := readManifest(mdata)
	if err != nil {
		return nil, fmt.Errorf("%s%w", fs.desc, err)
	}

	mems := map[uint32]*memCF{}
	for id, cf := range man.cfs {
		mems[id] = &memCF{name: cf.name, latest: map[string]internalEntry{}}
	}
	c := codecs{seen: map[byte]int{}}
	defer c.close()
	stats := loadStats{levels: map[uint32]int{}, blocks: c.seen, kinds: map[string]int{}}

	// Tables, in file number order (any order gives the same result).
	ids := make([]uint32, 0, len(man.cfs))
	for id := range man.cfs {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		cf, mem := man.cfs[id], mems[id]
		nums := make([]uint64, 0, len(cf.files))
		for n := range cf.files {
			nums = append(nums, n)
		}
		sort.Slice(nums, func(i, j int) bool { return nums[i] < nums[j] })
		for _, n := range nums {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			name, ok := fs.tables[n]
			if !ok {
				return nil, corruptf("%stable file %06d of column family %q is missing", fs.desc, n, cf.name)
			}
			data, err := fs.read(name)
			if err != nil {
				return nil, fmt.Errorf("%s%w", fs.desc, err)
			}
			stats.tables++
			stats.levels[cf.files[n]]++
			props, err := readTable(data, name, &c, tableSink{
				entry: func(e internalEntry) error { mem.add(e); return nil },
				tombstone: func(t tombstone) error {
					mem.tombs = append(mem.tombs, t)
					return nil
				},
			})
			if err != nil {
				return nil, fmt.Errorf("%s%w", fs.desc, err)
			}
			stats.kinds[fmt.Sprintf("v%d/c%d/i%d", props.formatVersion, props.checksumType, props.indexType)]++
			if props.hasCFName && props.cfName != cf.name {
				return nil, corruptf("%stable %s belongs to column family %q, MANIFEST lists it under %q", fs.desc, name, props.cfName, cf.name)
			}
		}
	}

	// WALs newer than what every family has flushed, oldest first.
	minLog := man.minLogNumber()
	var logs []uint64
	for n := range fs.wals {
		if n >= minLog {
			logs = append(logs, n)
		}
	}
	sort.Slice(logs, func(i, j int) bool { return logs[i] < logs[j] })
	for _, n := range logs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		name := fs.wals[n]
		data, err := fs.read(name)
		if err != nil {
			return nil, fmt.Errorf("%s%w", fs.desc, err)
		}
		err = readLog(data, n, true, func(rec []byte) error {
			return decodeWriteBatch(rec, func(op batchOp) error {
				cf, ok := man.cfs[op.cf]
				if !ok || n < cf.logNumber {
					// Dropped family, or already flushed to tables.
					return nil
				}
				mem := mems[op.cf]
				stats.walRecords++
				key := append([]byte(nil), op.key...)
				if op.kind == typeRangeDeletion {
					mem.tombs = append(mem.tombs, tombstone{start: key, end: append([]byte(nil), op.value...), seq: op.seq})
					return nil
				}
				mem.add(internalEntry{key: key, seq: op.seq, kind: op.kind, value: append([]byte(nil), op.value...)})
				return nil
			})
		})
		if err != nil {
			return nil, fmt.Errorf("%sWAL %s: %w", fs.desc, name, err)
		}
	}

	db := &DB{cfs: map[string]*columnFamily{}}
	for _, id := range ids {
		mem := mems[id]
		stats.tombstones += len(mem.tombs)
		cf, err := mem.resolve()
		if err != nil {
			return nil, fmt.Errorf("%s%w", fs.desc, err)
		}
		db.cfs[mem.name] = cf
	}
	stats.hashBlocks = c.hashIndexBlocks
	db.stats = stats
	return db, nil
}

// resolve applies tombstones and returns the live entries in key order.
func (m *memCF) resolve() (*columnFamily, error) {
	sort.Slice(m.tombs, func(i, j int) bool { return bytes.Compare(m.tombs[i].start, m.tombs[j].start) < 0 })
	covered := func(k []byte, seq uint64) bool {
		for _, t := range m.tombs {
			if bytes.Compare(t.start, k) > 0 {
				break
			}
			if t.seq > seq && bytes.Compare(k, t.end) < 0 {
				return true
			}
		}
		return false
	}
	cf := &columnFamily{}
	for _, e := range m.latest {
		switch e.kind {
		case typeDeletion, typeSingleDeletion:
			continue
		}
		if covered(e.key, e.seq) {
			continue
		}
		switch e.kind {
		case typeValue:
			cf.keys = append(cf.keys, e.key)
		case typeMerge:
			return nil, unsupportedf("column family %q: key %q: merge operands are not supported", m.name, e.key)
		case typeBlobIndex:
			return nil, unsupportedf("column family %q: key %q: blob index values (BlobDB) are not supported", m.name, e.key)
		case typeWideColumnEntity:
			return nil, unsupportedf("column family %q: key %q: wide-column entities are not supported", m.name, e.key)
		default:
			return nil, unsupportedf("column family %q: key %q: value type %#x is not supported", m.name, e.key, e.kind)
		}
	}
	sort.Slice(cf.keys, func(i, j int) bool { return bytes.Compare(cf.keys[i], cf.keys[j]) < 0 })
	cf.values = make([][]byte, len(cf.keys))
	for i, k := range cf.keys {
		cf.values[i] = m.latest[string(k)].value
	}
	return cf, nil
}
