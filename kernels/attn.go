package kernels

import "fmt"

// Grouped-query attention over a half-precision KV cache: the query heads
// that share one KV head (a GQA group) are scored against each key row
// and mix each value row together, so the cache rows are read and widened
// once per group instead of once per head, and no call is made per
// (head, position) pair.

// AttnScoresF16 sets scores[g*n+p] to scale times the dot product of key
// row p (k[p*hd:(p+1)*hd], raw IEEE binary16 bits) with query head g
// (q[g*hd:(g+1)*hd]), for g < heads and p < n. It panics if a slice is
// too short. Safe for concurrent use on distinct scores.
func AttnScoresF16(scores []float32, k []uint16, q []float32, heads, hd, n int, scale float32) {
	checkAttn("AttnScoresF16", len(scores), len(k), len(q), heads, hd, n)
	attnScoresF16(scores[:heads*n], k[:n*hd], q[:heads*hd], heads, hd, n, scale)
}

// AttnMixF16 adds to each head's output the value rows weighted by its
// scores: out[g*hd+d] += sum over p < n of w[g*n+p] * v[p*hd+d], for
// g < heads, with v raw binary16 bits. It panics if a slice is too short.
// Safe for concurrent use on distinct out.
func AttnMixF16(out []float32, v []uint16, w []float32, heads, hd, n int) {
	checkAttn("AttnMixF16", len(w), len(v), len(out), heads, hd, n)
	attnMixF16(out[:heads*hd], v[:n*hd], w[:heads*n], heads, hd, n)
}

// checkAttn panics unless a heads×n score (weight) slice, an n×hd cache
// slice and a heads×hd query (output) slice fit.
func checkAttn(name string, ns, nkv, nq, heads, hd, n int) {
	if heads < 0 || hd < 0 || n < 0 || ns < heads*n || nkv < n*hd || nq < heads*hd {
		panic(fmt.Sprintf("kernels: %s: %d heads of %d over %d positions need %d scores, %d cache and %d query values; have %d, %d, %d",
			name, heads, hd, n, heads*n, n*hd, heads*hd, ns, nkv, nq))
	}
}

// attnScoresF16Rows computes the scores one head and position at a time
// with dotF16F32 (AVX2 where the package has it, pure Go otherwise): the
// pure-Go twin of the assembly scores (which round differently: one sum
// per head and lane, folded at the end), and on amd64 the heads past a
// multiple of four.
func attnScoresF16Rows(scores []float32, k []uint16, q []float32, heads, hd, n int, scale float32) {
	for g := range heads {
		qg := q[g*hd : (g+1)*hd]
		for p := range n {
			scores[g*n+p] = dotF16F32(k[p*hd:(p+1)*hd], qg) * scale
		}
	}
}

// attnMixF16Rows mixes one head and position at a time with axpyF16: the
// pure-Go twin of the assembly mix, as attnScoresF16Rows.
func attnMixF16Rows(out []float32, v []uint16, w []float32, heads, hd, n int) {
	for g := range heads {
		og := out[g*hd : (g+1)*hd]
		wg := w[g*n : (g+1)*n]
		for p, a := range wg {
			axpyF16(a, v[p*hd:(p+1)*hd], og)
		}
	}
}
