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
	for ; g < heads; g++ {
		qg := q[g*hd : (g+1)*hd]
		for p := range n {
			scores[g*n+p] = dotF16F32(k[p*hd:(p+1)*hd], qg) * scale
		}
	}
}

func attnMixF16(out []float32, v []uint16, w []float32, heads, hd, n int) {
	g := 0
	if hasAVX2 && hd > 0 && hd%16 == 0 && n > 0 {
		for ; g+4 <= heads; g += 4 {
			attnMix4AVX2(&v[0], &w[g*n], &out[g*hd], n, hd)
		}
	}
	for ; g < heads; g++ {
		og := out[g*hd : (g+1)*hd]
		for p, a := range w[g*n : (g+1)*n] {
			axpyF16(a, v[p*hd:(p+1)*hd], og)
		}
	}
}
