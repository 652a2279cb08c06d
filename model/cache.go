package model

import (
	"fmt"
	"unsafe"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/kernels"
)

// Cache is the attention KV cache: for every layer, Slots independent
// sequences of up to Ctx positions, keys and values stored as Type (F16 by
// default; Q8_0 halves the memory again; F32 for exactness in tests).
//
// Layout per layer, for keys and values alike: one row of HeadDim values
// encoded as Type per (slot, KV head, cell), cells innermost:
//
//	k[layer][((slot*KVHeads + head)*cells + cell)*headBytes : ...+headBytes]
//
// A full-attention layer has Ctx cells and keeps position p at cell p, so
// attention reads positions 0..p of one head as one contiguous span.
//
// A sliding-window layer (Config.IsSWA) keeps only a ring of Ring cells
// per slot, position p at cell p mod Ring, where Ring is Window plus the
// most positions one forward chunk writes to a slot, less one (or Ctx,
// when that is not smaller): a query attends to its window, and the
// chunk's own keys are written before its queries attend, so the ring must
// hold both. Its memory per sequence is O(window), not O(context).
//
// The caller (package engine) tracks which positions of each slot are
// filled; Cache tracks only, per slot, the lowest position its rings still
// hold (Holds), so that a caller reusing a cached prefix can ask whether
// the window before it survived, and Forward refuses a batch whose window
// did not. A Cache must not be used by two forward passes at once.
type Cache struct {
	Slots, Ctx, Layers int
	Type               gguf.TensorType
	// Ring is the number of cells of each sliding-window layer per slot,
	// 0 when no layer has a ring (no sliding window, or one that is not
	// shorter than Ctx).
	Ring             int
	window           int // the model's sliding window when Ring > 0
	kvHeads, headDim int
	headBytes        int
	cells            []int // cells per slot and head, per layer
	k, v             [][]byte
	// shared says that values are the keys (MLA's latent): v aliases k.
	shared bool
	// floor[s] is the lowest position the rings of slot s still hold;
	// lo and hi are per-slot scratch of the batch check.
	floor, lo, hi []int32
}

// DefaultRingBatch is the chunk size NewCache sizes rings for.
const DefaultRingBatch = 512

// NewCache allocates a cache for model m with the given slots, context
// length per slot and element type (F32, F16 or Q8_0), with rings sized for
// forward chunks of DefaultRingBatch entries (NewCacheBatch).
func NewCache(m *Model, slots, ctx int, typ gguf.TensorType) (*Cache, error) {
	return NewCacheBatch(m, slots, ctx, DefaultRingBatch, typ)
}

// NewCacheBatch is NewCache with the rings of sliding-window layers sized
// for forward chunks that write at most batch positions to one slot
// (Window+batch-1 cells); Forward splits longer batches into such chunks.
// A batch of ctx or more keeps every position in every layer.
func NewCacheBatch(m *Model, slots, ctx, batch int, typ gguf.TensorType) (*Cache, error) {
	if slots < 1 || ctx < 1 || batch < 1 {
		return nil, fmt.Errorf("model: cache of %d slots x %d positions, chunks of %d", slots, ctx, batch)
	}
	cfg := &m.Config
	switch typ {
	case gguf.TypeF32, gguf.TypeF16, gguf.TypeQ8_0:
	default:
		return nil, fmt.Errorf("%w: KV cache type %v", ErrUnsupported, typ)
	}
	hb := typ.RowSize(cfg.HeadDim)
	if hb < 0 {
		return nil, fmt.Errorf("%w: KV cache type %v needs a head length that is a multiple of %d, have %d", ErrUnsupported, typ, typ.BlockSize(), cfg.HeadDim)
	}
	c := &Cache{Slots: slots, Ctx: ctx, Layers: cfg.Layers, Type: typ, kvHeads: cfg.KVHeads, headDim: cfg.HeadDim, headBytes: hb, shared: cfg.SharedKV}
	if cfg.SWA != nil && cfg.Window > 0 {
		if r := cfg.Window + min(batch, ctx) - 1; r < ctx {
			c.Ring, c.window = r, cfg.Window
		}
	}
	c.cells = make([]int, c.Layers)
	c.k = make([][]byte, c.Layers)
	c.v = make([][]byte, c.Layers)
	for l := range c.k {
		c.cells[l] = ctx
		if c.Ring > 0 && cfg.IsSWA(l) {
			c.cells[l] = c.Ring
		}
		size := slots * cfg.KVHeads * c.cells[l] * hb
		c.k[l] = make([]byte, size)
		c.v[l] = c.k[l]
		if !c.shared {
			c.v[l] = make([]byte, size)
		}
	}
	c.floor = make([]int32, slots)
	c.lo = make([]int32, slots)
	c.hi = make([]int32, slots)
	return c, nil
}

// Bytes returns the memory the cache holds.
func (c *Cache) Bytes() int64 {
	var n int64
	for l := range c.k {
		n += int64(len(c.k[l]))
		if !c.shared {
			n += int64(len(c.v[l]))
		}
	}
	return n
}

// slack is the most positions one forward chunk may write to a slot, or 0
// for no bound (no rings).
func (c *Cache) slack() int {
	if c.Ring == 0 {
		return 0
	}
	return c.Ring - c.window + 1
}

// Holds reports whether the rings of slot still hold the window before
// position n, so that a sequence whose positions [0, n) were cached there
// can continue at n. It is always true without rings, and for n = 0.
func (c *Cache) Holds(slot, n int) bool {
	return c.Ring == 0 || n == 0 || max(0, n-c.window+1) >= int(c.floor[slot])
}

// admit checks the positions one forward chunk writes to each slot against
// the rings (each slot's positions span fewer than slack, and the window
// before its first is held) and records what the rings hold afterwards.
func (c *Cache) admit(b Batch) error {
	if c.Ring == 0 {
		return nil
	}
	for i := range c.lo {
		c.lo[i], c.hi[i] = -1, -1
	}
	for i, s := range b.Slot {
		p := b.Pos[i]
		if c.lo[s] < 0 || p < c.lo[s] {
			c.lo[s] = p
		}
		c.hi[s] = max(c.hi[s], p)
	}
	for s := range c.lo {
		a, z := int(c.lo[s]), int(c.hi[s])
		if a < 0 {
			continue
		}
		if z-a >= c.slack() {
			return fmt.Errorf("%w: slot %d: positions %d..%d in one chunk exceed the sliding-window ring (%d cells for a window of %d)", ErrBatch, s, a, z, c.Ring, c.window)
		}
		if !c.Holds(s, a) {
			return fmt.Errorf("%w: slot %d: position %d needs positions from %d, but the sliding-window layers hold only positions from %d", ErrBatch, s, a, max(0, a-c.window+1), c.floor[s])
		}
		if a == 0 {
			c.floor[s] = 0
		}
		c.floor[s] = int32(max(int(c.floor[s]), z+1-c.Ring))
	}
	return nil
}

// cell returns where layer l keeps position pos.
func (c *Cache) cell(l, pos int) int {
	if n := c.cells[l]; n != c.Ctx {
		return pos % n
	}
	return pos
}

// span returns the byte range of cells [from, to) of one head of layer l.
func (c *Cache) span(l, slot, head, from, to int) (int, int) {
	base := (slot*c.kvHeads + head) * c.cells[l]
	return (base + from) * c.headBytes, (base + to) * c.headBytes
}

// pieces returns the cells that hold positions [from, n) of layer l: one
// contiguous range [a, a+m1), and, when the range wraps around a ring, a
// second one [0, m2) holding the positions after the first m1.
func (c *Cache) pieces(l, from, n int) (a, m1, m2 int) {
	a = c.cell(l, from)
	m1 = n - from
	if over := a + m1 - c.cells[l]; over > 0 {
		return a, m1 - over, over
	}
	return a, m1, 0
}

// put encodes the keys and values (KVDim each) of one position.
func (c *Cache) put(l, slot, pos int, k, v []float32) {
	hd := c.headDim
	at := c.cell(l, pos)
	for h := 0; h < c.kvHeads; h++ {
		a, b := c.span(l, slot, h, at, at+1)
		c.encode(c.k[l][a:b], k[h*hd:(h+1)*hd])
		c.encode(c.v[l][a:b], v[h*hd:(h+1)*hd])
	}
}

func (c *Cache) encode(dst []byte, src []float32) {
	if c.Type == gguf.TypeF16 {
		kernels.F32ToF16Row(unsafe.Slice((*uint16)(unsafe.Pointer(unsafe.SliceData(dst))), len(src)), src)
		return
	}
	if err := kernels.Quantize(c.Type, src, dst); err != nil {
		panic(err) // sizes are fixed by NewCache
	}
}

// widen decodes positions [from, n) of one head into k and v
// ((n-from)*HeadDim each), in position order.
func (c *Cache) widen(l, slot, head, from, n int, k, v []float32) {
	a, m1, m2 := c.pieces(l, from, n)
	c.widenCells(l, slot, head, a, a+m1, k, v)
	if m2 > 0 {
		o := m1 * c.headDim
		c.widenCells(l, slot, head, 0, m2, k[o:], v[o:])
	}
}

// widenCells decodes cells [a, b) of one head into k and v.
func (c *Cache) widenCells(l, slot, head, a, b int, k, v []float32) {
	x, y := c.span(l, slot, head, a, b)
	m := (b - a) * c.headDim
	if c.Type == gguf.TypeF16 {
		kernels.F16ToF32Row(k[:m], unsafe.Slice((*uint16)(unsafe.Pointer(unsafe.SliceData(c.k[l][x:y]))), m))
		kernels.F16ToF32Row(v[:m], unsafe.Slice((*uint16)(unsafe.Pointer(unsafe.SliceData(c.v[l][x:y]))), m))
		return
	}
	if err := kernels.Dequantize(c.Type, c.k[l][x:y], k[:m]); err != nil {
		panic(err)
	}
	if err := kernels.Dequantize(c.Type, c.v[l][x:y], v[:m]); err != nil {
		panic(err)
	}
}

// f16Spans returns the keys and values of positions [from, n) of one head
// of an F16 cache, aliasing the cache: k1 and v1 hold the first positions,
// and k2 and v2 the rest when the range wraps around a ring (else empty).
func (c *Cache) f16Spans(l, slot, head, from, n int) (k1, v1, k2, v2 []uint16) {
	a, m1, m2 := c.pieces(l, from, n)
	k1, v1 = c.f16Cells(l, slot, head, a, a+m1)
	if m2 > 0 {
		k2, v2 = c.f16Cells(l, slot, head, 0, m2)
	}
	return k1, v1, k2, v2
}

func (c *Cache) f16Cells(l, slot, head, a, b int) (k, v []uint16) {
	x, y := c.span(l, slot, head, a, b)
	m := (b - a) * c.headDim
	k = unsafe.Slice((*uint16)(unsafe.Pointer(unsafe.SliceData(c.k[l][x:y]))), m)
	v = unsafe.Slice((*uint16)(unsafe.Pointer(unsafe.SliceData(c.v[l][x:y]))), m)
	return k, v
}

// Copy copies positions [0,n) of slot src into slot dst, so that dst can
// continue a sequence that shares that prefix (rings: what src's rings
// hold of it, Holds tells whether that is enough).
func (c *Cache) Copy(dst, src, n int) {
	if dst == src || n <= 0 {
		return
	}
	for l := range c.k {
		m := min(n, c.cells[l])
		for h := 0; h < c.kvHeads; h++ {
			a, b := c.span(l, dst, h, 0, m)
			x, y := c.span(l, src, h, 0, m)
			copy(c.k[l][a:b], c.k[l][x:y])
			if !c.shared {
				copy(c.v[l][a:b], c.v[l][x:y])
			}
		}
	}
	c.floor[dst] = c.floor[src]
}

// Shift removes positions [keep, keep+discard) of a slot holding n
// positions: later positions move down by discard and their keys are
// rotated back by discard positions, as llama.cpp's context shift does.
// Afterwards the slot holds n-discard positions. With rings it fails when
// the rings would not hold the window before position n-discard.
func (m *Model) Shift(c *Cache, slot, keep, discard, n int) error {
	if keep < 0 || discard <= 0 || keep+discard > n || n > c.Ctx || slot < 0 || slot >= c.Slots {
		return fmt.Errorf("model: shift of slot %d: keep %d, discard %d of %d positions", slot, keep, discard, n)
	}
	floor := c.shiftFloor(slot, keep, discard, n)
	if c.Ring > 0 && !(n-discard == 0 || max(0, n-discard-c.window+1) >= floor) {
		return fmt.Errorf("model: shift of slot %d: the sliding-window layers no longer hold positions %d..%d that the window after the shift needs", slot, max(0, n-discard-c.window+1), floor)
	}
	cfg := &m.Config
	half := cfg.RopeDim / 2
	// Rotating back is a pure rotation: no attention factor.
	rot := *cfg
	rot.RopeAttnFactor = 1
	if rot.YaRN != nil {
		y := *rot.YaRN
		y.Mscale = 1
		rot.YaRN = &y
	}
	cos := make([]float32, half)
	sin := make([]float32, half)
	RopeTableFor(&rot, m.ropeFactors(c.Ctx), cos, sin, float32(-discard))
	var cosSWA, sinSWA []float32
	if cfg.RopeBaseSWA != 0 {
		cosSWA, sinSWA = make([]float32, half), make([]float32, half)
		ropeTableSWA(cfg, cosSWA, sinSWA, float32(-discard))
	}
	hd := c.headDim
	hk := make([]float32, n*hd)
	hv := make([]float32, n*hd)
	var ok, ov []byte // a ring's old cells
	for l := range c.k {
		lc, ls := cos, sin
		if cosSWA != nil && cfg.IsSWA(l) {
			lc, ls = cosSWA, sinSWA
		}
		if cells := c.cells[l]; cells != c.Ctx {
			if ok == nil {
				ok, ov = make([]byte, cells*c.headBytes), make([]byte, cells*c.headBytes)
			}
			for h := 0; h < c.kvHeads; h++ {
				c.shiftRing(cfg, l, slot, h, keep, discard, n, int(c.floor[slot]), lc, ls, hk, ok, ov)
			}
			continue
		}
		for h := 0; h < c.kvHeads; h++ {
			// Keys: widen, rotate back by discard, re-encode lower down.
			c.widen(l, slot, h, 0, n, hk, hv)
			for p := keep + discard; p < n; p++ {
				row := hk[p*hd : (p+1)*hd]
				if !cfg.isNoRope(l) {
					rope(cfg, row, 1, lc, ls)
				}
				a, b := c.span(l, slot, h, p-discard, p-discard+1)
				c.encode(c.k[l][a:b], row)
			}
			// Values move as they are (with shared keys and values, the
			// keys' move above moved them).
			if c.shared {
				continue
			}
			a, _ := c.span(l, slot, h, keep, keep)
			x, y := c.span(l, slot, h, keep+discard, n)
			copy(c.v[l][a:], c.v[l][x:y])
		}
	}
	c.floor[slot] = int32(floor)
	return nil
}

// shiftFloor returns the lowest position from which the rings of slot
// hold every position after Shift(keep, discard, n), or 0 without rings.
func (c *Cache) shiftFloor(slot, keep, discard, n int) int {
	if c.Ring == 0 {
		return 0
	}
	f, nn := int(c.floor[slot]), n-discard
	low := max(0, nn-c.Ring) // what a ring can hold at all
	if moved := max(f-discard, low); moved > keep {
		return moved
	}
	return min(max(f, low), keep)
}

// shiftRing applies a shift to one head of a ring layer: each held
// position q of the result (q < keep kept, else moved from q+discard) is
// written to its new cell, moved keys rotated back by discard. Old cells
// are saved first (ok, ov) since new and old cells overlap.
func (c *Cache) shiftRing(cfg *Config, l, slot, h, keep, discard, n, floor int, cos, sin, row []float32, ok, ov []byte) {
	hb, cells := c.headBytes, c.cells[l]
	a, b := c.span(l, slot, h, 0, cells)
	copy(ok, c.k[l][a:b])
	copy(ov, c.v[l][a:b])
	nn := n - discard
	for q := max(0, nn-cells); q < nn; q++ {
		p := q
		if q >= keep {
			p = q + discard
		}
		if p < floor || p < n-cells {
			continue // not held before the shift
		}
		src := (p % cells) * hb
		x, _ := c.span(l, slot, h, q%cells, q%cells)
		copy(c.v[l][x:x+hb], ov[src:src+hb])
		if p == q {
			copy(c.k[l][x:x+hb], ok[src:src+hb])
			continue
		}
		r := row[:c.headDim]
		if err := kernels.Dequantize(c.Type, ok[src:src+hb], r); err != nil {
			panic(err)
		}
		rope(cfg, r, 1, cos, sin)
		c.encode(c.k[l][x:x+hb], r)
	}
}

// RopeTableFor fills cos and sin (RopeDim/2 each) for position pos under
// the model's rope settings.
func RopeTableFor(cfg *Config, factors, cos, sin []float32, pos float32) {
	if cfg.YaRN != nil {
		ropeTableYaRN(cfg, factors, cos, sin, pos)
		return
	}
	kernels.RopeTable(cos, sin, pos, cfg.RopeDim, cfg.RopeBase, cfg.RopeScale, factors)
	if f := cfg.RopeAttnFactor; f != 0 && f != 1 {
		kernels.Scale(cos, f)
		kernels.Scale(sin, f)
	}
}

// ropeTableSWA fills the tables of sliding-window layers that have their
// own rope base (Gemma 3's local layers: no scaling, no factors).
func ropeTableSWA(cfg *Config, cos, sin []float32, pos float32) {
	kernels.RopeTable(cos, sin, pos, cfg.RopeDim, cfg.RopeBaseSWA, 1, nil)
}

// rope rotates nHeads heads of x in the model's order.
func rope(cfg *Config, x []float32, nHeads int, cos, sin []float32) {
	if cfg.RopeOrder == RopeNeox {
		kernels.RopeNeox(x, nHeads, cfg.HeadDim, cos, sin)
	} else {
		kernels.RopeNorm(x, nHeads, cfg.HeadDim, cos, sin)
	}
}
