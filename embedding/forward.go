package embedding

import (
	"github.com/gaianet-go/gaianet/kernels"
)

// The forward pass keeps every activation token-major: row t of x is the
// hidden state of token t of the batch, the tokens of all sequences laid end
// to end (sequence i owns rows starts[i] to starts[i+1]-1). Weight products
// run over all rows at once; element-wise work is split over the pool by
// token; attention (attention.go) is split by (sequence, head).

// scratch holds the buffers of a forward pass, grown as needed and reused
// by later passes.
type scratch struct {
	x, q, k, v, qkv, attn, tmp, up, gate []float32

	starts []int   // first row of each sequence, plus the total
	ids    []int32 // token of each row
	pos    []int32 // position of each row within its sequence

	// ropeCos and ropeSin hold nRot/2 rotation values for each of the
	// first ropeN positions (nomic-bert), computed once and kept.
	ropeCos, ropeSin []float32
	ropeN            int
}

func grow[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	return b[:n]
}

// forwardLocked runs one forward pass over seqs, writing pooled vectors to
// out. m.mu must be held.
func (m *Model) forwardLocked(seqs [][]int32, out [][]float32) {
	h, w, s := &m.h, m.w, &m.s
	d := h.nEmbd
	s.starts = grow(s.starts, len(seqs)+1)
	T, maxLen := 0, 0
	for i, q := range seqs {
		s.starts[i] = T
		T += len(q)
		maxLen = max(maxLen, len(q))
	}
	s.starts[len(seqs)] = T
	s.ids, s.pos = grow(s.ids, T), grow(s.pos, T)
	for i, q := range seqs {
		copy(s.ids[s.starts[i]:], q)
		for p := range q {
			s.pos[s.starts[i]+p] = int32(p)
		}
	}
	s.x = grow(s.x, T*d)
	s.attn = grow(s.attn, T*d)
	s.tmp = grow(s.tmp, T*d)
	s.up = grow(s.up, T*h.nFF)
	if h.arch == "nomic-bert" {
		m.ropeTable(maxLen)
	}

	m.embedTokens(T)
	for li := range w.layers {
		l := &w.layers[li]
		var q, k, v view
		if l.qkv.w != nil {
			s.qkv = grow(s.qkv, T*3*d)
			m.matmul(&l.qkv, s.x, T, s.qkv)
			q = view{buf: s.qkv, stride: 3 * d}
			k = view{buf: s.qkv, stride: 3 * d, off: d}
			v = view{buf: s.qkv, stride: 3 * d, off: 2 * d}
			if b := l.qkv.bias; b != nil {
				q.bias, k.bias, v.bias = b[:d], b[d:2*d], b[2*d:]
			}
		} else {
			s.q, s.k, s.v = grow(s.q, T*d), grow(s.k, T*d), grow(s.v, T*d)
			// One activation quantization for all three products.
			kernels.MatMulShared(m.pool, s.x, T, d, []kernels.MatMulOp{op(&l.q, s.q), op(&l.k, s.k), op(&l.v, s.v)})
			q = view{buf: s.q, stride: d, bias: l.q.bias}
			k = view{buf: s.k, stride: d, bias: l.k.bias}
			v = view{buf: s.v, stride: d, bias: l.v.bias}
		}
		m.attention(len(seqs), maxLen, q, k, v)
		m.matmul(&l.o, s.attn, T, s.tmp)
		m.addNorm(T, l.o.bias, l.attnNorm, l.attnB)
		if l.gate.w != nil {
			s.gate = grow(s.gate, T*h.nFF)
			kernels.MatMulShared(m.pool, s.x, T, d, []kernels.MatMulOp{op(&l.up, s.up), op(&l.gate, s.gate)})
			m.swiGLU(T, l.up.bias, l.gate.bias)
		} else {
			m.matmul(&l.up, s.x, T, s.up)
			m.gelu(T, l.up.bias)
		}
		m.matmul(&l.down, s.up, T, s.tmp)
		m.addNorm(T, l.down.bias, l.outNorm, l.outNorm2)
	}
	m.pool.Parallel(len(seqs), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			out[i] = m.poolSeq(s.starts[i], s.starts[i+1])
		}
	})
}

// matmul computes out = x·Wᵀ for n rows of x; the caller adds l.bias.
func (m *Model) matmul(l *linear, x []float32, n int, out []float32) {
	kernels.MatMul(m.pool, l.typ, l.w, l.rows, l.cols, x, n, out)
}

// op is the kernels.MatMulShared operation writing x·Wᵀ of l to out.
func op(l *linear, out []float32) kernels.MatMulOp {
	return kernels.MatMulOp{Type: l.typ, W: l.w, Rows: l.rows, Out: out}
}

// row dequantizes row r of l into dst.
func row(l *linear, r int, dst []float32) {
	rs := l.typ.RowSize(l.cols)
	if err := kernels.Dequantize(l.typ, l.w[r*rs:(r+1)*rs], dst); err != nil {
		panic(err) // types were checked at load
	}
}

// embedTokens fills s.x with the normalized input embeddings of the batch:
// token + token type 0 + absolute position (bert), as llm_build_bert adds
// them.
func (m *Model) embedTokens(T int) {
	h, w, s := &m.h, m.w, &m.s
	d := h.nEmbd
	m.pool.Parallel(T, func(lo, hi int) {
		var pe []float32
		if w.posEmbd.w != nil {
			pe = make([]float32, d)
		}
		for t := lo; t < hi; t++ {
			x := s.x[t*d : (t+1)*d]
			row(&w.tokEmbd, int(s.ids[t]), x)
			if w.typeEmbd != nil {
				kernels.Add(x, x, w.typeEmbd)
			}
			if pe != nil {
				row(&w.posEmbd, int(s.pos[t]), pe)
				kernels.Add(x, pe, x)
			}
			kernels.LayerNorm(x, x, w.embdNorm, w.embdNormB, h.eps)
		}
	})
}

// addNorm sets every row of s.x to LayerNorm(s.x + s.tmp + bias): the
// residual connection and post-norm of a BERT sublayer.
func (m *Model) addNorm(T int, bias, norm, normB []float32) {
	s, d, eps := &m.s, m.h.nEmbd, m.h.eps
	m.pool.Parallel(T, func(lo, hi int) {
		for t := lo; t < hi; t++ {
			kernels.AddLayerNorm(s.x[t*d:(t+1)*d], s.tmp[t*d:(t+1)*d], bias, norm, normB, eps)
		}
	})
}

// gelu applies bias and GELU to the T rows of s.up, as llama.cpp's CPU
// GELU computes it (kernels.GELUF16: a half-precision table lookup).
func (m *Model) gelu(T int, bias []float32) {
	s, n := &m.s, m.h.nFF
	m.pool.Parallel(T, func(lo, hi int) {
		for t := lo; t < hi; t++ {
			kernels.GELUF16(s.up[t*n:(t+1)*n], bias)
		}
	})
}

// swiGLU sets the T rows of s.up to silu(gate) * up, biases added first
// (llama.cpp's parallel SiLU feed-forward, as nomic-bert uses).
func (m *Model) swiGLU(T int, upBias, gateBias []float32) {
	s, n := &m.s, m.h.nFF
	m.pool.Parallel(T, func(lo, hi int) {
		for t := lo; t < hi; t++ {
			u, g := s.up[t*n:(t+1)*n], s.gate[t*n:(t+1)*n]
			if upBias != nil {
				kernels.Add(u, u, upBias)
			}
			if gateBias != nil {
				kernels.Add(g, g, gateBias)
			}
			kernels.SwiGLU(u, g, u)
		}
	})
}

// poolSeq returns the pooled hidden state of rows [a,b) of s.x.
func (m *Model) poolSeq(a, b int) []float32 {
	s, d := &m.s, m.h.nEmbd
	v := make([]float32, d)
	switch m.h.pooling {
	case PoolCLS:
		copy(v, s.x[a*d:(a+1)*d])
	case PoolLast:
		copy(v, s.x[(b-1)*d:b*d])
	default:
		for t := a; t < b; t++ {
			kernels.Add(v, v, s.x[t*d:(t+1)*d])
		}
		kernels.Scale(v, 1/float32(b-a))
	}
	return v
}

// ropeTable makes sure s.ropeCos and s.ropeSin cover positions [0,n).
func (m *Model) ropeTable(n int) {
	s := &m.s
	if n <= s.ropeN {
		return
	}
	half := m.h.nRot / 2
	cos, sin := make([]float32, n*half), make([]float32, n*half)
	copy(cos, s.ropeCos)
	copy(sin, s.ropeSin)
	for p := s.ropeN; p < n; p++ {
		kernels.RopeTable(cos[p*half:(p+1)*half], sin[p*half:(p+1)*half], float32(p), 2*half, m.h.ropeBase, 1, nil)
	}
	s.ropeCos, s.ropeSin, s.ropeN = cos, sin, n
}
