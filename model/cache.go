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
// encoded as Type per (slot, KV head, position), positions innermost:
//
//	k[layer][((slot*KVHeads + head)*Ctx + pos)*headBytes : ...+headBytes]
//
// so attention reads positions 0..p of one head as one contiguous span.
// Position p of a slot lives at cell p; the caller (package engine) tracks
// how many positions of each slot are filled; Cache itself has no notion of
// validity. A Cache must not be used by two forward passes at once.
type Cache struct {
	Slots, Ctx, Layers int
	Type               gguf.TensorType
	kvHeads, headDim   int
	headBytes          int
	k, v               [][]byte
	// shared says that values are the keys (MLA's latent): v aliases k.
	shared bool
}

// NewCache allocates a cache for model m with the given slots, context
// length per slot and element type (F32, F16 or Q8_0).
func NewCache(m *Model, slots, ctx int, typ gguf.TensorType) (*Cache, error) {
	if slots < 1 || ctx < 1 {
		return nil, fmt.Errorf("model: cache of %d slots x %d positions", slots, ctx)
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
	size := slots * cfg.KVHeads * ctx * hb
	c.k = make([][]byte, c.Layers)
	c.v = make([][]byte, c.Layers)
	for l := range c.k {
		c.k[l] = make([]byte, size)
		c.v[l] = c.k[l]
		if !c.shared {
			c.v[l] = make([]byte, size)
		}
	}
	return c, nil
}

// Bytes returns the memory the cache holds.
func (c *Cache) Bytes() int64 {
	n := int64(2)
	if c.shared {
		n = 1
	}
	return n * int64(c.Layers) * int64(c.Slots*c.kvHeads*c.Ctx) * int64(c.headBytes)
}

// span returns the byte range of positions [from, to) of one head.
func (c *Cache) span(slot, head, from, to int) (int, int) {
	base := (slot*c.kvHeads + head) * c.Ctx
	return (base + from) * c.headBytes, (base + to) * c.headBytes
}

// put encodes the keys and values (KVDim each) of one position.
func (c *Cache) put(l, slot, pos int, k, v []float32) {
	hd := c.headDim
	for h := 0; h < c.kvHeads; h++ {
		a, b := c.span(slot, h, pos, pos+1)
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
// ((n-from)*HeadDim each).
func (c *Cache) widen(l, slot, head, from, n int, k, v []float32) {
	a, b := c.span(slot, head, from, n)
	m := (n - from) * c.headDim
	if c.Type == gguf.TypeF16 {
		kernels.F16ToF32Row(k[:m], unsafe.Slice((*uint16)(unsafe.Pointer(unsafe.SliceData(c.k[l][a:b]))), m))
		kernels.F16ToF32Row(v[:m], unsafe.Slice((*uint16)(unsafe.Pointer(unsafe.SliceData(c.v[l][a:b]))), m))
		return
	}
	if err := kernels.Dequantize(c.Type, c.k[l][a:b], k[:m]); err != nil {
		panic(err)
	}
	if err := kernels.Dequantize(c.Type, c.v[l][a:b], v[:m]); err != nil {
		panic(err)
	}
}

// f16Span returns the keys and values of positions [from, n) of one head
// of an F16 cache, (n-from)*HeadDim values each, aliasing the cache.
func (c *Cache) f16Span(l, slot, head, from, n int) (k, v []uint16) {
	a, b := c.span(slot, head, from, n)
	m := (n - from) * c.headDim
	k = unsafe.Slice((*uint16)(unsafe.Pointer(unsafe.SliceData(c.k[l][a:b]))), m)
	v = unsafe.Slice((*uint16)(unsafe.Pointer(unsafe.SliceData(c.v[l][a:b]))), m)
	return k, v
}

// Copy copies positions [0,n) of slot src into slot dst, so that dst can
// continue a sequence that shares that prefix.
func (c *Cache) Copy(dst, src, n int) {
	if dst == src || n <= 0 {
		return
	}
	for l := range c.k {
		for h := 0; h < c.kvHeads; h++ {
			a, b := c.span(dst, h, 0, n)
			x, y := c.span(src, h, 0, n)
			copy(c.k[l][a:b], c.k[l][x:y])
			if !c.shared {
				copy(c.v[l][a:b], c.v[l][x:y])
			}
		}
	}
}

// Shift removes positions [keep, keep+discard) of a slot holding n
// positions: later positions move down by discard and their keys are
// rotated back by discard positions, as llama.cpp's context shift does.
// Afterwards the slot holds n-discard positions.
func (m *Model) Shift(c *Cache, slot, keep, discard, n int) error {
	if keep < 0 || discard <= 0 || keep+discard > n || n > c.Ctx || slot < 0 || slot >= c.Slots {
		return fmt.Errorf("model: shift of slot %d: keep %d, discard %d of %d positions", slot, keep, discard, n)
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
	for l := range c.k {
		lc, ls := cos, sin
		if cosSWA != nil && cfg.IsSWA(l) {
			lc, ls = cosSWA, sinSWA
		}
		for h := 0; h < c.kvHeads; h++ {
			// Keys: widen, rotate back by discard, re-encode lower down.
			c.widen(l, slot, h, 0, n, hk, hv)
			for p := keep + discard; p < n; p++ {
				row := hk[p*hd : (p+1)*hd]
				if !cfg.isNoRope(l) {
					rope(cfg, row, 1, lc, ls)
				}
				a, b := c.span(slot, h, p-discard, p-discard+1)
				c.encode(c.k[l][a:b], row)
			}
			// Values move as they are (with shared keys and values, the
			// keys' move above moved them).
			if c.shared {
				continue
			}
			a, _ := c.span(slot, h, keep, keep)
			x, y := c.span(slot, h, keep+discard, n)
			copy(c.v[l][a:], c.v[l][x:y])
		}
	}
	return nil
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
