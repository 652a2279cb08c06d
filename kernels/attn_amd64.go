//go:build !noasm

package kernels

func attnScoresF16(scores []float32, k []uint16, q []float32, heads, hd, n int, scale float32) {
	g := 0
	if hasAVX2 && hd > 0 && hd%8 == 0 && n > 0 {
		for ; g+4 <= heads; g += 4 {
			attnScores4AVX2(&k[0], &q[g*hd], &scores[g*n], n, hd, scale)
		}
	}
	// The heads past a multiple of four (all of them when a group has
	// fewer): one AVX2 dot product per head and position.
	attnScoresF16Rows(scores[g*n:], k, q[g*hd:], heads-g, hd, n, scale)
}

func attnMixF16(out []float32, v []uint16, w []float32, heads, hd, n int) {
	g := 0
	if hasAVX2 && hd > 0 && hd%16 == 0 && n > 0 {
		for ; g+4 <= heads; g += 4 {
			attnMix4AVX2(&v[0], &w[g*n], &out[g*hd], n, hd)
		}
	}
	attnMixF16Rows(out[g*hd:], v, w[g*n:], heads-g, hd, n)
}
