package vectorstore

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkReopen measures how long Open takes for a knowledge base of
// -vs.n chunks (default 100,000) of 768 dimensions with ~1 KiB of text each,
// as a node's restart pays it:
//
//	go test ./vectorstore -run XXX -bench BenchmarkReopen -benchtime=3x -timeout 0
//
// Sub-benchmarks: "checkpoint" opens a store whose WAL is empty (everything
// in the checkpoint); "checkpoint+wal" one whose WAL holds as much as the
// checkpoint policy lets it (upserts of 16 chunks, as 'kb ingest' writes
// them, up to just under Options.CheckpointReplayCost), the worst case a
// restart meets. Metrics: open-s (seconds per Open), cpu-s (CPU seconds
// per Open, steadier on a shared machine), wal-MB and wal-points (the WAL
// replayed).
var benchReopenDir = flag.String("vs.reopen.dir", "", "BenchmarkReopen: keep the built store in this directory and reuse it next time")

func BenchmarkReopen(b *testing.B) {
	ctx := context.Background()
	n := *benchN
	dir := *benchReopenDir
	if dir == "" {
		dir = b.TempDir()
	}
	s, err := Open(ctx, dir, &Options{NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	const dim = benchDim
	if info, err := s.CollectionInfo("kb"); err == nil {
		// A store kept by -vs.reopen.dir: reuse it.
		n = info.Points
		b.Logf("reusing the %d points in %s", n, dir)
	} else if err := s.CreateCollection(ctx, "kb", CollectionConfig{Dim: dim, Distance: Cosine}); err != nil {
		b.Fatal(err)
	}
	gen := newEmbeddingGen(7, dim, benchLatent)
	text := strings.Repeat("GaiaNet nodes answer from their knowledge base. ", 20) // ~1 KiB
	next := 0
	points := func(k int) []Point {
		vecs := gen.batch(k)
		pts := make([]Point, k)
		for i := range pts {
			pts[i] = Point{ID: NumID(uint64(next)), Vector: vecs[i*dim : (i+1)*dim],
				Payload: map[string]any{"source": fmt.Sprintf("%d %s", next, text)}}
			next++
		}
		return pts
	}
	t0 := time.Now()
	next = 1 << 40 // ids above any the build used
	if info, _ := s.CollectionInfo("kb"); info.Points == 0 {
		next = 0
	}
	for next < n {
		if err := s.Upsert(ctx, "kb", points(min(1000, n-next))); err != nil {
			b.Fatal(err)
		}
	}
	if err := s.Checkpoint(ctx); err != nil {
		b.Fatal(err)
	}
	b.Logf("built %d points in %s", n, time.Since(t0).Round(time.Second))
	s.Close()

	reopen := func(b *testing.B) {
		b.ResetTimer()
		cpu0 := processCPU()
		for range b.N {
			s, err := Open(ctx, dir, nil)
			if err != nil {
				b.Fatal(err)
			}
			if info, err := s.CollectionInfo("kb"); err != nil || info.Points < n {
				b.Fatalf("reopened: %+v, %v", info, err)
			}
			s.Close()
		}
		b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "open-s")
		b.ReportMetric((processCPU()-cpu0).Seconds()/float64(b.N), "cpu-s")
		b.ReportMetric(0, "ns/op")
	}
	b.Run("checkpoint", reopen)

	s, err = Open(ctx, dir, &Options{NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	walPoints := 0
	for s.replayCost+upsertCost(dim, 16) < s.opts.CheckpointReplayCost {
		if err := s.Upsert(ctx, "kb", points(16)); err != nil {
			b.Fatal(err)
		}
		walPoints += 16
	}
	s.Close()
	st, err := os.Stat(filepath.Join(dir, walFile))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("checkpoint+wal", func(b *testing.B) {
		reopen(b)
		b.ReportMetric(float64(st.Size())/(1<<20), "wal-MB")
		b.ReportMetric(float64(walPoints), "wal-points")
	})
}
