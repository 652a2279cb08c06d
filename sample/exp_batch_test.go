package sample

import (
	"math"
	"testing"
)

func TestBatchExpMatchesExp(t *testing.T) {
	logits := randomLogits(5, 10000, 6)
	logits[3] = float32(math.NaN())
	logits[4] = negInf
	logits[5] = -1e30
	for _, inv := range []float64{1, 0.5, 3, 0, 1e-3} {
		m := float64(maxLogit(logits))
		want := 0.0
		for _, v := range logits {
			want += exp(float64((float64(v) - m) * inv))
		}
		if got := sumExp(logits, m, inv); got != want {
			t.Fatalf("inv %v: sumExp = %v, loop of exp = %v", inv, got, want)
		}
		w := make([]float64, len(logits))
		if got := expInto(w, logits, m, inv); got != want {
			t.Fatalf("inv %v: expInto sum = %v, loop of exp = %v", inv, got, want)
		}
		for i, v := range logits {
			if e := exp(float64((float64(v) - m) * inv)); w[i] != e {
				t.Fatalf("inv %v: expInto[%d] = %v, exp = %v", inv, i, w[i], e)
			}
		}
	}
}

func benchSum(b *testing.B, f func([]float32) float64) {
	l := randomLogits(1, 152064, 3)
	cpu0, ops := processCPU(), 0
	for b.Loop() {
		ops++
		f(l)
	}
	b.ReportMetric(float64(processCPU()-cpu0)/float64(ops)/152064, "cpu-ns/elem")
}

func BenchmarkSumExpLoop(b *testing.B) {
	benchSum(b, func(l []float32) float64 {
		s := 0.0
		for _, v := range l {
			s += exp(float64(v) - 12)
		}
		return s
	})
}

func BenchmarkSumExpInline(b *testing.B) {
	benchSum(b, func(l []float32) float64 { return sumExp(l, 12, 1) })
}
