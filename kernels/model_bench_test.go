package kernels

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/gaianet-go/gaianet/gguf"
)

// BenchmarkModelMatMuls runs every 2-D weight matrix of the GGUF model named
// by $KERNELS_BENCH_MODEL through MatMul once per op — the linear-layer work
// of one decode step (batch 1) or one prefill chunk (batch 64) — on a
// 2-worker Pool. Skipped when the variable is unset.
func BenchmarkModelMatMuls(b *testing.B) {
	path := os.Getenv("KERNELS_BENCH_MODEL")
	if path == "" {
		b.Skip("set KERNELS_BENCH_MODEL to a GGUF file")
	}
	f, err := gguf.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	type mat struct {
		t          gguf.TensorType
		w          []byte
		rows, cols int
	}
	var mats []mat
	var total int64
	maxCols, maxRows := 0, 0
	for i := range f.Tensors {
		ti := &f.Tensors[i]
		if len(ti.Dims) != 2 || !Supported(ti.Type) || strings.HasPrefix(ti.Name, "token_embd") {
			continue
		}
		m := mat{ti.Type, f.TensorData(ti), ti.Dim(1), ti.Dim(0)}
		mats = append(mats, m)
		total += int64(len(m.w))
		maxCols, maxRows = max(maxCols, m.cols), max(maxRows, m.rows)
	}
	for _, threads := range []int{1, 2} {
		for _, batch := range []int{1, 64} {
			b.Run(fmt.Sprintf("threads%d/batch%d", threads, batch), func(b *testing.B) {
				p := NewPool(threads)
				defer p.Close()
				x := make([]float32, batch*maxCols)
				for i := range x {
					x[i] = float32(i%17) - 8
				}
				out := make([]float32, batch*maxRows)
				b.SetBytes(total)
				b.ReportAllocs()
				cpu0 := cpuTime()
				for b.Loop() {
					for _, m := range mats {
						MatMul(p, m.t, m.w, m.rows, m.cols, x, batch, out)
					}
				}
				cpu := (cpuTime() - cpu0).Seconds() / float64(b.N)
				b.ReportMetric(cpu*1e3, "cpu-ms/op")
				b.ReportMetric(cpu*1e3/float64(batch), "cpu-ms/token")
			})
		}
	}
}
