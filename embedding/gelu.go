package embedding

import (
	"math"
	"sync"

	"github.com/gaianet-go/gaianet/kernels"
)

// geluTable maps every half-precision bit pattern h to the GELU (tanh
// approximation) of its value, rounded to half precision and widened back:
// ggml's ggml_table_gelu_f16, which llama.cpp's CPU GELU looks values up in.
// It is built on first use and only read afterwards.
var geluTable = sync.OnceValue(func() *[1 << 16]float32 {
	const (
		c  = 0.044715
		s2 = 0.79788456080286535587989211986876 // sqrt(2/pi)
	)
	var t [1 << 16]float32
	for i := range t {
		x := kernels.F16ToF32(uint16(i))
		g := 0.5 * x * (1 + float32(math.Tanh(float64(s2*x*(1+c*x*x)))))
		t[i] = kernels.F16ToF32(kernels.F32ToF16(g))
	}
	return &t
})

// geluF16 replaces x with GELU(x) as ggml_vec_gelu_f32 computes it with
// GGML_GELU_FP16 (llama.cpp's default): 0 at or below -10, x at or above
// 10, else the table entry of x rounded to half precision.
func geluF16(x []float32) {
	t := geluTable()
	for i, v := range x {
		a := math.Float32bits(v) & 0x7fffffff
		switch {
		case v <= -10:
			x[i] = 0
		case v >= 10:
		case a >= 0x38800000 && a < 0x41200000:
			// 2^-14 <= |v| < 10: v rounds to a normal half. Round the
			// mantissa to 10 bits (ties to even; a carry correctly bumps
			// the exponent) and rebias the exponent from 127 to 15.
			h := (a+0xfff+(a>>13)&1)>>13 - (127-15)<<10
			x[i] = t[uint16(math.Float32bits(v)>>16)&0x8000|uint16(h)]
		default: // tiny values and NaN
			x[i] = t[kernels.F32ToF16(v)]
		}
	}
}
