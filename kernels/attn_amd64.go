//go:build !noasm

package kernels

// attnScores4AVX2 sets out[g*n+p] = scale * (k row p · q row g) for four
// query heads g (rows hd floats apart) and n key rows of hd halves, hd a
// positive multiple of 8. Twin: attnScoresF16Generic.
//
//go:noescape
func attnScores4AVX2(k *uint16, q *float32, out *float32, n, hd int, scale float32)

// attnMix4AVX2 adds to out[g*hd+d] the sum over p < n of
// w[g*n+p] * v[p*hd+d] for four heads g, hd a positive multiple of 16.
// Twin: attnMixF16Generic.
//
//go:noescape
func attnMix4AVX2(v *uint16, w *float32, out *float32, n, hd int)

func attnScoresF16(scores []float32, k []uint16, q []float32, heads, hd, n int, scale float32) {
	g := 0
	if hasAVX2 && hd > 0 && hd%8 == 0 && n > 0 {
		for ; g+4 <= heads; g += 4 {
			attnScores4AVX2(&k[0], &q[g*hd], &scores[g*n], n, hd, scale)
		}
	}
	attnScoresF16Generic(scores[g*n:], k, q[g*hd:], heads-g, hd, n, scale)
}

func attnMixF16(out []float32, v []uint16, w []float32, heads, hd, n int) {
	g := 0
	if hasAVX2 && hd > 0 && hd%16 == 0 && n > 0 {
		for ; g+4 <= heads; g += 4 {
			attnMix4AVX2(&v[0], &w[g*n], &out[g*hd], n, hd)
		}
	}
	attnMixF16Generic(out[g*hd:], v, w[g*n:], heads-g, hd, n)
}
