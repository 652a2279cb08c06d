package finetune

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"

	"github.com/gaianet-go/gaianet/kernels"
	"github.com/gaianet-go/gaianet/model"
)

// The training graph: a forward pass over one sequence that keeps what the
// backward pass needs, and the backward pass, for the pre-norm decoder block
// with LoRA pairs on its seven projections, in the variants of the
// trainable architectures (see trainable): q/k/v biases (qwen2), per-head
// q/k RMS norms (qwen3, gemma3), GeGLU, scaled embeddings, post-norms,
// soft-capped attention scores and logits, and sliding-window layers with
// their own rope base (the Gemma family); LayerNorms with biases, rope over
// part of each head and the parallel block (stablelm); attention sinks
// and an output bias (gpt-oss); and the routed mixtures of experts of
// Mixtral-style llama files and gpt-oss (moe.go), whose layers have pairs
// on the four attention projections only, as the engine applies adapters
// to them. The base weights stay in their
// stored (quantized) type and are dequantized a row at a time, once per
// matrix product, for all positions of the sequence; only the LoRA
// matrices get gradients. Activations are float32.

// loraParam is one trainable pair: A (Rank × In), B (Out × Rank) and their
// gradients and AdamW moments.
type loraParam struct {
	rank, in, out int
	a, b          []float32
	ga, gb        []float32
	ma, va        []float32
	mb, vb        []float32
}

func newLoRAParam(rank, in, out int, init func() float32) *loraParam {
	p := &loraParam{rank: rank, in: in, out: out}
	for _, s := range []*[]float32{&p.a, &p.ga, &p.ma, &p.va} {
		*s = make([]float32, rank*in)
	}
	for _, s := range []*[]float32{&p.b, &p.gb, &p.mb, &p.vb} {
		*s = make([]float32, out*rank)
	}
	for i := range p.a {
		p.a[i] = init()
	}
	return p
}

// net is a model with trainable LoRA pairs.
type net struct {
	m       *model.Model
	cfg     *model.Config
	lora    [][model.NumProjections]*loraParam
	scale   float32 // alpha / rank
	threads int
	// factors are the rope frequency factors: rope_freqs, or LongRoPE's
	// short ones (phi3), which the engine and llama.cpp use for contexts
	// up to the original training context, the lengths trained on here.
	factors []float32
}

// layerActs are the activations of one block kept for the backward pass.
type layerActs struct {
	x        []float32 // block input, T × Dim
	xn1, xn2 []float32 // normed inputs of attention and FFN (the same in a parallel block)
	r1, r2   []float32 // their 1/rms (1/std for LayerNorms), T
	mu1, mu2 []float32 // their LayerNorms' means, T, or nil (RMS norms)
	q, k, v  []float32 // after rope (q, k)
	qr, kr   []float32 // q and k before their per-head norms (QKNorm)
	rq, rk   []float32 // the per-head norms' 1/rms, T × heads
	p        []float32 // attention probabilities, Heads × T × T
	o        []float32 // attention output, T × QDim
	att, fo  []float32 // attention and FFN outputs before their post-norms
	ra, rf   []float32 // the post-norms' 1/rms
	h        []float32 // after the attention residual
	g, u, a  []float32 // gate, up, act(gate)*up, T × FFN
	moe      *moeActs  // the routed experts' activations, or nil (dense FFN)
	parallel bool      // attention and FFN read the same normed input (stablelm without ffn_norm)
	xa       [model.NumProjections][]float32
}

// fwd is one forward pass's state.
type fwd struct {
	t      int
	tokens []int32
	layers []layerActs
	xf     []float32 // final block output
	xnf    []float32 // after the output norm
	rf     []float32
	muf    []float32 // the output LayerNorm's means, or nil
	logits []float32 // T × Vocab
	cos    []float32 // T × RopeDim/2
	sin    []float32
	// cosSWA and sinSWA are the tables of sliding-window layers with
	// their own rope base (gemma3), or nil.
	cosSWA, sinSWA []float32
}

// ropeTables returns layer l's rope tables.
func (f *fwd) ropeTables(cfg *model.Config, l int) ([]float32, []float32) {
	if f.cosSWA != nil && cfg.IsSWA(l) {
		return f.cosSWA, f.sinSWA
	}
	return f.cos, f.sin
}

// parallel runs fn over [0,n) split into up to threads ranges.
func (nt *net) parallel(n int, fn func(w, lo, hi int)) {
	k := min(nt.threads, n)
	if k <= 1 {
		fn(0, 0, n)
		return
	}
	var wg sync.WaitGroup
	for w := range k {
		lo, hi := n*w/k, n*(w+1)/k
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(w, lo, hi)
		}()
	}
	wg.Wait()
}

// matmul sets y[t] = W x[t] (+ scale·B·A·x[t], keeping xa[t] = A·x[t]).
func (nt *net) matmul(w *model.Weight, x []float32, t int, y []float32, lp *loraParam, xa []float32) {
	in, out := w.Cols, w.Rows
	nt.parallel(out, func(_, lo, hi int) {
		row := make([]float32, in)
		for o := lo; o < hi; o++ {
			if err := kernels.Dequantize(w.Type, w.Row(o), row); err != nil {
				panic(fmt.Sprintf("finetune: %s: %v", w.Name, err)) // types were checked at load
			}
			for i := range t {
				y[i*out+o] = kernels.DotF32(row, x[i*in:(i+1)*in])
			}
		}
	})
	if lp == nil {
		return
	}
	r := lp.rank
	for i := range t {
		xi := x[i*in : (i+1)*in]
		for k := range r {
			xa[i*r+k] = kernels.DotF32(lp.a[k*in:(k+1)*in], xi)
		}
		yi := y[i*out : (i+1)*out]
		xak := xa[i*r : (i+1)*r]
		for o := range out {
			yi[o] += nt.scale * kernels.DotF32(lp.b[o*r:(o+1)*r], xak)
		}
	}
}

// matmulBack adds Wᵀ dy[t] (+ the LoRA path) to dx[t] and accumulates the
// LoRA gradients.
func (nt *net) matmulBack(w *model.Weight, x []float32, t int, dy, dx []float32, lp *loraParam, xa []float32) {
	in, out := w.Cols, w.Rows
	k := min(nt.threads, out)
	parts := make([][]float32, k)
	nt.parallel(out, func(wk, lo, hi int) {
		acc := make([]float32, t*in)
		row := make([]float32, in)
		for o := lo; o < hi; o++ {
			if err := kernels.Dequantize(w.Type, w.Row(o), row); err != nil {
				panic(fmt.Sprintf("finetune: %s: %v", w.Name, err))
			}
			for i := range t {
				if g := dy[i*out+o]; g != 0 {
					kernels.AxpyF32(g, row, acc[i*in:(i+1)*in])
				}
			}
		}
		parts[wk] = acc
	})
	for _, p := range parts {
		if p != nil {
			kernels.Add(dx[:t*in], dx[:t*in], p)
		}
	}
	if lp == nil {
		return
	}
	r := lp.rank
	dxa := make([]float32, r)
	for i := range t {
		dyi := dy[i*out : (i+1)*out]
		xai := xa[i*r : (i+1)*r]
		clear(dxa)
		for o, g := range dyi {
			if g == 0 {
				continue
			}
			g *= nt.scale
			kernels.AxpyF32(g, lp.b[o*r:(o+1)*r], dxa) // dxa = s·Bᵀdy
			kernels.AxpyF32(g, xai, lp.gb[o*r:(o+1)*r])
		}
		xi := x[i*in : (i+1)*in]
		dxi := dx[i*in : (i+1)*in]
		for kk, g := range dxa {
			kernels.AxpyF32(g, xi, lp.ga[kk*in:(kk+1)*in])
			kernels.AxpyF32(g, lp.a[kk*in:(kk+1)*in], dxi)
		}
	}
}

// rmsnorm sets y = x·r·w per row, r = 1/sqrt(mean(x²)+eps), keeping r.
func rmsnorm(y, x, w, r []float32, t, d int, eps float32) {
	for i := range t {
		xi := x[i*d : (i+1)*d]
		var ss float64
		for _, v := range xi {
			ss += float64(v) * float64(v)
		}
		ri := float32(1 / math.Sqrt(ss/float64(d)+float64(eps)))
		r[i] = ri
		yi := y[i*d : (i+1)*d]
		for j, v := range xi {
			yi[j] = v * ri * w[j]
		}
	}
}

// rmsnormBack adds the gradient of x to dx given dy.
func rmsnormBack(dx, dy, x, w, r []float32, t, d int) {
	for i := range t {
		xi, dyi, dxi := x[i*d:(i+1)*d], dy[i*d:(i+1)*d], dx[i*d:(i+1)*d]
		ri := r[i]
		var dot float64
		for j := range xi {
			dot += float64(dyi[j] * w[j] * xi[j])
		}
		c := float32(dot) * ri * ri * ri / float32(d)
		for j := range xi {
			dxi[j] += dyi[j]*w[j]*ri - xi[j]*c
		}
	}
}

// norm sets y = norm(x)·w + b per row of d values, b optional: an RMS norm
// when mu is nil, else a LayerNorm keeping each row's mean in mu; r keeps
// each row's 1/rms (1/std).
func norm(y, x, w, b, r, mu []float32, t, d int, eps float32) {
	if mu == nil {
		rmsnorm(y, x, w, r, t, d, eps)
		return
	}
	for i := range t {
		xi, yi := x[i*d:(i+1)*d], y[i*d:(i+1)*d]
		var s float64
		for _, v := range xi {
			s += float64(v)
		}
		m := float32(s / float64(d))
		var ss float64
		for _, v := range xi {
			e := float64(v - m)
			ss += e * e
		}
		ri := float32(1 / math.Sqrt(ss/float64(d)+float64(eps)))
		mu[i], r[i] = m, ri
		for j, v := range xi {
			yi[j] = (v - m) * ri * w[j]
		}
		if b != nil {
			kernels.Add(yi, yi, b)
		}
	}
}

// normBack adds the gradient of x to dx given dy, for norm (the bias is a
// constant).
func normBack(dx, dy, x, w, r, mu []float32, t, d int) {
	if mu == nil {
		rmsnormBack(dx, dy, x, w, r, t, d)
		return
	}
	// y = x̂·w, x̂ = (x-m)·r: dx = r·(g - mean(g) - x̂·mean(g·x̂)), g = dy·w.
	for i := range t {
		xi, dyi, dxi := x[i*d:(i+1)*d], dy[i*d:(i+1)*d], dx[i*d:(i+1)*d]
		m, ri := mu[i], r[i]
		var sg, sgx float64
		for j, v := range xi {
			g := float64(dyi[j] * w[j])
			sg += g
			sgx += g * float64((v-m)*ri)
		}
		mg, mgx := float32(sg/float64(d)), float32(sgx/float64(d))
		for j, v := range xi {
			dxi[j] += ri * (dyi[j]*w[j] - mg - (v-m)*ri*mgx)
		}
	}
}

// normStats returns the per-row memory of a block norm over t rows: 1/rms
// and, for LayerNorms, the means.
func (nt *net) normStats(t int) (r, mu []float32) {
	if nt.cfg.LayerNorm {
		return make([]float32, t), make([]float32, t)
	}
	return make([]float32, t), nil
}

func (nt *net) rope(x []float32, t, heads int, cos, sin []float32, inverse bool) {
	cfg := nt.cfg
	half := cfg.RopeDim / 2
	neg := make([]float32, half)
	for i := range t {
		c, s := cos[i*half:(i+1)*half], sin[i*half:(i+1)*half]
		if inverse {
			for j := range s {
				neg[j] = -s[j]
			}
			s = neg
		}
		xi := x[i*heads*cfg.HeadDim : (i+1)*heads*cfg.HeadDim]
		if cfg.RopeOrder == model.RopeNeox {
			kernels.RopeNeox(xi, heads, cfg.HeadDim, c, s)
		} else {
			kernels.RopeNorm(xi, heads, cfg.HeadDim, c, s)
		}
	}
}

// forward runs the model over tokens, keeping activations.
func (nt *net) forward(tokens []int32) *fwd {
	cfg := nt.cfg
	t, d, qd, kvd, ff, hd := len(tokens), cfg.Dim, cfg.QDim(), cfg.KVDim(), cfg.FFN, cfg.HeadDim
	half := cfg.RopeDim / 2
	f := &fwd{t: t, tokens: tokens, layers: make([]layerActs, len(nt.m.Layers)),
		cos: make([]float32, t*half), sin: make([]float32, t*half)}
	if cfg.RopeBaseSWA != 0 {
		f.cosSWA, f.sinSWA = make([]float32, t*half), make([]float32, t*half)
	}
	x := make([]float32, t*d)
	for i, tok := range tokens {
		xi := x[i*d : (i+1)*d]
		if err := kernels.Dequantize(nt.m.TokenEmbd.Type, nt.m.TokenEmbd.Row(int(tok)), xi); err != nil {
			panic(err)
		}
		if cfg.EmbedScale != 0 {
			kernels.Scale(xi, cfg.EmbedScale)
		}
		model.RopeTableFor(cfg, nt.factors, f.cos[i*half:(i+1)*half], f.sin[i*half:(i+1)*half], float32(i))
		if f.cosSWA != nil {
			// As the engine's sliding layers: their own base, no scaling or factors.
			kernels.RopeTable(f.cosSWA[i*half:(i+1)*half], f.sinSWA[i*half:(i+1)*half], float32(i), cfg.RopeDim, cfg.RopeBaseSWA, 1, nil)
		}
	}
	for l := range nt.m.Layers {
		y := &nt.m.Layers[l]
		la := &f.layers[l]
		lp := &nt.lora[l]
		la.x = x
		la.xn1 = make([]float32, t*d)
		la.r1, la.mu1 = nt.normStats(t)
		norm(la.xn1, x, y.AttnNorm, y.AttnNormB, la.r1, la.mu1, t, d, cfg.NormEps)
		la.q, la.k, la.v = make([]float32, t*qd), make([]float32, t*kvd), make([]float32, t*kvd)
		for p, out := range map[model.Projection][]float32{model.ProjQ: la.q, model.ProjK: la.k, model.ProjV: la.v} {
			la.xa[p] = nt.xaBuf(lp[p], t)
			nt.matmul(y.Weight(p), la.xn1, t, out, lp[p], la.xa[p])
		}
		if y.Bq != nil {
			addBias(la.q, y.Bq, t)
			addBias(la.k, y.Bk, t)
			addBias(la.v, y.Bv, t)
		}
		if y.QNorm != nil {
			la.qr, la.kr = la.q, la.k
			la.q, la.k = make([]float32, t*qd), make([]float32, t*kvd)
			la.rq, la.rk = make([]float32, t*cfg.Heads), make([]float32, t*cfg.KVHeads)
			rmsnorm(la.q, la.qr, y.QNorm, la.rq, t*cfg.Heads, hd, cfg.NormEps)
			rmsnorm(la.k, la.kr, y.KNorm, la.rk, t*cfg.KVHeads, hd, cfg.NormEps)
		}
		cos, sin := f.ropeTables(cfg, l)
		nt.rope(la.q, t, cfg.Heads, cos, sin, false)
		nt.rope(la.k, t, cfg.KVHeads, cos, sin, false)
		la.p, la.o = make([]float32, cfg.Heads*t*t), make([]float32, t*qd)
		nt.attention(la, l, t)
		la.att = make([]float32, t*d)
		la.xa[model.ProjO] = nt.xaBuf(lp[model.ProjO], t)
		nt.matmul(&y.Wo, la.o, t, la.att, lp[model.ProjO], la.xa[model.ProjO])
		if y.Bo != nil {
			addBias(la.att, y.Bo, t)
		}
		la.h = make([]float32, t*d)
		kernels.Add(la.h, x, postNorm(y.PostAttnNorm, la.att, &la.ra, t, d, cfg.NormEps))
		// A LayerNorm layer without ffn_norm is a parallel block: its
		// feed-forward reads the attention's normed input, and both
		// outputs join the residual.
		la.parallel = cfg.LayerNorm && y.FFNNorm == nil
		if la.parallel {
			la.xn2 = la.xn1
		} else {
			la.xn2 = make([]float32, t*d)
			la.r2, la.mu2 = nt.normStats(t)
			norm(la.xn2, la.h, y.FFNNorm, y.FFNNormB, la.r2, la.mu2, t, d, cfg.NormEps)
		}
		la.fo = make([]float32, t*d)
		if y.Router.Data != nil {
			la.moe = nt.moeForward(y, la.xn2, t, la.fo)
		} else {
			la.g, la.u, la.a = make([]float32, t*ff), make([]float32, t*ff), make([]float32, t*ff)
			la.xa[model.ProjGate] = nt.xaBuf(lp[model.ProjGate], t)
			la.xa[model.ProjUp] = nt.xaBuf(lp[model.ProjUp], t)
			nt.matmul(&y.Gate, la.xn2, t, la.g, lp[model.ProjGate], la.xa[model.ProjGate])
			nt.matmul(&y.Up, la.xn2, t, la.u, lp[model.ProjUp], la.xa[model.ProjUp])
			for i, g := range la.g {
				a, _ := act(cfg.Act, g)
				la.a[i] = a * la.u[i]
			}
			la.xa[model.ProjDown] = nt.xaBuf(lp[model.ProjDown], t)
			nt.matmul(&y.Down, la.a, t, la.fo, lp[model.ProjDown], la.xa[model.ProjDown])
		}
		x = make([]float32, t*d)
		kernels.Add(x, la.h, postNorm(y.PostFFNNorm, la.fo, &la.rf, t, d, cfg.NormEps))
	}
	f.xf = x
	f.xnf = make([]float32, t*d)
	f.rf, f.muf = nt.normStats(t)
	norm(f.xnf, x, nt.m.OutputNorm, nt.m.OutputNormB, f.rf, f.muf, t, d, cfg.NormEps)
	f.logits = make([]float32, t*cfg.Vocab)
	nt.matmul(&nt.m.Output, f.xnf, t, f.logits, nil, nil)
	if c := cfg.FinalSoftcap; c != 0 {
		for i, v := range f.logits {
			f.logits[i] = c * float32(math.Tanh(float64(v/c)))
		}
	}
	return f
}

// addBias adds b to each of the t rows of x.
func addBias(x, b []float32, t int) {
	n := len(b)
	for i := range t {
		kernels.Add(x[i*n:(i+1)*n], x[i*n:(i+1)*n], b)
	}
}

// postNorm returns x normed by w (keeping 1/rms in *r), or x when w is nil.
func postNorm(w, x []float32, r *[]float32, t, d int, eps float32) []float32 {
	if w == nil {
		return x
	}
	y := make([]float32, t*d)
	*r = make([]float32, t)
	rmsnorm(y, x, w, *r, t, d, eps)
	return y
}

// postNormBack returns the gradient of the post-norm's input given dy, or
// dy when there is no post-norm.
func postNormBack(w, dy, x, r []float32, t, d int) []float32 {
	if w == nil {
		return dy
	}
	dx := make([]float32, t*d)
	rmsnormBack(dx, dy, x, w, r, t, d)
	return dx
}

// geluC is sqrt(2/pi), of the tanh approximation of GELU.
const geluC = 0.7978845608028654

// act returns the feed-forward activation of g and its derivative.
func act(a model.Activation, g float32) (float32, float32) {
	if a == model.ActGELU {
		x := float64(g)
		th := math.Tanh(geluC * (x + 0.044715*x*x*x))
		d := 0.5*(1+th) + 0.5*x*(1-th*th)*geluC*(1+3*0.044715*x*x)
		return float32(0.5 * x * (1 + th)), float32(d)
	}
	sg := 1 / (1 + float32(math.Exp(float64(-g))))
	return g * sg, sg * (1 + g*(1-sg))
}

func (nt *net) xaBuf(lp *loraParam, t int) []float32 {
	if lp == nil {
		return nil
	}
	return make([]float32, t*lp.rank)
}

// window returns the first position query i attends to in layer l.
func (nt *net) window(l, i int) int {
	if nt.cfg.IsSWA(l) {
		return max(0, i-nt.cfg.Window+1)
	}
	return 0
}

// attention computes causal attention of la.q over la.k, la.v into la.o,
// keeping the probabilities (row i of a head holds positions 0..i; those
// outside a sliding window are 0).
func (nt *net) attention(la *layerActs, l, t int) {
	cfg := nt.cfg
	hd, qd, kvd := cfg.HeadDim, cfg.QDim(), cfg.KVDim()
	group := cfg.Heads / cfg.KVHeads
	scale, capAt := cfg.AttnScale, cfg.AttnSoftcap
	sinks := nt.m.Layers[l].Sinks
	nt.parallel(cfg.Heads, func(_, lo, hi int) {
		for h := lo; h < hi; h++ {
			kh := h / group
			for i := range t {
				q := la.q[i*qd+h*hd : i*qd+(h+1)*hd]
				from := nt.window(l, i)
				p := la.p[(h*t+i)*t+from : (h*t+i)*t+i+1]
				for j := range p {
					s := kernels.DotF32(q, la.k[(from+j)*kvd+kh*hd:(from+j)*kvd+(kh+1)*hd]) * scale
					if capAt != 0 {
						s = capAt * float32(math.Tanh(float64(s/capAt)))
					}
					p[j] = s
				}
				if sinks != nil {
					softmaxSink(p, sinks[h])
				} else {
					kernels.Softmax(p)
				}
				o := la.o[i*qd+h*hd : i*qd+(h+1)*hd]
				for j, w := range p {
					kernels.AxpyF32(w, la.v[(from+j)*kvd+kh*hd:(from+j)*kvd+(kh+1)*hd], o)
				}
			}
		}
	})
}

// softmaxSink is the softmax of p with one more logit, sink, that joins
// the normalization but has no value (gpt-oss's attention sinks). Its
// backward pass is the plain softmax's over p: the sink's own gradient
// would multiply a value it does not have.
func softmaxSink(p []float32, sink float32) {
	m := sink
	for _, v := range p {
		m = max(m, v)
	}
	sum := math.Exp(float64(sink - m))
	for j, v := range p {
		e := math.Exp(float64(v - m))
		p[j] = float32(e)
		sum += e
	}
	kernels.Scale(p, float32(1/sum))
}

// attentionBack turns do into dq, dk, dv (all rope-space for q and k).
func (nt *net) attentionBack(la *layerActs, l, t int, do, dq, dk, dv []float32) {
	cfg := nt.cfg
	hd, qd, kvd := cfg.HeadDim, cfg.QDim(), cfg.KVDim()
	group := cfg.Heads / cfg.KVHeads
	scale, capAt := cfg.AttnScale, cfg.AttnSoftcap
	// Heads of one KV head write the same dk, dv: split by KV head.
	nt.parallel(cfg.KVHeads, func(_, lo, hi int) {
		dp := make([]float32, t)
		for kh := lo; kh < hi; kh++ {
			for h := kh * group; h < (kh+1)*group; h++ {
				for i := range t {
					from := nt.window(l, i)
					p := la.p[(h*t+i)*t : (h*t+i)*t+i+1]
					doi := do[i*qd+h*hd : i*qd+(h+1)*hd]
					var sum float32
					for j := from; j <= i; j++ {
						w := p[j]
						vj := la.v[j*kvd+kh*hd : j*kvd+(kh+1)*hd]
						dp[j] = kernels.DotF32(doi, vj)
						sum += w * dp[j]
						kernels.AxpyF32(w, doi, dv[j*kvd+kh*hd:j*kvd+(kh+1)*hd])
					}
					qi := la.q[i*qd+h*hd : i*qd+(h+1)*hd]
					dqi := dq[i*qd+h*hd : i*qd+(h+1)*hd]
					for j := from; j <= i; j++ {
						kj := la.k[j*kvd+kh*hd : j*kvd+(kh+1)*hd]
						ds := p[j] * (dp[j] - sum) * scale
						if capAt != 0 {
							// d(c·tanh(s/c))/ds = 1 - tanh².
							th := math.Tanh(float64(kernels.DotF32(qi, kj) * scale / capAt))
							ds *= float32(1 - th*th)
						}
						kernels.AxpyF32(ds, kj, dqi)
						kernels.AxpyF32(ds, qi, dk[j*kvd+kh*hd:j*kvd+(kh+1)*hd])
					}
				}
			}
		}
	})
}

// lossGrad returns the mean cross-entropy of predicting tokens[i+1] at the
// positions i where mask[i+1] is set, and the gradient of the logits.
func lossGrad(f *fwd, mask []bool, vocab int) (float64, []float32, int) {
	dl := make([]float32, len(f.logits))
	n := 0
	for i := 0; i+1 < f.t; i++ {
		if mask[i+1] {
			n++
		}
	}
	if n == 0 {
		return 0, dl, 0
	}
	var loss float64
	for i := 0; i+1 < f.t; i++ {
		if !mask[i+1] {
			continue
		}
		row := f.logits[i*vocab : (i+1)*vocab]
		m := row[kernels.Argmax(row)]
		var sum float64
		for _, v := range row {
			sum += math.Exp(float64(v - m))
		}
		lse := float64(m) + math.Log(sum)
		tgt := f.tokens[i+1]
		loss += lse - float64(row[tgt])
		g := dl[i*vocab : (i+1)*vocab]
		for j, v := range row {
			g[j] = float32(math.Exp(float64(v)-lse) / float64(n))
		}
		g[tgt] -= 1 / float32(n)
	}
	return loss / float64(n), dl, n
}

// backward accumulates the LoRA gradients of the loss whose logits
// gradient is dl.
func (nt *net) backward(f *fwd, dl []float32) {
	cfg := nt.cfg
	t, d, qd, kvd, ff, hd := f.t, cfg.Dim, cfg.QDim(), cfg.KVDim(), cfg.FFN, cfg.HeadDim
	if c := cfg.FinalSoftcap; c != 0 {
		for i, v := range f.logits { // v = c·tanh(z/c): dz = dv·(1-(v/c)²)
			dl[i] *= 1 - (v/c)*(v/c)
		}
	}
	dxn := make([]float32, t*d)
	nt.matmulBack(&nt.m.Output, f.xnf, t, dl, dxn, nil, nil)
	dx := make([]float32, t*d)
	normBack(dx, dxn, f.xf, nt.m.OutputNorm, f.rf, f.muf, t, d)
	for l := len(nt.m.Layers) - 1; l >= 0; l-- {
		y := &nt.m.Layers[l]
		la := &f.layers[l]
		lp := &nt.lora[l]
		// x_out = h + post(down(a)): dh = dx; da from the down projection.
		dfo := postNormBack(y.PostFFNNorm, dx, la.fo, la.rf, t, d)
		dxn2 := make([]float32, t*d)
		if la.moe != nil {
			nt.moeBack(y, la.moe, la.xn2, t, dfo, dxn2)
		} else {
			da := make([]float32, t*ff)
			nt.matmulBack(&y.Down, la.a, t, dfo, da, lp[model.ProjDown], la.xa[model.ProjDown])
			dg, du := make([]float32, t*ff), make([]float32, t*ff)
			for i, g := range la.g {
				a, da1 := act(cfg.Act, g)
				du[i] = da[i] * a
				dg[i] = da[i] * la.u[i] * da1
			}
			nt.matmulBack(&y.Gate, la.xn2, t, dg, dxn2, lp[model.ProjGate], la.xa[model.ProjGate])
			nt.matmulBack(&y.Up, la.xn2, t, du, dxn2, lp[model.ProjUp], la.xa[model.ProjUp])
		}
		dh := dx // the residual
		if !la.parallel {
			normBack(dh, dxn2, la.h, y.FFNNorm, la.r2, la.mu2, t, d)
		}
		// h = x + post(Wo(o)).
		datt := postNormBack(y.PostAttnNorm, dh, la.att, la.ra, t, d)
		do := make([]float32, t*qd)
		nt.matmulBack(&y.Wo, la.o, t, datt, do, lp[model.ProjO], la.xa[model.ProjO])
		dq, dk, dv := make([]float32, t*qd), make([]float32, t*kvd), make([]float32, t*kvd)
		nt.attentionBack(la, l, t, do, dq, dk, dv)
		cos, sin := f.ropeTables(cfg, l)
		nt.rope(dq, t, cfg.Heads, cos, sin, true)
		nt.rope(dk, t, cfg.KVHeads, cos, sin, true)
		if y.QNorm != nil {
			dqr, dkr := make([]float32, t*qd), make([]float32, t*kvd)
			rmsnormBack(dqr, dq, la.qr, y.QNorm, la.rq, t*cfg.Heads, hd)
			rmsnormBack(dkr, dk, la.kr, y.KNorm, la.rk, t*cfg.KVHeads, hd)
			dq, dk = dqr, dkr
		}
		// The biases are constants: their outputs' gradients pass through.
		dxn1 := make([]float32, t*d)
		if la.parallel {
			dxn1 = dxn2 // the feed-forward read the same normed input
		}
		nt.matmulBack(&y.Wq, la.xn1, t, dq, dxn1, lp[model.ProjQ], la.xa[model.ProjQ])
		nt.matmulBack(&y.Wk, la.xn1, t, dk, dxn1, lp[model.ProjK], la.xa[model.ProjK])
		nt.matmulBack(&y.Wv, la.xn1, t, dv, dxn1, lp[model.ProjV], la.xa[model.ProjV])
		dxPrev := dh // x's gradient: the residual plus the attention norm's
		normBack(dxPrev, dxn1, la.x, y.AttnNorm, la.r1, la.mu1, t, d)
		dx = dxPrev
	}
}

// newNet binds m for training LoRA pairs of the given rank and alpha on
// every projection, A random (uniform, ±1/sqrt(in)) and B zero as PEFT
// initializes them, so that training starts from the base model.
func newNet(m *model.Model, rank int, alpha float32, threads int, seed uint64) (*net, error) {
	cfg := &m.Config
	if err := trainable(cfg); err != nil {
		return nil, err
	}
	if rank < 1 || rank > 1024 {
		return nil, fmt.Errorf("finetune: rank %d out of range [1, 1024]", rank)
	}
	nt := &net{m: m, cfg: cfg, lora: make([][model.NumProjections]*loraParam, len(m.Layers)), scale: alpha / float32(rank), threads: max(threads, 1), factors: m.RopeFreqs}
	if m.RopeLong != nil {
		nt.factors = m.RopeShort
	}
	r := rand.New(rand.NewPCG(seed, 0x10a))
	for l := range m.Layers {
		for p := range model.NumProjections {
			w := m.Layers[l].Weight(p)
			if w.Data == nil {
				continue // a MoE layer's feed-forward: its experts are not adapted
			}
			bound := 1 / math.Sqrt(float64(w.Cols))
			nt.lora[l][p] = newLoRAParam(rank, w.Cols, w.Rows, func() float32 { return float32((2*r.Float64() - 1) * bound) })
		}
	}
	return nt, nil
}

// trainableArchs are the architectures the training graph implements;
// anything else is refused by name rather than trained wrong.
var trainableArchs = []string{"exaone", "gemma", "gemma2", "gemma3", "gpt-oss", "llama", "phi3", "qwen2", "qwen3", "stablelm"}

// trainable returns an error naming what training does not support in cfg.
func trainable(cfg *model.Config) error {
	list := strings.Join(trainableArchs, ", ")
	switch {
	case !slices.Contains(trainableArchs, cfg.Arch):
		return fmt.Errorf("finetune: training does not support the %s architecture (it supports %s, and Mixtral-style experts in llama files)", cfg.Arch, list)
	case cfg.Experts > 0 && (cfg.MoE != nil || cfg.OAIMoE != (cfg.Arch == "gpt-oss")):
		return fmt.Errorf("finetune: training does not support %s with this mixture of experts (it supports Mixtral's and gpt-oss's routing)", cfg.Arch)
	case cfg.LayerNorm != (cfg.Arch == "stablelm") || cfg.ValueDim != cfg.HeadDim:
		return fmt.Errorf("finetune: training does not support this %s variant (LayerNorm, or value length %d ≠ key length %d)", cfg.Arch, cfg.ValueDim, cfg.HeadDim)
	}
	return nil
}
