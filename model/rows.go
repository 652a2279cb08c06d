package model

import "github.com/gaianet-go/gaianet/kernels"

// rowsTask spreads the per-token element-wise work of a layer (norms,
// biases, q/k norms, rope, cache writes, SwiGLU) over the pool: negligible
// for a decode step, a few percent of a long prefill. Its functions are
// bound once in NewState and its fields set per call, so that running it
// does not allocate.
type rowsTask struct {
	st   *State
	c    *Cache
	l    int
	b    Batch
	norm []float32 // weight of the norm normFn and postNormFn apply
	bias []float32 // LayerNorm bias of normFn, or nil
	ff   int       // hidden length of the rows gluFn activates

	normFn, postNormFn, prepFn, gluFn func(lo, hi int)
}

func (r *rowsTask) bind(st *State) {
	r.st = st
	r.normFn, r.postNormFn, r.prepFn, r.gluFn = r.normRows, r.postNormRows, r.prep, r.glu
}

// postNormRows normalizes xb[i] in place (the post-norms of Gemma 2 and 3).
func (r *rowsTask) postNormRows(lo, hi int) {
	st := r.st
	cfg := &st.m.Config
	d := cfg.Dim
	for i := lo; i < hi; i++ {
		kernels.RMSNorm(st.xb[i*d:(i+1)*d], st.xb[i*d:(i+1)*d], r.norm, cfg.NormEps)
	}
}

// normRows writes RMSNorm(x[i]) * norm (or, in LayerNorm models,
// LayerNorm(x[i]) * norm + bias) into xb[i].
func (r *rowsTask) normRows(lo, hi int) {
	st := r.st
	cfg := &st.m.Config
	d := cfg.Dim
	for i := lo; i < hi; i++ {
		if cfg.LayerNorm {
			kernels.LayerNorm(st.xb[i*d:(i+1)*d], st.x[i*d:(i+1)*d], r.norm, r.bias, cfg.NormEps)
			continue
		}
		kernels.RMSNorm(st.xb[i*d:(i+1)*d], st.x[i*d:(i+1)*d], r.norm, cfg.NormEps)
	}
}

// prep finishes q, k and v of entries [lo,hi) (biases, per-head norms,
// rope) and stores k and v in the cache.
func (r *rowsTask) prep(lo, hi int) {
	st := r.st
	cfg := &st.m.Config
	y := &st.m.Layers[r.l]
	qd, kvd, hd := cfg.QDim(), cfg.KVDim(), cfg.HeadDim
	half := cfg.RopeDim / 2
	for i := lo; i < hi; i++ {
		q, k, v := st.q[i*qd:(i+1)*qd], st.k[i*kvd:(i+1)*kvd], st.v[i*kvd:(i+1)*kvd]
		if y.Bq != nil {
			kernels.Add(q, q, y.Bq)
			kernels.Add(k, k, y.Bk)
			kernels.Add(v, v, y.Bv)
		}
		if y.QNorm != nil {
			for h := 0; h < cfg.Heads; h++ {
				kernels.RMSNorm(q[h*hd:(h+1)*hd], q[h*hd:(h+1)*hd], y.QNorm, cfg.NormEps)
			}
			for h := 0; h < cfg.KVHeads; h++ {
				kernels.RMSNorm(k[h*hd:(h+1)*hd], k[h*hd:(h+1)*hd], y.KNorm, cfg.NormEps)
			}
		}
		cos, sin := st.cos[i*half:(i+1)*half], st.sin[i*half:(i+1)*half]
		if st.cosSWA != nil && cfg.IsSWA(r.l) {
			cos, sin = st.cosSWA[i*half:(i+1)*half], st.sinSWA[i*half:(i+1)*half]
		}
		switch {
		case cfg.isNoRope(r.l):
			// Llama 4's NoPE layers: no rope, queries scaled by the
			// attention temperature.
			if cfg.AttnTemp.Floor > 0 {
				kernels.Scale(q, cfg.AttnTemp.factor(r.b.Pos[i]))
			}
		default:
			rope(cfg, q, cfg.Heads, cos, sin)
			rope(cfg, k, cfg.KVHeads, cos, sin)
			if cfg.QKL2Norm {
				// Llama 4's L2 norm of each head after rope.
				for h := 0; h < cfg.Heads; h++ {
					kernels.RMSNorm(q[h*hd:(h+1)*hd], q[h*hd:(h+1)*hd], nil, cfg.NormEps)
				}
				for h := 0; h < cfg.KVHeads; h++ {
					kernels.RMSNorm(k[h*hd:(h+1)*hd], k[h*hd:(h+1)*hd], nil, cfg.NormEps)
				}
			}
		}
		r.c.put(r.l, int(r.b.Slot[i]), int(r.b.Pos[i]), k, v)
	}
}

// glu writes act(gate[i]) * up[i] into gate[i], rows of r.ff values.
func (r *rowsTask) glu(lo, hi int) {
	st := r.st
	ff := r.ff
	g, u := st.gate[lo*ff:hi*ff], st.up[lo*ff:hi*ff]
	if st.m.Config.Act == ActGELU {
		kernels.GELUF16(g, nil)
		kernels.Mul(g, g, u)
		return
	}
	kernels.SwiGLU(g, g, u)
}
