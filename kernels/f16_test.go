package kernels

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestF16ToF32Known(t *testing.T) {
	tests := []struct {
		h    uint16
		want float32
	}{
		{0x0000, 0},
		{0x3c00, 1},
		{0x3800, 0.5},
		{0xc000, -2},
		{0x7bff, 65504},
		{0x0001, float32(math.Ldexp(1, -24))},          // smallest subnormal
		{0x03ff, float32(math.Ldexp(1023, -24))},       // largest subnormal
		{0x0400, float32(math.Ldexp(1, -14))},          // smallest normal
		{0x3555, float32(math.Ldexp(1024+0x155, -12))}, // 0.333251953125
		{0x7c00, float32(math.Inf(1))},
		{0xfc00, float32(math.Inf(-1))},
	}
	for _, tc := range tests {
		if got := F16ToF32(tc.h); got != tc.want {
			t.Errorf("F16ToF32(%#04x) = %v, want %v", tc.h, got, tc.want)
		}
	}
	if got := F16ToF32(0x8000); got != 0 || !math.Signbit(float64(got)) {
		t.Errorf("F16ToF32(0x8000) = %v, want -0", got)
	}
	for _, h := range []uint16{0x7c01, 0x7e00, 0xfe00, 0x7fff} {
		if got := F16ToF32(h); !math.IsNaN(float64(got)) {
			t.Errorf("F16ToF32(%#04x) = %v, want NaN", h, got)
		}
	}
}

func TestF32ToF16Rounding(t *testing.T) {
	tests := []struct {
		f    float64
		want uint16
	}{
		{1, 0x3c00},
		{1 + math.Ldexp(1, -11), 0x3c00},   // tie, to even
		{1 + 3*math.Ldexp(1, -11), 0x3c02}, // tie, to even (up)
		{1 + math.Ldexp(1, -11) + math.Ldexp(1, -20), 0x3c01},
		{65504, 0x7bff},
		{65519, 0x7bff},
		{65520, 0x7c00}, // rounds to infinity
		{1e10, 0x7c00},
		{-1e10, 0xfc00},
		{math.Ldexp(1, -24), 0x0001},
		{math.Ldexp(1, -25), 0x0000},      // tie between 0 and 2^-24: even
		{math.Ldexp(1.5, -25), 0x0001},    // above the tie
		{math.Ldexp(3, -25), 0x0002},      // 1.5 * 2^-24: tie, to even
		{math.Ldexp(1023.5, -24), 0x0400}, // carries into the smallest normal
		{math.Ldexp(1, -30), 0x0000},
		{-0.5, 0xb800},
		{0.1, 0x2e66},
	}
	for _, tc := range tests {
		if got := F32ToF16(float32(tc.f)); got != tc.want {
			t.Errorf("F32ToF16(%g) = %#04x, want %#04x", tc.f, got, tc.want)
		}
	}
	if got := F32ToF16(float32(math.NaN())); got&0x7c00 != 0x7c00 || got&0x3ff == 0 {
		t.Errorf("F32ToF16(NaN) = %#04x, want a NaN", got)
	}
}

// TestF16RoundTrip checks every half survives half -> float -> half.
func TestF16RoundTrip(t *testing.T) {
	for i := 0; i < 1<<16; i++ {
		h := uint16(i)
		f := F16ToF32(h)
		if math.IsNaN(float64(f)) {
			continue
		}
		if got := F32ToF16(f); got != h {
			t.Fatalf("F32ToF16(F16ToF32(%#04x)=%v) = %#04x", h, f, got)
		}
	}
}

// TestF32ToF16Nearest checks random floats round to a nearest half.
func TestF32ToF16Nearest(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 200000; i++ {
		f := float32(math.Ldexp(r.Float64()*2-1, r.IntN(40)-26))
		h := F32ToF16(f)
		got := float64(F16ToF32(h))
		if math.IsInf(got, 0) {
			if math.Abs(float64(f)) < 65520 {
				t.Fatalf("F32ToF16(%g) overflowed", f)
			}
			continue
		}
		err := math.Abs(got - float64(f))
		for _, nb := range []uint16{h + 1, h - 1} {
			v := float64(F16ToF32(nb))
			if nb&0x7c00 == 0x7c00 || (nb^h)&0x8000 != 0 {
				continue
			}
			if e := math.Abs(v - float64(f)); e < err {
				t.Fatalf("F32ToF16(%g) = %#04x (%g), but %#04x (%g) is nearer", f, h, got, nb, v)
			}
		}
	}
}

func TestBF16(t *testing.T) {
	if got := BF16ToF32(0x3f80); got != 1 {
		t.Errorf("BF16ToF32(0x3f80) = %v, want 1", got)
	}
	tests := []struct {
		bits uint32
		want uint16
	}{
		{0x3f800000, 0x3f80},
		{0x3f808000, 0x3f80}, // tie, even
		{0x3f818000, 0x3f82}, // tie, even (up)
		{0x3f808001, 0x3f81},
		{0x7f800000, 0x7f80},
	}
	for _, tc := range tests {
		if got := F32ToBF16(math.Float32frombits(tc.bits)); got != tc.want {
			t.Errorf("F32ToBF16(%#08x) = %#04x, want %#04x", tc.bits, got, tc.want)
		}
	}
	if got := F32ToBF16(math.Float32frombits(0x7f800001)); got&0x7f80 != 0x7f80 || got&0x7f == 0 {
		t.Errorf("F32ToBF16(sNaN) = %#04x, want NaN", got)
	}
}

func TestF16Rows(t *testing.T) {
	src := []float32{1, -2, 0.5, 65504, 0.1}
	h := make([]uint16, len(src))
	F32ToF16Row(h, src)
	back := make([]float32, len(src))
	F16ToF32Row(back, h)
	want := []float32{1, -2, 0.5, 65504, F16ToF32(0x2e66)}
	for i := range want {
		if back[i] != want[i] {
			t.Errorf("row[%d] = %v, want %v", i, back[i], want[i])
		}
	}
}
