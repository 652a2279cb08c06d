package embedding

import (
	"math"
	"unsafe"

	"github.com/gaianet-go/gaianet/gguf"
	"github.com/gaianet-go/gaianet/kernels"
)

// Attention is bidirectional and stays within each sequence. One job is a
// (sequence, head) pair: it gathers the head's keys into a contiguous
// L×headDim matrix K and its values, transposed, into headDim×L matrix Vᵀ
// (adding biases and applying rope on the way), then for each block of up
// to queryBlock queries Q computes
//
//	S = (Q·scale)·Kᵀ    (kernels.MatMul with K as F32 "weights")
//	P = softmax(S) per row
//	O = P·V             (kernels.MatMul with Vᵀ as F32 "weights")
//
// and copies O into the head's columns of s.attn. (llama.cpp scales S
// rather than Q; for the usual head sizes, 16, 64 or 256, the scale is a
// power of two and the results are the same.) Both products run on the
// tiled four-column MatMul kernels; each goroutine uses its own
// single-goroutine Pool (headScratch.pool), so jobs run in parallel without
// nesting calls on m.pool. The query block bounds S to queryBlock×L values,
// so long inputs need no L×L buffer.

// queryBlock is how many queries of one head share a pass over its keys.
const queryBlock = 128

// headScratch is one goroutine's attention workspace.
type headScratch struct {
	pool           *kernels.Pool // size 1: MatMul runs on the calling goroutine
	q, k, vt, s, o []float32
}

// view locates a head's values in a token-major buffer: head h of token t
// is buf[t*stride+off+h*headDim:][:headDim], plus bias[h*headDim:] if bias
// is not nil.
type view struct {
	buf    []float32
	stride int
	off    int
	bias   []float32
}

// read copies head h of token t, bias added, into dst (headDim values).
func (v *view) read(t, h int, dst []float32) {
	hd := len(dst)
	src := v.buf[t*v.stride+v.off+h*hd:][:hd]
	if v.bias != nil {
		kernels.Add(dst, src, v.bias[h*hd:])
		return
	}
	copy(dst, src)
}

// attention computes multi-head attention of the nSeq sequences of the
// batch from q, k and v into s.attn.
func (m *Model) attention(nSeq, maxLen int, q, k, v view) {
	nHead := m.h.nHead
	m.pool.Parallel(nSeq*nHead, func(lo, hi int) {
		hs := <-m.heads
		defer func() { m.heads <- hs }()
		for job := lo; job < hi; job++ {
			m.attendHead(hs, job/nHead, job%nHead, maxLen, &q, &k, &v)
		}
	})
}

// attendHead computes head h of sequence si.
func (m *Model) attendHead(hs *headScratch, si, h, maxLen int, q, k, v *view) {
	s, d := &m.s, m.h.nEmbd
	hd := d / m.h.nHead
	half := m.h.nRot / 2
	rope := m.h.arch == "nomic-bert"
	a := s.starts[si]
	L := s.starts[si+1] - a
	qb := min(maxLen, queryBlock)
	hs.k = grow(hs.k, maxLen*hd)
	hs.vt = grow(hs.vt, maxLen*hd)
	hs.q = grow(hs.q, qb*hd)
	hs.o = grow(hs.o, qb*hd)
	hs.s = grow(hs.s, qb*maxLen)

	vrow := hs.o[:hd] // free until the first product
	for t := range L {
		kr := hs.k[t*hd : (t+1)*hd]
		k.read(a+t, h, kr)
		if rope {
			kernels.RopeNeox(kr, 1, hd, s.ropeCos[t*half:(t+1)*half], s.ropeSin[t*half:(t+1)*half])
		}
		v.read(a+t, h, vrow)
		for c, x := range vrow {
			hs.vt[c*L+t] = x
		}
	}
	kb, vb := f32Bytes(hs.k[:L*hd]), f32Bytes(hs.vt[:L*hd])
	scale := float32(1 / math.Sqrt(float64(hd)))
	for q0 := 0; q0 < L; q0 += qb {
		n := min(qb, L-q0)
		for i := range n {
			qr := hs.q[i*hd : (i+1)*hd]
			q.read(a+q0+i, h, qr)
			if rope {
				p := q0 + i
				kernels.RopeNeox(qr, 1, hd, s.ropeCos[p*half:(p+1)*half], s.ropeSin[p*half:(p+1)*half])
			}
			kernels.Scale(qr, scale)
		}
		sc := hs.s[:n*L]
		kernels.MatMul(hs.pool, gguf.TypeF32, kb, L, hd, hs.q, n, sc)
		for i := range n {
			kernels.Softmax(sc[i*L : (i+1)*L])
		}
		kernels.MatMul(hs.pool, gguf.TypeF32, vb, hd, L, sc, n, hs.o)
		for i := range n {
			copy(s.attn[(a+q0+i)*d+h*hd:][:hd], hs.o[i*hd:(i+1)*hd])
		}
	}
}

// f32Bytes views f as the bytes of an F32 tensor (native byte order, which
// is how kernels reads F32 data).
func f32Bytes(f []float32) []byte {
	if len(f) == 0 {
		return nil
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(&f[0])), len(f)*4)
}
