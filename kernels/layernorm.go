package kernels

import "math"

// AddLayerNorm sets x to LayerNorm(x + y + bias) with weight w and bias b:
// the residual connection and post-norm of a BERT sublayer in one call.
// bias, w and b may be nil; y, bias, w and b must be at least as long as
// x. Like LayerNorm it sums in float64, but over eight lanes (values i
// with the same i%8) combined at the end, which lets rows whose length is
// a multiple of 8 go through AVX2 assembly on amd64; the mean and
// variance can therefore differ from LayerNorm's in the last bits.
// addLayerNormGeneric is the pure-Go twin, bit for bit. Safe for
// concurrent use on distinct x.
func AddLayerNorm(x, y, bias, w, b []float32, eps float32) {
	n := len(x)
	if n == 0 {
		return
	}
	y = y[:n]
	if bias != nil {
		bias = bias[:n]
	}
	if w != nil {
		w = w[:n]
	}
	if b != nil {
		b = b[:n]
	}
	addLayerNorm(x, y, bias, w, b, eps)
}

// addLayerNormGeneric is AddLayerNorm value by value: sums in eight
// float64 lanes (reduceLanes), then the same normalization as LayerNorm.
func addLayerNormGeneric(x, y, bias, w, b []float32, eps float32) {
	var lanes [8]float64
	for i := range x {
		v := y[i]
		if bias != nil {
			v += bias[i]
		}
		v += x[i]
		x[i] = v
		lanes[i&7] += float64(v)
	}
	mean, scale := normStats(x, &lanes, eps)
	normalize(x, mean, scale, w, b)
}

// normStats returns the mean of x, given its lane sums, and
// 1/sqrt(variance+eps), the variance summed in lanes too.
func normStats(x []float32, sums *[8]float64, eps float32) (mean, scale float32) {
	n := float64(len(x))
	mean = float32(reduceLanes(sums) / n)
	devSum(x, mean, sums)
	variance := float32(reduceLanes(sums) / n)
	return mean, 1 / float32(math.Sqrt(float64(variance+eps)))
}

// devSumGeneric sets sums[j] to the sum, in order, of float64((x[i] -
// mean)²) over i%8 == j, each square rounded to float32 first.
func devSumGeneric(x []float32, mean float32, sums *[8]float64) {
	*sums = [8]float64{}
	for i, v := range x {
		d := v - mean
		sums[i&7] += float64(d * d)
	}
}

// normalizeGeneric sets x[i] to ((x[i]-mean)*scale)*w[i] + b[i], w and b
// skipped when nil.
func normalizeGeneric(x []float32, mean, scale float32, w, b []float32) {
	for i, v := range x {
		v = float32((v - mean) * scale) // conversions keep Go from fusing into FMAs
		if w != nil {
			v = float32(v * w[i])
		}
		if b != nil {
			v += b[i]
		}
		x[i] = v
	}
}

// reduceLanes adds eight lane sums in a fixed order: halves, then
// quarters, then pairs (as the assembly stores two vectors of four).
func reduceLanes(l *[8]float64) float64 {
	a0, a1, a2, a3 := l[0]+l[4], l[1]+l[5], l[2]+l[6], l[3]+l[7]
	return (a0 + a2) + (a1 + a3)
}
