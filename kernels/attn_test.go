package kernels

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestAttnF16 checks AttnScoresF16 and AttnMixF16 against per-head dot
// products and axpys in float64, over head counts that do and do not
// take the four-head kernels and head sizes with and without them.
func TestAttnF16(t *testing.T) {
	r := rand.New(rand.NewPCG(41, 42))
	for _, tc := range []struct{ heads, hd, n int }{
		{4, 64, 1}, {8, 64, 37}, {8, 64, 300}, {4, 128, 17}, {7, 64, 9},
		{2, 64, 5}, {1, 8, 3}, {4, 8, 11}, {5, 40, 13}, {4, 16, 2}, {8, 64, 0}, {0, 64, 4},
	} {
		k := make([]uint16, tc.n*tc.hd)
		v := make([]uint16, tc.n*tc.hd)
		for i := range k {
			k[i] = F32ToF16(float32(r.NormFloat64()))
			v[i] = F32ToF16(float32(r.NormFloat64()))
		}
		q := normals(r, tc.heads*tc.hd)
		scale := float32(1 / math.Sqrt(float64(tc.hd)))
		scores := make([]float32, tc.heads*tc.n+3)
		scores[len(scores)-1] = 42
		AttnScoresF16(scores, k, q, tc.heads, tc.hd, tc.n, scale)
		for g := range tc.heads {
			for p := range tc.n {
				var want float64
				for d := range tc.hd {
					want += float64(F16ToF32(k[p*tc.hd+d])) * float64(q[g*tc.hd+d])
				}
				want *= float64(scale)
				if got := scores[g*tc.n+p]; math.Abs(float64(got)-want) > 1e-5*(math.Abs(want)+1) {
					t.Fatalf("%+v: score[%d][%d] = %v, want %v", tc, g, p, got, want)
				}
			}
		}
		if scores[len(scores)-1] != 42 {
			t.Fatalf("%+v: AttnScoresF16 wrote past its scores", tc)
		}
		out := normals(r, tc.heads*tc.hd+3)
		before := append([]float32(nil), out...)
		AttnMixF16(out, v, scores, tc.heads, tc.hd, tc.n)
		for g := range tc.heads {
			for d := range tc.hd {
				want := float64(before[g*tc.hd+d])
				for p := range tc.n {
					want += float64(scores[g*tc.n+p]) * float64(F16ToF32(v[p*tc.hd+d]))
				}
				if got := out[g*tc.hd+d]; math.Abs(float64(got)-want) > 1e-4*(math.Abs(want)+1) {
					t.Fatalf("%+v: out[%d][%d] = %v, want %v", tc, g, d, got, want)
				}
			}
		}
		for i := tc.heads * tc.hd; i < len(out); i++ {
			if out[i] != before[i] {
				t.Fatalf("%+v: AttnMixF16 wrote past its output", tc)
			}
		}
	}
}

// TestAttnF16Panics checks that short slices panic.
func TestAttnF16Panics(t *testing.T) {
	for _, f := range []func(){
		func() { AttnScoresF16(make([]float32, 7), make([]uint16, 4*8), make([]float32, 2*8), 2, 8, 4, 1) },
		func() { AttnScoresF16(make([]float32, 8), make([]uint16, 4*8-1), make([]float32, 2*8), 2, 8, 4, 1) },
		func() { AttnMixF16(make([]float32, 15), make([]uint16, 4*8), make([]float32, 8), 2, 8, 4) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Error("no panic")
				}
			}()
			f()
		}()
	}
}

func BenchmarkAttnF16(b *testing.B) {
	const heads, hd, n = 8, 64, 288
	k := make([]uint16, n*hd)
	for i := range k {
		k[i] = F32ToF16(float32(i%13) / 13)
	}
	q := make([]float32, heads*hd)
	for i := range q {
		q[i] = float32(i%7) / 7
	}
	scores := make([]float32, heads*n)
	out := make([]float32, heads*hd)
	b.Run("grouped", func(b *testing.B) {
		for b.Loop() {
			AttnScoresF16(scores, k, q, heads, hd, n, 0.125)
			AttnMixF16(out, k, scores, heads, hd, n)
		}
	})
	b.Run("perhead", func(b *testing.B) {
		for b.Loop() {
			for g := range heads {
				s := scores[g*n : (g+1)*n]
				for p := range s {
					s[p] = DotF16F32(k[p*hd:(p+1)*hd], q[g*hd:(g+1)*hd]) * 0.125
				}
				for p, w := range s {
					AxpyF16(w, k[p*hd:(p+1)*hd], out[g*hd:(g+1)*hd])
				}
			}
		}
	})
}
