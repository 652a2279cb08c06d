//go:build !noasm

package kernels

import (
	"math/rand/v2"
	"testing"

	"github.com/gaianet-go/gaianet/gguf"
)

// BenchmarkDot4Q4_0 compares the four-column Q4_0 kernels on one thread,
// 256 rows of 2048 weights (in cache) against four activation columns;
// ns/block is per 32-weight block and four columns.
func BenchmarkDot4Q4_0(b *testing.B) {
	benchDot4(b, gguf.TypeQ4_0, 18, []dot4Kernel{{"avx2", dotQ4_0x4Asm}, {"vnni", dotQ4_0x4VNNIAsm}, {"z", dotQ4_0x4ZAsm}}, dotQ4_0xNx4ZAsm)
}

// BenchmarkDot4Q8_0 is BenchmarkDot4Q4_0 for the Q8_0 kernels.
func BenchmarkDot4Q8_0(b *testing.B) {
	benchDot4(b, gguf.TypeQ8_0, 34, []dot4Kernel{{"avx2", dotQ8_0x4Asm}, {"vnni", dotQ8_0x4VNNIAsm}, {"z", dotQ8_0x4ZAsm}}, dotQ8_0xNx4ZAsm)
}

type dot4Kernel struct {
	name string
	f    dot4Func
}

// benchDot4 runs each one-row kernel over every row, then rows8 (the
// eight-row kernel MatMul uses) as "z8rows"; blockBytes is the size of one
// 32-weight block of typ.
func benchDot4(b *testing.B, typ gguf.TensorType, blockBytes int, kernels []dot4Kernel, rows8 func(*mmTask, []byte, int, int)) {
	if !hasZ4 {
		b.Skip("no AVX-512 VNNI/VBMI/GFNI")
	}
	r := rand.New(rand.NewPCG(1, 2))
	const rows, cols, batch = 256, 2048, 4
	w := randomWeights(r, typ, rows, cols)
	x := normals(r, batch*cols)
	p := NewPool(1)
	defer p.Close()
	p.prepareActs(actQ8_0, x, batch, batch, cols)
	p.transposeActs(batch, cols)
	p.interleavedActs(batch, cols)
	m := &mmTask{rows: rows, cols: cols, batch: batch, acts: p.scratch.acts, rowSize: blockBytes * cols / 32,
		out: make([]float32, batch*rows), qs: p.scratch.qs, dT: p.scratch.dT, dsT: p.scratch.dsT, qsI: p.scratch.qsI, xsI: p.scratch.xsI}
	perBlock := func(b *testing.B) {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(rows*cols/32), "ns/block")
	}
	for _, k := range kernels {
		b.Run(k.name, func(b *testing.B) {
			for b.Loop() {
				for r := range rows {
					k.f(m, w[r*m.rowSize:(r+1)*m.rowSize], 0, r)
				}
			}
			perBlock(b)
		})
	}
	b.Run("z8rows", func(b *testing.B) {
		for b.Loop() {
			for r := 0; r < rows; r += zRows {
				rows8(m, w[r*m.rowSize:(r+zRows)*m.rowSize], 0, r)
			}
		}
		perBlock(b)
	})
}
