package model

import (
	"math"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/kernels"
)

// Causal attention over the F16 cache.
//
// The entries of a chunk are grouped into runs: consecutive entries of one
// slot, at most attnRun long. A work item is one run and one KV head: it
// serves every entry of the run and every query head sharing the KV head
// (GQA) from that head's keys and values for positions 0..max(pos of the
// run), which are contiguous in the cache. An F16 cache is read in place
// by the grouped kernels (kernels.AttnScoresF16, AttnMixF16: each row is
// widened once for all query heads of the group); a Q8_0 or F32 cache is
// first widened to float32 once per item. A decode step of many
// sequences spreads over the workers by sequence and head, a prefill chunk
// by runs of tokens and head.

// attnRun bounds the entries of one work item, so that a long prefill
// still splits over the workers.
const attnRun = 32

// attnItem is a run of entries [lo,hi) of one slot.
type attnItem struct {
	lo, hi         int
	minPos, maxPos int
}

// attnScratch is one worker's buffers: the scores of the query heads of a
// group (group x ctx) and, allocated on first use by a cache that is not
// F16, widened keys and values of one KV head (ctx x HeadDim each).
type attnScratch struct {
	k, v   []float32
	scores []float32
	p16    []uint16 // queries or scores rounded to F16
	wide   int      // length of k and v once allocated
	// tmp holds the scores of a span split by a ring, piece by piece;
	// allocated on first use (group x ctx).
	tmp  []float32
	tmpN int
	// sink is one row of scores and an attention sink's logit
	// (softmaxSink), allocated on first use (ctx+1).
	sink  []float32
	sinkN int
}

// sinkRow returns the attention-sink scratch.
func (sc *attnScratch) sinkRow() []float32 {
	if sc.sink == nil {
		sc.sink = make([]float32, sc.sinkN)
	}
	return sc.sink
}

// pieces returns the split-span scratch, n values.
func (sc *attnScratch) pieces(n int) []float32 {
	if sc.tmp == nil {
		sc.tmp = make([]float32, sc.tmpN)
	}
	return sc.tmp[:n]
}

// joinPieces lays out scores computed piece by piece (t: group x m1, then
// group x m2) as group rows of m1+m2 in s.
func joinPieces(s, t []float32, group, m1, m2 int) {
	m := m1 + m2
	for g := range group {
		copy(s[g*m:g*m+m1], t[g*m1:(g+1)*m1])
		copy(s[g*m+m1:(g+1)*m], t[group*m1+g*m2:group*m1+(g+1)*m2])
	}
}

// splitPieces is the inverse of joinPieces.
func splitPieces(t, s []float32, group, m1, m2 int) {
	m := m1 + m2
	for g := range group {
		copy(t[g*m1:(g+1)*m1], s[g*m:g*m+m1])
		copy(t[group*m1+g*m2:group*m1+(g+1)*m2], s[g*m+m1:(g+1)*m])
	}
}

func newAttnScratch(c *Config, ctx int) *attnScratch {
	group := c.Heads / c.KVHeads
	return &attnScratch{scores: make([]float32, group*ctx), p16: make([]uint16, group*max(ctx, c.HeadDim)), wide: ctx * c.HeadDim, tmpN: group * ctx, sinkN: ctx + 1}
}

// attnTask computes attention for a chunk; its fields are set per call so
// that running it does not allocate.
type attnTask struct {
	st    *State
	c     *Cache
	l     int
	b     Batch
	items []attnItem
	scale float32
	fn    func(lo, hi int)
}

// run computes st.att for every entry of b from layer l of c.
func (a *attnTask) run(c *Cache, l int, b Batch) {
	cfg := &a.st.m.Config
	a.c, a.l, a.b = c, l, b
	a.scale = cfg.AttnScale
	if a.scale == 0 {
		a.scale = float32(1 / math.Sqrt(float64(cfg.HeadDim)))
	}
	a.items = a.items[:0]
	for i := 0; i < b.Len(); {
		j := i + 1
		for j < b.Len() && j-i < attnRun && b.Slot[j] == b.Slot[i] {
			j++
		}
		mp, lp := 0, int(b.Pos[i])
		for _, p := range b.Pos[i:j] {
			mp, lp = max(mp, int(p)), min(lp, int(p))
		}
		a.items = append(a.items, attnItem{lo: i, hi: j, minPos: lp, maxPos: mp})
		i = j
	}
	if a.fn == nil {
		a.fn = a.do
	}
	a.st.pool.Parallel(len(a.items)*cfg.KVHeads, a.fn)
	a.c, a.b = nil, Batch{}
}

// do handles work items [lo,hi): item it is run it/KVHeads, KV head
// it%KVHeads.
func (a *attnTask) do(lo, hi int) {
	st := a.st
	cfg := &st.m.Config
	sc := <-st.scratch
	defer func() { st.scratch <- sc }()
	hd, qd := cfg.HeadDim, cfg.QDim()
	group := cfg.Heads / cfg.KVHeads
	// A sliding-window layer reads only the window of each query: a query
	// at position p attends to positions p-win+1..p.
	win := 0
	if cfg.IsSWA(a.l) {
		win = cfg.Window
	}
	// A chunked layer (Llama 4) reads only the query's chunk: positions
	// floor(p/chunk)*chunk..p.
	chunk := 0
	if cfg.isChunked(a.l) {
		chunk = cfg.Chunk
	}
	capAt := cfg.AttnSoftcap
	sinks := st.m.Layers[a.l].Sinks
	for it := lo; it < hi; it++ {
		run, h := a.items[it/cfg.KVHeads], it%cfg.KVHeads
		slot := int(a.b.Slot[run.lo])
		n := run.maxPos + 1
		from := 0
		if win > 0 {
			from = max(0, run.minPos-win+1)
		}
		if chunk > 0 {
			from = run.minPos - run.minPos%chunk
		}
		// An F16 cache is read in place by the F16 kernels (hardware
		// conversion); other types are widened to float32 once per run.
		// A span that wraps around a ring comes in two pieces: the first
		// split positions in k16, the rest in k16b.
		var k16, v16, k16b, v16b []uint16
		if a.c.Type == gguf.TypeF16 {
			k16, v16, k16b, v16b = a.c.f16Spans(a.l, slot, h, from, n)
		} else {
			if sc.k == nil {
				sc.k, sc.v = make([]float32, sc.wide), make([]float32, sc.wide)
			}
			a.c.widen(a.l, slot, h, from, n, sc.k, sc.v)
		}
		split := len(k16) / hd
		for i := run.lo; i < run.hi; i++ {
			p := int(a.b.Pos[i])
			start := 0
			if win > 0 {
				start = max(0, p-win+1)
			}
			if chunk > 0 {
				start = p - p%chunk
			}
			m := p + 1 - start
			off := start - from
			if k16 != nil {
				// All query heads of the group at once: each key and
				// value row is widened once for the group.
				q := st.q[i*qd+h*group*hd : i*qd+(h+1)*group*hd]
				out := st.att[i*qd+h*group*hd : i*qd+(h+1)*group*hd]
				// This query's positions: m1 in (ka, va), the rest in
				// (kb, vb) when they wrap around a ring.
				var ka, va, kb, vb []uint16
				m1 := m
				switch {
				case k16b == nil || off+m <= split:
					ka, va = k16[off*hd:], v16[off*hd:]
				case off >= split:
					ka, va = k16b[(off-split)*hd:], v16b[(off-split)*hd:]
				default:
					ka, va, kb, vb = k16[off*hd:], v16[off*hd:], k16b, v16b
					m1 = split - off
				}
				m2 := m - m1
				// Queries meet F16 keys in F16, as llama.cpp converts
				// them to the cache's type for the k·q product. Each
				// query head belongs to one KV head: rounded once.
				kernels.F32ToF16Row(sc.p16[:len(q)], q)
				kernels.F16ToF32Row(q, sc.p16[:len(q)])
				s := sc.scores[:group*m]
				if m2 == 0 {
					kernels.AttnScoresF16(s, ka, q, group, hd, m, a.scale)
				} else {
					t := sc.pieces(group * m)
					kernels.AttnScoresF16(t[:group*m1], ka, q, group, hd, m1, a.scale)
					kernels.AttnScoresF16(t[group*m1:], kb, q, group, hd, m2, a.scale)
					joinPieces(s, t, group, m1, m2)
				}
				if capAt != 0 {
					softcap(s, capAt)
				}
				for g := range group {
					if sinks != nil {
						softmaxSink(s[g*m:(g+1)*m], sinks[h*group+g], sc.sinkRow())
						continue
					}
					kernels.SoftmaxVec(s[g*m : (g+1)*m])
				}
				// Probabilities are rounded to F16, as llama.cpp's
				// kq·v product converts them to the cache's type.
				kernels.F32ToF16Row(sc.p16[:len(s)], s)
				kernels.F16ToF32Row(s, sc.p16[:len(s)])
				clear(out)
				if m2 == 0 {
					kernels.AttnMixF16(out, va, s, group, hd, m)
					continue
				}
				t := sc.pieces(group * m)
				splitPieces(t, s, group, m1, m2)
				kernels.AttnMixF16(out, va, t[:group*m1], group, hd, m1)
				kernels.AttnMixF16(out, vb, t[group*m1:], group, hd, m2)
				continue
			}
			off *= hd
			ks, vs := sc.k[off:], sc.v[off:]
			for g := 0; g < group; g++ {
				qh := h*group + g
				q := st.q[i*qd+qh*hd : i*qd+(qh+1)*hd]
				s := sc.scores[g*m : (g+1)*m]
				out := st.att[i*qd+qh*hd : i*qd+(qh+1)*hd]
				clear(out)
				for p := range s {
					s[p] = kernels.DotF32(ks[p*hd:(p+1)*hd], q) * a.scale
				}
				if capAt != 0 {
					softcap(s, capAt)
				}
				if sinks != nil {
					softmaxSink(s, sinks[qh], sc.sinkRow())
				} else {
					kernels.SoftmaxVec(s)
				}
				for p, w := range s {
					kernels.AxpyF32(w, vs[p*hd:(p+1)*hd], out)
				}
			}
		}
	}
}
