package embedding

import (
	"math"
	"testing"

	"github.com/gaianet-go/gaianet/kernels"
)

// geluRef is ggml_vec_gelu_f32 written plainly: clamp, then look up the
// half-precision table at kernels.F32ToF16(x).
func geluRef(v float32) float32 {
	switch {
	case v <= -10:
		return 0
	case v >= 10:
		return v
	}
	return geluTable()[kernels.F32ToF16(v)]
}

// TestGELUF16 checks the inlined half-precision rounding of geluF16
// against kernels.F32ToF16 over a sweep of float32 bit patterns of both
// signs (every 37th pattern below 11, which covers every binade and both
// rounding directions), and the table against the tanh formula.
func TestGELUF16(t *testing.T) {
	var buf [1]float32
	bad := 0
	check := func(v float32) {
		buf[0] = v
		geluF16(buf[:])
		want := geluRef(v)
		if math.Float32bits(buf[0]) != math.Float32bits(want) && !(want != want && buf[0] != buf[0]) {
			if bad++; bad < 10 {
				t.Errorf("geluF16(%g) = %g, want %g", v, buf[0], want)
			}
		}
	}
	for u := uint32(0); u < 0x41300000; u += 37 {
		check(math.Float32frombits(u))
		check(-math.Float32frombits(u))
	}
	for _, v := range []float32{0, -0, 10, -10, 9.999, 65504, -1e30, float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.NaN()),
		6.1035156e-05, 6.1035153e-05, 5.9604645e-08, 2.9802322e-08} {
		check(v)
	}
	for _, v := range []float64{-3, -1, -0.5, 0.25, 1, 2.5, 7} {
		exact := 0.5 * v * (1 + math.Tanh(math.Sqrt(2/math.Pi)*(v+0.044715*v*v*v)))
		buf[0] = float32(v)
		geluF16(buf[:])
		if math.Abs(float64(buf[0])-exact) > 2e-3*math.Max(1, math.Abs(exact)) {
			t.Errorf("gelu(%v) = %v, want about %v", v, buf[0], exact)
		}
	}
	buf[0] = float32(math.NaN())
	if geluF16(buf[:]); buf[0] == buf[0] {
		t.Errorf("gelu(NaN) = %v", buf[0])
	}
}

func BenchmarkGELU(b *testing.B) {
	x := make([]float32, 3072)
	for i := range x {
		x[i] = float32(i%997)/50 - 10
	}
	y := make([]float32, len(x))
	b.SetBytes(int64(4 * len(x)))
	for b.Loop() {
		copy(y, x)
		geluF16(y)
	}
}
