package vectorstore

import (
	"math"
	"math/rand/v2"
)

// embeddingGen draws vectors that look like text embeddings: a fixed random
// dim×latent Gaussian matrix times a latent standard-normal vector, plus
// standard-normal noise in every dimension, then L2-normalised. Real
// embeddings have the same shape: a few dozen effective directions and a
// noise floor.
type embeddingGen struct {
	dim, latent int
	mat         []float64 // dim×latent, row-major
	rng         *rand.Rand
}

func newEmbeddingGen(seed uint64, dim, latent int) *embeddingGen {
	g := &embeddingGen{dim: dim, latent: latent, rng: rand.New(rand.NewPCG(seed, 7))}
	g.mat = make([]float64, dim*latent)
	for i := range g.mat {
		g.mat[i] = g.rng.NormFloat64()
	}
	return g
}

// next appends one vector's dim values to dst.
func (g *embeddingGen) next(dst []float32) []float32 {
	z := make([]float64, g.latent)
	for i := range z {
		z[i] = g.rng.NormFloat64()
	}
	start := len(dst)
	var norm float64
	for r := range g.dim {
		row := g.mat[r*g.latent : (r+1)*g.latent]
		var s float64
		for j, m := range row {
			s += m * z[j]
		}
		s += g.rng.NormFloat64()
		norm += s * s
		dst = append(dst, float32(s))
	}
	inv := 1 / math.Sqrt(norm)
	for i := start; i < len(dst); i++ {
		dst[i] = float32(float64(dst[i]) * inv)
	}
	return dst
}

// batch returns n vectors back to back.
func (g *embeddingGen) batch(n int) []float32 {
	out := make([]float32, 0, n*g.dim)
	for range n {
		out = g.next(out)
	}
	return out
}
