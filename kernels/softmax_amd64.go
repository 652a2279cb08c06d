//go:build !noasm

package kernels

// maxAVX2 returns the largest of x[:n]; n must be a positive multiple of
// 8. Twin: the max loop of softmaxVecGeneric.
//
//go:noescape
func maxAVX2(x *float32, n int) float32

// expSumAVX2 replaces x[i] with expVec(x[i]-shift) for i < n (a positive
// multiple of 8) and sets lanes[j] to the in-order sum of the new values
// with i%8 == j. Twin: the first exp loop of softmaxVecGeneric.
//
//go:noescape
func expSumAVX2(x *float32, n int, shift float32, lanes *[8]float32)

// scaleAVX2 multiplies x[:n] by s; n must be a positive multiple of 8.
// Twin: the last loop of softmaxVecGeneric.
//
//go:noescape
func scaleAVX2(x *float32, n int, s float32)

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

// swiGLUAVX2 sets dst[i] = gate[i] / (1 + expVec(-gate[i])) * up[i] for
// i < n (a positive multiple of 8); dst may be gate or up. Twin:
// swiGLUGeneric.
//
//go:noescape
func swiGLUAVX2(dst, gate, up *float32, n int)

func swiGLU(dst, gate, up []float32) {
	if n := len(gate) &^ 7; hasAVX2 && n > 0 {
		_, _ = dst[n-1], up[n-1]
		swiGLUAVX2(&dst[0], &gate[0], &up[0], n)
		dst, gate, up = dst[n:], gate[n:], up[n:]
	}
	swiGLUGeneric(dst, gate, up)
}
