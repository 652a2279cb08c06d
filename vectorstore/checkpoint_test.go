package vectorstore

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestCheckpointByReplayCost: many small writes far below CheckpointBytes
// still checkpoint once their replay cost passes CheckpointReplayCost, so a
// reopen never replays more than that; deletes weigh three times an upsert.
func TestCheckpointByReplayCost(t *testing.T) {
	ctx := context.Background()
	const dim = 8
	s, dir := openTemp(t, &Options{NoSync: true, CheckpointReplayCost: 10 * dim})
	mustCreate(t, s, "c", CollectionConfig{Dim: dim, Distance: Dot})
	walSize := func() int64 {
		st, err := os.Stat(filepath.Join(dir, walFile))
		if err != nil {
			t.Fatal(err)
		}
		return st.Size()
	}
	vec := func(i int) []float32 {
		v := make([]float32, dim)
		v[i%dim] = float32(i + 1)
		return v
	}
	for i := range 9 {
		if err := s.Upsert(ctx, "c", []Point{{ID: NumID(uint64(i)), Vector: vec(i)}}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, checkpointFile)); err == nil {
		t.Fatal("checkpointed before the replay cost reached the limit")
	}
	grown := walSize()
	if err := s.Upsert(ctx, "c", []Point{{ID: NumID(9), Vector: vec(9)}}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, checkpointFile)); err != nil {
		t.Fatalf("no checkpoint after 10 upserts of cost %d: %v", dim, err)
	}
	if walSize() >= grown {
		t.Fatalf("wal not emptied by the checkpoint: %d bytes", walSize())
	}
	// Three deleted points weigh nine upserted ones: one more upsert
	// checkpoints again.
	if _, err := s.Delete(ctx, "c", []PointID{NumID(0), NumID(1), NumID(2)}); err != nil {
		t.Fatal(err)
	}
	afterDelete := walSize()
	if err := s.Upsert(ctx, "c", []Point{{ID: NumID(10), Vector: vec(10)}}); err != nil {
		t.Fatal(err)
	}
	if walSize() > afterDelete {
		t.Fatalf("deletes not weighed: wal grew from %d to %d bytes without a checkpoint", afterDelete, walSize())
	}
	s.Close()
	s2, err := Open(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if n, err := s2.Count(ctx, "c", nil); err != nil || n != 8 {
		t.Fatalf("reopened count = %d, %v; want 8", n, err)
	}
}
