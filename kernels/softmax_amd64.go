//go:build !noasm

package kernels

func softmaxVec(x []float32) {
	n := len(x) &^ 7
	if !hasAVX2 || n == 0 {
		softmaxVecGeneric(x)
		return
	}
	mx := maxAVX2(&x[0], n)
	for _, v := range x[n:] {
		mx = max(mx, v)
	}
	var lanes [8]float32
	expSumAVX2(&x[0], n, mx, &lanes)
	sum := reduce8(&lanes)
	inv := expTailInv(x[n:], mx, sum)
	scaleAVX2(&x[0], n, inv)
	for i := n; i < len(x); i++ {
		x[i] *= inv
	}
}
