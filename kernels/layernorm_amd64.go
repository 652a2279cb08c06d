//go:build !noasm

package kernels

func addLayerNorm(x, y, bias, w, b []float32, eps float32) {
	n := len(x)
	if !hasAVX2 || n%8 != 0 {
		addLayerNormGeneric(x, y, bias, w, b, eps)
		return
	}
	var sums [8]float64
	addSumAVX2(&x[0], &y[0], ptr(bias), n, &sums)
	mean, scale := normStats(x, &sums, eps)
	normalize(x, mean, scale, w, b)
}

func devSum(x []float32, mean float32, sums *[8]float64) {
	if !hasAVX2 || len(x)%8 != 0 {
		devSumGeneric(x, mean, sums)
		return
	}
	devSumAVX2(&x[0], len(x), mean, sums)
}

func normalize(x []float32, mean, scale float32, w, b []float32) {
	if !hasAVX2 || len(x)%8 != 0 {
		normalizeGeneric(x, mean, scale, w, b)
		return
	}
	normalizeAVX2(&x[0], len(x), mean, scale, ptr(w), ptr(b))
}

// ptr is &s[0], or nil for an empty s.
func ptr(s []float32) *float32 {
	if len(s) == 0 {
		return nil
	}
	return &s[0]
}
