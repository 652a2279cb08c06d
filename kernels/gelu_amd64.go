//go:build !noasm

package kernels

func geluF16(x, bias []float32, t *[1 << 16]float32) {
	if n := len(x) &^ 7; hasAVX2 && n > 0 {
		var b *float32
		if bias != nil {
			b = &bias[0]
		}
		geluF16AVX2(&x[0], b, n, t)
		x = x[n:]
		if bias != nil {
			bias = bias[n:]
		}
	}
	geluF16Generic(x, bias, t)
}
