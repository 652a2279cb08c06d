package kernels

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestAddMatchesGeneric compares Add (assembly where the CPU has it) with
// its twin over random lengths, with dst separate from and aliasing either
// input, in guard-padded buffers.
func TestAddMatchesGeneric(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	const guard = 9
	for iter := range 300 {
		n := r.IntN(300)
		mk := func() ([]float32, []float32) {
			buf := make([]float32, n+2*guard)
			for i := range buf {
				buf[i] = float32(r.NormFloat64())
			}
			return buf, buf[guard : guard+n]
		}
		_, a := mk()
		_, b := mk()
		dbuf, dst := mk()
		guards := append([]float32(nil), dbuf...)
		want := make([]float32, n)
		addF32Generic(want, a, b)
		switch iter % 3 {
		case 1:
			copy(dst, a)
			a = dst
		case 2:
			copy(dst, b)
			b = dst
		}
		Add(dst, a, b)
		for i := range dst {
			if math.Float32bits(dst[i]) != math.Float32bits(want[i]) {
				t.Fatalf("n=%d alias=%d: dst[%d] = %v, want %v", n, iter%3, i, dst[i], want[i])
			}
		}
		for i := range guard {
			if dbuf[i] != guards[i] || dbuf[guard+n+i] != guards[guard+n+i] {
				t.Fatalf("n=%d: guard values changed", n)
			}
		}
	}
}
