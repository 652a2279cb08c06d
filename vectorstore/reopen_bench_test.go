package vectorstore

import (
	"context"
	"errors"
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
// per Open, steadier on a shared machine), peak-rss-MB (the process's peak
// resident set so far), wal-MB and wal-points (the WAL replayed).
//
// With -vs.reopen.only the store in -vs.reopen.dir is opened as it is,
// nothing written, and only "checkpoint" runs: run it in a process of its
// own (-benchtime=1x) and peak-rss-MB is the memory a node's restart takes.
// -vs.reopen.fold, with it, first checkpoints the store (folding its WAL in)
// and measures nothing: run it once before, in another process.
var (
	benchReopenDir  = flag.String("vs.reopen.dir", "", "BenchmarkReopen: keep the built store in this directory and reuse it next time")
	benchReopenOnly = flag.Bool("vs.reopen.only", false, "BenchmarkReopen: only reopen the store in -vs.reopen.dir, writing nothing")
	benchReopenFold = flag.Bool("vs.reopen.fold", false, "BenchmarkReopen with -vs.reopen.only: only checkpoint the store, measuring nothing")
	// -vs.reopen.append K, with -vs.reopen.only: upsert K more chunks in
	// 16-chunk batches (as 'kb ingest' writes them) and report the bytes
	// the process wrote (written-MB, from /proc/self/io on Linux): the
	// write amplification of checkpoints on a large store.
	benchReopenAppend = flag.Int("vs.reopen.append", 0, "BenchmarkReopen with -vs.reopen.only: upsert this many chunks and report the bytes written")
)

func BenchmarkReopen(b *testing.B) {
	ctx := context.Background()
	n := *benchN
	dir := *benchReopenDir
	if dir == "" {
		dir = b.TempDir()
	}
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
		b.ReportMetric(float64(peakRSS())/(1<<20), "peak-rss-MB")
		b.ReportMetric(0, "ns/op")
	}
	if *benchReopenOnly {
		if *benchReopenDir == "" {
			b.Fatal("-vs.reopen.only needs -vs.reopen.dir")
		}
		n = 1
		if *benchReopenAppend > 0 {
			s, err := Open(ctx, dir, nil)
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			gen := newEmbeddingGen(8, benchDim, benchLatent)
			text := strings.Repeat("GaiaNet nodes answer from their knowledge base. ", 20)
			w0, t0 := writtenBytes(), time.Now()
			for i := 0; i < *benchReopenAppend; i += 16 {
				k := min(16, *benchReopenAppend-i)
				vecs := gen.batch(k)
				pts := make([]Point, k)
				for j := range pts {
					id := 1<<41 + i + j
					pts[j] = Point{ID: NumID(uint64(id)), Vector: vecs[j*benchDim : (j+1)*benchDim],
						Payload: map[string]any{"source": fmt.Sprintf("%d %s", id, text)}}
				}
				if err := s.Upsert(ctx, "kb", pts); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(writtenBytes()-w0)/(1<<20), "written-MB")
			b.ReportMetric(time.Since(t0).Seconds(), "append-s")
			b.ReportMetric(0, "ns/op")
			return
		}
		if *benchReopenFold {
			s, err := Open(ctx, dir, &Options{NoSync: true})
			if err == nil {
				err = errors.Join(s.Checkpoint(ctx), s.Close())
			}
			if err != nil {
				b.Fatal(err)
			}
			return
		}
		b.Run("checkpoint", reopen)
		return
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
