//go:build !noasm

package kernels

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/gaianet-go/gaianet/gguf"
)

// TestExactOneColumnMatchesFour checks each exact one-column kernel
// (kernelSet.exact1) against the four-column kernels of its type, AVX2 and
// (where the CPU has it) VNNI: for random weights and batches, bit for bit
// the product each gives for every column; and against its pure-Go twin
// within rounding.
func TestExactOneColumnMatchesFour(t *testing.T) {
	needAVX2(t)
	type four struct {
		name string
		f    dot4Func
	}
	cases := []struct {
		typ   gguf.TensorType
		exact dotFunc
		fours []four
	}{
		{gguf.TypeQ4_0, dotQ4_0ExactZAsm, []four{{"Z", dotQ4_0x4ZAsm}}},
		{gguf.TypeQ4_0, dotQ4_0ExactAsm, []four{{"AVX2", dotQ4_0x4Asm}, {"VNNI", dotQ4_0x4VNNIAsm}}},
		{gguf.TypeQ5_0, dotQ5_0ExactAsm, []four{{"AVX2", dotQ5_0x4Asm}}},
		{gguf.TypeQ8_0, dotQ8_0ExactAsm, []four{{"AVX2", dotQ8_0x4Asm}, {"VNNI", dotQ8_0x4VNNIAsm}}},
		{gguf.TypeQ4_K, dotQ4KExactAsm, []four{{"AVX2", dotQ4Kx4Asm}, {"VNNI", dotQ4Kx4VNNIAsm}}},
		{gguf.TypeQ5_K, dotQ5KExactAsm, []four{{"AVX2", dotQ5Kx4Asm}}},
		{gguf.TypeQ6_K, dotQ6KExactAsm, []four{{"AVX2", dotQ6Kx4Asm}, {"VNNI", dotQ6Kx4VNNIAsm}}},
	}
	r := rand.New(rand.NewPCG(31, 32))
	p := NewPool(1)
	defer p.Close()
	for _, c := range cases {
		if c.fours[0].name == "Z" && !hasZ4 {
			continue
		}
		if avx2Kernels.exact1[c.typ] == nil && !(c.typ == gguf.TypeQ8_0 && hasZ4) {
			t.Fatalf("%v: no exact one-column kernel in the AVX2 set", c.typ)
		}
		for iter := 0; iter < 60; iter++ {
			nb := 1 + r.IntN(12)
			cols := nb * c.typ.BlockSize()
			batch := 4 + r.IntN(9)
			x := batchNormals(r, iter, batch*cols)
			w := randomWeights(r, c.typ, 1, cols)
			p.prepareActs(actKindOf(c.typ), x, batch, batch, cols)
			p.transposeActs(batch, cols)
			p.interleavedActs(batch, cols)
			b := r.IntN(batch - 3)
			if c.fours[0].name == "Z" {
				b &^= 3 // the Z kernel's groups (MatMul's tiles)
			}
			for _, f := range c.fours {
				if f.name == "VNNI" && !hasVNNI || f.name == "Z" && !hasZ4 {
					continue
				}
				m := &mmTask{rows: 1, cols: cols, batch: batch, acts: p.scratch.acts, out: make([]float32, batch),
					qs: p.scratch.qs, dT: p.scratch.dT, dsT: p.scratch.dsT, bsT: p.scratch.bsT, qsI: p.scratch.qsI, xsI: p.scratch.xsI}
				f.f(m, w, b, 0)
				for col := b; col < b+4; col++ {
					got := c.exact(w, &p.scratch.acts[col])
					if math.Float32bits(got) != math.Float32bits(m.out[col]) {
						t.Fatalf("%v nb=%d col %d: exact one-column %v, four-column %s %v", c.typ, nb, col, got, f.name, m.out[col])
					}
				}
			}
			a := &p.scratch.acts[b]
			got, want := c.exact(w, a), genericKernels.dot[c.typ](w, a)
			if d := math.Abs(float64(got - want)); d > 1e-4*math.Abs(float64(want))+1e-3 {
				t.Fatalf("%v nb=%d: exact one-column %v, generic %v", c.typ, nb, got, want)
			}
		}
	}
}
