package qdrantsnap

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/internal/sharedtest"
	"github.com/gaianet-go/gaianet/vectorstore"
	"github.com/pierrec/lz4/v4"
)

// fixtureCase is a collection snapshot made by Qdrant and the points its
// maker uploaded (testdata/README.md says where each comes from).
type fixtureCase struct {
	file, expected string
	vector         string // the dense vector's name
	segments       int
}

var (
	// Qdrant 1.7: named vector "image" beside a sparse one, points with
	// numeric and uuid1 ids, some without the dense vector.
	qdrant17 = fixtureCase{
		file:     "testdata/test_collection-7061706081153926-2023-12-14-10-39-41.snapshot.gz",
		expected: "testdata/test_collection-7061706081153926-2023-12-14-10-39-41.expected.json.gz",
		vector:   "image", segments: 2,
	}
	// Qdrant 1.3: one unnamed vector, as GaiaNet's knowledge bases have.
	qdrant13 = fixtureCase{
		file:     "testdata/qdrant-1.3-unnamed-vector.snapshot.gz",
		expected: "testdata/qdrant-1.3-unnamed-vector.expected.json.gz",
		vector:   "", segments: 2,
	}
	fixture = qdrant17.file
)

// expectedPoint is one point as Qdrant's populate_db.py uploaded it.
type expectedPoint struct {
	ID      any            `json:"id"` // a number, a UUID string, or nil for an unrecorded uuid1
	Image   []float64      `json:"image"`
	Payload map[string]any `json:"payload"`
}

func loadExpected(t *testing.T, path string) []expectedPoint {
	t.Helper()
	var exp []expectedPoint
	if err := json.Unmarshal(sharedtest.ReadGzip(t, path), &exp); err != nil {
		t.Fatal(err)
	}
	return exp
}

// fixtureBytes is the Qdrant 1.7 collection snapshot, uncompressed.
func fixtureBytes(t *testing.T) []byte { return sharedtest.ReadGzip(t, fixture) }

func f32s(v []float64) []float32 {
	out := make([]float32, len(v))
	for i, x := range v {
		out[i] = float32(x)
	}
	return out
}

// normalized passes a payload through JSON, as the store keeps payloads.
func normalized(t *testing.T, m map[string]any) map[string]any {
	t.Helper()
	if len(m) == 0 {
		return nil
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// sameJSON compares decoded JSON values, numbers to within 2 units in the
// last place: Qdrant 1.7 parsed JSON numbers with serde_json's fast path,
// which can round the last bit differently from a correct parse.
func sameJSON(a, b any) bool {
	switch a := a.(type) {
	case map[string]any:
		b, ok := b.(map[string]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for k, v := range a {
			if w, ok := b[k]; !ok || !sameJSON(v, w) {
				return false
			}
		}
		return true
	case []any:
		b, ok := b.([]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for i := range a {
			if !sameJSON(a[i], b[i]) {
				return false
			}
		}
		return true
	case float64:
		b, ok := b.(float64)
		return ok && math.Abs(a-b) <= 2*math.Abs(math.Nextafter(a, math.Inf(1))-a)
	}
	return reflect.DeepEqual(a, b)
}

// uuid1Time is a version-1 UUID's 60-bit timestamp.
func uuid1Time(u [16]byte) uint64 {
	low := uint64(binary.BigEndian.Uint32(u[0:4]))
	mid := uint64(binary.BigEndian.Uint16(u[4:6]))
	hi := uint64(binary.BigEndian.Uint16(u[6:8]) & 0x0fff)
	return hi<<48 | mid<<32 | low
}

// checkFixture compares what was read from the Qdrant 1.7 fixture with the
// points populate_db.py uploaded: every vector bit for bit (as float32, the
// type Qdrant stores), every payload, every numeric id, and the uuid1 ids in
// upload order.
func checkFixture(t *testing.T, c *Collection, fx fixtureCase) {
	t.Helper()
	exp := loadExpected(t, fx.expected)
	if c.Vector != fx.vector || c.Dim != 256 || c.Distance != vectorstore.Dot || c.Segments != fx.segments {
		t.Errorf("read vector %q dim %d distance %s from %d segments, want %q 256 Dot %d", c.Vector, c.Dim, c.Distance, c.Segments, fx.vector, fx.segments)
	}
	var wantWith, wantWithout int
	for _, e := range exp {
		if e.Image != nil {
			wantWith++
		} else {
			wantWithout++
		}
	}
	if len(c.Points) != wantWith || c.WithoutVector != wantWithout {
		t.Fatalf("read %d points with the vector and %d without, want %d and %d", len(c.Points), c.WithoutVector, wantWith, wantWithout)
	}
	var uuids []vectorstore.Point
	byNum := map[uint64]vectorstore.Point{}
	for _, p := range c.Points {
		if p.ID.IsUUID() {
			uuids = append(uuids, p)
		} else {
			byNum[p.ID.Num()] = p
		}
	}
	// uuid1 ids grow with time, so sorting by timestamp gives upload order.
	slices.SortFunc(uuids, func(a, b vectorstore.Point) int {
		ta, tb := uuid1Time(a.ID.UUID()), uuid1Time(b.ID.UUID())
		switch {
		case ta < tb:
			return -1
		case ta > tb:
			return 1
		}
		return 0
	})
	byUUID := map[vectorstore.PointID]vectorstore.Point{}
	for _, p := range uuids {
		byUUID[p.ID] = p
	}
	next, named := 0, 0
	for i, e := range exp {
		var id *vectorstore.PointID
		switch v := e.ID.(type) {
		case float64:
			n := vectorstore.NumID(uint64(v))
			id = &n
		case string:
			u, err := vectorstore.ParsePointID(v)
			if err != nil {
				t.Fatal(err)
			}
			id = &u
			named++
		}
		if e.Image == nil {
			if id != nil {
				if _, ok := byNum[id.Num()]; ok && !id.IsUUID() {
					t.Errorf("point %s has no vector but was read with one", id)
				}
			}
			continue
		}
		var got vectorstore.Point
		switch {
		case id != nil && id.IsUUID():
			p, ok := byUUID[*id]
			if !ok {
				t.Errorf("point %s missing", id)
				continue
			}
			got = p
		case id != nil:
			p, ok := byNum[id.Num()]
			if !ok {
				t.Errorf("point %s missing", id)
				continue
			}
			got = p
		default:
			if next >= len(uuids) {
				t.Fatalf("expected point %d: ran out of uuid points", i)
			}
			got = uuids[next]
			next++
			if u := got.ID.UUID(); u[6]>>4 != 1 {
				t.Errorf("point %s is not a version-1 UUID", got.ID)
			}
		}
		if !slices.Equal(got.Vector, f32s(e.Image)) {
			t.Errorf("point %d (%s): vector differs", i, got.ID)
		}
		if want := normalized(t, e.Payload); !sameJSON(got.Payload, want) {
			t.Errorf("point %d (%s): payload\n got %v\nwant %v", i, got.ID, got.Payload, want)
		}
	}
	if next+named != len(uuids) {
		t.Errorf("%d uuid points read, %d expected", len(uuids), next+named)
	}
}

func TestReadQdrantFixtures(t *testing.T) {
	for _, fx := range []fixtureCase{qdrant17, qdrant13} {
		t.Run(filepath.Base(fx.file), func(t *testing.T) {
			c, err := ReadFile(context.Background(), fx.file, Options{TempDir: t.TempDir()})
			if err != nil {
				t.Fatal(err)
			}
			if want := nameFromFile(filepath.Base(fx.file)); c.Name != want {
				t.Errorf("name %q, want %q", c.Name, want)
			}
			checkFixture(t, c, fx)
		})
	}
}

// tarOf builds a tar archive of the named files, in order.
func tarOf(t *testing.T, files ...any) []byte {
	t.Helper()
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for i := 0; i < len(files); i += 2 {
		name, data := files[i].(string), files[i+1].([]byte)
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(data)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func gzipped(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestReadWrappings reads the fixture as GaiaNet and Qdrant package
// snapshots: plain, gzipped, inside a .tar.gz (GaiaNet's
// "*.snapshot.tar.gz"), and inside a full-storage snapshot with another
// collection beside it.
func TestReadWrappings(t *testing.T) {
	snap := fixtureBytes(t)
	full := tarOf(t,
		"other-1-2023-12-14-10-39-41.snapshot", snap,
		"test_collection-1-2023-12-14-10-39-41.snapshot", snap,
		"config.json", []byte(`{"collections_mapping":{"test_collection":"test_collection-1-2023-12-14-10-39-41.snapshot",
			"other":"other-1-2023-12-14-10-39-41.snapshot"},"collections_aliases":{}}`))
	for _, tc := range []struct {
		name    string
		data    []byte
		opts    Options
		wantErr string
	}{
		{name: "plain", data: snap},
		{name: "gzip", data: gzipped(t, snap)},
		{name: "tar.gz", data: gzipped(t, tarOf(t, "default.snapshot", snap))},
		{name: "tar.gz in a folder", data: gzipped(t, tarOf(t, "kb/paris.snapshot", snap))},
		{name: "full storage", data: full, opts: Options{Collection: "test_collection"}},
		{name: "full storage, no choice", data: full, wantErr: `2 collections ("other", "test_collection")`},
		{name: "full storage, unknown", data: full, opts: Options{Collection: "nope"}, wantErr: `no collection "nope"`},
		{name: "unknown vector", data: snap, opts: Options{Vector: "text"}, wantErr: `no vector "text"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.TempDir = t.TempDir()
			c, err := Read(context.Background(), bytes.NewReader(tc.data), tc.opts)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkFixture(t, c, qdrant17)
			if ents, _ := os.ReadDir(tc.opts.TempDir); len(ents) != 0 {
				t.Errorf("scratch directory not cleaned up: %d entries left", len(ents))
			}
		})
	}
}

// TestReadDamaged feeds damaged and hostile archives: each gives an error
// wrapping ErrFormat, never a panic or a file outside the scratch directory.
func TestReadDamaged(t *testing.T) {
	snap := fixtureBytes(t)
	gz := gzipped(t, snap)
	// A flipped byte inside a segment's RocksDB table (found by name).
	flipped := bytes.Clone(snap)
	if i := bytes.Index(flipped, []byte("shared_checksum/000020_")); i < 0 {
		t.Fatal("fixture layout changed")
	} else {
		flipped[i+512+2000] ^= 0x40
	}
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"not an archive", []byte(strings.Repeat("hello ", 200))},
		{"truncated gzip", gz[:len(gz)/2]},
		{"truncated tar", snap[:len(snap)/3]},
		{"escaping path", tarOf(t, "../evil.txt", []byte("x"))},
		{"absolute path", tarOf(t, "/tmp/evil.txt", []byte("x"))},
		{"no config", tarOf(t, "0/segments/readme.txt", []byte("x"))},
		{"bad config", tarOf(t, "config.json", []byte("{"))},
		{"mapping outside", tarOf(t, "config.json", []byte(`{"collections_mapping":{"a":"../../etc"}}`))},
		{"flipped byte in a table", flipped},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			_, err := Read(context.Background(), bytes.NewReader(tc.data), Options{TempDir: dir})
			if !errors.Is(err, ErrFormat) {
				t.Fatalf("err = %v, want ErrFormat", err)
			}
			if _, err := os.Stat(filepath.Join(filepath.Dir(dir), "evil.txt")); err == nil {
				t.Fatal("an archive entry escaped the scratch directory")
			}
		})
	}
}

func TestImportAny(t *testing.T) {
	ctx := context.Background()
	store, err := vectorstore.Open(ctx, t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	snap := fixtureBytes(t)

	// A dimension that does not fit is refused and changes nothing.
	_, _, err = ImportAny(ctx, store, bytes.NewReader(snap), ImportOptions{Target: "kb", Dim: 768, Options: Options{TempDir: t.TempDir()}})
	if !errors.Is(err, vectorstore.ErrMismatch) {
		t.Fatalf("dim 768: err = %v, want ErrMismatch", err)
	}
	if len(store.ListCollections()) != 0 {
		t.Fatal("a refused import created a collection")
	}

	info, c, err := ImportAny(ctx, store, bytes.NewReader(snap), ImportOptions{Target: "kb", Dim: 256, EmbeddingModel: "m", Options: Options{TempDir: t.TempDir()}})
	if err != nil {
		t.Fatal(err)
	}
	if c == nil || info.Points != len(c.Points) || info.Config.Distance != vectorstore.Dot || info.Config.EmbeddingModel != "m" {
		t.Fatalf("imported %+v", info)
	}
	// Every point is found by its own vector, with its payload.
	for _, p := range c.Points[:10] {
		res, err := store.Search(ctx, "kb", vectorstore.SearchRequest{Vector: p.Vector, Limit: 1, With: vectorstore.With{WithPayload: true}})
		if err != nil || len(res) != 1 || res[0].ID != p.ID || !reflect.DeepEqual(res[0].Payload, p.Payload) {
			t.Fatalf("search for %s: %v %+v", p.ID, err, res)
		}
		if want := dot(p.Vector, p.Vector); math.Abs(float64(res[0].Score-want)) > 1e-3*math.Abs(float64(want)) {
			t.Errorf("score %v, want %v", res[0].Score, want)
		}
	}

	// The store's own snapshot format still goes through ImportAny.
	var own bytes.Buffer
	if err := store.ExportSnapshot(ctx, "kb", &own); err != nil {
		t.Fatal(err)
	}
	info2, c2, err := ImportAny(ctx, store, &own, ImportOptions{Target: "copy"})
	if err != nil || c2 != nil || info2.Points != info.Points {
		t.Fatalf("own format: %v %v %+v", err, c2, info2)
	}
}

func dot(a, b []float32) float32 {
	var s float32
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

func TestNameFromFile(t *testing.T) {
	for in, want := range map[string]string{
		"test_collection-7061706081153926-2023-12-14-10-39-41.snapshot":    "test_collection",
		"my-kb-7061706081153926-2023-12-14-10-39-41.snapshot.d":            "my-kb",
		"test_collection-7061706081153926-2023-12-14-10-39-41.snapshot.gz": "test_collection",
		"paris_768_nomic-embed-text-v1.5-f16.snapshot":                     "",
		"default.snapshot": "",
	} {
		if got := nameFromFile(in); got != want {
			t.Errorf("nameFromFile(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDecodeStoredID(t *testing.T) {
	u := [16]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}
	for _, id := range []vectorstore.PointID{vectorstore.NumID(0), vectorstore.NumID(1<<64 - 1), vectorstore.UUIDID(u)} {
		got, err := decodeStoredID(encodeStoredID(id))
		if err != nil || got != id {
			t.Errorf("round trip of %s: %s, %v", id, got, err)
		}
	}
	raw := append([]byte{1, 0, 0, 0}, u[:]...) // a UUID without serde's length prefix
	if got, err := decodeStoredID(raw); err != nil || got != vectorstore.UUIDID(u) {
		t.Errorf("bare UUID: %s, %v", got, err)
	}
	for _, bad := range [][]byte{nil, {0, 0, 0}, {0, 0, 0, 0, 1}, {1, 0, 0, 0, 16}, {2, 0, 0, 0, 'a'}} {
		if _, err := decodeStoredID(bad); err == nil {
			t.Errorf("decodeStoredID(%x) accepted", bad)
		}
	}
}

// TestReadImmutableIDs decodes the immutable id tracker files as Qdrant 1.11
// writes them (bytes built here from its format; no fixture of that version
// is at hand): deleted entries are skipped, versions read by internal id.
func TestReadImmutableIDs(t *testing.T) {
	u := [16]byte{0xa1, 2, 3, 4, 5, 6, 0x17, 8, 9, 10, 11, 12, 13, 14, 15, 16}
	var m []byte
	m = binary.LittleEndian.AppendUint64(m, 3)
	m = append(m, 0)
	m = binary.LittleEndian.AppendUint64(m, 42)
	m = binary.LittleEndian.AppendUint32(m, 0)
	m = append(m, 1)
	m = append(m, u[:]...)
	m = binary.LittleEndian.AppendUint32(m, 1)
	m = append(m, 0)
	m = binary.LittleEndian.AppendUint64(m, 7)
	m = binary.LittleEndian.AppendUint32(m, 2)
	var ver []byte
	for _, v := range []uint64{10, 11, 12} {
		ver = binary.LittleEndian.AppendUint64(ver, v)
	}
	write := func(dir string, mappings, deleted []byte) {
		for name, b := range map[string][]byte{immutableMappings: mappings, immutableDeleted: deleted, immutableVersions: ver} {
			if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	dir := t.TempDir()
	write(dir, m, []byte{0b100, 0, 0, 0, 0, 0, 0, 0}) // entry 2 (id 7) deleted
	pts, err := readImmutableIDs(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []segPoint{{id: vectorstore.NumID(42), internal: 0, version: 10}, {id: vectorstore.UUIDID(u), internal: 1, version: 11}}
	if !reflect.DeepEqual(pts, want) {
		t.Fatalf("got %+v, want %+v", pts, want)
	}
	for _, bad := range [][]byte{m[:5], m[:len(m)-1], append(bytes.Clone(m[:8]), 9)} {
		write(dir, bad, []byte{0})
		if _, err := readImmutableIDs(dir); !errors.Is(err, ErrFormat) {
			t.Errorf("mappings %x: err = %v, want ErrFormat", bad, err)
		}
	}
}

// TestSegmentLayouts checks that segment.json layouts this package does not
// read are refused by name with ErrUnsupported, and malformed ones with
// ErrFormat, before any data is read.
func TestSegmentLayouts(t *testing.T) {
	vec := func(extra string) string {
		return `{"version":1,"config":{"vector_data":{"":{"size":4,"distance":"Dot"` + extra + `}}` +
			`,"payload_storage_type":{"type":"on_disk"}}}`
	}
	for _, tc := range []struct {
		name, segment string
		want          error
		msg           string
	}{
		{"multivector", vec(`,"multivector_config":{"comparator":"max_sim"}`), ErrUnsupported, "multivector"},
		{"unknown storage", vec(`,"storage_type":"Tape"`), ErrUnsupported, `vector storage "Tape"`},
		{"unknown datatype", vec(`,"datatype":"bfloat16"`), ErrUnsupported, `datatype "bfloat16"`},
		{"unknown payloads", `{"version":1,"config":{"vector_data":{"":{"size":4,"storage_type":"Memory"}},"payload_storage_type":{"type":"tape"}}}`,
			ErrUnsupported, `payload storage "tape"`},
		{"no RocksDB", vec(`,"storage_type":"Memory"`), ErrUnsupported, "no RocksDB"},
		{"other dimension", `{"config":{"vector_data":{"":{"size":8}}}}`, ErrFormat, "dimension 8"},
		{"other vector", `{"config":{"vector_data":{"img":{"size":4}}}}`, ErrFormat, `no vector ""`},
		{"not JSON", `{`, ErrFormat, "segment.json"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			seg := t.TempDir()
			if err := os.WriteFile(filepath.Join(seg, "segment.json"), []byte(tc.segment), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := readSegment(context.Background(), seg, "", 4)
			if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.msg) {
				t.Fatalf("err = %v, want %v containing %q", err, tc.want, tc.msg)
			}
		})
	}
}

// TestReadMutableIDs replays the mutable id tracker's change log as Qdrant
// 1.14 writes it (bytes built here from its format): inserts, a delete, an
// internal id taken over by another point, a re-inserted id, a torn tail.
func TestReadMutableIDs(t *testing.T) {
	u := [16]byte{0xb2, 2, 3, 4, 5, 6, 0x47, 8, 9, 10, 11, 12, 13, 14, 15, 16}
	var m []byte
	insNum := func(id uint64, internal uint32) {
		m = append(m, 1)
		m = binary.LittleEndian.AppendUint64(m, id)
		m = binary.LittleEndian.AppendUint32(m, internal)
	}
	insNum(10, 0)
	m = append(append(m, 2), u[:]...)
	m = binary.LittleEndian.AppendUint32(m, 1)
	insNum(11, 2)
	m = binary.LittleEndian.AppendUint64(append(m, 3), 11) // delete 11
	insNum(12, 0)                                          // 12 takes internal 0 over from 10
	insNum(13, 3)
	insNum(13, 4) // 13 moves to internal 4
	m = append(m, 1, 0xff, 0xff)
	var ver []byte
	for _, v := range []uint64{20, 21, 22, 23, 24} {
		ver = binary.LittleEndian.AppendUint64(ver, v)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, mutableMappings), m, 0o644)
	os.WriteFile(filepath.Join(dir, mutableVersions), ver, 0o644)
	pts, err := readMutableIDs(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []segPoint{
		{id: vectorstore.NumID(12), internal: 0, version: 20},
		{id: vectorstore.UUIDID(u), internal: 1, version: 21},
		{id: vectorstore.NumID(13), internal: 4, version: 24},
	}
	if !reflect.DeepEqual(pts, want) {
		t.Fatalf("got %+v\nwant %+v", pts, want)
	}
	os.WriteFile(filepath.Join(dir, mutableMappings), []byte{9, 0, 0}, 0o644)
	if _, err := readMutableIDs(dir); !errors.Is(err, ErrFormat) {
		t.Fatalf("bad change type: %v", err)
	}
}

// TestSegmentWithoutIDs makes, with RocksDB's ldb, a segment database that
// holds a payload but no id mapping (an id tracker this reader would not
// know): it must be refused, not read as an empty segment.
func TestSegmentWithoutIDs(t *testing.T) {
	ldb := sharedtest.Tool(t, "ldb", "rocksdb-tools")
	seg := t.TempDir()
	db := filepath.Join(seg, "db")
	for _, args := range [][]string{
		{"--db=" + db, "--create_if_missing", "put", "version", "1"},
		{"--db=" + db, "create_column_family", "payload"},
		{"--db=" + db, "--column_family=payload", "--key_hex", "--value_hex", "put", "0x00", "0xa0"},
	} {
		if out, err := exec.Command(ldb, args...).CombinedOutput(); err != nil {
			t.Fatalf("ldb %v: %v\n%s", args, err, out)
		}
	}
	// Lay it out as a pre-0.11 segment: RocksDB files beside segment.json.
	ents, _ := os.ReadDir(db)
	for _, e := range ents {
		os.Rename(filepath.Join(db, e.Name()), filepath.Join(seg, e.Name()))
	}
	os.WriteFile(filepath.Join(seg, "segment.json"), []byte(`{"config":{"vector_data":{"":{"size":4,"storage_type":"Memory"}}}}`), 0o644)
	_, err := readSegment(context.Background(), seg, "", 4)
	if !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), "no point ids") {
		t.Fatalf("err = %v, want ErrUnsupported about missing point ids", err)
	}
}

// TestReadStreamableLayout repacks the Qdrant 1.3 fixture's segments the way
// Qdrant's streamable snapshots lay them out (db_backup and files/ in a
// folder named after the segment, no nested archive) and reads the same
// points.
func TestReadStreamableLayout(t *testing.T) {
	in := tar.NewReader(bytes.NewReader(sharedtest.ReadGzip(t, qdrant13.file)))
	var files []any
	for {
		h, err := in.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		data, _ := io.ReadAll(in)
		name := strings.TrimPrefix(h.Name, "./")
		if !strings.HasSuffix(name, ".tar") {
			files = append(files, name, data)
			continue
		}
		seg := tar.NewReader(bytes.NewReader(data))
		for {
			sh, err := seg.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			if sh.Typeflag != tar.TypeReg {
				continue
			}
			sdata, _ := io.ReadAll(seg)
			files = append(files, strings.TrimSuffix(name, ".tar")+"/"+strings.TrimPrefix(sh.Name, "snapshot/"), sdata)
		}
	}
	c, err := Read(context.Background(), bytes.NewReader(tarOf(t, files...)), Options{TempDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	checkFixture(t, c, qdrant13)
}

// TestSegmentWithoutRocksDB reads a segment laid out as Qdrant 1.15 and
// later can write one, with no RocksDB at all: the mutable id tracker,
// vectors in chunked files and payloads in Qdrant's gridstore (LZ4, a value
// spanning two pages). The files are built here from the formats as Qdrant's
// source describes them; no snapshot of those versions was at hand.
func TestSegmentWithoutRocksDB(t *testing.T) {
	seg := t.TempDir()
	files := filepath.Join(seg, "snapshot", "files")
	write := func(rel string, b []byte) {
		t.Helper()
		p := filepath.Join(files, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("segment.json", []byte(`{"version":9,"config":{"vector_data":{"":{"size":2,"distance":"Cosine","storage_type":"InRamChunkedMmap"}},"payload_storage_type":{"type":"mmap"}}}`))
	// Ids: 5 -> 0, 6 -> 1, 7 -> 2; 7 then deleted.
	var m []byte
	for i, id := range []uint64{5, 6, 7} {
		m = binary.LittleEndian.AppendUint64(append(m, 1), id)
		m = binary.LittleEndian.AppendUint32(m, uint32(i))
	}
	m = binary.LittleEndian.AppendUint64(append(m, 3), 7)
	write(mutableMappings, m)
	write(mutableVersions, make([]byte, 24))
	// Vectors: two per chunk; point 6's is all zeros (absent).
	var c0, c1 []byte
	for _, f := range []float32{1, 2, 0, 0} {
		c0 = binary.LittleEndian.AppendUint32(c0, math.Float32bits(f))
	}
	for _, f := range []float32{3, 4} {
		c1 = binary.LittleEndian.AppendUint32(c1, math.Float32bits(f))
	}
	write("vector_storage/vectors/config.json", []byte(`{"chunk_size_bytes":16,"chunk_size_vectors":2,"dim":2}`))
	write("vector_storage/vectors/chunk_0.mmap", c0)
	write("vector_storage/vectors/chunk_1.mmap", c1)
	// Payloads: block size 8, pages of 32 bytes; point 5's value starts in
	// page 0 and runs into page 1; point 6 has none.
	js := []byte(`{"source":"a chunk of text","n":1}`)
	comp := make([]byte, lz4.CompressBlockBound(len(js)))
	n, err := lz4.CompressBlock(js, comp, nil)
	if err != nil || n == 0 {
		t.Fatalf("lz4: %d %v", n, err)
	}
	val := binary.LittleEndian.AppendUint32(nil, uint32(len(js)))
	val = append(val, comp[:n]...)
	pages := make([]byte, 64)
	copy(pages[16:], val)
	write("payload_storage/config.json", []byte(`{"page_size_bytes":32,"block_size_bytes":8,"region_size_blocks":4,"compression":"LZ4"}`))
	write("payload_storage/page_0.dat", pages[:32])
	write("payload_storage/page_1.dat", pages[32:])
	tracker := binary.LittleEndian.AppendUint32(nil, 2)
	tracker = append(tracker, 1, 0, 0, 0)
	tracker = binary.LittleEndian.AppendUint32(tracker, 0)
	tracker = binary.LittleEndian.AppendUint32(tracker, 2) // block 2 = byte 16
	tracker = binary.LittleEndian.AppendUint32(tracker, uint32(len(val)))
	tracker = append(tracker, make([]byte, 16)...) // point 6: None
	write("payload_storage/tracker.dat", tracker)
	if len(val) <= 16 {
		t.Fatalf("value of %d bytes does not span two pages", len(val))
	}

	pts, err := readSegment(context.Background(), seg, "", 2)
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(pts, func(a, b segPoint) int { return int(a.internal) - int(b.internal) })
	if len(pts) != 2 || pts[0].id != vectorstore.NumID(5) || pts[1].id != vectorstore.NumID(6) {
		t.Fatalf("points %+v", pts)
	}
	if !slices.Equal(pts[0].vector, []float32{1, 2}) || pts[1].vector != nil {
		t.Errorf("vectors %v %v", pts[0].vector, pts[1].vector)
	}
	if pts[0].payload["source"] != "a chunk of text" || pts[0].payload["n"] != 1.0 || pts[1].payload != nil {
		t.Errorf("payloads %v %v", pts[0].payload, pts[1].payload)
	}
	// A damaged value is an error, not a panic.
	bad := bytes.Clone(tracker)
	binary.LittleEndian.PutUint32(bad[12:], 1<<30)
	write("payload_storage/tracker.dat", bad)
	if _, err := readSegment(context.Background(), seg, "", 2); !errors.Is(err, ErrFormat) {
		t.Errorf("huge length: %v", err)
	}
}
