//go:build !noasm

package kernels

import (
	"github.com/gaianet-go/gaianet/gguf"
	"golang.org/x/sys/cpu"
)

// hasAVX2 reports whether the AVX2 kernels can run: AVX2 for the integer
// work, FMA for accumulation and F16C for half-precision scales.
var hasAVX2 = cpu.X86.HasAVX2 && cpu.X86.HasFMA && cpu.X86.HasF16C

// avx2Kernels are the generic kernels with the AVX2 versions swapped in.
var avx2Kernels = func() *kernelSet {
	ks := *genericKernels
	ks.dot4 = [len(ks.dot4)]dot4Func{} // only the real four-column kernels
	ks.exact4 = false                  // they sum in their own order
	ks.dot[gguf.TypeQ4_0] = dotQ4_0Asm
	ks.dot[gguf.TypeQ8_0] = dotQ8_0Asm
	ks.dot[gguf.TypeQ5_0] = dotQ5_0Asm
	ks.dot[gguf.TypeQ4_1] = dotQ4_1Asm
	ks.dot[gguf.TypeQ5_1] = dotQ5_1Asm
	ks.dot[gguf.TypeQ2_K] = dotQ2KAsm
	ks.dot[gguf.TypeQ3_K] = dotQ3KAsm
	ks.dot[gguf.TypeQ4_K] = dotQ4KAsm
	ks.dot[gguf.TypeQ5_K] = dotQ5KAsm
	ks.dot[gguf.TypeQ6_K] = dotQ6KAsm
	ks.dot[gguf.TypeF32] = func(w []byte, a *act) float32 { return dotF32AsmTail(f32s(w)[:len(a.f)], a.f) }
	ks.dot[gguf.TypeF16] = func(w []byte, a *act) float32 { return dotF16F32AsmTail(u16s(w)[:len(a.f)], a.f) }
	ks.dot[gguf.TypeBF16] = func(w []byte, a *act) float32 { return dotBF16F32AsmTail(u16s(w)[:len(a.f)], a.f) }
	ks.dot4[gguf.TypeQ4_0] = dotQ4_0x4Asm
	ks.dot4[gguf.TypeQ8_0] = dotQ8_0x4Asm
	ks.dot4[gguf.TypeQ5_0] = dotQ5_0x4Asm
	ks.dot4[gguf.TypeQ2_K] = dotQ2Kx4Asm
	ks.dot4[gguf.TypeQ3_K] = dotQ3Kx4Asm
	ks.dot4[gguf.TypeQ4_K] = dotQ4Kx4Asm
	ks.dot4[gguf.TypeQ5_K] = dotQ5Kx4Asm
	ks.dot4[gguf.TypeF16] = dotF16x4Asm
	ks.dotNx4[gguf.TypeF16] = dotNx4{dotF16x3x4Asm, 3}
	ks.dotNx4[gguf.TypeF32] = dotNx4{dotF32x2x4Asm, 2}
	ks.dot4[gguf.TypeF32] = dotF32x4Asm
	ks.dot4[gguf.TypeQ6_K] = dotQ6Kx4Asm
	if hasAVX512VL {
		ks.dotNx4[gguf.TypeF16] = dotNx4{dotF16x6x4Asm, 6}
		ks.dotNx4[gguf.TypeF32] = dotNx4{dotF32x6x4Asm, 6}
		ks.halfActs = true
	}
	if hasVNNI {
		ks.dot4[gguf.TypeQ4_0] = dotQ4_0x4VNNIAsm
		ks.dot4[gguf.TypeQ8_0] = dotQ8_0x4VNNIAsm
		ks.dot4[gguf.TypeQ4_K] = dotQ4Kx4VNNIAsm
		ks.dot4[gguf.TypeQ6_K] = dotQ6Kx4VNNIAsm
	}
	if hasZ4 {
		ks.dot4[gguf.TypeQ4_0] = dotQ4_0x4ZAsm
		ks.dotNx4[gguf.TypeQ4_0] = dotNx4{dotQ4_0xNx4ZAsm, zRows}
		ks.interleave[gguf.TypeQ4_0] = true
		ks.dot4[gguf.TypeQ8_0] = dotQ8_0x4ZAsm
		ks.dotNx4[gguf.TypeQ8_0] = dotNx4{dotQ8_0xNx4ZAsm, zRows}
		ks.interleave[gguf.TypeQ8_0] = true
	}
	return &ks
}()

// hasVNNI reports whether the AVX-512 VNNI four-column kernels
// (dot4_vnni_amd64.s) can run: VPDPBUSD on YMM registers needs AVX512_VNNI
// and AVX512VL (x/sys/cpu also checks that the OS saves the AVX-512 state).
var hasVNNI = hasAVX2 && cpu.X86.HasAVX512VNNI && cpu.X86.HasAVX512VL

// hasZ4 reports whether the 512-bit four-column kernels over interleaved
// activations (dotQ4_0x4Z) can run: it needs AVX512_VNNI, AVX512_VBMI
// (VPERMB), AVX512_GFNI (VGF2P8AFFINEQB) and AVX512BW (byte masks).
var hasZ4 = hasVNNI && cpu.X86.HasAVX512BW && cpu.X86.HasAVX512VBMI && cpu.X86.HasAVX512GFNI

// defaultKernels are the dot products MatMul uses on this machine.
var defaultKernels = func() *kernelSet {
	if hasAVX2 {
		return avx2Kernels
	}
	return genericKernels
}()

// typeBytes caches the block sizes of the gguf type table (a map) for the
// bounds checks of the wrappers below.
var typeBytes = func() (b [64]int) {
	for t := range b {
		b[t] = gguf.TensorType(t).TypeSize()
	}
	return b
}()

// The wrappers below check that the slices cover nb blocks (so the
// assembly never reads out of bounds) and pass base pointers. With no
// blocks the kernels read nothing and return 0.

// qArgs returns the arguments of the one-column kernel of the 32-value
// type t whose per-block terms are s (a.ds or a.s).
func qArgs(t gguf.TensorType, w []byte, a *act, s []float32) (*byte, *int8, *float32, *float32, int) {
	nb := len(a.d)
	if nb == 0 {
		return nil, nil, nil, nil, 0
	}
	_, _, _ = w[nb*typeBytes[t]-1], a.qs[nb*32-1], s[nb-1]
	return &w[0], &a.qs[0], &a.d[0], &s[0], nb
}

// kArgs returns the arguments of the one-column kernel of the k-quant t.
func kArgs(t gguf.TensorType, w []byte, a *act) (*byte, *int8, *float32, *int16, int) {
	nb := len(a.d)
	if nb == 0 {
		return nil, nil, nil, nil, 0
	}
	_, _, _ = w[nb*typeBytes[t]-1], a.qs[nb*256-1], a.bsums[nb*16-1]
	return &w[0], &a.qs[0], &a.d[0], &a.bsums[0], nb
}

func dotQ8_0Asm(w []byte, a *act) float32 {
	nb := len(a.d)
	if nb == 0 {
		return 0
	}
	_, _ = w[nb*typeBytes[gguf.TypeQ8_0]-1], a.qs[nb*32-1]
	return dotQ8_0AVX2(&w[0], &a.qs[0], &a.d[0], nb)
}

func dotQ4_0Asm(w []byte, a *act) float32 { return dotQ4_0AVX2(qArgs(gguf.TypeQ4_0, w, a, a.ds)) }
func dotQ5_0Asm(w []byte, a *act) float32 { return dotQ5_0AVX2(qArgs(gguf.TypeQ5_0, w, a, a.ds)) }
func dotQ4_1Asm(w []byte, a *act) float32 { return dotQ4_1AVX2(qArgs(gguf.TypeQ4_1, w, a, a.s)) }
func dotQ5_1Asm(w []byte, a *act) float32 { return dotQ5_1AVX2(qArgs(gguf.TypeQ5_1, w, a, a.s)) }
func dotQ4KAsm(w []byte, a *act) float32  { return dotQ4KAVX2(kArgs(gguf.TypeQ4_K, w, a)) }
func dotQ5KAsm(w []byte, a *act) float32  { return dotQ5KAVX2(kArgs(gguf.TypeQ5_K, w, a)) }
func dotQ6KAsm(w []byte, a *act) float32  { return dotQ6KAVX2(kArgs(gguf.TypeQ6_K, w, a)) }
func dotQ2KAsm(w []byte, a *act) float32  { return dotQ2KAVX2(kArgs(gguf.TypeQ2_K, w, a)) }
func dotQ3KAsm(w []byte, a *act) float32  { return dotQ3KAVX2(kArgs(gguf.TypeQ3_K, w, a)) }

func dotF32AsmTail(a, b []float32) float32 {
	b = b[:len(a)]
	n := len(a) &^ 7
	var s float32
	if n > 0 {
		s = dotF32AVX2(&a[0], &b[0], n)
	}
	for i := n; i < len(a); i++ {
		s += a[i] * b[i]
	}
	return s
}

func dotF16F32AsmTail(a []uint16, b []float32) float32 {
	b = b[:len(a)]
	n := len(a) &^ 7
	var s float32
	if n > 0 {
		s = dotF16F32AVX2(&a[0], &b[0], n)
	}
	for i := n; i < len(a); i++ {
		s += f16Table[a[i]] * b[i]
	}
	return s
}

func dotBF16F32AsmTail(a []uint16, b []float32) float32 {
	b = b[:len(a)]
	n := len(a) &^ 15
	var s float32
	if n > 0 {
		s = dotBF16F32AVX2(&a[0], &b[0], n)
	}
	for i := n; i < len(a); i++ {
		s += BF16ToF32(a[i]) * b[i]
	}
	return s
}

func dotF32(a, b []float32) float32 {
	if hasAVX2 {
		return dotF32AsmTail(a, b)
	}
	return dotF32Generic(a, b)
}

func dotF16F32(a []uint16, b []float32) float32 {
	if hasAVX2 {
		return dotF16F32AsmTail(a, b)
	}
	return dotF16F32Generic(a, b)
}

func axpyF32(alpha float32, x, y []float32) {
	x = x[:len(y)]
	if n := len(y) &^ 7; hasAVX2 && n > 0 {
		axpyF32AVX2(alpha, &x[0], &y[0], n)
		x, y = x[n:], y[n:]
	}
	axpyF32Generic(alpha, x, y)
}

func axpyF16(alpha float32, x []uint16, y []float32) {
	x = x[:len(y)]
	if n := len(y) &^ 7; hasAVX2 && n > 0 {
		axpyF16AVX2(alpha, &x[0], &y[0], n)
		x, y = x[n:], y[n:]
	}
	axpyF16Generic(alpha, x, y)
}

// putNx4 stores a result of len(o)/4 rows and four columns: o[4*k+c] is
// row r+k of column b+c.
func (m *mmTask) putNx4(o []float32, b, r int) {
	for k := range len(o) / 4 {
		for c := range 4 {
			m.out[(b+c)*m.rows+r+k] = o[4*k+c]
		}
	}
}

// dotF16x3x4Asm is dotF16x4Asm for weight rows r to r+2 (w holds them).
func dotF16x3x4Asm(m *mmTask, w []byte, b, r int) {
	var o [12]float32
	wh := u16s(w)[:3*m.cols]
	x0 := m.acts[b].f
	_ = m.acts[b+3].f[m.cols-1]
	n := m.cols &^ 7
	if n > 0 {
		dotF16x3x4AVX2(&wh[0], 2*m.cols, &x0[0], 4*m.cols, n, &o)
	}
	for k := range 3 {
		wk := wh[k*m.cols : (k+1)*m.cols]
		for c := range 4 {
			x := m.acts[b+c].f
			for i := n; i < m.cols; i++ {
				o[4*k+c] += f16Table[wk[i]] * x[i]
			}
		}
	}
	m.putNx4(o[:], b, r)
}

func dotF16x4Asm(m *mmTask, w []byte, b, r int) {
	var o [4]float32
	wh := u16s(w)[:m.cols]
	x0 := m.acts[b].f
	_ = m.acts[b+3].f[m.cols-1]
	n := m.cols &^ 7
	if n > 0 {
		dotF16x4AVX2(&wh[0], &x0[0], 4*m.cols, n, &o)
	}
	for c := range 4 {
		x := m.acts[b+c].f
		for i := n; i < m.cols; i++ {
			o[c] += f16Table[wh[i]] * x[i]
		}
	}
	m.put4(&o, b, r)
}

// dotF32x2x4Asm is dotF32x4Asm for weight rows r and r+1 (w holds both).
func dotF32x2x4Asm(m *mmTask, w []byte, b, r int) {
	var o [8]float32
	wf := f32s(w)[:2*m.cols]
	x0 := m.acts[b].f
	_ = m.acts[b+3].f[m.cols-1]
	n := m.cols &^ 7
	if n > 0 {
		dotF32x2x4AVX2(&wf[0], 4*m.cols, &x0[0], 4*m.cols, n, &o)
	}
	for k := range 2 {
		wk := wf[k*m.cols : (k+1)*m.cols]
		for c := range 4 {
			x := m.acts[b+c].f
			for i := n; i < m.cols; i++ {
				o[4*k+c] += wk[i] * x[i]
			}
		}
	}
	m.putNx4(o[:], b, r)
}

func dotF32x4Asm(m *mmTask, w []byte, b, r int) {
	var o [4]float32
	wf := f32s(w)[:m.cols]
	x0 := m.acts[b].f
	_ = m.acts[b+3].f[m.cols-1]
	n := m.cols &^ 7
	if n > 0 {
		dotF32x4AVX2(&wf[0], &x0[0], 4*m.cols, n, &o)
	}
	for c := range 4 {
		x := m.acts[b+c].f
		for i := n; i < m.cols; i++ {
			o[c] += wf[i] * x[i]
		}
	}
	m.put4(&o, b, r)
}

// check4 panics unless the four columns starting at b cover nb blocks of
// the type t (bs values each), so the assembly stays in bounds.
func check4(m *mmTask, w []byte, t gguf.TensorType, bs, b int) (nb int) {
	nb = m.cols / bs
	_ = w[nb*typeBytes[t]-1]
	_ = m.qs[(b+4)*m.cols-1]
	_ = m.dT[(nb-1)*m.batch+b+3]
	return nb
}

func dotQ8_0x4Asm(m *mmTask, w []byte, b, r int) {
	var o [4]float32
	nb := check4(m, w, gguf.TypeQ8_0, 32, b)
	dotQ8_0x4AVX2(&w[0], &m.qs[b*m.cols], m.cols, &m.dT[b], 4*m.batch, nb, &o)
	m.put4(&o, b, r)
}

func dotQ4_0x4Asm(m *mmTask, w []byte, b, r int) {
	var o [4]float32
	nb := check4(m, w, gguf.TypeQ4_0, 32, b)
	_ = m.dsT[(nb-1)*m.batch+b+3]
	dotQ4_0x4AVX2(&w[0], &m.qs[b*m.cols], m.cols, &m.dT[b], &m.dsT[b], 4*m.batch, nb, &o)
	m.put4(&o, b, r)
}

func dotQ8_0x4VNNIAsm(m *mmTask, w []byte, b, r int) {
	var o [4]float32
	nb := check4(m, w, gguf.TypeQ8_0, 32, b)
	dotQ8_0x4VNNI(&w[0], &m.qs[b*m.cols], m.cols, &m.dT[b], 4*m.batch, nb, &o)
	m.put4(&o, b, r)
}

func dotQ4_0x4VNNIAsm(m *mmTask, w []byte, b, r int) {
	var o [4]float32
	nb := check4(m, w, gguf.TypeQ4_0, 32, b)
	_ = m.dsT[(nb-1)*m.batch+b+3]
	dotQ4_0x4VNNI(&w[0], &m.qs[b*m.cols], m.cols, &m.dT[b], &m.dsT[b], 4*m.batch, nb, &o)
	m.put4(&o, b, r)
}

// zRows is how many weight rows one dotQ4_0x4Z call of MatMul does.
const zRows = 8

// dotQ4_0xNx4ZAsm runs dotQ4_0x4Z for zRows weight rows (w holds them) and
// a group of four columns (b a multiple of 4, as MatMul's tiles give); it
// falls back to dotQ4_0x4VNNIAsm row by row otherwise.
func dotQ4_0xNx4ZAsm(m *mmTask, w []byte, b, r int) {
	if b&3 != 0 || len(m.qsI) < (b+4)*m.cols {
		for k := range zRows {
			dotQ4_0x4VNNIAsm(m, w[k*m.rowSize:(k+1)*m.rowSize], b, r+k)
		}
		return
	}
	var o [4 * zRows]float32
	nb := check4(m, w, gguf.TypeQ4_0, 32, b)
	_ = w[zRows*m.rowSize-1]
	_ = m.dsT[(nb-1)*m.batch+b+3]
	_ = m.qsI[(b+4)*m.cols-1]
	dotQ4_0x4Z(&w[0], m.rowSize, zRows, &m.qsI[b*m.cols], &m.dT[b], &m.dsT[b], 4*m.batch, nb, &o[0])
	m.putNx4(o[:], b, r)
}

// dotQ4_0x4ZAsm is dotQ4_0xNx4ZAsm for one weight row.
func dotQ4_0x4ZAsm(m *mmTask, w []byte, b, r int) {
	if b&3 != 0 || len(m.qsI) < (b+4)*m.cols {
		dotQ4_0x4VNNIAsm(m, w, b, r)
		return
	}
	var o [4]float32
	nb := check4(m, w, gguf.TypeQ4_0, 32, b)
	_ = m.dsT[(nb-1)*m.batch+b+3]
	_ = m.qsI[(b+4)*m.cols-1]
	dotQ4_0x4Z(&w[0], m.rowSize, 1, &m.qsI[b*m.cols], &m.dT[b], &m.dsT[b], 4*m.batch, nb, &o[0])
	m.put4(&o, b, r)
}

// dotQ8_0xNx4ZAsm is dotQ4_0xNx4ZAsm for Q8_0 weights, with
// dotQ8_0x4VNNIAsm as the fallback.
func dotQ8_0xNx4ZAsm(m *mmTask, w []byte, b, r int) {
	if b&3 != 0 || len(m.qsI) < (b+4)*m.cols || len(m.xsI) < (b+4)*(m.cols/32) {
		for k := range zRows {
			dotQ8_0x4VNNIAsm(m, w[k*m.rowSize:(k+1)*m.rowSize], b, r+k)
		}
		return
	}
	var o [4 * zRows]float32
	nb := check4(m, w, gguf.TypeQ8_0, 32, b)
	_ = w[zRows*m.rowSize-1]
	_ = m.qsI[(b+4)*m.cols-1]
	_ = m.xsI[(b+4)*nb-1]
	dotQ8_0x4Z(&w[0], m.rowSize, zRows, &m.qsI[b*m.cols], &m.xsI[b*(m.cols/32)], &m.dT[b], 4*m.batch, nb, &o[0])
	m.putNx4(o[:], b, r)
}

// dotQ8_0x4ZAsm is dotQ8_0xNx4ZAsm for one weight row.
func dotQ8_0x4ZAsm(m *mmTask, w []byte, b, r int) {
	if b&3 != 0 || len(m.qsI) < (b+4)*m.cols || len(m.xsI) < (b+4)*(m.cols/32) {
		dotQ8_0x4VNNIAsm(m, w, b, r)
		return
	}
	var o [4]float32
	nb := check4(m, w, gguf.TypeQ8_0, 32, b)
	_ = m.qsI[(b+4)*m.cols-1]
	_ = m.xsI[(b+4)*nb-1]
	dotQ8_0x4Z(&w[0], m.rowSize, 1, &m.qsI[b*m.cols], &m.xsI[b*(m.cols/32)], &m.dT[b], 4*m.batch, nb, &o[0])
	m.put4(&o, b, r)
}

func dotQ5_0x4Asm(m *mmTask, w []byte, b, r int) {
	var o [4]float32
	nb := check4(m, w, gguf.TypeQ5_0, 32, b)
	_ = m.dsT[(nb-1)*m.batch+b+3]
	dotQ5_0x4AVX2(&w[0], &m.qs[b*m.cols], m.cols, &m.dT[b], &m.dsT[b], 4*m.batch, nb, &o)
	m.put4(&o, b, r)
}

func dotQ4Kx4Asm(m *mmTask, w []byte, b, r int) {
	var o [4]float32
	nb := check4(m, w, gguf.TypeQ4_K, 256, b)
	_ = m.bsT[((nb-1)*m.batch+b+4)*16-1]
	dotQ4Kx4AVX2(&w[0], &m.qs[b*m.cols], m.cols, &m.dT[b], 4*m.batch, &m.bsT[b*16], nb, &o)
	m.put4(&o, b, r)
}

func dotQ4Kx4VNNIAsm(m *mmTask, w []byte, b, r int) {
	var o [4]float32
	nb := check4(m, w, gguf.TypeQ4_K, 256, b)
	_ = m.bsT[((nb-1)*m.batch+b+4)*16-1]
	dotQ4Kx4VNNI(&w[0], &m.qs[b*m.cols], m.cols, &m.dT[b], 4*m.batch, &m.bsT[b*16], nb, &o)
	m.put4(&o, b, r)
}

func dotQ6Kx4VNNIAsm(m *mmTask, w []byte, b, r int) {
	var o [4]float32
	nb := check4(m, w, gguf.TypeQ6_K, 256, b)
	_ = m.bsT[((nb-1)*m.batch+b+4)*16-1]
	dotQ6Kx4VNNI(&w[0], &m.qs[b*m.cols], m.cols, &m.dT[b], 4*m.batch, &m.bsT[b*16], nb, &o)
	m.put4(&o, b, r)
}

func dotQ5Kx4Asm(m *mmTask, w []byte, b, r int) {
	var o [4]float32
	nb := check4(m, w, gguf.TypeQ5_K, 256, b)
	_ = m.bsT[((nb-1)*m.batch+b+4)*16-1]
	dotQ5Kx4AVX2(&w[0], &m.qs[b*m.cols], m.cols, &m.dT[b], 4*m.batch, &m.bsT[b*16], nb, &o)
	m.put4(&o, b, r)
}

func dotQ2Kx4Asm(m *mmTask, w []byte, b, r int) {
	var o [4]float32
	nb := check4(m, w, gguf.TypeQ2_K, 256, b)
	_ = m.bsT[((nb-1)*m.batch+b+4)*16-1]
	dotQ2Kx4AVX2(&w[0], &m.qs[b*m.cols], m.cols, &m.dT[b], 4*m.batch, &m.bsT[b*16], nb, &o)
	m.put4(&o, b, r)
}

func dotQ3Kx4Asm(m *mmTask, w []byte, b, r int) {
	var o [4]float32
	nb := check4(m, w, gguf.TypeQ3_K, 256, b)
	_ = m.bsT[((nb-1)*m.batch+b+4)*16-1]
	dotQ3Kx4AVX2(&w[0], &m.qs[b*m.cols], m.cols, &m.dT[b], 4*m.batch, &m.bsT[b*16], nb, &o)
	m.put4(&o, b, r)
}

func dotQ6Kx4Asm(m *mmTask, w []byte, b, r int) {
	var o [4]float32
	nb := check4(m, w, gguf.TypeQ6_K, 256, b)
	_ = m.bsT[((nb-1)*m.batch+b+4)*16-1]
	dotQ6Kx4AVX2(&w[0], &m.qs[b*m.cols], m.cols, &m.dT[b], 4*m.batch, &m.bsT[b*16], nb, &o)
	m.put4(&o, b, r)
}

func f32ToF16Row(dst []uint16, src []float32) {
	if n := len(dst) &^ 7; hasAVX2 && n > 0 {
		f32ToF16AVX2(&dst[0], &src[0], n)
		dst, src = dst[n:], src[n:]
	}
	f32ToF16RowGeneric(dst, src)
}

func f16ToF32Row(dst []float32, src []uint16) {
	if n := len(dst) &^ 7; hasAVX2 && n > 0 {
		f16ToF32AVX2(&dst[0], &src[0], n)
		dst, src = dst[n:], src[n:]
	}
	f16ToF32RowGeneric(dst, src)
}

func roundF16Row(dst, src []float32) {
	if n := len(dst) &^ 7; hasAVX2 && n > 0 {
		roundF16AVX2(&dst[0], &src[0], n)
		dst, src = dst[n:], src[n:]
	}
	roundF16RowGeneric(dst, src)
}

// quantActQ8_0 quantizes activations for Q4_0/Q5_0/Q8_0 weights; see
// quantActQ8_0Generic.
func quantActQ8_0(x []float32, qs []int8, d, ds []float32) {
	nb := len(d)
	if !hasAVX2 || nb == 0 {
		quantActQ8_0Generic(x, qs, d, ds)
		return
	}
	_, _, _ = x[32*nb-1], qs[32*nb-1], ds[nb-1]
	quantQ8_0AVX2(&x[0], &qs[0], &d[0], &ds[0], nb)
}

// quantActQ8K quantizes activations for K-quant weights; see
// quantActQ8KGeneric.
func quantActQ8K(x []float32, qs []int8, d []float32, bsums []int16) {
	nb := len(d)
	if !hasAVX2 || nb == 0 {
		quantActQ8KGeneric(x, qs, d, bsums)
		return
	}
	_, _, _ = x[256*nb-1], qs[256*nb-1], bsums[16*nb-1]
	quantQ8KAVX2(&x[0], &qs[0], &d[0], nb)
	blockSums(qs[:256*nb], bsums[:16*nb])
}

func addF32(dst, a, b []float32) {
	if n := len(a) &^ 7; hasAVX2 && n > 0 {
		_, _ = dst[n-1], b[n-1]
		addAVX2(&dst[0], &a[0], &b[0], n)
		dst, a, b = dst[n:], a[n:], b[n:]
	}
	addF32Generic(dst, a, b)
}
