package rocksdb

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/internal/sharedtest"
)

// ldbPath returns the ldb binary from RocksDB's tools, or ends the test
// with sharedtest.Missing.
func ldbPath(t testing.TB) string {
	t.Helper()
	return sharedtest.Tool(t, "ldb", "rocksdb-tools")
}

// ldb runs the ldb tool on the database dir with optional standard input
// and returns its standard output.
func ldb(t testing.TB, dir, stdin string, args ...string) string {
	t.Helper()
	cmd := exec.Command(ldbPath(t), append([]string{"--db=" + dir}, args...)...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("ldb %v: %v\n%s%s", args, err, out.String(), errb.String())
	}
	if strings.Contains(out.String(), "Failed") {
		t.Fatalf("ldb %v: %s", args, out.String())
	}
	return out.String()
}

// ldbScan returns ldb's view of one column family as "0xKEY : 0xVALUE"
// lines in upper case.
func ldbScan(t testing.TB, dir, cf string) []string {
	out := ldb(t, dir, "", "--hex", "--column_family="+cf, "scan")
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if l != "" {
			lines = append(lines, strings.ToUpper(l))
		}
	}
	return lines
}

// ourScan renders our view of one column family like ldbScan.
func ourScan(t testing.TB, db *DB, cf string) []string {
	t.Helper()
	var lines []string
	var prev []byte
	err := db.Scan(cf, func(k, v []byte) error {
		if prev != nil && bytes.Compare(prev, k) >= 0 {
			t.Fatalf("scan of %s out of order: %x then %x", cf, prev, k)
		}
		prev = k
		got, ok := db.Get(cf, k)
		if !ok || !bytes.Equal(got, v) {
			t.Fatalf("Get(%s, %x) = %x, %v; Scan gave %x", cf, k, got, ok, v)
		}
		lines = append(lines, strings.ToUpper(fmt.Sprintf("0x%x : 0x%x", k, v)))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return lines
}

func compareScans(t *testing.T, what string, want, got []string) {
	t.Helper()
	if len(want) != len(got) {
		t.Errorf("%s: ldb has %d entries, we have %d", what, len(want), len(got))
	}
	for i := 0; i < len(want) && i < len(got); i++ {
		if want[i] != got[i] {
			t.Fatalf("%s: entry %d: ldb %q, we %q", what, i, want[i], got[i])
		}
	}
}

// setOptions rewrites "name=value" lines of the newest OPTIONS file in dir,
// in every section, so that the next ldb run uses them.
func setOptions(t testing.TB, dir string, opts map[string]string) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "OPTIONS-*"))
	sort.Strings(files)
	if len(files) == 0 {
		t.Fatal("no OPTIONS file")
	}
	f := files[len(files)-1]
	data, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for k, v := range opts {
		re := regexp.MustCompile(`(?m)^(\s*` + regexp.QuoteMeta(k) + `=).*$`)
		if !re.MatchString(s) {
			t.Fatalf("option %s not in %s", k, f)
		}
		s = re.ReplaceAllString(s, "${1}"+v)
	}
	if err := os.WriteFile(f, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// keySpace makes n distinct keys sharing prefixes, as Qdrant's keys do,
// with some binary bytes.
func keySpace(r *rand.Rand, n int) [][]byte {
	seen := map[string]bool{}
	var keys [][]byte
	for len(keys) < n {
		var k []byte
		switch r.IntN(3) {
		case 0:
			k = fmt.Appendf(nil, "point/%08d", r.IntN(1_000_000))
		case 1:
			k = make([]byte, 1+r.IntN(24))
			for i := range k {
				k[i] = byte(r.IntN(256))
			}
		default:
			k = fmt.Appendf(nil, "p%d", r.IntN(50000))
		}
		if !seen[string(k)] {
			seen[string(k)] = true
			keys = append(keys, k)
		}
	}
	return keys
}

func randValue(r *rand.Rand) []byte {
	n := r.IntN(200)
	if r.IntN(10) == 0 {
		n = 1000 + r.IntN(3000)
	}
	v := make([]byte, n)
	// Compressible, but not trivially.
	for i := range v {
		if r.IntN(4) == 0 {
			v[i] = byte(r.IntN(256))
		} else {
			v[i] = byte('a' + i%7)
		}
	}
	return v
}

type ldbVariant struct {
	name        string
	wantKind    string // loadStats.kinds key every table must have
	compression string // ldb --compression_type and OPTIONS compression
	optCompress string
	wantType    byte
	opts        map[string]string
}

var ldbVariants = []ldbVariant{
	{"snappy-default", "v5/c4/i0", "snappy", "kSnappyCompression", compressionSnappy, nil},
	{"zlib-v4-crc32c", "v4/c1/i0", "zlib", "kZlibCompression", compressionZlib, map[string]string{
		"format_version": "4", "checksum": "kCRC32c"}},
	{"lz4-v3-partitioned-hash", "v3/c3/i2", "lz4", "kLZ4Compression", compressionLZ4, map[string]string{
		"format_version": "3", "index_type": "kTwoLevelIndexSearch", "metadata_block_size": "256",
		"data_block_index_type": "kDataBlockBinaryAndHash", "checksum": "kxxHash64"}},
	{"lz4hc-v5-firstkey", "v5/c4/i3", "lz4hc", "kLZ4HCCompression", compressionLZ4HC, map[string]string{
		"index_type": "kBinarySearchWithFirstKey", "index_block_restart_interval": "4"}},
	{"zstd-v2-xxhash", "v2/c2/i0", "zstd", "kZSTD", compressionZSTD, map[string]string{
		"format_version": "2", "checksum": "kxxHash"}},
	{"none-v5-hashsearch", "v5/c1/i1", "no", "kNoCompression", compressionNone, map[string]string{
		"index_type": "kHashSearch", "prefix_extractor": "rocksdb.FixedPrefix.1", "checksum": "kCRC32c"}},
}

var testCFs = []string{"default", "mapping", "payload", "vector"}

// buildLdbDB creates a database in dir with ldb from seeded random
// operations and leaves its last writes in the WAL.
func buildLdbDB(t *testing.T, dir string, v ldbVariant, seed uint64) {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	comp := "--compression_type=" + v.compression
	ldb(t, dir, "", "--create_if_missing", comp, "put", "seed", fmt.Sprint(seed))
	for _, cf := range testCFs[1:] {
		ldb(t, dir, "", "create_column_family", cf)
	}
	opts := map[string]string{
		"write_buffer_size": "131072", "arena_block_size": "16384", "target_file_size_base": "131072",
		"max_bytes_for_level_base": "262144", "level0_file_num_compaction_trigger": "3",
		"block_size": "1024", "compression": v.optCompress,
	}
	for k, val := range v.opts {
		opts[k] = val
	}
	setOptions(t, dir, opts)
	keys := map[string][][]byte{}
	for _, cf := range testCFs {
		keys[cf] = keySpace(r, 1500)
	}
	pick := func(cf string) string { ks := keys[cf]; return fmt.Sprintf("0x%x", ks[r.IntN(len(ks))]) }
	for round := 0; round < 4; round++ {
		for ci, cf := range testCFs {
			var load strings.Builder
			for i := 0; i < 500; i++ {
				fmt.Fprintf(&load, "%s ==> 0x%x\n", pick(cf), randValue(r))
			}
			ldb(t, dir, load.String(), "--hex", comp, "--column_family="+cf, "load")
			var q strings.Builder
			for i := 0; i < 60; i++ {
				if r.IntN(3) == 0 {
					fmt.Fprintf(&q, "put %s 0x%x\n", pick(cf), randValue(r))
				} else {
					fmt.Fprintf(&q, "delete %s\n", pick(cf))
				}
			}
			ldb(t, dir, q.String(), "--hex", comp, "--column_family="+cf, "query")
			if (round+ci)%3 == 0 {
				ldb(t, dir, "", comp, "--column_family="+cf, "compact")
			}
			if round == 2 && ci%2 == 1 {
				ldb(t, dir, "", "--hex", comp, "--column_family="+cf, "deleterange", "0x7031", "0x7033")
			}
		}
	}
	// Range tombstones that stay in L0 tables: compaction has not had a
	// chance to drop them.
	ldb(t, dir, "", "--hex", comp, "--column_family=default", "deleterange", "0x7034", "0x7036")
	ldb(t, dir, "", "--hex", comp, "--column_family=mapping", "deleterange", "0x01", "0x70")
	var q strings.Builder
	for i := 0; i < 20; i++ {
		fmt.Fprintf(&q, "put %s 0x%x\ndelete %s\n", pick("payload"), randValue(r), pick("payload"))
	}
	ldb(t, dir, q.String(), "--hex", comp, "--column_family=payload", "query")
}

// TestLdbWALOnly covers writes that only the WAL holds: a fresh database
// whose data was never flushed, and a range deletion in the WAL hiding keys
// of a table.
func TestLdbWALOnly(t *testing.T) {
	ldbPath(t)
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "db")
	ldb(t, dir, "", "--create_if_missing", "put", "k1", "v1")
	db, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := db.Get("default", []byte("k1")); !ok || string(v) != "v1" || db.stats.tables != 0 {
		t.Fatalf("fresh db: Get(k1) = %q, %v; %d tables", v, ok, db.stats.tables)
	}
	var load strings.Builder
	for i := 0; i < 300; i++ {
		fmt.Fprintf(&load, "key%03d ==> value%d\n", i, i)
	}
	ldb(t, dir, load.String(), "load")
	ldb(t, dir, "", "deleterange", "key100", "key200")
	ldb(t, dir, "delete key250\nput key251 new\n", "query")
	db, err = Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if db.stats.walRecords != 2 {
		t.Errorf("replayed %d WAL operations, want 2", db.stats.walRecords)
	}
	got := ourScan(t, db, "default")
	compareScans(t, "default", ldbScan(t, dir, "default"), got)
	if len(got) != 300+1-100-1 {
		t.Errorf("%d live keys, want 200", len(got))
	}

	// A value larger than a WAL block: the record is split into fragments.
	big := bytes.Repeat([]byte("0123456789abcdef"), 6000)
	ldb(t, dir, "", "put", "big", string(big))
	db, err = Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := db.Get("default", []byte("big")); !ok || !bytes.Equal(v, big) || db.stats.walRecords != 1 {
		t.Errorf("big WAL value: %d bytes, %v, %d WAL ops", len(v), ok, db.stats.walRecords)
	}
}

// TestLdbBlobFiles checks that a database whose values live in blob files
// (BlobDB) is refused rather than misread.
func TestLdbBlobFiles(t *testing.T) {
	ldbPath(t)
	dir := filepath.Join(t.TempDir(), "db")
	ldb(t, dir, "", "--create_if_missing", "--enable_blob_files", "--min_blob_size=0", "put", "k", "a blob value")
	ldb(t, dir, "", "--enable_blob_files", "--min_blob_size=0", "compact")
	_, err := Open(context.Background(), dir)
	if !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), "blob") {
		t.Fatalf("Open of a BlobDB database: %v", err)
	}
}

func TestLdbDifferential(t *testing.T) {
	ldbPath(t)
	ctx := context.Background()
	for i, v := range ldbVariants {
		t.Run(v.name, func(t *testing.T) {
			if testing.Short() && i > 1 {
				t.Skip("short mode")
			}
			dir := filepath.Join(t.TempDir(), "db")
			buildLdbDB(t, dir, v, uint64(i+1))

			db, err := Open(ctx, dir)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(db.ColumnFamilies(), ","); got != strings.Join(testCFs, ",") {
				t.Fatalf("column families %s, want %v", got, testCFs)
			}
			st := db.stats
			t.Logf("tables %d levels %v blocks by compression %v WAL ops %d kinds %v", st.tables, st.levels, st.blocks, st.walRecords, st.kinds)
			if st.kinds[v.wantKind] != st.tables {
				t.Errorf("tables by format/checksum/index type %v, want all %s", st.kinds, v.wantKind)
			}
			if wantHash := v.opts["data_block_index_type"] == "kDataBlockBinaryAndHash"; wantHash != (st.hashBlocks > 0) {
				t.Errorf("%d data blocks with a hash index", st.hashBlocks)
			}
			for _, cf := range testCFs[1:] {
				if n := db.Len(cf); n < 500 {
					t.Errorf("column family %s has only %d keys", cf, n)
				}
			}
			if st.tombstones == 0 {
				t.Error("no range tombstone read")
			}
			if st.walRecords == 0 {
				t.Error("no WAL records replayed: the WAL case is not exercised")
			}
			if len(st.levels) < 2 {
				t.Errorf("tables on %d levels only", len(st.levels))
			}
			if st.blocks[v.wantType] == 0 {
				t.Errorf("no block with compression type %#x", v.wantType)
			}
			ours := map[string][]string{}
			for _, cf := range testCFs {
				ours[cf] = ourScan(t, db, cf)
			}
			// ldb flushes the WAL when it opens the database, so it runs
			// after Open.
			for _, cf := range testCFs {
				compareScans(t, "dir/"+cf, ldbScan(t, dir, cf), ours[cf])
			}

			bdir := filepath.Join(t.TempDir(), "backup")
			ldb(t, dir, "", "backup", "--backup_dir="+bdir)
			bdb, err := Open(ctx, bdir)
			if err != nil {
				t.Fatal(err)
			}
			for _, cf := range testCFs {
				compareScans(t, "backup/"+cf, ours[cf], ourScan(t, bdb, cf))
			}
			if _, ok := db.Get("payload", []byte("no such key\x00")); ok {
				t.Error("Get found a key never written")
			}
			if _, ok := db.Get("nope", []byte("seed")); ok {
				t.Error("Get found a key in an unknown column family")
			}
			if err := db.Scan("nope", func(k, v []byte) error { return nil }); err == nil {
				t.Error("Scan of an unknown column family succeeded")
			}
		})
	}
}
