package vectorstore

import (
	"flag"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// The 100k benchmark (data like real embeddings, see embeddingGen):
//
//	go test ./vectorstore -run XXX -bench BenchmarkSearch100k -benchtime=20000x -cpu 2 -timeout 0
//
// Flags: -vs.n (points, default 100000), -vs.ef (search beam width, default
// the collection default).
// Metrics: recall@10 against the exact scan over 500 queries; qps with
// GOMAXPROCS goroutines searching at once (wall clock); cpu-us/query and
// qps-2core-cpu, the same from the CPU time used, which a shared machine
// disturbs less; build-s (seconds to insert all points as one batch);
// heap-MB (live heap after the build). Add -timeout 0: building 100k points
// takes minutes.
var (
	benchN  = flag.Int("vs.n", 100000, "vectorstore benchmark: number of points")
	benchEf = flag.Int("vs.ef", 0, "vectorstore benchmark: search ef (0 = collection default)")
)

const (
	benchDim     = 768
	benchLatent  = 32
	benchQueries = 500
)

// benchData is the generated data set with its exact top-10 answers.
type benchData struct {
	n       int
	data    []float32
	queries []float32
	truth   [][]uint64 // per query, the exact top-10 ids
}

func makeBenchData(n int) *benchData {
	gen := newEmbeddingGen(2024, benchDim, benchLatent)
	d := &benchData{n: n, data: gen.batch(n), queries: gen.batch(benchQueries)}
	// Exact answers by brute force (vectors are unit length: cosine = dot).
	d.truth = make([][]uint64, benchQueries)
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var h maxHeap
			for qi := w; qi < benchQueries; qi += workers {
				q := d.queries[qi*benchDim : (qi+1)*benchDim]
				h = h[:0]
				for i := range n {
					h.pushBounded(distItem{-dot(q, d.data[i*benchDim:(i+1)*benchDim]), uint32(i)}, 10)
				}
				top := h.drainSorted(nil)
				ids := make([]uint64, len(top))
				for j, t := range top {
					ids[j] = uint64(t.id)
				}
				d.truth[qi] = ids
			}
		}()
	}
	wg.Wait()
	return d
}

func (d *benchData) query(i int) []float32 {
	i %= benchQueries
	return d.queries[i*benchDim : (i+1)*benchDim]
}

func (d *benchData) recall(search func(q []float32) []uint64) float64 {
	hit, total := 0, 0
	for qi := range benchQueries {
		want := map[uint64]bool{}
		for _, id := range d.truth[qi] {
			want[id] = true
		}
		for _, id := range search(d.query(qi)) {
			if want[id] {
				hit++
			}
		}
		total += len(d.truth[qi])
	}
	return float64(hit) / float64(total)
}

// searcher is one engine under test.
type searcher struct {
	// searchEf searches with beam width ef (ours only; nil for others).
	searchEf func(q []float32, ef int) []uint64
	name     string
	buildS   float64
	heapMB   float64
	search   func(q []float32) []uint64
	recall   float64
}

func heapMB() float64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return float64(ms.HeapAlloc) / (1 << 20)
}

func buildOurs(tb testing.TB, d *benchData, ef int) *searcher {
	before := heapMB()
	start := time.Now()
	cc := CollectionConfig{Dim: benchDim, Distance: Cosine, HNSW: HNSWConfig{Seed: 1}}
	if err := cc.Validate(); err != nil {
		tb.Fatal(err)
	}
	c := newCollection("bench", cc)
	pts := make([]Point, d.n)
	for i := range d.n {
		pts[i] = Point{ID: NumID(uint64(i)), Vector: d.data[i*benchDim : (i+1)*benchDim]}
	}
	pp, err := preparePoints(&c.cfg, pts)
	if err != nil {
		tb.Fatal(err)
	}
	c.upsert(pp)
	s := &searcher{name: "vectorstore", buildS: time.Since(start).Seconds()}
	pts, pp = nil, nil
	s.heapMB = heapMB() - before
	s.searchEf = func(q []float32, ef int) []uint64 {
		res, err := c.search(&SearchRequest{Vector: q, Limit: 10, Params: SearchParams{HNSWEf: ef}}, nil)
		if err != nil {
			panic(err)
		}
		ids := make([]uint64, len(res))
		for i, r := range res {
			ids[i] = r.ID.Num()
		}
		return ids
	}
	s.search = func(q []float32) []uint64 { return s.searchEf(q, ef) }
	s.recall = d.recall(s.search)
	return s
}

// benchFixture caches the data and built indexes across the repeated calls
// the testing package makes to a benchmark function.
type benchFixture struct {
	once sync.Once
	data *benchData
	ours *searcher
	genS float64
}

var fixture100k benchFixture

func (f *benchFixture) get(b *testing.B, n, ef int) {
	f.once.Do(func() {
		start := time.Now()
		f.data = makeBenchData(n)
		f.genS = time.Since(start).Seconds()
		f.ours = buildOurs(b, f.data, ef)
		b.Logf("n=%d dim=%d: data+truth %.1fs; vectorstore build %.1fs recall %.4f heap %.0fMB",
			n, benchDim, f.genS, f.ours.buildS, f.ours.recall, f.ours.heapMB)
	})
}

func runSearchBench(b *testing.B, d *benchData, s *searcher) {
	b.ReportAllocs()
	var next atomic.Int64
	b.ResetTimer()
	start, cpu0 := time.Now(), processCPU()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := int(next.Add(1))
			_ = s.search(d.query(i))
		}
	})
	el := time.Since(start).Seconds()
	cpu := (processCPU() - cpu0).Seconds()
	b.ReportMetric(float64(b.N)/el, "qps")
	if cpu > 0 {
		// Throughput two fully available cores would give, from the CPU
		// time the searches used: on a shared machine the wall-clock qps
		// above falls with the load, this much less.
		b.ReportMetric(2*float64(b.N)/cpu, "qps-2core-cpu")
		b.ReportMetric(cpu/float64(b.N)*1e6, "cpu-us/query")
	}
	b.ReportMetric(s.recall, "recall@10")
	b.ReportMetric(s.buildS, "build-s")
	b.ReportMetric(s.heapMB, "heap-MB")
}

// BenchmarkSearch100k measures recall, throughput, build time and memory on
// -vs.n (default 100k) embedding-like vectors.
func BenchmarkSearch100k(b *testing.B) {
	f := &fixture100k
	f.get(b, *benchN, *benchEf)
	b.Run("vectorstore", func(b *testing.B) { runSearchBench(b, f.data, f.ours) })
}

// TestBenchHarnessSmall runs the benchmark's code path on a small data set so
// that ordinary `go test` keeps it working, and checks the recall there.
func TestBenchHarnessSmall(t *testing.T) {
	n := 2000
	if testing.Short() {
		n = 500
	}
	d := makeBenchData(n)
	ours := buildOurs(t, d, 0)
	t.Logf("vectorstore n=%d recall@10 %.4f build %.2fs", n, ours.recall, ours.buildS)
	// n is below the full-scan threshold, so the search is exact.
	if ours.recall < 0.999 {
		t.Errorf("vectorstore recall %.4f on an exactly searched collection", ours.recall)
	}
}
