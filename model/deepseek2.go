package model

import (
	"fmt"
	"math"
	"unsafe"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/kernels"
)

// deepseek2 (DeepSeek V2, V2.5 and V2-Lite): multi-head latent attention
// (MLA) and a Mixture of Experts with shared experts after the leading
// dense layers.
//
// Attention. The query is either one projection (attn_q, V2-Lite) or a
// low-rank pair with an RMS norm between (attn_q_a, attn_q_a_norm,
// attn_q_b); each head's query has a "nope" part and a rotary part. One
// projection (attn_kv_a_mqa) gives per token a compressed latent of
// kv_lora_rank values (RMS-normed by attn_kv_a_norm) and one rotary key
// part shared by all heads. attn_kv_b expands the latent to each head's
// nope key and its value. Rope is YaRN-scaled, and the attention scale is
// mscale^2/sqrt(key length) with mscale = 1 + 0.1*mscale_all_dim*ln(factor),
// as llama.cpp's llm_build_deepseek2 computes it.
//
// The cache stores the latent, not the expanded keys and values: the
// "absorbed" form. For head h, q_nope·(W_kb,h c) = (W_kb,hᵀ q_nope)·c, so
// the query's nope part is mapped into latent space once per token and
// attention runs as multi-query attention over one shared head of
// rope+latent values [k_pe | c], whose latent part is also the value; the
// mixed latent is then expanded by W_vb,h. Per token and layer the cache
// holds (rope + kv_lora_rank) values instead of heads*(key+value length):
// 576 against 40,960 for V2.5 (71 times less; 69 KB against 4.9 MB per
// token over its 60 layers in F16). llama.cpp's reference computes the
// expanded form from files with attn_kv_b; both are the same product,
// differing only in where values are rounded to the cache type.
//
// The absorbed query W_kb,hᵀ q_nope is computed from attn_kv_b as
// stored, with no transposed copy (there used to be one, in F16: 1 GB for
// V2.5): it is the sum over the head's Nope key rows r of q_nope[r] times
// row r (absorbTask), the rows dequantized once per batch into a buffer
// per Pool goroutine (Nope x kv_lora_rank floats, 256 KB for V2.5; F16
// rows are read in place). W_vb,h are views of attn_kv_b.

// MLAConfig is the latent attention geometry of a deepseek2 model.
type MLAConfig struct {
	QLoRA  int // q_lora_rank; 0 when the query is one projection
	KVLoRA int // kv_lora_rank: latent values per token
	Nope   int // per-head key values without rope
	Rope   int // per-head (and shared key) rotary values
	VDim   int // per-head value length
}

// mlaLayer holds one layer's attention weights.
type mlaLayer struct {
	QA, QB  Weight    // low-rank query, or zero when Wq is used
	QANorm  []float32 // QLoRA
	KVA     Weight    // KVLoRA+Rope rows
	KVANorm []float32 // KVLoRA
	KVB     Weight    // attn_kv_b: per head Nope key rows, then VDim value rows
	VB      []Weight  // per head: VDim rows of KVLoRA (views of attn_kv_b)
}

// mlaScratch is the State's memory for MLA layers.
type mlaScratch struct {
	qa   []float32 // maxBatch x QLoRA
	qf   []float32 // maxBatch x Heads*(Nope+Rope): the full queries
	kva  []float32 // maxBatch x (KVLoRA+Rope)
	qab  []float32 // maxBatch x KVLoRA: absorbed, or one head's mixed latent
	vo   []float32 // maxBatch x VDim: one head's values
	att  []float32 // maxBatch x Heads*VDim
	krow []float32 // Rope+KVLoRA: one cache row
	ab   absorbTask
}

// absorbTask maps each head's nope queries into latent space: for head h
// and token i, q[(i*heads+h)*hd+rope:][:kvLoRA] = Σ_r qf[(i*heads+h)*kd+r]
// · kvb.Row(h*per+r), r < nope, summed in order of r (so a token's result
// does not depend on the batch it is in). The heads are split into one
// contiguous range per Pool goroutine (slot); a slot dequantizes its
// head's Nope rows once per batch into its own buffer (F16 rows are read
// in place), then runs the batch's tokens over them.
type absorbTask struct {
	a     *MLAConfig
	kvb   *Weight
	heads int
	n     int
	qf, q []float32
	bufs  [][]float32 // per slot: Nope x KVLoRA dequantized values
	errs  []error     // per slot
	fn    func(lo, hi int)
}

func (t *absorbTask) do(lo, hi int) {
	for slot := lo; slot < hi; slot++ {
		ns := len(t.bufs)
		for hh := slot * t.heads / ns; hh < (slot+1)*t.heads/ns; hh++ {
			if err := t.head(hh, t.bufs[slot]); err != nil {
				t.errs[slot] = err
				return
			}
		}
	}
}

// head computes head hh's absorbed queries, using buf for its key rows.
// Whole tiles of gemmRows tokens go through kernels.MulF32 when
// kv_lora_rank is a multiple of 16 and the others through AxpyF32 or
// AxpyF16: both accumulate each output over r in order from zero with the
// same multiply-adds (fused on amd64), so a token's result does not
// depend on which path its batch gives it (TestHFModelsBatchInvariant).
func (t *absorbTask) head(hh int, buf []float32) error {
	a := t.a
	kd, hd, per := a.Nope+a.Rope, a.Rope+a.KVLoRA, a.Nope+a.VDim
	// W_kb,h: rows [hh*per, hh*per+Nope) of attn_kv_b, contiguous.
	w := t.kvb.Data[hh*per*t.kvb.Type.RowSize(a.KVLoRA):]
	tiles := 0
	if a.KVLoRA%16 == 0 {
		tiles = t.n / gemmRows * gemmRows
	}
	var h16 []uint16
	if t.kvb.Type == gguf.TypeF16 && tiles == 0 {
		h16 = unsafe.Slice((*uint16)(unsafe.Pointer(unsafe.SliceData(w))), a.Nope*a.KVLoRA)
	} else if err := kernels.Dequantize(t.kvb.Type, w, buf); err != nil {
		return fmt.Errorf("model: tensor %q: %w", t.kvb.Name, err)
	}
	if tiles > 0 {
		kernels.MulF32(t.q[hh*hd+a.Rope:], t.heads*hd, t.qf[hh*kd:], t.heads*kd, buf, a.KVLoRA, tiles, a.KVLoRA, a.Nope)
	}
	for i := tiles; i < t.n; i++ {
		qn := t.qf[(i*t.heads+hh)*kd : (i*t.heads+hh)*kd+a.Nope]
		dst := t.q[(i*t.heads+hh)*hd+a.Rope : (i*t.heads+hh+1)*hd]
		clear(dst)
		for r, s := range qn {
			if h16 != nil {
				kernels.AxpyF16(s, h16[r*a.KVLoRA:(r+1)*a.KVLoRA], dst)
			} else {
				kernels.AxpyF32(s, buf[r*a.KVLoRA:(r+1)*a.KVLoRA], dst)
			}
		}
	}
	return nil
}

// gemmRows is the row tile of kernels.MulF32's assembly.
const gemmRows = 6

func newMLAScratch(c *Config, maxBatch, slots int) *mlaScratch {
	a := c.MLA
	s := &mlaScratch{
		qa:   make([]float32, maxBatch*max(a.QLoRA, 1)),
		qf:   make([]float32, maxBatch*c.Heads*(a.Nope+a.Rope)),
		kva:  make([]float32, maxBatch*(a.KVLoRA+a.Rope)),
		qab:  make([]float32, maxBatch*a.KVLoRA),
		vo:   make([]float32, maxBatch*a.VDim),
		att:  make([]float32, maxBatch*c.Heads*a.VDim),
		krow: make([]float32, a.Rope+a.KVLoRA),
	}
	slots = min(max(slots, 1), c.Heads)
	s.ab = absorbTask{a: a, heads: c.Heads, bufs: make([][]float32, slots), errs: make([]error, slots)}
	for i := range s.ab.bufs {
		s.ab.bufs[i] = make([]float32, a.Nope*a.KVLoRA)
	}
	s.ab.fn = s.ab.do
	return s
}

func init() {
	register(Arch{Name: "deepseek2", RopeOrder: RopeNormal, Setup: deepseek2Setup,
		loadLayer: deepseek2LoadLayer, layer: (*Model).deepseek2Layer})
}

// deepseek2Setup reads the MLA geometry and the MoE variant and turns the
// attention geometry into the cache's: one KV head of Rope+KVLoRA values.
func deepseek2Setup(md Metadata, c *Config) error {
	key := func(s string) string { return "deepseek2." + s }
	u := func(name string, def uint64, lo, hi uint64) (int, error) {
		v, ok := md.Uint(key(name))
		if !ok {
			v = def
		}
		if v < lo || v > hi {
			return 0, fmt.Errorf("%w: metadata %q = %d is out of range", ErrInvalid, key(name), v)
		}
		return int(v), nil
	}
	var err error
	a := &MLAConfig{Rope: c.RopeDim, VDim: c.ValueDim}
	if a.QLoRA, err = u("attention.q_lora_rank", 0, 0, 1<<16); err != nil {
		return err
	}
	if a.KVLoRA, err = u("attention.kv_lora_rank", 0, 1, 1<<16); err != nil {
		return err
	}
	a.Nope = c.HeadDim - a.Rope
	if a.Nope < 1 || a.Rope < 2 || a.Rope%2 != 0 {
		return fmt.Errorf("%w: deepseek2 key length %d with %d rotary values", ErrInvalid, c.HeadDim, a.Rope)
	}
	if c.Experts == 0 {
		return fmt.Errorf("%w: deepseek2 without experts", ErrInvalid)
	}
	mc := &MoEConfig{NormWeights: false}
	if mc.LeadDense, err = u("leading_dense_block_count", 0, 0, uint64(c.Layers)); err != nil {
		return err
	}
	shared, err := u("expert_shared_count", 0, 0, 1<<10)
	if err != nil {
		return err
	}
	mc.SharedFFN = shared * c.ExpertFFN
	gating, err := u("expert_gating_func", 0, 0, 2)
	if err != nil {
		return err
	}
	// 0 (absent) is softmax for the V2 and V2.5 files that predate the key.
	mc.Sigmoid = gating == 2
	if mc.Groups, err = u("expert_group_count", 0, 0, 1<<10); err != nil {
		return err
	}
	if mc.GroupsUsed, err = u("expert_group_used_count", 0, 0, 1<<10); err != nil {
		return err
	}
	if err := mc.checkGroups(c.Experts); err != nil {
		return err
	}
	if b, ok := md.(interface{ Bool(string) (bool, bool) }); ok {
		mc.NormWeights, _ = b.Bool(key("expert_weights_norm"))
	}
	if v, ok := md.Float(key("expert_weights_scale")); ok {
		if !(v >= 0) || v > 1e4 {
			return fmt.Errorf("%w: expert weights scale %v", ErrInvalid, v)
		}
		mc.Scale = float32(v)
	}
	c.MoE = mc
	// YaRN with llama.cpp's deepseek2 reading of yarn_log_multiplier
	// (0.1*mscale_all_dim in the file).
	var logMul float32
	if v, ok := md.Float(key("rope.scaling.yarn_log_multiplier")); ok {
		if !(v >= 0) || v > 100 {
			return fmt.Errorf("%w: yarn log multiplier %v", ErrInvalid, v)
		}
		logMul = float32(v) / 0.1
	}
	mscale := float32(1)
	if typ, _ := md.String(key("rope.scaling.type")); typ == "yarn" {
		if err := readYaRN(md, key, c, logMul, true); err != nil {
			return err
		}
		y := c.YaRN
		lf := float32(math.Log(float64(1 / y.FreqScale)))
		mscale = y.AttnFactor * (1 + 0.1*lf) * (1 + 0.1*logMul*lf)
	}
	c.AttnScale = mscale * mscale / float32(math.Sqrt(float64(c.HeadDim)))
	c.MLA = a
	c.HeadDim = a.Rope + a.KVLoRA
	c.ValueDim = c.HeadDim
	c.KVHeads = 1
	c.SharedKV = true
	return nil
}

// deepseek2LoadLayer binds layer i's tensors.
func deepseek2LoadLayer(l *loader, c *Config, p string, i int, y *Layer, has func(string) bool) {
	a := c.MLA
	d, h := c.Dim, c.Heads
	ml := &mlaLayer{}
	y.MLA = ml
	y.AttnNorm = l.vector(p+"attn_norm.weight", d)
	if has(p + "attn_q_a.weight") {
		if a.QLoRA == 0 {
			l.fail(fmt.Errorf("%w: %s without deepseek2.attention.q_lora_rank", ErrInvalid, p+"attn_q_a.weight"))
			return
		}
		ml.QA = l.matrix(p+"attn_q_a.weight", a.QLoRA, d)
		ml.QANorm = l.vector(p+"attn_q_a_norm.weight", a.QLoRA)
		ml.QB = l.matrix(p+"attn_q_b.weight", h*(a.Nope+a.Rope), a.QLoRA)
	} else {
		y.Wq = l.matrix(p+"attn_q.weight", h*(a.Nope+a.Rope), d)
	}
	ml.KVA = l.matrix(p+"attn_kv_a_mqa.weight", a.KVLoRA+a.Rope, d)
	ml.KVANorm = l.vector(p+"attn_kv_a_norm.weight", a.KVLoRA)
	if !has(p+"attn_kv_b.weight") && has(p+"attn_k_b.weight") {
		l.fail(fmt.Errorf("%w: deepseek2 with split attn_k_b/attn_v_b (no attn_kv_b) is not implemented", ErrUnsupported))
		return
	}
	kvb := l.matrix(p+"attn_kv_b.weight", h*(a.Nope+a.VDim), a.KVLoRA)
	y.Wo = l.matrix(p+"attn_output.weight", d, h*a.VDim)
	if l.err != nil {
		return
	}
	ml.KVB = kvb
	ml.VB = make([]Weight, h)
	for hh := range h {
		ml.VB[hh] = kvb.view(hh*(a.Nope+a.VDim)+a.Nope, a.VDim)
	}
	y.FFNNorm = l.vector(p+"ffn_norm.weight", d)
	loadMoEVariant(l, c, p, i, y, has)
}

// deepseek2Layer runs block l: MLA attention, then the dense or MoE
// feed-forward.
func (m *Model) deepseek2Layer(st *State, c *Cache, l int, b Batch) error {
	cfg := &m.Config
	a := cfg.MLA
	y := &m.Layers[l]
	ml := y.MLA
	s := st.mla
	n := b.Len()
	d, h, hd := cfg.Dim, cfg.Heads, cfg.HeadDim
	kd := a.Nope + a.Rope
	r := &st.rows
	r.c, r.l, r.b = c, l, b
	defer func() { r.c, r.b, r.norm, r.bias = nil, Batch{}, nil, nil }()

	r.norm = y.AttnNorm
	st.pool.Parallel(n, r.normFn)
	xb := st.xb[:n*d]
	kva := s.kva[:n*(a.KVLoRA+a.Rope)]
	if ml.QA.Data != nil {
		st.linear2(xb, n, &ml.QA, s.qa[:n*a.QLoRA], &ml.KVA, kva)
		for i := range n {
			q := s.qa[i*a.QLoRA : (i+1)*a.QLoRA]
			kernels.RMSNorm(q, q, ml.QANorm, cfg.NormEps)
		}
		if err := st.linear(&ml.QB, s.qa[:n*a.QLoRA], n, s.qf[:n*h*kd]); err != nil {
			return err
		}
	} else {
		st.linear2(xb, n, &y.Wq, s.qf[:n*h*kd], &ml.KVA, kva)
	}
	half := a.Rope / 2
	for i := range n {
		cos, sin := st.cos[i*half:(i+1)*half], st.sin[i*half:(i+1)*half]
		// The cache row: [rope(k_pe) | norm(latent)].
		kv := kva[i*(a.KVLoRA+a.Rope) : (i+1)*(a.KVLoRA+a.Rope)]
		krow := st.k[i*hd : (i+1)*hd]
		copy(krow[:a.Rope], kv[a.KVLoRA:])
		kernels.RopeNorm(krow[:a.Rope], 1, a.Rope, cos, sin)
		kernels.RMSNorm(krow[a.Rope:], kv[:a.KVLoRA], ml.KVANorm, cfg.NormEps)
		c.put(l, int(b.Slot[i]), int(b.Pos[i]), krow, krow)
		// Each head's query: [rope(q_pe) | absorbed q_nope (below)].
		for hh := range h {
			qf := s.qf[(i*h+hh)*kd : (i*h+hh+1)*kd]
			q := st.q[(i*h+hh)*hd : (i*h+hh+1)*hd]
			copy(q[:a.Rope], qf[a.Nope:])
			kernels.RopeNorm(q[:a.Rope], 1, a.Rope, cos, sin)
		}
	}
	ab := &s.ab
	ab.kvb, ab.n, ab.qf, ab.q = &ml.KVB, n, s.qf, st.q
	st.pool.Parallel(len(ab.bufs), ab.fn)
	ab.kvb, ab.qf, ab.q = nil, nil, nil
	for i, err := range ab.errs {
		if err != nil {
			ab.errs[i] = nil
			return err
		}
	}
	st.attn.run(c, l, b)
	// Expand each head's mixed latent to its values.
	for hh := range h {
		for i := range n {
			copy(s.qab[i*a.KVLoRA:(i+1)*a.KVLoRA], st.att[(i*h+hh)*hd+a.Rope:(i*h+hh+1)*hd])
		}
		if err := st.linear(&ml.VB[hh], s.qab[:n*a.KVLoRA], n, s.vo[:n*a.VDim]); err != nil {
			return err
		}
		for i := range n {
			copy(s.att[(i*h+hh)*a.VDim:(i*h+hh+1)*a.VDim], s.vo[i*a.VDim:(i+1)*a.VDim])
		}
	}
	if err := st.linear(&y.Wo, s.att[:n*h*a.VDim], n, st.xb[:n*d]); err != nil {
		return err
	}
	kernels.Add(st.x[:n*d], st.x[:n*d], st.xb[:n*d])
	return m.ffnVariant(st, l, n)
}

// ffnVariant runs the feed-forward block of layer l for architectures with
// MoE variants: norm, dense SwiGLU or routed plus shared experts, residual.
func (m *Model) ffnVariant(st *State, l, n int) error {
	cfg := &m.Config
	y := &m.Layers[l]
	d, ff := cfg.Dim, cfg.FFN
	r := &st.rows
	r.norm, r.bias = y.FFNNorm, nil
	st.pool.Parallel(n, r.normFn)
	if y.Router.Data != nil {
		if err := st.moeVariant(y, n); err != nil {
			return err
		}
	} else {
		st.linear2(st.xb[:n*d], n, &y.Gate, st.gate[:n*ff], &y.Up, st.up[:n*ff])
		r.ff = ff
		st.pool.Parallel(n, r.gluFn)
		if err := st.linear(&y.Down, st.gate[:n*ff], n, st.xb[:n*d]); err != nil {
			return err
		}
	}
	kernels.Add(st.x[:n*d], st.x[:n*d], st.xb[:n*d])
	return nil
}
