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
	for i := n; i < len(x); i++ {
		e := expVec(x[i] - mx)
		x[i] = e
		sum += e
	}
	inv := 1 / sum
	scaleAVX2(&x[0], n, inv)
	for i := n; i < len(x); i++ {
		x[i] *= inv
	}
}

func swiGLU(dst, gate, up []float32) {
	if n := len(gate) &^ 7; hasAVX2 && n > 0 {
		_, _ = dst[n-1], up[n-1]
		swiGLUAVX2(&dst[0], &gate[0], &up[0], n)
		dst, gate, up = dst[n:], gate[n:], up[n:]
	}
	swiGLUGeneric(dst, gate, up)
}
