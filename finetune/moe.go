package finetune

import (
	"math"

	"github.com/gaianet-go/gaianet/kernels"
	"github.com/gaianet-go/gaianet/model"
)

// The routed mixture of experts in the training graph, as the engine runs
// Mixtral-style files (model/moe.go) and llama.cpp's build_moe_ffn with
// softmax gating: the router's logits go through a softmax, the
// ExpertsUsed most probable experts are chosen (the lowest index first on
// ties) and their probabilities renormalized to sum to 1; the output is
// the weighted sum of the chosen experts' SwiGLU outputs. gpt-oss
// (model/gptoss.go) adds biases to the router and the experts, chooses by
// logit and weights by a softmax over the chosen logits (the same weights
// as renormalized probabilities), and clamps its SwiGLU. The experts and
// the router are frozen and carry no pairs (the engine adapts only the
// attention projections of MoE layers), but the gradient flows through
// them to the attention pairs below: through each chosen expert's
// matrices, and through its weight into the renormalization, the softmax
// and the router. The choice itself is piecewise constant and has no
// gradient.

// moeActs are one MoE layer's activations kept for the backward pass.
type moeActs struct {
	sel []int32   // T × ExpertsUsed: the chosen experts, best first
	w   []float32 // T × ExpertsUsed: their renormalized weights
	// Per expert: the entries (token·ExpertsUsed + rank) that chose it,
	// their gathered inputs (rows × Dim), gate, up and silu(gate)·up
	// (rows × ExpertFFN).
	rows       [][]int
	x, g, u, a [][]float32
	y          []float32 // T × ExpertsUsed × Dim: the chosen experts' outputs, unweighted
}

// expertView returns expert x's n rows of a stacked expert matrix.
func expertView(w *model.Weight, x, n int) *model.Weight {
	rs := w.Type.RowSize(w.Cols)
	return &model.Weight{Name: w.Name, Type: w.Type, Rows: n, Cols: w.Cols, Data: w.Data[x*n*rs : (x+1)*n*rs]}
}

// topK writes the indices of the len(sel) largest values of v into sel,
// best first, the lowest index first on ties (as the engine and llama.cpp's
// argsort choose).
func topK(v []float32, sel []int32) {
	for r := range sel {
		best := -1
	next:
		for x, s := range v {
			for _, taken := range sel[:r] {
				if int(taken) == x {
					continue next
				}
			}
			if best < 0 || s > v[best] {
				best = x
			}
		}
		sel[r] = int32(best)
	}
}

// moeForward writes the mixture's output for the t rows of xin into out.
func (nt *net) moeForward(y *model.Layer, xin []float32, t int, out []float32) *moeActs {
	cfg := nt.cfg
	d, e, k, ef := cfg.Dim, cfg.Experts, cfg.ExpertsUsed, cfg.ExpertFFN
	ma := &moeActs{sel: make([]int32, t*k), w: make([]float32, t*k),
		rows: make([][]int, e), x: make([][]float32, e), g: make([][]float32, e), u: make([][]float32, e), a: make([][]float32, e),
		y: make([]float32, t*k*d)}
	probs := make([]float32, t*e)
	nt.matmul(&y.Router, xin, t, probs, nil, nil)
	if y.RouterB != nil {
		addBias(probs, y.RouterB, t)
	}
	for i := range t {
		p := probs[i*e : (i+1)*e]
		sel, w := ma.sel[i*k:(i+1)*k], ma.w[i*k:(i+1)*k]
		if cfg.OAIMoE {
			// gpt-oss: chosen by logit, weighted by a softmax over the
			// chosen logits.
			topK(p, sel)
			for r, x := range sel {
				w[r] = p[x]
			}
			kernels.SoftmaxVec(w)
		} else {
			kernels.SoftmaxVec(p)
			topK(p, sel)
			var sum float32
			for r, x := range sel {
				w[r] = p[x]
				sum += w[r]
			}
			for r := range w {
				w[r] /= sum
			}
		}
		for r, x := range sel {
			ma.rows[x] = append(ma.rows[x], i*k+r)
		}
	}
	for x, rows := range ma.rows {
		n := len(rows)
		if n == 0 {
			continue
		}
		xs := make([]float32, n*d)
		for j, ent := range rows {
			i := ent / k
			copy(xs[j*d:(j+1)*d], xin[i*d:(i+1)*d])
		}
		g, u, a := make([]float32, n*ef), make([]float32, n*ef), make([]float32, n*ef)
		nt.matmul(expertView(&y.ExpGate, x, ef), xs, n, g, nil, nil)
		nt.matmul(expertView(&y.ExpUp, x, ef), xs, n, u, nil, nil)
		if cfg.OAIMoE {
			addBias(g, y.ExpGateB[x*ef:(x+1)*ef], n)
			addBias(u, y.ExpUpB[x*ef:(x+1)*ef], n)
		}
		for i, gv := range g {
			a[i], _, _ = nt.glu(gv, u[i])
		}
		ys := make([]float32, n*d)
		nt.matmul(expertView(&y.ExpDown, x, d), a, n, ys, nil, nil)
		if cfg.OAIMoE {
			addBias(ys, y.ExpDownB[x*d:(x+1)*d], n)
		}
		for j, ent := range rows {
			copy(ma.y[ent*d:(ent+1)*d], ys[j*d:(j+1)*d])
		}
		ma.x[x], ma.g[x], ma.u[x], ma.a[x] = xs, g, u, a
	}
	// The weighted sum, in rank order as the engine adds it.
	for i := range t {
		oi := out[i*d : (i+1)*d]
		for r := range k {
			kernels.AxpyF32(ma.w[i*k+r], ma.y[(i*k+r)*d:(i*k+r+1)*d], oi)
		}
	}
	return ma
}

// moeBack adds the gradient of the mixture's input xin (t rows) to dxin
// given the gradient dout of its output.
func (nt *net) moeBack(y *model.Layer, ma *moeActs, xin []float32, t int, dout, dxin []float32) {
	cfg := nt.cfg
	d, e, k, ef := cfg.Dim, cfg.Experts, cfg.ExpertsUsed, cfg.ExpertFFN
	// Through the experts: out_i = Σ_r w_ir·y_ir, so dy_ir = w_ir·dout_i.
	for x, rows := range ma.rows {
		n := len(rows)
		if n == 0 {
			continue
		}
		dy := make([]float32, n*d)
		for j, ent := range rows {
			i := ent / k
			kernels.AxpyF32(ma.w[ent], dout[i*d:(i+1)*d], dy[j*d:(j+1)*d])
		}
		da := make([]float32, n*ef)
		nt.matmulBack(expertView(&y.ExpDown, x, d), ma.a[x], n, dy, da, nil, nil)
		dg, du := make([]float32, n*ef), make([]float32, n*ef)
		for i, g := range ma.g[x] {
			_, dgi, dui := nt.glu(g, ma.u[x][i])
			du[i] = da[i] * dui
			dg[i] = da[i] * dgi
		}
		dxs := make([]float32, n*d)
		nt.matmulBack(expertView(&y.ExpGate, x, ef), ma.x[x], n, dg, dxs, nil, nil)
		nt.matmulBack(expertView(&y.ExpUp, x, ef), ma.x[x], n, du, dxs, nil, nil)
		for j, ent := range rows {
			i := ent / k
			kernels.Add(dxin[i*d:(i+1)*d], dxin[i*d:(i+1)*d], dxs[j*d:(j+1)*d])
		}
	}
	// Through the weights: dw_ir = dout_i·y_ir. The renormalized weights
	// are a softmax over the chosen experts' logits (the full softmax's
	// normalizer cancels), so dlogit_x = w_r·(dw_r - Σ_s dw_s·w_s) for the
	// expert x chosen at rank r, and 0 for the others.
	dl := make([]float32, t*e)
	dw := make([]float32, k)
	for i := range t {
		var c float32
		for r := range k {
			ent := i*k + r
			dw[r] = kernels.DotF32(dout[i*d:(i+1)*d], ma.y[ent*d:(ent+1)*d])
			c += dw[r] * ma.w[ent]
		}
		for r, x := range ma.sel[i*k : (i+1)*k] {
			dl[i*e+int(x)] = ma.w[i*k+r] * (dw[r] - c)
		}
	}
	nt.matmulBack(&y.Router, xin, t, dl, dxin, nil, nil)
}

// The clamped SwiGLU of gpt-oss's experts (llama.cpp's swiglu_oai).
const (
	oaiAlpha = 1.702
	oaiLimit = 7.0
)

// glu returns an expert's gated activation of gate g and up u and its
// derivatives by g and u: silu(g)·u, or gpt-oss's clamped
// x·sigmoid(1.702x)·(y+1) with x = min(g, 7), y = clamp(u, -7, 7), whose
// clamps pass no gradient.
func (nt *net) glu(g, u float32) (a, dg, du float32) {
	if !nt.cfg.OAIMoE {
		s, ds := act(model.ActSiLU, g)
		return s * u, ds * u, s
	}
	x, y := min(g, oaiLimit), min(max(u, -oaiLimit), oaiLimit)
	sg := float32(1 / (1 + math.Exp(-oaiAlpha*float64(x))))
	glu := x * sg
	if g < oaiLimit {
		dg = (sg + oaiAlpha*x*sg*(1-sg)) * (y + 1)
	}
	if u > -oaiLimit && u < oaiLimit {
		du = glu
	}
	return glu * (y + 1), dg, du
}
