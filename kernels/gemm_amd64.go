//go:build !noasm

package kernels

func mulF32(c []float32, ldc int, a []float32, lda int, b []float32, ldb int, m, n, k int) {
	if !hasAVX2 {
		mulF32Generic(c, ldc, a, lda, b, ldb, m, n, k)
		return
	}
	m6, n16 := m/6*6, n/16*16
	for i := 0; i < m6; i += 6 {
		// Bounds of the tile row strip (MulF32 checked the whole shape).
		_ = a[(i+5)*lda+k-1]
		_ = c[(i+5)*ldc+n16-1]
		for j := 0; j < n16; j += 16 {
			gemmF32x6x16AVX2(&a[i*lda], 4*lda, &b[j], 4*ldb, k, &c[i*ldc+j], 4*ldc)
		}
	}
	if n16 < n {
		mulF32Generic(c[n16:], ldc, a, lda, b[n16:], ldb, m6, n-n16, k)
	}
	if m6 < m {
		mulF32Generic(c[m6*ldc:], ldc, a[m6*lda:], lda, b, ldb, m-m6, n, k)
	}
}
