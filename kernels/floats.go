package kernels

// DotF32 returns the dot product of a and b[:len(a)]; b must be at least as
// long as a. Safe for concurrent use.
func DotF32(a, b []float32) float32 {
	b = b[:len(a)]
	if len(a) == 0 {
		return 0
	}
	return dotF32(a, b)
}

// DotF16F32 returns the dot product of the half-precision vector a (raw
// IEEE binary16 bits) and b[:len(a)]. Safe for concurrent use.
func DotF16F32(a []uint16, b []float32) float32 {
	b = b[:len(a)]
	if len(a) == 0 {
		return 0
	}
	return dotF16F32(a, b)
}

// AxpyF32 adds alpha*x to y element-wise: y[i] += alpha*x[i] for
// i < len(y); x must be at least as long as y. Safe for concurrent use on
// distinct y.
func AxpyF32(alpha float32, x, y []float32) {
	x = x[:len(y)]
	if len(y) == 0 {
		return
	}
	axpyF32(alpha, x, y)
}

// AxpyF16 adds alpha*x to y where x holds half-precision values:
// y[i] += alpha*float32(x[i]) for i < len(y). Safe for concurrent use on
// distinct y.
func AxpyF16(alpha float32, x []uint16, y []float32) {
	x = x[:len(y)]
	if len(y) == 0 {
		return
	}
	axpyF16(alpha, x, y)
}

func dotBF16F32Generic(a []uint16, b []float32) float32 {
	b = b[:len(a)]
	var s [4]float32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s[0] += BF16ToF32(a[i]) * b[i]
		s[1] += BF16ToF32(a[i+1]) * b[i+1]
		s[2] += BF16ToF32(a[i+2]) * b[i+2]
		s[3] += BF16ToF32(a[i+3]) * b[i+3]
	}
	for ; i < len(a); i++ {
		s[0] += BF16ToF32(a[i]) * b[i]
	}
	return (s[0] + s[1]) + (s[2] + s[3])
}

func axpyF32Generic(alpha float32, x, y []float32) {
	x = x[:len(y)]
	for i, v := range x {
		y[i] += alpha * v
	}
}

func axpyF16Generic(alpha float32, x []uint16, y []float32) {
	x = x[:len(y)]
	for i, v := range x {
		y[i] += alpha * f16Table[v]
	}
}
