package vectorstore

import (
	"context"
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// copyDir copies the regular files of src into a new temporary directory.
func copyDir(t testing.TB, src string) string {
	t.Helper()
	dst := t.TempDir()
	ents, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// segmentFiles returns the segment file names in dir, sorted.
func segmentFiles(t testing.TB, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		if _, ok := parseSegmentName(e.Name()); ok {
			out = append(out, e.Name())
		}
	}
	return out
}

func checkpointVersionOf(t testing.TB, dir string) uint32 {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, checkpointFile))
	if err != nil || len(data) < 12 {
		t.Fatalf("reading checkpoint: %v (%d bytes)", err, len(data))
	}
	return binary.LittleEndian.Uint32(data[8:])
}

// TestOpenV2Store opens the store the format-2 code wrote (testdata/v2store):
// every point is there, it is rewritten in format 3 at once, and the
// rewritten store reopens to the same content and search results.
func TestOpenV2Store(t *testing.T) {
	ctx := context.Background()
	dir := copyDir(t, filepath.Join("testdata", "v2store"))
	if v := checkpointVersionOf(t, dir); v != checkpointV2 {
		t.Fatalf("fixture has checkpoint version %d", v)
	}
	s, err := Open(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	check := func(s *Store) { t.Helper(); checkV2Fixture(t, s) }
	check(s)
	q := v2Point(500, 64).Vector
	before, err := s.Search(ctx, "big", SearchRequest{Vector: q, Limit: 10, Params: SearchParams{HNSWEf: 64}})
	if err != nil || len(before) != 10 || before[0].ID != NumID(500) {
		t.Fatalf("search in the migrated store: %v, %v", before, err)
	}
	s.Close()
	if v := checkpointVersionOf(t, dir); v != checkpointVersion {
		t.Fatalf("after opening a format-2 store the checkpoint has version %d, want %d", v, checkpointVersion)
	}
	if segs := segmentFiles(t, dir); len(segs) != 2 {
		t.Fatalf("segments after migration: %v", segs)
	}
	s2, err := Open(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	check(s2)
	after, _ := s2.Search(ctx, "big", SearchRequest{Vector: q, Limit: 10, Params: SearchParams{HNSWEf: 64}})
	if !slices.EqualFunc(before, after, func(a, b ScoredPoint) bool { return a.ID == b.ID && a.Score == b.Score }) {
		t.Fatalf("search differs after migration:\n%v\n%v", before, after)
	}
}

// TestSegmentsIncremental: a checkpoint writes the slots added since the
// last one and leaves older segment files as they are, merging trailing
// segments so that their number stays logarithmic; a payload changed in
// place rewrites its segment; a compaction rewrites the collection. After
// each step the store reopens to the same content.
func TestSegmentsIncremental(t *testing.T) {
	ctx := context.Background()
	s, dir := openTemp(t, &Options{NoSync: true, CheckpointReplayCost: 1 << 40, CheckpointBytes: 1 << 40})
	mustCreate(t, s, "c", CollectionConfig{Dim: 8, Distance: Cosine})
	rng := rand.New(rand.NewPCG(1, 2))
	next := 0
	add := func(k int) {
		t.Helper()
		var pts []Point
		for range k {
			pts = append(pts, Point{ID: NumID(uint64(next)), Vector: randVec(rng, 8), Payload: map[string]any{"n": next}})
			next++
		}
		if err := s.Upsert(ctx, "c", pts); err != nil {
			t.Fatal(err)
		}
	}
	checkpoint := func() []string {
		t.Helper()
		if err := s.Checkpoint(ctx); err != nil {
			t.Fatal(err)
		}
		return segmentFiles(t, dir)
	}
	reopens := func() {
		t.Helper()
		want := dumpStore(t, s)
		s.Close()
		var err error
		if s, err = Open(ctx, dir, &Options{NoSync: true, CheckpointReplayCost: 1 << 40, CheckpointBytes: 1 << 40}); err != nil {
			t.Fatal(err)
		}
		sameDump(t, want, dumpStore(t, s))
	}
	defer func() { s.Close() }()

	add(100)
	first := checkpoint()
	if len(first) != 1 {
		t.Fatalf("segments after the first checkpoint: %v", first)
	}
	add(10)
	second := checkpoint()
	if len(second) != 2 || second[0] != first[0] {
		t.Fatalf("after adding 10 points: %v, want %s kept and one new", second, first[0])
	}
	reopens()
	add(10) // the 10-slot segment is not larger than the 10 new slots: merged
	third := checkpoint()
	if len(third) != 2 || third[0] != first[0] || third[1] == second[1] {
		t.Fatalf("after adding 10 more: %v", third)
	}
	if c := s.colls["c"]; c.segs[1].first != 100 || c.segs[1].count != 20 {
		t.Fatalf("merged segment: %+v", c.segs[1])
	}
	// Deletions change only checkpoint.vsc.
	if _, err := s.Delete(ctx, "c", []PointID{NumID(3), NumID(105)}); err != nil {
		t.Fatal(err)
	}
	if got := checkpoint(); !slices.Equal(got, third) {
		t.Fatalf("a deletion rewrote segments: %v -> %v", third, got)
	}
	reopens()
	// Many small checkpoints: the segment count stays logarithmic.
	for range 60 {
		add(3)
		if segs := checkpoint(); len(segs) > 8 {
			t.Fatalf("%d segments for %d points", len(segs), next)
		}
	}
	reopens()
	// A payload replaced in place (same vector) rewrites from its segment.
	rec, _ := s.Get(ctx, "c", []PointID{NumID(5)}, With{WithVector: true})
	if err := s.Upsert(ctx, "c", []Point{{ID: NumID(5), Vector: rec[0].Vector, Payload: map[string]any{"n": "changed"}}}); err != nil {
		t.Fatal(err)
	}
	if info, _ := s.CollectionInfo("c"); info.Tombstones != 2 {
		t.Fatalf("payload update made a tombstone: %+v", info)
	}
	before := segmentFiles(t, dir)
	after := checkpoint()
	if len(after) != 1 || slices.Contains(before, after[0]) {
		t.Fatalf("payload update in the first segment: %v -> %v, want one new segment", before, after)
	}
	reopens()
	if rec, _ := s.Get(ctx, "c", []PointID{NumID(5)}, With{WithPayload: true}); rec[0].Payload["n"] != "changed" {
		t.Fatalf("payload after reopening: %v", rec[0].Payload)
	}
	// Deleting a quarter compacts; the next checkpoint rewrites everything.
	var ids []PointID
	for i := range next / 3 {
		ids = append(ids, NumID(uint64(i)))
	}
	if _, err := s.Delete(ctx, "c", ids); err != nil {
		t.Fatal(err)
	}
	if info, _ := s.CollectionInfo("c"); info.Tombstones != 0 {
		t.Fatalf("not compacted: %+v", info)
	}
	before = segmentFiles(t, dir)
	after = checkpoint()
	if len(after) != 1 || slices.Contains(before, after[0]) {
		t.Fatalf("after compaction: %v -> %v", before, after)
	}
	reopens()
	// Dropping the collection removes its segments.
	if _, err := s.DeleteCollection(ctx, "c"); err != nil {
		t.Fatal(err)
	}
	if segs := checkpoint(); len(segs) != 0 {
		t.Fatalf("segments of a dropped collection: %v", segs)
	}
}

// damageStore builds a checkpointed store of two collections (one
// quantized, with tombstones and UUIDs) plus a WAL, and returns its
// directory and content.
func damageStore(t *testing.T) (string, map[string][]Record) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(ctx, dir, &Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range v2Collections {
		mustCreate(t, s, c.name, c.cfg)
		var pts []Point
		for i := range c.n {
			pts = append(pts, v2Point(i, c.cfg.Dim))
		}
		if err := s.Upsert(ctx, c.name, pts); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Delete(ctx, c.name, []PointID{NumID(1)}); err != nil {
			t.Fatal(err)
		}
		if err := s.Checkpoint(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Upsert(ctx, "big", []Point{v2Point(2000, 64)}); err != nil {
		t.Fatal(err)
	}
	want := dumpStore(t, s)
	s.Close()
	return dir, want
}

// TestCheckpointDamage truncates, corrupts and removes each checkpoint file
// in turn: Open must refuse with ErrCorrupt and a message naming the file,
// change nothing on disk, and open the store whole once the file is back.
func TestCheckpointDamage(t *testing.T) {
	ctx := context.Background()
	dir, want := damageStore(t)
	files := append([]string{checkpointFile}, segmentFiles(t, dir)...)
	if len(files) != 3 {
		t.Fatalf("files: %v", files)
	}
	snapshotDir := func() map[string]string {
		out := map[string]string{}
		ents, _ := os.ReadDir(dir)
		for _, e := range ents {
			data, _ := os.ReadFile(filepath.Join(dir, e.Name()))
			out[e.Name()] = string(data)
		}
		return out
	}
	for _, name := range files {
		path := filepath.Join(dir, name)
		orig, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		type damage struct {
			what string
			data []byte // nil: remove the file
		}
		var damages []damage
		for _, cut := range []int{0, 7, 30, len(orig) / 2, len(orig) - 5, len(orig) - 1} {
			damages = append(damages, damage{"truncated", orig[:cut]})
		}
		for _, off := range []int{3, 9, 20, 27, 40, len(orig) / 3, len(orig) / 2, len(orig) - 7, len(orig) - 2} {
			d := slices.Clone(orig)
			d[off] ^= 0x10
			damages = append(damages, damage{"corrupted", d})
		}
		damages = append(damages, damage{"extended", append(slices.Clone(orig), 0)}, damage{"removed", nil})
		for i, dm := range damages {
			if dm.data == nil {
				if name == checkpointFile {
					continue // no checkpoint is a store replayed from its WAL alone
				}
				os.Remove(path)
			} else if err := os.WriteFile(path, dm.data, 0o600); err != nil {
				t.Fatal(err)
			}
			before := snapshotDir()
			s, err := Open(ctx, dir, nil)
			if err == nil {
				s.Close()
				t.Fatalf("%s %s (%d): opened", name, dm.what, i)
			}
			if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "checkpoint") && !strings.Contains(err.Error(), name) {
				t.Fatalf("%s %s (%d): error %q, want ErrCorrupt naming the file", name, dm.what, i, err)
			}
			if after := snapshotDir(); len(after) != len(before) {
				t.Fatalf("%s %s: a failed Open changed the directory", name, dm.what)
			} else {
				for f, b := range before {
					if after[f] != b && f != lockFile {
						t.Fatalf("%s %s: a failed Open changed %s", name, dm.what, f)
					}
				}
			}
		}
		if err := os.WriteFile(path, orig, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	s, err := Open(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sameDump(t, want, dumpStore(t, s))
}

// TestInterruptedCheckpoint leaves what a crash in the middle of a
// checkpoint leaves (a new segment and checkpoint.vsc.tmp, not yet renamed):
// Open uses the old checkpoint and deletes the strays.
func TestInterruptedCheckpoint(t *testing.T) {
	ctx := context.Background()
	dir, want := damageStore(t)
	segs := segmentFiles(t, dir)
	data, _ := os.ReadFile(filepath.Join(dir, segs[0]))
	stray := segmentName(1 << 40)
	os.WriteFile(filepath.Join(dir, stray), data[:len(data)/2], 0o600)
	os.WriteFile(filepath.Join(dir, checkpointFile+".tmp"), []byte("GAIAVCKP"), 0o600)
	s, err := Open(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sameDump(t, want, dumpStore(t, s))
	if got := segmentFiles(t, dir); !slices.Equal(got, segs) {
		t.Fatalf("segments after Open: %v, want %v", got, segs)
	}
}

// checkV2Fixture checks that s holds what the old-format fixtures hold
// (v2Collections, plus point 1100 in "big" and without point 2 there and
// point 1 in "small").
func checkV2Fixture(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	want := map[string]map[PointID]Point{}
	for _, c := range v2Collections {
		m := map[PointID]Point{}
		for i := range c.n {
			p := v2Point(i, c.cfg.Dim)
			m[p.ID] = p
		}
		want[c.name] = m
	}
	want["big"][NumID(1100)] = v2Point(1100, 64)
	delete(want["big"], NumID(2))
	delete(want["small"], NumID(1))
	{
		for name, m := range want {
			page, err := s.Scroll(ctx, name, ScrollRequest{Limit: 1 << 20, With: With{WithPayload: true, WithVector: true}})
			if err != nil {
				t.Fatal(err)
			}
			if len(page.Points) != len(m) {
				t.Fatalf("%s: %d points, want %d", name, len(page.Points), len(m))
			}
			for _, r := range page.Points {
				p, ok := m[r.ID]
				if !ok {
					t.Fatalf("%s: unexpected point %v", name, r.ID)
				}
				wantVec := slices.Clone(p.Vector)
				if name == "big" {
					normalize(wantVec)
				}
				if !slices.Equal(r.Vector, wantVec) {
					t.Fatalf("%s: point %v vector differs", name, r.ID)
				}
				wantPay, _ := jsonMarshalSorted(p.Payload)
				gotPay, _ := jsonMarshalSorted(r.Payload)
				if p.Payload == nil && r.Payload != nil || p.Payload != nil && string(wantPay) != string(gotPay) {
					t.Fatalf("%s: point %v payload %s, want %s", name, r.ID, gotPay, wantPay)
				}
			}
		}
	}
}

// TestOpenV3Store opens a store that the format-3 code wrote (commit
// ab5f2fd: the same collections as testdata/v2store, checkpointed, then
// point 1100 upserted into "big" and point 2 deleted from it in the WAL):
// today's code reads it, and its next checkpoint is in format 4.
func TestOpenV3Store(t *testing.T) {
	ctx := context.Background()
	dir := copyDir(t, filepath.Join("testdata", "v3store"))
	if v := checkpointVersionOf(t, dir); v != checkpointV3 {
		t.Fatalf("fixture has checkpoint version %d", v)
	}
	s, err := Open(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	checkV2Fixture(t, s)
	if err := s.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if v := checkpointVersionOf(t, dir); v != checkpointVersion {
		t.Fatalf("checkpoint version %d after a checkpoint, want %d", v, checkpointVersion)
	}
	s2, err := Open(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	checkV2Fixture(t, s2)
}
