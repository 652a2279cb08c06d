//go:build noasm || !amd64

package kernels

func mulF32(c []float32, ldc int, a []float32, lda int, b []float32, ldb int, m, n, k int) {
	mulF32Generic(c, ldc, a, lda, b, ldb, m, n, k)
}
