package kernels

import (
	"math"
	"sync"
)

// geluF16Table maps every half-precision bit pattern h to the GELU (tanh
// approximation) of its value, rounded to half precision and widened back:
// ggml's ggml_table_gelu_f16, which llama.cpp's CPU GELU looks values up
// in. It is built on first use and only read afterwards.
var geluF16Table = sync.OnceValue(func() *[1 << 16]float32 {
	const (
		c  = 0.044715
		s2 = 0.79788456080286535587989211986876 // sqrt(2/pi)
	)
	var t [1 << 16]float32
	for i := range t {
		x := F16ToF32(uint16(i))
		g := 0.5 * x * (1 + float32(math.Tanh(float64(s2*x*(1+c*x*x)))))
		t[i] = F16ToF32(F32ToF16(g))
	}
	return &t
})

// GELUF16 adds bias to x (when bias is not nil; it must then be at least
// as long as x) and replaces each sum v with GELU(v) as ggml_vec_gelu_f32
// computes it with GGML_GELU_FP16, llama.cpp's default: 0 at or below
// -10, v at or above 10, otherwise the tanh-approximation GELU of v
// rounded to half precision, looked up in a table of all 65536 halves.
// On amd64 with AVX2 eight values go at a time (gelu_avx2_amd64.s, table
// lookups by gather); geluF16Generic is the pure-Go twin, bit for bit.
// Safe for concurrent use on distinct x.
func GELUF16(x, bias []float32) {
	if bias != nil {
		bias = bias[:len(x)]
	}
	geluF16(x, bias, geluF16Table())
}

// geluF16Generic is GELUF16 one value at a time.
func geluF16Generic(x, bias []float32, t *[1 << 16]float32) {
	for i, v := range x {
		if bias != nil {
			v += bias[i]
		}
		switch {
		case v <= -10:
			v = 0
		case v >= 10:
		default:
			v = t[F32ToF16(v)]
		}
		x[i] = v
	}
}
