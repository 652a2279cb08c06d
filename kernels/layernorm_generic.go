//go:build noasm || !amd64

package kernels

func addLayerNorm(x, y, bias, w, b []float32, eps float32) {
	addLayerNormGeneric(x, y, bias, w, b, eps)
}

func devSum(x []float32, mean float32, sums *[8]float64) { devSumGeneric(x, mean, sums) }

func normalize(x []float32, mean, scale float32, w, b []float32) {
	normalizeGeneric(x, mean, scale, w, b)
}
