package embedding

import (
	"math"

	"github.com/gaianet-go/gaianet/kernels"
)

// Attention is bidirectional and stays within each sequence. One job is a
// (sequence, head) pair: it gathers the head's keys, transposed, into a
// headDim×L matrix Kᵀ and its values into an L×headDim matrix V (adding
// biases and applying rope on the way), then for each block of up to
// queryBlock queries Q computes
//
//	S = (Q·scale)·Kᵀ    (kernels.MulF32)
//	P = softmax(S) per row (kernels.SoftmaxVec)
//	O = P·V             (kernels.MulF32)
//
// and copies O into the head's columns of s.attn. (llama.cpp scales S
// rather than Q; for the usual head sizes, 16, 64 or 256, the scale is a
// power of two and the results are the same.) MulF32 works in register
// tiles of 6 rows × 16 columns, so the gathered matrices are padded with
// zeros: Kᵀ and V to a multiple of 16 columns, each query block to a
// multiple of 6 rows; the padding never reaches s.attn. Jobs run in
// parallel on m.pool, each goroutine with its own headScratch. The query
// block bounds S to about queryBlock×L values, so long inputs need no L×L
// buffer.

// queryBlock is about how many queries of one head share a pass over its
// keys: a sequence's queries are split into equal blocks of at most this
// many, rounded up to a multiple of 6.
const queryBlock = 128

// Tile sizes of kernels.MulF32.
const (
	tileRows = 6
	tileCols = 16
)

func roundUp(n, m int) int { return (n + m - 1) / m * m }

// headScratch is one goroutine's attention workspace.
type headScratch struct {
	q, kt, v, s, o, row []float32
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
	if L == 0 {
		return
	}
	lp, hdp := roundUp(L, tileCols), roundUp(hd, tileCols)
	nBlocks := (L + queryBlock - 1) / queryBlock
	qb := roundUp((L+nBlocks-1)/nBlocks, tileRows)
	hs.kt = grow(hs.kt, hd*lp)
	hs.v = grow(hs.v, L*hdp)
	hs.q = grow(hs.q, qb*hd)
	hs.s = grow(hs.s, qb*lp)
	hs.o = grow(hs.o, qb*hdp)
	hs.row = grow(hs.row, hd)

	kr := hs.row
	for t := range L {
		k.read(a+t, h, kr)
		if rope {
			kernels.RopeNeox(kr, 1, hd, s.ropeCos[t*half:(t+1)*half], s.ropeSin[t*half:(t+1)*half])
		}
		for c, x := range kr {
			hs.kt[c*lp+t] = x
		}
		vr := hs.v[t*hdp : (t+1)*hdp]
		v.read(a+t, h, vr[:hd])
		clear(vr[hd:])
	}
	if lp > L {
		for c := range hd {
			clear(hs.kt[c*lp+L : (c+1)*lp])
		}
	}
	scale := float32(1 / math.Sqrt(float64(hd)))
	for q0 := 0; q0 < L; q0 += qb {
		n := min(qb, L-q0)
		np := roundUp(n, tileRows)
		for i := range n {
			qr := hs.q[i*hd : (i+1)*hd]
			q.read(a+q0+i, h, qr)
			if rope {
				p := q0 + i
				kernels.RopeNeox(qr, 1, hd, s.ropeCos[p*half:(p+1)*half], s.ropeSin[p*half:(p+1)*half])
			}
			kernels.Scale(qr, scale)
		}
		clear(hs.q[n*hd : np*hd])
		kernels.MulF32(hs.s, lp, hs.q, hd, hs.kt, lp, np, lp, hd)
		for i := range n {
			kernels.SoftmaxVec(hs.s[i*lp : i*lp+L])
		}
		kernels.MulF32(hs.o, hdp, hs.s, lp, hs.v, hdp, np, hdp, L)
		for i := range n {
			copy(s.attn[(a+q0+i)*d+h*hd:][:hd], hs.o[i*hdp:i*hdp+hd])
		}
	}
}
