//go:build noasm || !amd64

package kernels

func attnScoresF16(scores []float32, k []uint16, q []float32, heads, hd, n int, scale float32) {
	attnScoresF16Rows(scores, k, q, heads, hd, n, scale)
}

func attnMixF16(out []float32, v []uint16, w []float32, heads, hd, n int) {
	attnMixF16Rows(out, v, w, heads, hd, n)
}
