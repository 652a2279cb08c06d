package kernels

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestAddLayerNorm compares AddLayerNorm (assembly where the CPU has it)
// with its twin bit for bit and with Add followed by LayerNorm within
// float32 rounding, with and without bias, weight and norm bias, over
// lengths with and without a multiple of 8, in guard-padded buffers.
func TestAddLayerNorm(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	vec := func(n int, mean, sd float64) []float32 {
		v := make([]float32, n)
		for i := range v {
			v[i] = float32(mean + sd*r.NormFloat64())
		}
		return v
	}
	for iter := range 200 {
		n := 1 + r.IntN(100)
		if iter%2 == 0 {
			n = 8 * (1 + r.IntN(100))
		}
		x, checkGuards := padded(t, n, func(int) float32 { return float32(r.NormFloat64()) })
		y := vec(n, 3, 2)
		var bias, w, b []float32
		if iter&4 != 0 {
			bias = vec(n, 0, 0.5)
		}
		if iter&8 != 0 {
			w = vec(n, 1, 0.1)
		}
		if iter&16 != 0 {
			b = vec(n, 0, 0.1)
		}
		eps := float32(1e-12)
		want := append([]float32(nil), x...)
		addLayerNormGeneric(want, y, bias, w, b, eps)
		ref := append([]float32(nil), x...)
		yb := append([]float32(nil), y...)
		if bias != nil {
			Add(yb, yb, bias)
		}
		Add(ref, yb, ref)
		LayerNorm(ref, ref, w, b, eps)
		AddLayerNorm(x, y, bias, w, b, eps)
		for i := range x {
			if math.Float32bits(x[i]) != math.Float32bits(want[i]) {
				t.Fatalf("n=%d: x[%d] = %v, generic twin %v", n, i, x[i], want[i])
			}
			if d := math.Abs(float64(x[i] - ref[i])); d > 1e-5*(1+math.Abs(float64(ref[i]))) {
				t.Fatalf("n=%d: x[%d] = %v, Add+LayerNorm %v", n, i, x[i], ref[i])
			}
		}
		checkGuards()
	}
	AddLayerNorm(nil, nil, nil, nil, nil, 1e-5) // must not panic
}
