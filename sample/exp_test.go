package sample

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestExpMatchesMath(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	xs := []float64{0, -1e-300, -0.5, -0.34657359, -0.34657360, -1, -2, -10, -100, -700, -707.9, 1, 10, 700, 709}
	for range 100000 {
		xs = append(xs, -r.Float64()*708)
	}
	for range 1000 {
		xs = append(xs, (r.Float64()-0.5)*2)
	}
	for _, x := range xs {
		got, want := exp(x), math.Exp(x)
		if rel := math.Abs(got-want) / want; rel > 1e-13 {
			t.Fatalf("exp(%v) = %v, math.Exp = %v, relative error %g", x, got, want, rel)
		}
	}
}

func TestLnMatchesMath(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	xs := []float64{1, 0.5, 2, math.Sqrt2 / 2, math.Sqrt2, 0.05, 1e-300, 0x1p-1022, 1e300, math.MaxFloat64}
	for range 100000 {
		xs = append(xs, r.Float64(), r.Float64()*1e6, math.Exp(-r.Float64()*700))
	}
	for _, x := range xs {
		if x == 0 {
			continue
		}
		got, want := ln(x), math.Log(x)
		if d := math.Abs(got - want); d > 1e-15*math.Max(1, math.Abs(want)) {
			t.Fatalf("ln(%v) = %v, math.Log = %v", x, got, want)
		}
	}
	// math.Log on amd64 (assembly) is wrong for subnormals; ln is not:
	// ln(2⁻¹⁰⁷⁴) = -1074·ln 2.
	if got, want := ln(0x1p-1074), -1074*math.Ln2; math.Abs(got-want) > 1e-12 {
		t.Errorf("ln(2^-1074) = %v, want %v", got, want)
	}
	for _, x := range []float64{0, -1, math.NaN()} {
		if !math.IsNaN(ln(x)) {
			t.Errorf("ln(%v) = %v, want NaN", x, ln(x))
		}
	}
	if !math.IsInf(ln(math.Inf(1)), 1) {
		t.Errorf("ln(+Inf) = %v", ln(math.Inf(1)))
	}
}

func TestExpEdges(t *testing.T) {
	tests := []struct {
		x, want float64
	}{
		{math.Inf(-1), 0},
		{math.NaN(), 0},
		{-708, 0},
		{-1000, 0},
		{710, math.Inf(1)},
		{math.Inf(1), math.Inf(1)},
	}
	for _, tt := range tests {
		if got := exp(tt.x); got != tt.want {
			t.Errorf("exp(%v) = %v, want %v", tt.x, got, tt.want)
		}
	}
}

var benchXs = func() []float64 {
	r := rand.New(rand.NewPCG(1, 1))
	xs := make([]float64, 4096)
	for i := range xs {
		xs[i] = -r.Float64() * 30
	}
	return xs
}()

func BenchmarkExp(b *testing.B) {
	s := 0.0
	for b.Loop() {
		for _, x := range benchXs {
			s += exp(x)
		}
	}
	_ = s
}

func BenchmarkMathExp(b *testing.B) {
	s := 0.0
	for b.Loop() {
		for _, x := range benchXs {
			s += math.Exp(x)
		}
	}
	_ = s
}
