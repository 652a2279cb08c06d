package kernels

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// TestMulF32 checks MulF32 (assembly tiles where the CPU has them, the
// twin on the edges) against a float64 product over random shapes and
// strides, within float32 rounding of the sum of |products|, and that it
// writes nothing outside c's m×n window (padding between rows and after
// the end included).
func TestMulF32(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	for iter := range 300 {
		m, n, k := 1+r.IntN(20), 1+r.IntN(50), r.IntN(70)
		if iter%4 == 0 {
			m, n = 6*(1+r.IntN(4)), 16*(1+r.IntN(3))
		}
		lda, ldb, ldc := k+r.IntN(3), n+r.IntN(3), n+r.IntN(3)
		fill := func(size int) []float32 {
			s := normals(r, size)
			return s
		}
		a, b := fill(m*lda+3), fill(max(k, 1)*ldb+3)
		const sentinel = 12345
		c := make([]float32, m*ldc+5)
		for i := range c {
			c[i] = sentinel
		}
		MulF32(c, ldc, a, lda, b, ldb, m, n, k)
		gen := make([]float32, m*ldc+5)
		mulF32Generic(gen, ldc, a, lda, b, ldb, m, n, k)
		for i := range c {
			row, col := i/ldc, i%ldc
			if row >= m || col >= n {
				if c[i] != sentinel {
					t.Fatalf("%dx%dx%d: c[%d] outside the product changed to %v", m, n, k, i, c[i])
				}
				continue
			}
			var want, mag float64
			for p := range k {
				x := float64(a[row*lda+p]) * float64(b[p*ldb+col])
				want += x
				mag += math.Abs(x)
			}
			tol := 1e-6*mag + 1e-30
			if d := math.Abs(float64(c[i]) - want); d > tol {
				t.Fatalf("%dx%dx%d: c[%d][%d] = %v, want %v", m, n, k, row, col, c[i], want)
			}
			if d := math.Abs(float64(c[i] - gen[i])); d > tol {
				t.Fatalf("%dx%dx%d: c[%d][%d] = %v, generic twin %v", m, n, k, row, col, c[i], gen[i])
			}
		}
	}
}

func TestMulF32Panics(t *testing.T) {
	ok := make([]float32, 64)
	for name, f := range map[string]func(){
		"short c":    func() { MulF32(ok[:10], 4, ok, 4, ok, 4, 4, 4, 4) },
		"short a":    func() { MulF32(ok, 4, ok[:10], 4, ok, 4, 4, 4, 4) },
		"short b":    func() { MulF32(ok, 4, ok, 4, ok[:10], 4, 4, 4, 4) },
		"bad lda":    func() { MulF32(ok, 4, ok, 3, ok, 4, 4, 4, 4) },
		"negative k": func() { MulF32(ok, 4, ok, 4, ok, 4, 4, 4, -1) },
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Fatal("no panic")
				}
			}()
			f()
		})
	}
}

// BenchmarkMulF32 times attention-shaped products: scores (queries ×
// transposed keys) and outputs (probabilities × values) of one 64-wide
// head over 256 tokens.
func BenchmarkMulF32(b *testing.B) {
	for _, s := range [][3]int{{126, 256, 64}, {126, 64, 256}} {
		m, n, k := s[0], s[1], s[2]
		b.Run(fmt.Sprintf("%dx%dx%d", m, n, k), func(b *testing.B) {
			x, y, z := make([]float32, m*k), make([]float32, k*n), make([]float32, m*n)
			for i := range x {
				x[i] = float32(i%7) - 3
			}
			for i := range y {
				y[i] = float32(i%5) - 2
			}
			for b.Loop() {
				MulF32(z, n, x, k, y, n, m, n, k)
			}
			b.ReportMetric(2*float64(m*n*k)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
		})
	}
}
