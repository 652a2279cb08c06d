package kernels

import "fmt"

// MulF32 sets the m×n matrix c to the product of the m×k matrix a and the
// k×n matrix b, all float32 and row-major with row strides lda, ldb and
// ldc (in values):
//
//	c[i*ldc+j] = sum over p < k of a[i*lda+p] * b[p*ldb+j]
//
// summed in order of p. It is the product attention needs (scores from
// queries and transposed keys, outputs from probabilities and values),
// where neither operand is a weight matrix. It runs on the calling
// goroutine: on amd64 with AVX2 and FMA, tiles of 6 rows × 16 columns go
// through the assembly kernel gemmF32x6x16AVX2 (each sum accumulated by
// fused multiply-adds, so results can differ from the pure-Go twin,
// mulF32Generic, in the last bits); the rows past a multiple of 6 and the
// columns past a multiple of 16 use the twin. c must not overlap a or b.
// MulF32 panics if a slice is too short for its shape. Safe for
// concurrent use on distinct c.
func MulF32(c []float32, ldc int, a []float32, lda int, b []float32, ldb int, m, n, k int) {
	if m <= 0 || n <= 0 {
		return
	}
	switch {
	case k < 0 || lda < k || ldb < n || ldc < n:
		panic(fmt.Sprintf("kernels: MulF32: bad shape %dx%dx%d with strides %d, %d, %d", m, n, k, lda, ldb, ldc))
	case len(c) < (m-1)*ldc+n:
		panic(fmt.Sprintf("kernels: MulF32: c has %d values, %dx%d (stride %d) needs %d", len(c), m, n, ldc, (m-1)*ldc+n))
	case k > 0 && len(a) < (m-1)*lda+k:
		panic(fmt.Sprintf("kernels: MulF32: a has %d values, %dx%d (stride %d) needs %d", len(a), m, k, lda, (m-1)*lda+k))
	case k > 0 && len(b) < (k-1)*ldb+n:
		panic(fmt.Sprintf("kernels: MulF32: b has %d values, %dx%d (stride %d) needs %d", len(b), k, n, ldb, (k-1)*ldb+n))
	}
	if k == 0 {
		for i := range m {
			clear(c[i*ldc : i*ldc+n])
		}
		return
	}
	mulF32(c, ldc, a, lda, b, ldb, m, n, k)
}

// mulF32Generic is MulF32 for any shape, one output at a time (the twin
// of the assembly tiles).
func mulF32Generic(c []float32, ldc int, a []float32, lda int, b []float32, ldb int, m, n, k int) {
	for i := range m {
		ar := a[i*lda : i*lda+k]
		cr := c[i*ldc : i*ldc+n]
		for j := range cr {
			var s float32
			for p, v := range ar {
				s += v * b[p*ldb+j]
			}
			cr[j] = s
		}
	}
}
