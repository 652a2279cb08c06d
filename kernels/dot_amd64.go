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
	ks.exact4 = false // they sum in their own order
	for t, f := range [len(ks.dot)]dotFunc{
		gguf.TypeQ4_0: dotQ4_0Asm, gguf.TypeQ8_0: dotQ8_0Asm, gguf.TypeQ5_0: dotQ5_0Asm,
		gguf.TypeQ4_1: dotQ4_1Asm, gguf.TypeQ5_1: dotQ5_1Asm, gguf.TypeQ2_K: dotQ2KAsm,
		gguf.TypeQ3_K: dotQ3KAsm, gguf.TypeQ4_K: dotQ4KAsm, gguf.TypeQ5_K: dotQ5KAsm,
		gguf.TypeQ6_K: dotQ6KAsm,
	} {
		if f != nil {
			ks.dot[t] = f
		}
	}
	ks.dot[gguf.TypeF32] = func(w []byte, a *act) float32 { return dotF32AsmTail(f32s(w)[:len(a.f)], a.f) }
	ks.dot[gguf.TypeF16] = func(w []byte, a *act) float32 { return dotF16F32AsmTail(u16s(w)[:len(a.f)], a.f) }
	ks.dot[gguf.TypeBF16] = func(w []byte, a *act) float32 { return dotBF16F32AsmTail(u16s(w)[:len(a.f)], a.f) }
	ks.dot4 = [len(ks.dot4)]dot4Func{ // only the real four-column kernels
		gguf.TypeQ4_0: dotQ4_0x4Asm, gguf.TypeQ8_0: dotQ8_0x4Asm, gguf.TypeQ5_0: dotQ5_0x4Asm,
		gguf.TypeQ2_K: dotQ2Kx4Asm, gguf.TypeQ3_K: dotQ3Kx4Asm, gguf.TypeQ4_K: dotQ4Kx4Asm,
		gguf.TypeQ5_K: dotQ5Kx4Asm, gguf.TypeQ6_K: dotQ6Kx4Asm,
		gguf.TypeF16: dotF16x4Asm, gguf.TypeF32: dotF32x4Asm,
	}
	ks.exact1[gguf.TypeQ4_K] = dotQ4KExactAsm  // matches the AVX2 and VNNI dot4
	ks.exact1[gguf.TypeQ8_0] = dotQ8_0ExactAsm // AVX2 and VNNI (not Z, below)
	ks.exact1[gguf.TypeQ4_0] = dotQ4_0ExactAsm // AVX2 and VNNI (not Z, below)
	ks.exact1[gguf.TypeQ5_0] = dotQ5_0ExactAsm // AVX2 only
	ks.exact1[gguf.TypeQ5_K] = dotQ5KExactAsm  // AVX2 only
	ks.exact1[gguf.TypeQ6_K] = dotQ6KExactAsm
	ks.dotNx4[gguf.TypeF16] = dotNx4{dotF16x3x4Asm, 3}
	ks.dotNx4[gguf.TypeF32] = dotNx4{dotF32x2x4Asm, 2}
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
		ks.exact1[gguf.TypeQ4_0] = dotQ4_0ExactZAsm
		ks.interleave[gguf.TypeQ4_0] = true
		ks.dot4[gguf.TypeQ8_0] = dotQ8_0x4ZAsm
		ks.dotNx4[gguf.TypeQ8_0] = dotNx4{dotQ8_0xNx4ZAsm, zRows}
		ks.interleave[gguf.TypeQ8_0] = true
		ks.exact1[gguf.TypeQ8_0] = nil // no exact twin of dotQ8_0x4Z: padded
	}
	return &ks
}()

// hasAVX512VL reports whether the six-row float kernels (dot6x4_avx512_amd64.s)
// can run: they need the 32 YMM registers of AVX-512 (F and VL) on top of
// what the AVX2 kernels need (x/sys/cpu also checks that the OS saves the
// AVX-512 state).
var hasAVX512VL = hasAVX2 && cpu.X86.HasAVX512F && cpu.X86.HasAVX512VL

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

// q8Args returns the arguments of the one-column kernel of t, a type
// whose activations are Q8_0 without sums (Q8_0, MXFP4).
func q8Args(t gguf.TensorType, w []byte, a *act) (*byte, *int8, *float32, int) {
	nb := len(a.d)
	if nb == 0 {
		return nil, nil, nil, 0
	}
	_, _ = w[nb*typeBytes[t]-1], a.qs[nb*32-1]
	return &w[0], &a.qs[0], &a.d[0], nb
}

func dotQ8_0Asm(w []byte, a *act) float32 { return dotQ8_0AVX2(q8Args(gguf.TypeQ8_0, w, a)) }

func dotQ4_0Asm(w []byte, a *act) float32 { return dotQ4_0AVX2(qArgs(gguf.TypeQ4_0, w, a, a.ds)) }
func dotQ5_0Asm(w []byte, a *act) float32 { return dotQ5_0AVX2(qArgs(gguf.TypeQ5_0, w, a, a.ds)) }
func dotQ4_1Asm(w []byte, a *act) float32 { return dotQ4_1AVX2(qArgs(gguf.TypeQ4_1, w, a, a.s)) }
func dotQ5_1Asm(w []byte, a *act) float32 { return dotQ5_1AVX2(qArgs(gguf.TypeQ5_1, w, a, a.s)) }
func dotQ4KAsm(w []byte, a *act) float32  { return dotQ4KAVX2(kArgs(gguf.TypeQ4_K, w, a)) }
func dotQ5KAsm(w []byte, a *act) float32  { return dotQ5KAVX2(kArgs(gguf.TypeQ5_K, w, a)) }
func dotQ6KAsm(w []byte, a *act) float32  { return dotQ6KAVX2(kArgs(gguf.TypeQ6_K, w, a)) }
func dotQ2KAsm(w []byte, a *act) float32  { return dotQ2KAVX2(kArgs(gguf.TypeQ2_K, w, a)) }

// The exact one-column kernels (see kernelSet.exact1).
func dotQ4KExactAsm(w []byte, a *act) float32 { return dotQ4KExactAVX2(kArgs(gguf.TypeQ4_K, w, a)) }
func dotQ4_0ExactZAsm(w []byte, a *act) float32 {
	return dotQ4_0ExactZ(qArgs(gguf.TypeQ4_0, w, a, a.ds))
}
func dotQ8_0ExactAsm(w []byte, a *act) float32 {
	return dotQ8_0ExactAVX2(q8Args(gguf.TypeQ8_0, w, a))
}
func dotQ4_0ExactAsm(w []byte, a *act) float32 {
	return dotQ4_0ExactAVX2(qArgs(gguf.TypeQ4_0, w, a, a.ds))
}
func dotQ5_0ExactAsm(w []byte, a *act) float32 {
	return dotQ5_0ExactAVX2(qArgs(gguf.TypeQ5_0, w, a, a.ds))
}
func dotQ5KExactAsm(w []byte, a *act) float32 { return dotQ5KExactAVX2(kArgs(gguf.TypeQ5_K, w, a)) }
func dotQ6KExactAsm(w []byte, a *act) float32 { return dotQ6KExactAVX2(kArgs(gguf.TypeQ6_K, w, a)) }
func dotQ3KAsm(w []byte, a *act) float32      { return dotQ3KAVX2(kArgs(gguf.TypeQ3_K, w, a)) }

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

// putNx4 stores a result of len(o)/4 rows and four columns: o[4*k+c] is
// row r+k of column b+c.
func (m *mmTask) putNx4(o []float32, b, r int) {
	for k := range len(o) / 4 {
		for c := range 4 {
			m.out[(b+c)*m.rows+r+k] = o[4*k+c]
		}
	}
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

// checkK4 is check4 for a K-quant row (256-value blocks) and also covers the
// activations' block sums (m.bsT) that the K-quant kernels read.
func checkK4(m *mmTask, w []byte, t gguf.TensorType, b int) (nb int) {
	nb = check4(m, w, t, 256, b)
	_ = m.bsT[((nb-1)*m.batch+b+4)*16-1]
	return nb
}

// zRows is how many weight rows one dotQ4_0x4Z call of MatMul does.
const zRows = 8
