package vectorstore

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

func TestSnapshotRoundTrip(t *testing.T) {
	ctx := context.Background()
	src, _ := openTemp(t, nil)
	mustCreate(t, src, "docs", CollectionConfig{Dim: 4, Distance: Cosine, EmbeddingModel: "nomic-embed-text-v1.5", Metadata: map[string]string{"chunk": "512"}})
	u, _ := ParsePointID("6ba7b810-9dad-11d1-80b4-00c04fd430c8")
	pts := []Point{
		{ID: NumID(1), Vector: []float32{1, 2, 3, 4}, Payload: map[string]any{"source": "a.md", "nested": map[string]any{"x": []any{1, "y"}}}},
		{ID: u, Vector: []float32{0, 0, 1, 0}},
		{ID: NumID(7), Vector: []float32{-1, 0.5, 0, 2}, Payload: map[string]any{"source": "b.md"}},
	}
	if err := src.Upsert(ctx, "docs", pts); err != nil {
		t.Fatal(err)
	}
	src.Delete(ctx, "docs", []PointID{NumID(7)})
	var buf bytes.Buffer
	if err := src.ExportSnapshot(ctx, "docs", &buf); err != nil {
		t.Fatal(err)
	}
	name, cfg, n, err := DecodeSnapshot(bytes.NewReader(buf.Bytes()))
	if err != nil || name != "docs" || cfg.EmbeddingModel != "nomic-embed-text-v1.5" || cfg.Dim != 4 || n != 2 {
		t.Fatalf("DecodeSnapshot = %q %+v %d %v", name, cfg, n, err)
	}

	dst, _ := openTemp(t, nil)
	info, err := dst.ImportSnapshot(ctx, bytes.NewReader(buf.Bytes()), ImportOptions{Collection: "copy", EmbeddingModel: "nomic-embed-text-v1.5", Dim: 4})
	if err != nil {
		t.Fatal(err)
	}
	if info.Points != 2 || info.Config.Metadata["chunk"] != "512" {
		t.Fatalf("import info = %+v", info)
	}
	a := dumpStore(t, src)["docs"]
	b := dumpStore(t, dst)["copy"]
	sameDump(t, map[string][]Record{"x": a}, map[string][]Record{"x": b})

	// Refusals: a different model or dimension, asked for or present.
	for _, opts := range []ImportOptions{
		{Collection: "copy2", EmbeddingModel: "all-MiniLM-L6-v2"},
		{Collection: "copy2", Dim: 384},
	} {
		_, err := dst.ImportSnapshot(ctx, bytes.NewReader(buf.Bytes()), opts)
		if !errors.Is(err, ErrMismatch) {
			t.Fatalf("import %+v: %v, want ErrMismatch", opts, err)
		}
	}
	mustCreate(t, dst, "other", CollectionConfig{Dim: 4, Distance: Cosine, EmbeddingModel: "all-MiniLM-L6-v2"})
	dst.Upsert(ctx, "other", []Point{{ID: NumID(99), Vector: []float32{1, 1, 1, 1}}})
	_, err = dst.ImportSnapshot(ctx, bytes.NewReader(buf.Bytes()), ImportOptions{Collection: "other"})
	if !errors.Is(err, ErrMismatch) {
		t.Fatalf("import over a collection of another model: %v", err)
	}
	if n, _ := dst.Count(ctx, "other", nil); n != 1 {
		t.Fatal("refused import changed the collection")
	}
	t.Logf("mismatch error reads: %v", err)

	// Corruption anywhere is refused and changes nothing.
	data := buf.Bytes()
	for i := 0; i < len(data); i += 7 {
		bad := bytes.Clone(data)
		bad[i] ^= 0x10
		if _, err := dst.ImportSnapshot(ctx, bytes.NewReader(bad), ImportOptions{Collection: "copy"}); err == nil {
			t.Fatalf("flipping byte %d went unnoticed", i)
		}
	}
	if _, err := dst.ImportSnapshot(ctx, bytes.NewReader(data[:len(data)-1]), ImportOptions{}); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("truncated snapshot: %v", err)
	}
	if n, _ := dst.Count(ctx, "copy", nil); n != 2 {
		t.Fatal("failed imports changed the collection")
	}

	// Import replaces an existing collection of the same model.
	if _, err := dst.ImportSnapshot(ctx, bytes.NewReader(data), ImportOptions{Collection: "copy"}); err != nil {
		t.Fatal(err)
	}
}

// TestImportDurable checks that an import survives reopening.
func TestImportDurable(t *testing.T) {
	ctx := context.Background()
	src, _ := openTemp(t, nil)
	mustCreate(t, src, "d", CollectionConfig{Dim: 2, Distance: Dot, EmbeddingModel: "m"})
	src.Upsert(ctx, "d", []Point{{ID: NumID(1), Vector: []float32{1, 2}}})
	var buf bytes.Buffer
	src.ExportSnapshot(ctx, "d", &buf)
	dir := t.TempDir()
	dst, err := Open(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := dst.ImportSnapshot(ctx, &buf, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	dst.Close()
	dst, err = Open(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	if n, err := dst.Count(ctx, "d", nil); n != 1 || err != nil {
		t.Fatalf("after reopen: %d %v", n, err)
	}
}

// goldenStore builds the small fixed store the golden files hold.
func goldenStore(t *testing.T, dir string) *Store {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	mustCreate(t, s, "d", CollectionConfig{Dim: 2, Distance: Cosine, EmbeddingModel: "m", HNSW: HNSWConfig{M: 4, Seed: 1}})
	u, _ := ParsePointID("00000000-0000-0000-0000-0000000000ff")
	if err := s.Upsert(ctx, "d", []Point{
		{ID: NumID(1), Vector: []float32{3, 4}, Payload: map[string]any{"source": "a.md", "page": 2}},
		{ID: u, Vector: []float32{0, 1}},
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Delete(ctx, "d", []PointID{u}); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestGoldenFiles pins the on-disk formats: the WAL and snapshot of a fixed
// store must match testdata/ byte for byte (run with -update after a
// deliberate format change) and decode to the same store.
func TestGoldenFiles(t *testing.T) {
	dir := t.TempDir()
	s := goldenStore(t, dir)
	var snap bytes.Buffer
	if err := s.ExportSnapshot(context.Background(), "d", &snap); err != nil {
		t.Fatal(err)
	}
	s.Close()
	wal, err := os.ReadFile(filepath.Join(dir, walFile))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{"golden.wal": wal, "golden.vsnap": snap.Bytes()}
	for name, got := range files {
		path := filepath.Join("testdata", name)
		if *update {
			os.MkdirAll("testdata", 0o755)
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with -update to create)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: encoder output differs from the golden file", name)
		}
	}
	if _, _, n, err := DecodeSnapshot(bytes.NewReader(files["golden.vsnap"])); err != nil || n != 1 {
		t.Fatalf("golden snapshot: %d %v", n, err)
	}
	var ops []uint8
	if _, err := scanWAL(wal, func(op walOp) error { ops = append(ops, op.op); return nil }); err != nil {
		t.Fatal(err)
	}
	if want := []uint8{opCreate, opUpsert, opDelete}; !bytes.Equal(ops, want) {
		t.Fatalf("golden wal ops %v want %v", ops, want)
	}
}

// TestSnapshotV2RoundTrip exports a collection that version 1 cannot hold
// (unnamed vector on some points only, a multi-vector, a sparse vector, a
// payload index) and imports it under another name: every point reads
// back the same (vectors, payload, version), searches agree, and the index
// is there.
func TestSnapshotV2RoundTrip(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t, nil)
	addMultiCollection(t, s, true)
	var buf bytes.Buffer
	if err := s.ExportSnapshot(ctx, "mv", &buf); err != nil {
		t.Fatal(err)
	}
	if v := binary.LittleEndian.Uint32(buf.Bytes()[8:]); v != snapshotVersion2 {
		t.Fatalf("snapshot version %d", v)
	}
	if _, err := s.ImportSnapshot(ctx, bytes.NewReader(buf.Bytes()), ImportOptions{Collection: "copy"}); err != nil {
		t.Fatal(err)
	}
	info, err := s.CollectionInfo("copy")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := info.PayloadSchema["kw"]; !ok {
		t.Fatalf("index lost: %+v", info.PayloadSchema)
	}
	all := With{WithPayload: true, WithVector: true}
	a, _ := s.Scroll(ctx, "mv", ScrollRequest{Limit: 100, With: all})
	b, _ := s.Scroll(ctx, "copy", ScrollRequest{Limit: 100, With: all})
	if len(a.Points) != 18 || !reflect.DeepEqual(a, b) {
		t.Fatalf("points differ:\n%+v\n%+v", a.Points, b.Points)
	}
	q := &Query{Nearest: &VectorInput{Multi: [][]float32{{1, 0, 0, 0}, {0, 1, 0, 0}}}}
	ra, _ := s.Query(ctx, "mv", QueryRequest{Query: q, Using: "multi"})
	rb, _ := s.Query(ctx, "copy", QueryRequest{Query: q, Using: "multi"})
	if len(ra) == 0 || !reflect.DeepEqual(ra, rb) {
		t.Fatalf("queries differ: %v vs %v", ra, rb)
	}
	// A collection version 1 holds is still written as version 1.
	mustCreate(t, s, "plain", CollectionConfig{Dim: 2, Distance: Dot})
	if err := s.Upsert(ctx, "plain", []Point{{ID: NumID(1), Vector: []float32{1, 2}}}); err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	if err := s.ExportSnapshot(ctx, "plain", &buf); err != nil {
		t.Fatal(err)
	}
	if v := binary.LittleEndian.Uint32(buf.Bytes()[8:]); v != snapshotVersion {
		t.Fatalf("plain collection snapshot version %d", v)
	}
}
