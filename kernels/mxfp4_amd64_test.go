//go:build !noasm

package kernels

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestDotMXFP4AVX2 is the differential test of the generated kernel
// against its pure-Go twin: equal up to float32 summation order, over
// rows of 1 to 90 blocks and scales from denormal to large.
func TestDotMXFP4AVX2(t *testing.T) {
	if !hasAVX2 {
		t.Skip("no AVX2")
	}
	r := rand.New(rand.NewPCG(7, 7))
	for _, sc := range [][2]int{{0, 3}, {100, 150}, {120, 130}} {
		for _, nb := range []int{1, 2, 3, 7, 90} {
			w, a := mxfp4Row(r, 32*nb, sc[0], sc[1])
			want := dotMXFP4Generic(w, a)
			got := dotMXFP4Asm(w, a)
			var mag float64
			for i := range nb {
				mag += math.Abs(float64(a.d[i]*e8m0Half[w[17*i]])) * 32 * 127 * 12
			}
			if d := math.Abs(float64(got - want)); d > 1e-6*mag && d > 0 {
				t.Fatalf("scales %v, %d blocks: AVX2 %v, generic %v", sc, nb, got, want)
			}
		}
	}
	if got := dotMXFP4Asm(nil, &act{}); got != 0 {
		t.Fatalf("no blocks: %v", got)
	}
}

// BenchmarkDotMXFP4 times one row of gpt-oss-20b's hidden length (2880)
// with the generated AVX2 kernel and its pure-Go twin.
func BenchmarkDotMXFP4(b *testing.B) {
	w, a := mxfp4Row(rand.New(rand.NewPCG(1, 1)), 2880, 110, 140)
	for _, k := range []struct {
		name string
		dot  dotFunc
	}{{"avx2", dotMXFP4Asm}, {"generic", dotMXFP4Generic}} {
		if k.name == "avx2" && !hasAVX2 {
			continue
		}
		b.Run(k.name, func(b *testing.B) {
			b.SetBytes(int64(len(w)))
			for b.Loop() {
				k.dot(w, a)
			}
		})
	}
}
