package kernels

import (
	"math"
	"math/rand/v2"
	"testing"
)

// geluRef is ggml_vec_gelu_f32 written plainly: clamp, then look up the
// half-precision table at F32ToF16(v).
func geluRef(v float32) float32 {
	switch {
	case v <= -10:
		return 0
	case v >= 10:
		return v
	}
	return geluF16Table()[F32ToF16(v)]
}

func sameFloat(a, b float32) bool {
	return math.Float32bits(a) == math.Float32bits(b) || (a != a && b != b)
}

// TestGELUF16Sweep runs GELUF16 over a sweep of float32 bit patterns of
// both signs (every 37th pattern below 11, which covers every binade and
// both rounding directions to half precision), eight lanes at a time,
// against geluRef, and checks the table against the tanh formula.
func TestGELUF16Sweep(t *testing.T) {
	var vals []float32
	for u := uint32(0); u < 0x41300000; u += 37 {
		vals = append(vals, math.Float32frombits(u), -math.Float32frombits(u))
	}
	vals = append(vals, 0, float32(math.Copysign(0, -1)), 10, -10, 9.999, 65504, -1e30, 1e30,
		float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.NaN()),
		6.1035156e-05, 6.1035153e-05, 5.9604645e-08, 2.9802322e-08)
	x := append([]float32(nil), vals...)
	GELUF16(x, nil)
	bad := 0
	for i, v := range vals {
		if want := geluRef(v); !sameFloat(x[i], want) {
			if bad++; bad < 10 {
				t.Errorf("GELUF16(%g) = %g, want %g", v, x[i], want)
			}
		}
	}
	for _, v := range []float64{-3, -1, -0.5, 0.25, 1, 2.5, 7} {
		exact := 0.5 * v * (1 + math.Tanh(math.Sqrt(2/math.Pi)*(v+0.044715*v*v*v)))
		x := []float32{float32(v)}
		GELUF16(x, nil)
		if math.Abs(float64(x[0])-exact) > 2e-3*math.Max(1, math.Abs(exact)) {
			t.Errorf("gelu(%v) = %v, want about %v", v, x[0], exact)
		}
	}
}

// TestGELUF16MatchesGeneric compares GELUF16 (assembly where the CPU has
// it) with its twin over random lengths, with and without a bias, in
// guard-padded buffers.
func TestGELUF16MatchesGeneric(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for iter := range 300 {
		n := r.IntN(200)
		x, checkGuards := padded(t, n, func(i int) float32 { return float32(500 + i) })
		for i := range x {
			x[i] = float32(r.NormFloat64() * []float64{0.01, 1, 6, 20}[iter%4])
		}
		var bias []float32
		if iter%2 == 1 {
			bias = make([]float32, n+r.IntN(3))
			for i := range bias {
				bias[i] = float32(r.NormFloat64())
			}
		}
		want := append([]float32(nil), x...)
		geluF16Generic(want, bias, geluF16Table())
		GELUF16(x, bias)
		for i := range x {
			if !sameFloat(x[i], want[i]) {
				t.Fatalf("n=%d bias=%v: x[%d] = %v, generic %v", n, bias != nil, i, x[i], want[i])
			}
		}
		checkGuards()
	}
}

func BenchmarkGELUF16(b *testing.B) {
	x := make([]float32, 3072)
	for i := range x {
		x[i] = float32(i%997)/50 - 10
	}
	y := make([]float32, len(x))
	b.SetBytes(int64(4 * len(x)))
	for b.Loop() {
		copy(y, x)
		GELUF16(y, nil)
	}
}
