package model

import "github.com/gaianet-go/gaianet/kernels"

// Mixture-of-Experts feed-forward (Mixtral and llama-arch MoE files): a
// router scores the experts for each entry, the ExpertsUsed best by
// softmax probability are chosen and their probabilities renormalized to
// sum to 1, and the block's output is the weighted sum of the chosen
// experts' SwiGLU outputs, added in rank order as llama.cpp adds them.
//
// The entries of a chunk are grouped by expert, so that each expert's
// matrices are read once per step for all the entries that chose it, and
// an expert nobody chose is not read at all: a decode step reads only the
// active experts.

// moeScratch is the State's memory for MoE layers, sized once.
type moeScratch struct {
	router []float32 // maxBatch x Experts: router logits, then probabilities
	sel    []int32   // maxBatch x ExpertsUsed: chosen experts, best first
	w      []float32 // maxBatch x ExpertsUsed: their weights
	start  []int     // Experts+1: where each expert's rows begin in rows
	fill   []int     // Experts: rows placed so far
	rows   []int32   // maxBatch x ExpertsUsed: entry*ExpertsUsed+rank, grouped by expert
	x      []float32 // maxBatch x Dim: inputs gathered for one expert
	y      []float32 // maxBatch x Dim: that expert's outputs
	out    []float32 // maxBatch x ExpertsUsed x Dim: every chosen expert's output
}

func newMoEScratch(c *Config, maxBatch int) moeScratch {
	k := c.ExpertsUsed
	return moeScratch{
		router: make([]float32, maxBatch*c.Experts),
		sel:    make([]int32, maxBatch*k),
		w:      make([]float32, maxBatch*k),
		start:  make([]int, c.Experts+1),
		fill:   make([]int, c.Experts),
		rows:   make([]int32, maxBatch*k),
		x:      make([]float32, maxBatch*c.Dim),
		y:      make([]float32, maxBatch*c.Dim),
		out:    make([]float32, maxBatch*k*c.Dim),
	}
}

// route picks the experts of each of n entries from their router logits
// (softmax, top ExpertsUsed, renormalized) and groups the choices by expert.
func (s *moeScratch) route(c *Config, n int) {
	e, k := c.Experts, c.ExpertsUsed
	for i := range n {
		p := s.router[i*e : (i+1)*e]
		if !c.OAIMoE {
			kernels.SoftmaxVec(p)
		}
		sel, w := s.sel[i*k:(i+1)*k], s.w[i*k:(i+1)*k]
		topK(p, sel)
		if c.OAIMoE {
			// gpt-oss: chosen by logit, weighted by a softmax over the
			// chosen logits (llama.cpp's SOFTMAX_WEIGHT gating).
			for r, x := range sel {
				w[r] = p[x]
			}
			kernels.SoftmaxVec(w)
			continue
		}
		var sum float32
		for r, x := range sel {
			w[r] = p[x]
			sum += w[r]
		}
		for r := range w {
			w[r] /= sum
		}
	}
	s.groupByExpert(c, n)
}

// groupByExpert lists the chosen (entry, rank) pairs of n entries by
// expert: expert x's are rows[start[x]:start[x+1]], as entry*k+rank.
func (s *moeScratch) groupByExpert(c *Config, n int) {
	e, k := c.Experts, c.ExpertsUsed
	clear(s.start)
	for _, x := range s.sel[:n*k] {
		s.start[x+1]++
	}
	for x := range e {
		s.start[x+1] += s.start[x]
		s.fill[x] = 0
	}
	for i := range n * k {
		x := s.sel[i]
		s.rows[s.start[x]+s.fill[x]] = int32(i)
		s.fill[x]++
	}
}

func taken(sel []int32, x int) bool {
	for _, s := range sel {
		if int(s) == x {
			return true
		}
	}
	return false
}

// moeFFN writes the mixture's output for the n normalized rows of st.xb
// back into st.xb (runExperts, moe_shared.go).
func (st *State) moeFFN(y *Layer, n int) error {
	cfg := &st.m.Config
	s := &st.moe
	d := cfg.Dim
	if err := st.linear(&y.Router, st.xb[:n*d], n, s.router[:n*cfg.Experts]); err != nil {
		return err
	}
	if y.RouterB != nil {
		addRows(s.router, n, cfg.Experts, y.RouterB)
	}
	s.route(cfg, n)
	return st.runExperts(y, n, false)
}
