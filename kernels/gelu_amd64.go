//go:build !noasm

package kernels

// geluF16AVX2 applies GELUF16 to x[:n] (n a positive multiple of 8) with
// bias (nil: none) and table t. Twin: geluF16Generic.
//
//go:noescape
func geluF16AVX2(x, bias *float32, n int, t *[1 << 16]float32)

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
