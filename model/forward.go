package model

import (
	"context"
	"fmt"
	"math"

	"github.com/gaianet-go/gaianet/kernels"
)

// Batch is one forward step, like llama.cpp's llama_batch: entry i puts
// token Tokens[i] at position Pos[i] of cache slot Slot[i], and Logits[i]
// asks for its output logits. All slices have the same length.
//
// Attention is causal within a slot: the entry at position p attends to
// positions 0..p of its slot. The caller guarantees that positions below p
// are already in the cache or earlier in the same batch.
type Batch struct {
	Tokens []int32
	Pos    []int32
	Slot   []int32
	Logits []bool
}

// Len returns the number of entries.
func (b *Batch) Len() int { return len(b.Tokens) }

// State holds the scratch memory and worker pool of forward passes over
// one model, allocated once by NewState so that a step does not allocate.
// A State must be used by one goroutine at a time.
type State struct {
	m        *Model
	pool     *kernels.Pool
	maxBatch int
	ctx      int

	x, xb   []float32 // maxBatch x Dim
	q, k, v []float32 // maxBatch x QDim / KVDim
	att     []float32 // maxBatch x QDim
	gate    []float32 // maxBatch x FFN
	up      []float32 // maxBatch x FFN
	cos     []float32 // maxBatch x RopeDim/2
	sin     []float32
	// cosSWA and sinSWA are the rope tables of sliding-window layers when
	// their base differs (Gemma 3), else nil.
	cosSWA, sinSWA []float32
	factors        []float32 // rope frequency factors for this context
	moe            moeScratch
	shared         sharedScratch // MoE variants (moe_shared.go)
	mla            *mlaScratch   // deepseek2's latent attention, or nil
	outRows        []int         // batch rows that want logits, this chunk
	logits         []float32     // grown to the largest number of outputs seen
	scratch        chan *attnScratch
	attn           attnTask
	rows           rowsTask
	ops            [3]kernels.MatMulOp // matrices of one linear2/linear3 call
	lora           loraTask            // adapters per slot (lora.go)
}

// NewState allocates scratch for batches of up to maxBatch entries against
// caches of up to ctx positions per slot, with a pool of the given number
// of threads (0 means GOMAXPROCS). Close releases the pool.
func NewState(m *Model, maxBatch, ctx, threads int) *State {
	c := &m.Config
	maxBatch = max(maxBatch, 1)
	st := &State{m: m, pool: kernels.NewPool(threads), maxBatch: maxBatch, ctx: ctx}
	st.x = make([]float32, maxBatch*c.Dim)
	st.xb = make([]float32, maxBatch*max(c.Dim, c.QDim()))
	st.q = make([]float32, maxBatch*c.QDim())
	st.k = make([]float32, maxBatch*c.KVDim())
	st.v = make([]float32, maxBatch*c.VDim())
	st.att = make([]float32, maxBatch*c.QDim())
	ff := c.FFN
	if c.Experts > 0 {
		// Expert rows are gathered: at most every entry in every expert.
		ff = c.ExpertFFN
		st.moe = newMoEScratch(c, maxBatch)
	}
	if c.MoE != nil {
		// Dense layers, routed and shared experts share gate and up.
		ff = max(c.FFN, c.ExpertFFN, c.MoE.SharedFFN)
		st.shared = newSharedScratch(c, maxBatch)
	}
	if c.MLA != nil {
		st.mla = newMLAScratch(c, maxBatch, st.pool.Size())
	}
	st.gate = make([]float32, maxBatch*ff)
	st.up = make([]float32, maxBatch*ff)
	st.cos = make([]float32, maxBatch*c.RopeDim/2)
	st.sin = make([]float32, maxBatch*c.RopeDim/2)
	if c.RopeBaseSWA != 0 {
		st.cosSWA = make([]float32, maxBatch*c.RopeDim/2)
		st.sinSWA = make([]float32, maxBatch*c.RopeDim/2)
	}
	st.factors = m.ropeFactors(ctx)
	st.outRows = make([]int, 0, maxBatch)
	n := st.pool.Size()
	st.scratch = make(chan *attnScratch, n)
	for range n {
		st.scratch <- newAttnScratch(c, ctx)
	}
	st.attn.st = st
	st.rows.bind(st)
	st.attn.items = make([]attnItem, 0, maxBatch)
	st.lora.st = st
	return st
}

// Close stops the State's workers.
func (st *State) Close() { st.pool.Close() }

// Pool returns the State's worker pool, for callers that time kernels.
func (st *State) Pool() *kernels.Pool { return st.pool }

// Forward runs the model over b, writing keys and values into c, and
// returns the logits of the entries that asked for them, in batch order,
// Vocab values each. The returned slice is owned by st and valid until the
// next call. Batches longer than the State's maximum run in chunks.
func (m *Model) Forward(ctx context.Context, st *State, c *Cache, b Batch) ([]float32, error) {
	return m.forward(ctx, st, c, b, false)
}

// Hidden is Forward returning, instead of logits, the final hidden states
// (after the output norm, Dim values each) of the entries that asked for
// them: what a decoder used as an embedding model pools, as llama.cpp's
// embeddings mode does.
func (m *Model) Hidden(ctx context.Context, st *State, c *Cache, b Batch) ([]float32, error) {
	return m.forward(ctx, st, c, b, true)
}

func (m *Model) forward(ctx context.Context, st *State, c *Cache, b Batch, hidden bool) ([]float32, error) {
	n := b.Len()
	if len(b.Pos) != n || len(b.Slot) != n || len(b.Logits) != n {
		return nil, fmt.Errorf("%w: slices of lengths %d, %d, %d, %d", ErrBatch, n, len(b.Pos), len(b.Slot), len(b.Logits))
	}
	if st.m != m || c.Layers != m.Config.Layers || c.kvHeads != m.Config.KVHeads || c.headDim != m.Config.HeadDim || c.Ctx > st.ctx {
		return nil, fmt.Errorf("%w: state or cache made for another model or context", ErrBatch)
	}
	nOut := 0
	for i := range n {
		if t := b.Tokens[i]; t < 0 || int(t) >= m.Config.Vocab {
			return nil, fmt.Errorf("%w: token %d out of range [0,%d)", ErrBatch, t, m.Config.Vocab)
		}
		if p := b.Pos[i]; p < 0 || int(p) >= c.Ctx {
			return nil, fmt.Errorf("%w: position %d out of range [0,%d)", ErrBatch, p, c.Ctx)
		}
		if s := b.Slot[i]; s < 0 || int(s) >= c.Slots {
			return nil, fmt.Errorf("%w: slot %d out of range [0,%d)", ErrBatch, s, c.Slots)
		}
		if b.Logits[i] {
			nOut++
		}
	}
	vocab := m.Config.Vocab
	if hidden {
		vocab = m.Config.Dim
	}
	if cap(st.logits) < nOut*vocab {
		st.logits = make([]float32, nOut*vocab)
	}
	logits := st.logits[:nOut*vocab]
	out := 0
	step := st.maxBatch
	if s := c.slack(); s > 0 {
		step = min(step, s) // a slot may not write more than its ring spares
	}
	for lo := 0; lo < n; lo += step {
		hi := min(n, lo+step)
		chunk := Batch{Tokens: b.Tokens[lo:hi], Pos: b.Pos[lo:hi], Slot: b.Slot[lo:hi], Logits: b.Logits[lo:hi]}
		if err := c.admit(chunk); err != nil {
			return nil, err
		}
		k, err := m.forwardChunk(ctx, st, c, chunk, logits[out*vocab:], hidden)
		if err != nil {
			return nil, err
		}
		out += k
	}
	return logits, nil
}

// forwardChunk runs up to maxBatch entries and writes the wanted logits (or
// normed hidden states) to logits; it returns how many rows it wrote.
func (m *Model) forwardChunk(ctx context.Context, st *State, c *Cache, b Batch, logits []float32, hidden bool) (int, error) {
	cfg := &m.Config
	d := cfg.Dim
	half := cfg.RopeDim / 2
	emb := &m.TokenEmbd
	for i, t := range b.Tokens {
		if err := kernels.Dequantize(emb.Type, emb.Row(int(t)), st.x[i*d:(i+1)*d]); err != nil {
			return 0, fmt.Errorf("model: embedding: %w", err)
		}
		if cfg.EmbedScale != 0 {
			kernels.Scale(st.x[i*d:(i+1)*d], cfg.EmbedScale)
		}
		RopeTableFor(cfg, st.factors, st.cos[i*half:(i+1)*half], st.sin[i*half:(i+1)*half], float32(b.Pos[i]))
		if st.cosSWA != nil {
			ropeTableSWA(cfg, st.cosSWA[i*half:(i+1)*half], st.sinSWA[i*half:(i+1)*half], float32(b.Pos[i]))
		}
	}
	for l := range m.Layers {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		layer := (*Model).layer
		if m.layerFn != nil {
			layer = m.layerFn
		}
		if err := layer(m, st, c, l, b); err != nil {
			return 0, err
		}
	}
	// Output: norm and project only the rows that want logits.
	st.outRows = st.outRows[:0]
	for i, want := range b.Logits {
		if want {
			st.outRows = append(st.outRows, i)
		}
	}
	nOut := len(st.outRows)
	if nOut == 0 {
		return 0, nil
	}
	for j, i := range st.outRows {
		if cfg.LayerNorm {
			kernels.LayerNorm(st.xb[j*d:(j+1)*d], st.x[i*d:(i+1)*d], m.OutputNorm, m.OutputNormB, cfg.NormEps)
			continue
		}
		kernels.RMSNorm(st.xb[j*d:(j+1)*d], st.x[i*d:(i+1)*d], m.OutputNorm, cfg.NormEps)
	}
	if hidden {
		copy(logits[:nOut*d], st.xb[:nOut*d])
		return nOut, nil
	}
	if err := st.linear(&m.Output, st.xb[:nOut*d], nOut, logits[:nOut*cfg.Vocab]); err != nil {
		return 0, err
	}
	if cfg.FinalSoftcap != 0 {
		softcap(logits[:nOut*cfg.Vocab], cfg.FinalSoftcap)
	}
	return nOut, nil
}

// softcap bounds x to (-c, c) as c*tanh(x/c), in ggml's order of
// operations (scale, tanh, scale).
func softcap(x []float32, c float32) {
	inv := 1 / c
	for i, v := range x {
		x[i] = float32(math.Tanh(float64(v*inv))) * c
	}
}

// layer runs transformer block l over the chunk, updating st.x in place.
func (m *Model) layer(st *State, c *Cache, l int, b Batch) error {
	cfg := &m.Config
	y := &m.Layers[l]
	n := b.Len()
	d, qd, kvd, ff := cfg.Dim, cfg.QDim(), cfg.KVDim(), cfg.FFN
	r := &st.rows
	r.c, r.l, r.b = c, l, b
	defer func() { r.c, r.b, r.norm, r.bias = nil, Batch{}, nil, nil }()

	// Attention block.
	r.norm, r.bias = y.AttnNorm, y.AttnNormB
	st.pool.Parallel(n, r.normFn)
	xb := st.xb[:n*d]
	st.linear3(xb, n, &y.Wq, st.q[:n*qd], &y.Wk, st.k[:n*kvd], &y.Wv, st.v[:n*kvd])
	st.lora.apply(l, b, loraOut{ProjQ, xb, d, st.q, qd}, loraOut{ProjK, xb, d, st.k, kvd}, loraOut{ProjV, xb, d, st.v, kvd})
	// A parallel block (a LayerNorm layer without ffn_norm) feeds the
	// same normed input to the feed-forward: its gate and up are taken
	// now, before attention reuses xb.
	parallel := cfg.LayerNorm && y.FFNNorm == nil
	if parallel {
		st.linear2(xb, n, &y.Gate, st.gate[:n*ff], &y.Up, st.up[:n*ff])
		st.lora.apply(l, b, loraOut{ProjGate, xb, d, st.gate, ff}, loraOut{ProjUp, xb, d, st.up, ff})
	}
	st.pool.Parallel(n, r.prepFn)
	st.attn.run(c, l, b)
	if err := st.linear(&y.Wo, st.att[:n*qd], n, st.xb[:n*d]); err != nil {
		return err
	}
	st.lora.apply(l, b, loraOut{ProjO, st.att, qd, st.xb, d})
	if y.Bo != nil {
		addRows(st.xb, n, d, y.Bo)
	}
	if y.PostAttnNorm != nil {
		r.norm = y.PostAttnNorm
		st.pool.Parallel(n, r.postNormFn)
	}
	kernels.Add(st.x[:n*d], st.x[:n*d], st.xb[:n*d])

	// Feed-forward block.
	r.norm, r.bias = y.FFNNorm, y.FFNNormB
	if !parallel {
		st.pool.Parallel(n, r.normFn)
	}
	r.bias = nil
	switch {
	case y.Router.Data != nil && cfg.MoE != nil:
		if err := st.moeVariant(y, n); err != nil {
			return err
		}
	case y.Router.Data != nil:
		if err := st.moeFFN(y, n); err != nil {
			return err
		}
	default:
		if !parallel {
			st.linear2(xb, n, &y.Gate, st.gate[:n*ff], &y.Up, st.up[:n*ff])
			st.lora.apply(l, b, loraOut{ProjGate, xb, d, st.gate, ff}, loraOut{ProjUp, xb, d, st.up, ff})
		}
		r.ff = ff
		st.pool.Parallel(n, r.gluFn)
		if err := st.linear(&y.Down, st.gate[:n*ff], n, st.xb[:n*d]); err != nil {
			return err
		}
		st.lora.apply(l, b, loraOut{ProjDown, st.gate, ff, st.xb, d})
	}
	if y.PostFFNNorm != nil {
		r.norm = y.PostFFNNorm
		st.pool.Parallel(n, r.postNormFn)
	}
	kernels.Add(st.x[:n*d], st.x[:n*d], st.xb[:n*d])
	return nil
}
