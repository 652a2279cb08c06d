package kernels

import (
	"fmt"
	"math/rand/v2"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/gaianet-go/gaianet/gguf"
)

// BenchmarkMatMul measures MatMul on a 2-worker Pool (the reference machine
// budget). SetBytes is the weight bytes streamed per call, so MB/s is the
// weight bandwidth that bounds decode speed.
func BenchmarkMatMul(b *testing.B) { benchMatMul(b, 2) }

// BenchmarkMatMulSerial is BenchmarkMatMul on the calling goroutine only:
// the per-core kernel speed, less disturbed by other load on the machine.
func BenchmarkMatMulSerial(b *testing.B) { benchMatMul(b, 1) }

func benchMatMul(b *testing.B, threads int) {
	types := []gguf.TensorType{gguf.TypeQ4_0, gguf.TypeQ8_0, gguf.TypeQ4_K, gguf.TypeQ5_K, gguf.TypeQ6_K,
		gguf.TypeF16, gguf.TypeQ4_1, gguf.TypeQ5_0, gguf.TypeQ2_K, gguf.TypeQ3_K, gguf.TypeF32}
	// stream shapes cycle through copies of the matrix totalling 256 MiB,
	// so weights come from DRAM as in real decoding, not from cache.
	shapes := []struct {
		rows, cols, batch int
		stream            bool
	}{
		{2048, 2048, 1, false}, {5632, 2048, 1, false}, {2048, 2048, 64, false},
		{5632, 2048, 1, true}, {2048, 2048, 4, false}, {5632, 2048, 4, true},
	}
	p := NewPool(threads)
	defer p.Close()
	// KERNELS_BENCH_INVARIANT=1 measures a batch-invariant Pool, as the
	// engine uses by default (padded batches).
	p.SetBatchInvariant(os.Getenv("KERNELS_BENCH_INVARIANT") != "")
	r := rand.New(rand.NewPCG(1, 2))
	for _, t := range types {
		for _, s := range shapes {
			name := fmt.Sprintf("%v/%dx%dx%d", t, s.rows, s.cols, s.batch)
			if s.stream {
				name += "-stream"
			}
			b.Run(name, func(b *testing.B) {
				w := randomWeights(r, t, s.rows, s.cols)
				copies := [][]byte{w}
				if s.stream {
					for n := len(w); n < 256<<20; n += len(w) {
						copies = append(copies, append([]byte(nil), w...))
					}
				}
				x := normals(r, s.batch*s.cols)
				out := make([]float32, s.batch*s.rows)
				b.SetBytes(int64(len(w)))
				b.ReportAllocs()
				cpu0 := cpuTime()
				i := 0
				for b.Loop() {
					MatMul(p, t, copies[i%len(copies)], s.rows, s.cols, x, s.batch, out)
					i++
				}
				// CPU time per op is steadier than wall time on a shared
				// machine; cpu-MB/s is the weight bandwidth per busy core.
				cpu := (cpuTime() - cpu0).Seconds() / float64(b.N)
				b.ReportMetric(cpu*1e6, "cpu-µs/op")
				b.ReportMetric(float64(len(w))/cpu/1e6, "cpu-MB/s")
			})
		}
	}
}

// cpuTime returns the user+system CPU time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkParallel measures the fixed cost of one Pool.Parallel call.
func BenchmarkParallel(b *testing.B) {
	for _, threads := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("threads%d", threads), func(b *testing.B) {
			p := NewPool(threads)
			defer p.Close()
			var sink [64]int
			fn := func(lo, hi int) {
				for i := lo; i < hi; i++ {
					sink[i]++
				}
			}
			b.ReportAllocs()
			for b.Loop() {
				p.Parallel(64, fn)
			}
		})
	}
}

// BenchmarkQuantizeActs measures activation quantization for one row.
func BenchmarkQuantizeActs(b *testing.B) {
	for _, k := range []struct {
		name string
		t    gguf.TensorType
	}{{"Q8_0", gguf.TypeQ4_0}, {"Q8_K", gguf.TypeQ4_K}} {
		b.Run(k.name, func(b *testing.B) {
			p := NewPool(1)
			defer p.Close()
			x := make([]float32, 4096)
			for i := range x {
				x[i] = float32(i%37) - 18.3
			}
			b.SetBytes(int64(4 * len(x)))
			for b.Loop() {
				p.prepareActs(actKindOf(k.t), x, 1, 1, len(x))
			}
		})
	}
}
