package kernels

import (
	"math"
	"math/rand/v2"
	"testing"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol*(1+math.Abs(b)) }

func TestRMSNorm(t *testing.T) {
	tests := []struct {
		name string
		x, w []float32
		eps  float32
		want []float32
	}{
		{"unit", []float32{1, 1, 1, 1}, nil, 0, []float32{1, 1, 1, 1}},
		{"scaled", []float32{3, 4}, []float32{1, 2}, 0, []float32{3 / float32(math.Sqrt(12.5)), 8 / float32(math.Sqrt(12.5))}},
		{"eps", []float32{0, 0}, nil, 1, []float32{0, 0}},
		{"neg", []float32{-2, 2}, []float32{0.5, 0.5}, 0, []float32{-0.5, 0.5}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dst := make([]float32, len(tc.x))
			RMSNorm(dst, tc.x, tc.w, tc.eps)
			for i := range dst {
				if !near(float64(dst[i]), float64(tc.want[i]), 1e-6) {
					t.Fatalf("dst[%d] = %v, want %v", i, dst[i], tc.want[i])
				}
			}
		})
	}
}

func TestLayerNorm(t *testing.T) {
	x := []float32{1, 2, 3, 4}
	dst := make([]float32, 4)
	LayerNorm(dst, x, []float32{2, 2, 2, 2}, []float32{1, 1, 1, 1}, 0)
	// mean 2.5, var 1.25
	sd := math.Sqrt(1.25)
	for i, v := range x {
		want := (float64(v)-2.5)/sd*2 + 1
		if !near(float64(dst[i]), want, 1e-6) {
			t.Fatalf("dst[%d] = %v, want %v", i, dst[i], want)
		}
	}
}

func TestSoftmax(t *testing.T) {
	tests := []struct {
		name string
		x    []float32
		want []float64
	}{
		{"uniform", []float32{5, 5}, []float64{0.5, 0.5}},
		{"masked", []float32{0, float32(math.Inf(-1)), 0}, []float64{0.5, 0, 0.5}},
		{"large", []float32{1000, 1000 + float32(math.Log(3))}, []float64{0.25, 0.75}},
		{"empty", nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			Softmax(tc.x)
			for i := range tc.want {
				if !near(float64(tc.x[i]), tc.want[i], 1e-5) {
					t.Fatalf("x[%d] = %v, want %v", i, tc.x[i], tc.want[i])
				}
			}
		})
	}
}

func TestRope(t *testing.T) {
	const nRot = 8
	cos := make([]float32, nRot/2)
	sin := make([]float32, nRot/2)
	RopeTable(cos, sin, 3, nRot, 10000, 1, nil)
	for i := range cos {
		ang := 3 * math.Pow(10000, -2*float64(i)/nRot)
		if !near(float64(cos[i]), math.Cos(ang), 1e-5) || !near(float64(sin[i]), math.Sin(ang), 1e-5) {
			t.Fatalf("angle %d: cos %v sin %v, want angle %v", i, cos[i], sin[i], ang)
		}
	}
	// Frequency factors and linear scale divide/multiply the angle.
	c2 := make([]float32, nRot/2)
	s2 := make([]float32, nRot/2)
	RopeTable(c2, s2, 6, nRot, 10000, 0.5, []float32{1, 1, 1, 1})
	for i := range c2 {
		if !near(float64(c2[i]), float64(cos[i]), 1e-5) {
			t.Fatalf("linear scale: cos[%d] = %v, want %v", i, c2[i], cos[i])
		}
	}
	RopeTable(c2, s2, 3, nRot, 10000, 1, []float32{1, 2, 1, 1})
	if want := math.Cos(3 * math.Pow(10000, -2.0/nRot) / 2); !near(float64(c2[1]), want, 1e-5) {
		t.Fatalf("factor: cos[1] = %v, want %v", c2[1], want)
	}

	// Both orders preserve each head's norm and differ only in pairing.
	r := rand.New(rand.NewPCG(1, 2))
	x := make([]float32, 2*nRot)
	for i := range x {
		x[i] = r.Float32()*2 - 1
	}
	norm := func(v []float32) float64 {
		var s float64
		for _, f := range v {
			s += float64(f) * float64(f)
		}
		return s
	}
	a := append([]float32(nil), x...)
	RopeNorm(a, 2, nRot, cos, sin)
	if x0, x1 := x[2], x[3]; !near(float64(a[2]), float64(x0*cos[1]-x1*sin[1]), 1e-6) || !near(float64(a[3]), float64(x0*sin[1]+x1*cos[1]), 1e-6) {
		t.Fatalf("norm pairing wrong: %v %v", a[2], a[3])
	}
	b := append([]float32(nil), x...)
	RopeNeox(b, 2, nRot, cos, sin)
	if x0, x1 := x[nRot+1], x[nRot+1+nRot/2]; !near(float64(b[nRot+1]), float64(x0*cos[1]-x1*sin[1]), 1e-6) {
		t.Fatalf("neox pairing wrong: %v", b[nRot+1])
	}
	for h := 0; h < 2; h++ {
		n0 := norm(x[h*nRot : (h+1)*nRot])
		if !near(norm(a[h*nRot:(h+1)*nRot]), n0, 1e-5) || !near(norm(b[h*nRot:(h+1)*nRot]), n0, 1e-5) {
			t.Fatalf("head %d norm changed", h)
		}
	}
	// Rotating by p then q equals rotating by p+q (context shift relies on it).
	c3 := make([]float32, nRot/2)
	s3 := make([]float32, nRot/2)
	RopeTable(c3, s3, 6, nRot, 10000, 1, nil)
	twice := append([]float32(nil), x...)
	RopeNeox(twice, 2, nRot, cos, sin)
	RopeNeox(twice, 2, nRot, cos, sin)
	once := append([]float32(nil), x...)
	RopeNeox(once, 2, nRot, c3, s3)
	for i := range once {
		if !near(float64(once[i]), float64(twice[i]), 1e-5) {
			t.Fatalf("composition: %d %v vs %v", i, once[i], twice[i])
		}
	}
}

func TestActivations(t *testing.T) {
	x := []float32{-1, 0, 2}
	SiLU(x)
	for i, v := range []float64{-1, 0, 2} {
		if want := v / (1 + math.Exp(-v)); !near(float64(x[i]), want, 1e-6) {
			t.Fatalf("silu(%v) = %v, want %v", v, x[i], want)
		}
	}
	g := []float32{-1, 0, 3}
	GELU(g)
	for i, v := range []float64{-1, 0, 3} {
		want := 0.5 * v * (1 + math.Erf(v/math.Sqrt2))
		if !near(float64(g[i]), want, 2e-3) {
			t.Fatalf("gelu(%v) = %v, want about %v", v, g[i], want)
		}
	}
	gate, up := []float32{1, -2}, []float32{3, 4}
	dst := make([]float32, 2)
	SwiGLU(dst, gate, up)
	for i := range dst {
		v := float64(gate[i])
		if want := v / (1 + math.Exp(-v)) * float64(up[i]); !near(float64(dst[i]), want, 1e-6) {
			t.Fatalf("swiglu %d = %v, want %v", i, dst[i], want)
		}
	}
}

func TestElementwise(t *testing.T) {
	a, b := []float32{1, 2, 3}, []float32{4, 5, 6}
	d := make([]float32, 3)
	Add(d, a, b)
	if d[0] != 5 || d[2] != 9 {
		t.Fatalf("Add = %v", d)
	}
	Mul(d, a, b)
	if d[1] != 10 {
		t.Fatalf("Mul = %v", d)
	}
	Scale(d, 0.5)
	if d[1] != 5 {
		t.Fatalf("Scale = %v", d)
	}
	for _, tc := range []struct {
		x    []float32
		want int
	}{{nil, -1}, {[]float32{1, 3, 3}, 1}, {[]float32{-5, -4}, 1}} {
		if got := Argmax(tc.x); got != tc.want {
			t.Fatalf("Argmax(%v) = %d, want %d", tc.x, got, tc.want)
		}
	}
}

func TestExpf(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	check := func(x float32) {
		got := float64(expf(x))
		want := float64(float32(math.Exp(float64(x))))
		if want < 1.1754944e-38 { // subnormal results flush to zero
			if got != 0 {
				t.Fatalf("expf(%v) = %v, want 0", x, got)
			}
			return
		}
		if math.IsInf(want, 1) {
			if got != want {
				t.Fatalf("expf(%v) = %v, want +Inf", x, got)
			}
			return
		}
		if math.Abs(got-want) > 1.2e-7*want {
			t.Fatalf("expf(%v) = %v, want %v", x, got, want)
		}
	}
	for _, x := range []float32{0, 1, -1, 0.34657, -0.34657, 10, -10, 88.7, -87.3, 88.8, -90, -1e30, 1e30} {
		check(x)
	}
	for range 100000 {
		check((r.Float32()*2 - 1) * 90)
		check((r.Float32()*2 - 1) * 2)
	}
	if v := expf(float32(math.NaN())); v == v {
		t.Fatalf("expf(NaN) = %v", v)
	}
}

func BenchmarkExpf(b *testing.B) {
	x := make([]float32, 1024)
	for i := range x {
		x[i] = float32(i%64) - 50
	}
	b.Run("expf", func(b *testing.B) {
		var s float32
		for b.Loop() {
			for _, v := range x {
				s += expf(v)
			}
		}
		_ = s
	})
	b.Run("math.Exp", func(b *testing.B) {
		var s float32
		for b.Loop() {
			for _, v := range x {
				s += float32(math.Exp(float64(v)))
			}
		}
		_ = s
	})
}

// TestAddMatchesGeneric compares Add (assembly where the CPU has it) with
// its twin over random lengths, with dst separate from and aliasing either
// input, in guard-padded buffers.
func TestAddMatchesGeneric(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for iter := range 300 {
		n := r.IntN(300)
		normal := func(int) float32 { return float32(r.NormFloat64()) }
		a, _ := padded(t, n, normal)
		b, _ := padded(t, n, normal)
		dst, checkGuards := padded(t, n, normal)
		want := make([]float32, n)
		addF32Generic(want, a, b)
		switch iter % 3 {
		case 1:
			copy(dst, a)
			a = dst
		case 2:
			copy(dst, b)
			b = dst
		}
		Add(dst, a, b)
		for i := range dst {
			if math.Float32bits(dst[i]) != math.Float32bits(want[i]) {
				t.Fatalf("n=%d alias=%d: dst[%d] = %v, want %v", n, iter%3, i, dst[i], want[i])
			}
		}
		checkGuards()
	}
}

// guardLen is how many guard values pad each side of a test's output.
const guardLen = 9

// padded returns n values with guardLen guard values on each side, all set
// to fill(i) (i counting from the first guard), and a check that fails t
// when a guard value changed.
func padded(t *testing.T, n int, fill func(i int) float32) (x []float32, check func()) {
	buf := make([]float32, n+2*guardLen)
	for i := range buf {
		buf[i] = fill(i)
	}
	guards := append([]float32(nil), buf...)
	return buf[guardLen : guardLen+n], func() {
		t.Helper()
		for i := range guardLen {
			if buf[i] != guards[i] || buf[guardLen+n+i] != guards[guardLen+n+i] {
				t.Fatalf("n=%d: guard values changed", n)
			}
		}
	}
}
