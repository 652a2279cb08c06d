package kernels

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestExpVecAccuracy checks expVec against math.Exp over its whole range:
// relative error below 1e-7 (about one float32 ulp) where e^x is a normal
// float32, 0 below expLo and for -Inf.
func TestExpVecAccuracy(t *testing.T) {
	worst := 0.0
	check := func(x float32) {
		got := float64(expVec(x))
		want := math.Exp(float64(x))
		if e := math.Abs(got-want) / want; e > worst {
			worst = e
			if e > 1e-7 {
				t.Fatalf("expVec(%v) = %v, math.Exp gives %v (relative error %.3g)", x, got, want, e)
			}
		}
	}
	for x := float32(expLo); x <= expHi; x += 1.0 / 1024 {
		check(x)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 1 << 20 {
		check(expLo + float32(r.Float64())*(expHi-expLo))
	}
	for _, x := range []float32{0, float32(math.Copysign(0, -1)), 1, -1, 0.34657359, -0.34657359, expHi, -87.3} {
		check(x)
	}
	t.Logf("worst relative error %.3g", worst)
	for _, x := range []float32{expLo - 0.01, -100, -1e30, float32(math.Inf(-1))} {
		if got := expVec(x); got != 0 {
			t.Errorf("expVec(%v) = %v, want 0", x, got)
		}
	}
}

// TestSoftmaxVecMatchesGeneric compares SoftmaxVec (assembly where the CPU
// has it) with its pure-Go twin bit for bit, and with Softmax within a
// few ulps, over lengths with and without tails, masked entries and
// offsets, in guard-padded buffers.
func TestSoftmaxVecMatchesGeneric(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for iter := range 400 {
		n := vecTestLen(r, iter)
		scale := []float64{0.1, 1, 5, 30}[iter%4]
		offset := float32(r.NormFloat64() * 100)
		x, checkGuards := padded(t, n, func(i int) float32 { return float32(1000 + i) })
		for i := range x {
			x[i] = offset + float32(r.NormFloat64()*scale)
			if r.IntN(10) == 0 {
				x[i] = float32(math.Inf(-1))
			}
		}
		if iter%5 == 0 {
			x[r.IntN(n)] = offset // at least one finite value
		}
		masked := true
		for _, v := range x {
			masked = masked && math.IsInf(float64(v), -1)
		}
		if masked {
			x[0] = offset
		}
		want := append([]float32(nil), x...)
		softmaxVecGeneric(want)
		ref := append([]float32(nil), x...)
		Softmax(ref)
		SoftmaxVec(x)
		var sum float64
		for i, v := range x {
			if math.Float32bits(v) != math.Float32bits(want[i]) {
				t.Fatalf("n=%d: x[%d] = %v, generic twin gives %v", n, i, v, want[i])
			}
			if math.Abs(float64(v-ref[i])) > 1e-6*float64(ref[i])+1e-12 {
				t.Fatalf("n=%d: x[%d] = %v, Softmax gives %v", n, i, v, ref[i])
			}
			sum += float64(v)
		}
		if math.Abs(sum-1) > 1e-5 {
			t.Fatalf("n=%d: sum %v, want 1", n, sum)
		}
		checkGuards()
	}
	SoftmaxVec(nil) // must not panic
}

func BenchmarkSoftmax(b *testing.B) {
	for _, f := range []struct {
		name string
		fn   func([]float32)
	}{{"Softmax", Softmax}, {"SoftmaxVec", SoftmaxVec}} {
		b.Run(f.name+"/256", func(b *testing.B) {
			x := make([]float32, 256)
			r := rand.New(rand.NewPCG(7, 8))
			src := make([]float32, len(x))
			for i := range src {
				src[i] = float32(r.NormFloat64() * 3)
			}
			b.SetBytes(int64(4 * len(x)))
			for b.Loop() {
				copy(x, src)
				f.fn(x)
			}
		})
	}
}

// TestSwiGLUMatchesGeneric compares SwiGLU (assembly where the CPU has it)
// with its pure-Go twin bit for bit, and with silu(g)*u in double
// precision within a few ulps, over lengths with and without tails, large
// gates of both signs, and dst aliasing gate or up, in guard-padded
// buffers.
func TestSwiGLUMatchesGeneric(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for iter := range 400 {
		n := vecTestLen(r, iter)
		scale := []float64{0.1, 1, 5, 60}[iter%4]
		gate := make([]float32, n)
		up := make([]float32, n)
		for i := range gate {
			gate[i] = float32(r.NormFloat64() * scale)
			up[i] = float32(r.NormFloat64() * 3)
		}
		if n > 4 {
			gate[0], gate[1], gate[2], gate[3] = 0, float32(math.Copysign(0, -1)), 100, -100
		}
		want := make([]float32, n)
		swiGLUGeneric(want, gate, up)
		dst, checkGuards := padded(t, n, func(i int) float32 { return float32(1000 + i) })
		switch iter % 3 {
		case 1:
			copy(dst, gate)
			SwiGLU(dst, dst, up)
		case 2:
			copy(dst, up)
			SwiGLU(dst, gate, dst)
		default:
			SwiGLU(dst, gate, up)
		}
		for i, v := range dst {
			if math.Float32bits(v) != math.Float32bits(want[i]) {
				t.Fatalf("n=%d: dst[%d] = %v, generic twin gives %v (gate %v, up %v)", n, i, v, want[i], gate[i], up[i])
			}
			g := float64(gate[i])
			ref := g / (1 + math.Exp(-g)) * float64(up[i])
			if math.Abs(float64(v)-ref) > 4e-7*math.Abs(ref)+1e-30 {
				t.Fatalf("n=%d: dst[%d] = %v, silu(%v)*%v = %v", n, i, v, gate[i], up[i], ref)
			}
		}
		checkGuards()
	}
}

// vecTestLen is a vector length for iteration iter of the differential
// tests: every third a whole number of eight-wide groups, otherwise 1 to
// 300 (mostly with a tail).
func vecTestLen(r *rand.Rand, iter int) int {
	n := 1 + r.IntN(300) // drawn always, so the tests' inputs stay as they were
	if iter%3 == 0 {
		n = 8 * (1 + r.IntN(40))
	}
	return n
}
