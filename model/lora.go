package model

import (
	"fmt"
	"slices"
	"strings"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/kernels"
)

// LoRA adapters (low-rank adaptation) in llama.cpp's GGUF adapter format:
// general.type "adapter", adapter.type "lora", adapter.lora.alpha, and for
// an adapted matrix W (out × in) the tensors "<W>.lora_a" (rank rows of in)
// and "<W>.lora_b" (out rows of rank). An adapter applied with scale s
// changes that projection's output to
//
//	W·x + s·(alpha/rank)·B·(A·x)
//
// (s alone when alpha is 0), as llama.cpp's llm_graph does. Adapters are
// chosen per cache slot (State.SetLoRA), so sequences of one batch may run
// different adapters, or several at once, or none.

// Projection names a matrix of a transformer block that an adapter may
// change.
type Projection int

// The adaptable projections of a block.
const (
	ProjQ Projection = iota
	ProjK
	ProjV
	ProjO
	ProjGate
	ProjUp
	ProjDown
	numProj
)

// NumProjections is the number of adaptable projections of a block.
const NumProjections = numProj

// projNames are the GGUF tensor names of the projections, after "blk.N.".
var projNames = [numProj]string{"attn_q", "attn_k", "attn_v", "attn_output", "ffn_gate", "ffn_up", "ffn_down"}

// String returns the projection's GGUF tensor name (without block prefix).
func (p Projection) String() string { return projNames[p] }

// Weight returns the projection's base matrix in layer y.
func (y *Layer) Weight(p Projection) *Weight {
	return [numProj]*Weight{&y.Wq, &y.Wk, &y.Wv, &y.Wo, &y.Gate, &y.Up, &y.Down}[p]
}

// LoRAPair is one adapted matrix: A (Rank × In) and B transposed
// (Rank × Out), each stored as F16 when the file holds F16 and as F32
// otherwise, and Scale = alpha/rank (or 1 when alpha is 0).
type LoRAPair struct {
	Rank, In, Out int
	Scale         float32
	a16, bt16     []uint16
	a32, bt32     []float32
}

// A returns A as float32, Rank rows of In.
func (p *LoRAPair) A() []float32 { return widen(p.a16, p.a32) }

// B returns B as float32, Out rows of Rank (the stored matrix transposed
// back).
func (p *LoRAPair) B() []float32 {
	bt := widen(p.bt16, p.bt32)
	b := make([]float32, p.Out*p.Rank)
	for k := range p.Rank {
		for o := range p.Out {
			b[o*p.Rank+k] = bt[k*p.Out+o]
		}
	}
	return b
}

func widen(h []uint16, f []float32) []float32 {
	if h == nil {
		return append([]float32(nil), f...)
	}
	out := make([]float32, len(h))
	kernels.F16ToF32Row(out, h)
	return out
}

// dotA returns row k of A times x.
func (p *LoRAPair) dotA(k int, x []float32) float32 {
	if p.a16 != nil {
		return kernels.DotF16F32(p.a16[k*p.In:(k+1)*p.In], x)
	}
	return kernels.DotF32(p.a32[k*p.In:(k+1)*p.In], x)
}

// axpyB adds alpha times row k of Bᵀ, outputs [lo,hi), to y (hi-lo long).
func (p *LoRAPair) axpyB(alpha float32, k, lo, hi int, y []float32) {
	if p.bt16 != nil {
		kernels.AxpyF16(alpha, p.bt16[k*p.Out+lo:k*p.Out+hi], y)
		return
	}
	kernels.AxpyF32(alpha, p.bt32[k*p.Out+lo:k*p.Out+hi], y)
}

// LoRA is an adapter bound to one model: read-only after LoadLoRA and safe
// for concurrent use. It copies its tensors, so the file may be closed.
type LoRA struct {
	Alpha   float32
	MaxRank int
	// Layers[l][p] is the pair adapting projection p of block l, or nil.
	Layers [][numProj]*LoRAPair
}

// Pair returns the pair adapting projection p of block l, or nil.
func (a *LoRA) Pair(l int, p Projection) *LoRAPair { return a.Layers[l][p] }

// LoadLoRA reads a LoRA adapter for m from GGUF metadata and tensors. An
// adapter for another architecture or shape, or with tensors this engine
// cannot apply (e.g. on the token embedding), wraps ErrInvalid or
// ErrUnsupported and names the key or tensor.
// names lists every tensor of the adapter file.
func LoadLoRA(md Metadata, ts Tensors, names []string, m *Model) (*LoRA, error) {
	if t, _ := md.String("general.type"); t != "adapter" {
		return nil, fmt.Errorf("%w: general.type is %q, want \"adapter\"", ErrInvalid, t)
	}
	if t, _ := md.String("adapter.type"); t != "lora" {
		return nil, fmt.Errorf("%w: adapter.type %q (only \"lora\" is supported)", ErrUnsupported, t)
	}
	if a, _ := md.String("general.architecture"); a != m.Config.Arch {
		return nil, fmt.Errorf("%w: adapter is for architecture %q, the model is %q", ErrInvalid, a, m.Config.Arch)
	}
	if m.layerFn != nil {
		// The architecture runs its own block (deepseek2's latent
		// attention), which has no adapter hooks.
		return nil, fmt.Errorf("%w: LoRA adapters for %s models are not implemented", ErrUnsupported, m.Config.Arch)
	}
	alpha, _ := md.Float("adapter.lora.alpha")
	ad := &LoRA{Alpha: float32(alpha), Layers: make([][numProj]*LoRAPair, len(m.Layers))}
	seen := 0
	for _, name := range names {
		base, isA := strings.CutSuffix(name, ".lora_a")
		if !isA {
			if _, isB := strings.CutSuffix(name, ".lora_b"); isB {
				continue // read with its lora_a
			}
			return nil, fmt.Errorf("%w: adapter tensor %q is not a lora_a or lora_b", ErrUnsupported, name)
		}
		l, p, ok := parseProj(base, len(m.Layers))
		if !ok {
			l, ok = parseFused(base, m)
			if !ok {
				return nil, fmt.Errorf("%w: adapter tensor %q: only the attention and FFN projections of the blocks can be adapted", ErrUnsupported, name)
			}
			p = ProjQ
		}
		if parts := fusedParts(&m.Layers[l], p); parts != nil {
			if err := loadFused(ad, ts, base, &m.Layers[l], l, parts, float32(alpha)); err != nil {
				return nil, err
			}
			seen++
			continue
		}
		pair, err := loadPair(ts, base, m.Layers[l].Weight(p), float32(alpha))
		if err != nil {
			return nil, err
		}
		ad.Layers[l][p] = pair
		ad.MaxRank = max(ad.MaxRank, pair.Rank)
		seen++
	}
	// Every lora_b must have had its lora_a.
	for _, name := range names {
		if base, ok := strings.CutSuffix(name, ".lora_b"); ok {
			if _, has := ts.Tensor(base + ".lora_a"); !has {
				return nil, fmt.Errorf("%w: adapter tensor %q has no %s.lora_a", ErrInvalid, name, base)
			}
		}
	}
	if seen == 0 {
		return nil, fmt.Errorf("%w: adapter has no lora_a/lora_b tensors", ErrInvalid)
	}
	return ad, nil
}

// parseProj splits "blk.N.<proj>.weight" into its block and projection.
func parseProj(name string, layers int) (int, Projection, bool) {
	rest, ok := strings.CutPrefix(name, "blk.")
	if !ok {
		return 0, 0, false
	}
	num, proj, ok := strings.Cut(rest, ".")
	if !ok {
		return 0, 0, false
	}
	l := 0
	for _, c := range num {
		if c < '0' || c > '9' || l > layers {
			return 0, 0, false
		}
		l = l*10 + int(c-'0')
	}
	if num == "" || l >= layers {
		return 0, 0, false
	}
	for p, n := range projNames {
		if proj == n+".weight" {
			return l, Projection(p), true
		}
	}
	return 0, 0, false
}

// parseFused returns the block of "blk.N.attn_qkv.weight", a fused q/k/v
// matrix of m (phi3).
func parseFused(name string, m *Model) (int, bool) {
	rest, ok := strings.CutSuffix(name, ".attn_qkv.weight")
	if !ok {
		return 0, false
	}
	l, _, ok := parseProj(rest+".attn_q.weight", len(m.Layers))
	return l, ok && m.Layers[l].Wq.Name == name
}

// fusedParts returns the projections stored in one matrix with projection
// p of y (q, k, v in attn_qkv; gate, up in phi3's ffn_up), in row order,
// or nil when p's matrix is its own.
func fusedParts(y *Layer, p Projection) []Projection {
	for _, g := range [][]Projection{{ProjQ, ProjK, ProjV}, {ProjGate, ProjUp}} {
		if !slices.Contains(g, p) || y.Weight(g[0]).Data == nil || y.Weight(g[0]).Name != y.Weight(g[1]).Name {
			continue
		}
		return g
	}
	return nil
}

// loadFused reads the pair of a fused matrix (rows of parts, in order) and
// gives each part its rows of B with A shared, as llama.cpp applies one
// pair to the fused product.
func loadFused(ad *LoRA, ts Tensors, base string, y *Layer, l int, parts []Projection, alpha float32) error {
	first := y.Weight(parts[0])
	if base != first.Name {
		return fmt.Errorf("%w: adapter tensor %s: the model stores that projection in the fused %s", ErrInvalid, base, first.Name)
	}
	w := Weight{Name: first.Name, Type: first.Type, Cols: first.Cols, Data: first.Data}
	for _, p := range parts {
		w.Rows += y.Weight(p).Rows
	}
	pair, err := loadPair(ts, base, &w, alpha)
	if err != nil {
		return err
	}
	off := 0
	for _, p := range parts {
		n := y.Weight(p).Rows
		sub := &LoRAPair{Rank: pair.Rank, In: pair.In, Out: n, Scale: pair.Scale, a16: pair.a16, a32: pair.a32}
		for k := range pair.Rank {
			if pair.bt16 != nil {
				sub.bt16 = append(sub.bt16, pair.bt16[k*pair.Out+off:k*pair.Out+off+n]...)
			} else {
				sub.bt32 = append(sub.bt32, pair.bt32[k*pair.Out+off:k*pair.Out+off+n]...)
			}
		}
		ad.Layers[l][p] = sub
		off += n
	}
	ad.MaxRank = max(ad.MaxRank, pair.Rank)
	return nil
}

// loadPair reads base.lora_a and base.lora_b for the weight w.
func loadPair(ts Tensors, base string, w *Weight, alpha float32) (*LoRAPair, error) {
	ta, okA := ts.Tensor(base + ".lora_a")
	tb, okB := ts.Tensor(base + ".lora_b")
	if !okA || !okB {
		return nil, fmt.Errorf("%w: adapter tensor %s.lora_b is missing", ErrInvalid, base)
	}
	if w.Data == nil {
		return nil, fmt.Errorf("%w: adapter tensor %s: the model has no such matrix", ErrInvalid, base)
	}
	rank := ta.Dim(1)
	if len(ta.Dims) > 2 || len(tb.Dims) > 2 || ta.Dim(0) != w.Cols || tb.Dim(0) != rank || tb.Dim(1) != w.Rows || rank < 1 || rank > 1<<12 {
		return nil, fmt.Errorf("%w: adapter tensors %s.lora_a %v and lora_b %v do not fit a %d×%d matrix", ErrInvalid, base, ta.Dims, tb.Dims, w.Rows, w.Cols)
	}
	p := &LoRAPair{Rank: rank, In: w.Cols, Out: w.Rows, Scale: 1}
	if alpha != 0 {
		p.Scale = alpha / float32(rank)
	}
	a, err := readTensor(ts, ta, base+".lora_a")
	if err != nil {
		return nil, err
	}
	b, err := readTensor(ts, tb, base+".lora_b")
	if err != nil {
		return nil, err
	}
	// b is Out rows of Rank; store it transposed so that B·t is Rank
	// contiguous AXPYs over the outputs.
	bt := make([]float32, rank*p.Out)
	for o := range p.Out {
		for k := range rank {
			bt[k*p.Out+o] = b[o*rank+k]
		}
	}
	if ta.Type == gguf.TypeF16 && tb.Type == gguf.TypeF16 {
		// Exact: the values came from F16.
		p.a16, p.bt16 = make([]uint16, len(a)), make([]uint16, len(bt))
		kernels.F32ToF16Row(p.a16, a)
		kernels.F32ToF16Row(p.bt16, bt)
	} else {
		p.a32, p.bt32 = a, bt
	}
	return p, nil
}

// readTensor decodes a whole tensor to float32.
func readTensor(ts Tensors, ti *gguf.TensorInfo, name string) ([]float32, error) {
	if !kernels.Supported(ti.Type) {
		return nil, fmt.Errorf("%w: adapter tensor %q has type %v", ErrUnsupported, name, ti.Type)
	}
	n := int(ti.Elements())
	rs := ti.Type.RowSize(ti.Dim(0))
	data := ts.TensorData(ti)
	if rs < 0 || len(data) != rs*(n/ti.Dim(0)) {
		return nil, fmt.Errorf("%w: adapter tensor %q holds %d bytes for %v %v", ErrInvalid, name, len(data), ti.Type, ti.Dims)
	}
	out := make([]float32, n)
	if err := kernels.Dequantize(ti.Type, data, out); err != nil {
		return nil, fmt.Errorf("model: adapter tensor %q: %w", name, err)
	}
	return out, nil
}

// LoRAUse is one adapter applied with a scale.
type LoRAUse struct {
	Adapter *LoRA
	Scale   float32
}

// SetLoRA makes the entries of later batches in cache slot slot run the
// adapters of mix (nil or empty: the base model). The State keeps mix, which
// must not be modified while set. SetLoRA allocates only when mix is longer
// or has a larger rank than any set before.
func (st *State) SetLoRA(slot int, mix []LoRAUse) {
	lt := &st.lora
	if slot >= len(lt.mix) {
		lt.mix = append(lt.mix, make([][]LoRAUse, slot+1-len(lt.mix))...)
	}
	lt.mix[slot] = mix
	rank := 0
	for _, u := range mix {
		rank = max(rank, u.Adapter.MaxRank)
	}
	if len(mix) > lt.maxUses || rank > lt.maxRank {
		lt.maxUses, lt.maxRank = max(lt.maxUses, len(mix)), max(lt.maxRank, rank)
		lt.t = make([]float32, st.maxBatch*lt.maxUses*3*lt.maxRank)
		lt.rows = make([]int, 0, st.maxBatch)
	}
}

// loraOut is one projection of a loraTask: input rows x (stride in) and
// output rows out (stride n) of the chunk.
type loraOut struct {
	p   Projection
	x   []float32
	in  int
	out []float32
	n   int
}

// loraTask adds the adapters' low-rank products to up to three projections
// of one input (Q/K/V, gate/up) or one (output, down). Phase A computes
// t = A·x per entry, adapter and projection; phase B adds scale·Bᵀt to the
// outputs. Its functions are bound once and its fields set per call, so
// that running it does not allocate.
type loraTask struct {
	st      *State
	mix     [][]LoRAUse // by slot
	maxUses int
	maxRank int
	t       []float32 // rows × maxUses × 3 × maxRank
	rows    []int     // batch entries whose slot has adapters

	l      int
	b      Batch
	outs   [3]loraOut
	nOuts  int
	chunks int // output chunks per projection in phase B

	aFn, bFn func(lo, hi int)
}

// loraChunk is how many outputs one phase-B work unit updates.
const loraChunk = 512

// loraKBlock is how many rows of A one phase-A work unit multiplies.
const loraKBlock = 4

// apply runs the adapters of the batch's slots on projections outs of
// layer l. It does nothing when no entry has adapters.
func (lt *loraTask) apply(l int, b Batch, outs ...loraOut) {
	if lt.maxUses == 0 {
		return
	}
	lt.rows = lt.rows[:0]
	for i, s := range b.Slot {
		if int(s) < len(lt.mix) && len(lt.mix[s]) > 0 {
			lt.rows = append(lt.rows, i)
		}
	}
	if len(lt.rows) == 0 {
		return
	}
	lt.l, lt.b, lt.nOuts = l, b, copy(lt.outs[:], outs)
	maxOut := 0
	for _, o := range outs {
		maxOut = max(maxOut, o.n)
	}
	lt.chunks = (maxOut + loraChunk - 1) / loraChunk
	if lt.aFn == nil {
		lt.aFn, lt.bFn = lt.phaseA, lt.phaseB
	}
	kb := (lt.maxRank + loraKBlock - 1) / loraKBlock
	lt.st.pool.Parallel(len(lt.rows)*lt.maxUses*lt.nOuts*kb, lt.aFn)
	lt.st.pool.Parallel(len(lt.rows)*lt.nOuts*lt.chunks, lt.bFn)
	lt.b, lt.outs = Batch{}, [3]loraOut{}
}

// tOff is where t of (row j, use u, output o) starts.
func (lt *loraTask) tOff(j, u, o int) int {
	return ((j*lt.maxUses+u)*3 + o) * lt.maxRank
}

// phaseA computes units [lo,hi) of t = A·x; a unit is (row, use, output,
// block of loraKBlock rows of A).
func (lt *loraTask) phaseA(lo, hi int) {
	kb := (lt.maxRank + loraKBlock - 1) / loraKBlock
	for it := lo; it < hi; it++ {
		k0 := it % kb * loraKBlock
		rest := it / kb
		o := rest % lt.nOuts
		rest /= lt.nOuts
		u := rest % lt.maxUses
		j := rest / lt.maxUses
		i := lt.rows[j]
		mix := lt.mix[lt.b.Slot[i]]
		if u >= len(mix) {
			continue
		}
		out := &lt.outs[o]
		p := mix[u].Adapter.Layers[lt.l][out.p]
		if p == nil || k0 >= p.Rank {
			continue
		}
		x := out.x[i*out.in : (i+1)*out.in]
		t := lt.t[lt.tOff(j, u, o):]
		for k := k0; k < min(k0+loraKBlock, p.Rank); k++ {
			t[k] = p.dotA(k, x)
		}
	}
}

// phaseB adds the products to units [lo,hi) of the outputs; a unit is
// (row, output, chunk of loraChunk outputs), summing over the slot's
// adapters in order, so that a row's result does not depend on the batch.
func (lt *loraTask) phaseB(lo, hi int) {
	for it := lo; it < hi; it++ {
		c := it % lt.chunks
		rest := it / lt.chunks
		o := rest % lt.nOuts
		j := rest / lt.nOuts
		out := &lt.outs[o]
		c0 := c * loraChunk
		if c0 >= out.n {
			continue
		}
		c1 := min(c0+loraChunk, out.n)
		i := lt.rows[j]
		y := out.out[i*out.n+c0 : i*out.n+c1]
		for u, use := range lt.mix[lt.b.Slot[i]] {
			p := use.Adapter.Layers[lt.l][out.p]
			if p == nil {
				continue
			}
			s := use.Scale * p.Scale
			t := lt.t[lt.tOff(j, u, o):]
			for k := range p.Rank {
				p.axpyB(s*t[k], k, c0, c1, y)
			}
		}
	}
}
